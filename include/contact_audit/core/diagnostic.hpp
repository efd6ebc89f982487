// SPDX-License-Identifier: MIT
// Diagnostics: one problem in an input file, and the sinks that collect them.
#pragma once

#include <array>
#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace contact_audit {

enum class Severity
{
  info,
  warning,
  error,
};

std::string_view to_string(Severity severity);

// One problem in an input file. `message` is a complete sentence saying what is
// wrong and what was done about it; `code` (e.g. "vcard.tel.invalid") is stable
// and keys translations.
struct Diagnostic
{
  std::filesystem::path file;
  std::size_t line = 0; // 1-based; 0 when the whole file is concerned.
  Severity severity = Severity::error;
  std::string code;
  std::string message;
};

// "file:line: message" (or "file: message" when line is 0), the form printed on stderr.
std::string format(const Diagnostic& diagnostic);

// Receives diagnostics as a reader produces them. Not thread-safe: each reader
// reports from the thread that calls it.
class DiagnosticSink
{
public:
  virtual ~DiagnosticSink() = default;
  virtual void report(Diagnostic diagnostic) = 0;
};

// Keeps every diagnostic in order and counts them per severity.
class CollectingSink final : public DiagnosticSink
{
public:
  void report(Diagnostic diagnostic) override;

  const std::vector<Diagnostic>& diagnostics() const { return m_diagnostics; }
  std::size_t count(Severity severity) const;
  void clear();

private:
  std::vector<Diagnostic> m_diagnostics;
  std::array<std::size_t, 3> m_counts{};
};

} // namespace contact_audit
