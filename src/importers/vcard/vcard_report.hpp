// SPDX-License-Identifier: MIT
// Sends the vCard reader's diagnostics, stamped with the file, to the caller's sink.
#pragma once

#include <contact_audit/core/diagnostic.hpp>

#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>
#include <utility>

namespace contact_audit::importers::vcard {

// Holds the file name and the sink of the current next() call. Not thread-safe.
class Reporter
{
public:
  explicit Reporter(std::filesystem::path file) : m_file(std::move(file)) {}

  const std::filesystem::path& file() const { return m_file; }
  // The sink stays borrowed until the next call; it must outlive the reports made meanwhile.
  void set_sink(DiagnosticSink& sink) { m_sink = &sink; }

  // Report a problem at `line` (0: the whole file). `message` is a complete sentence
  // that says what is wrong and what was done.
  void report(std::size_t line, Severity severity, std::string_view code, std::string message) const
  {
    if (m_sink != nullptr) {
      m_sink->report(Diagnostic{m_file, line, severity, std::string(code), std::move(message)});
    }
  }

  // `text` from the input in double quotes, cut short so a hostile file cannot make a
  // diagnostic large.
  static std::string quote(std::string_view text)
  {
    constexpr std::size_t k_max_quoted = 32;
    return "\"" + std::string(text.substr(0, k_max_quoted)) +
           (text.size() > k_max_quoted ? "...\"" : "\"");
  }

private:
  std::filesystem::path m_file;
  DiagnosticSink* m_sink = nullptr;
};

} // namespace contact_audit::importers::vcard
