// SPDX-License-Identifier: MIT
// Helpers shared by the CSV reader tests: read a whole input and keep what came out.
#pragma once

#include "importers/csv/csv_reader.hpp"

#include <contact_audit/core/diagnostic.hpp>
#include <contact_audit/importers/reader.hpp>

#include <doctest/doctest.h>

#include <algorithm>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

namespace csv_test {

using namespace contact_audit;

struct ReadResult
{
  std::vector<contact::Contact> contacts;
  std::vector<Diagnostic> diagnostics;
  importers::ReaderStats stats;

  // The diagnostic with `code`, or nullptr.
  const Diagnostic* find(std::string_view code) const
  {
    const auto found = std::find_if(diagnostics.begin(),
                                    diagnostics.end(),
                                    [&](const Diagnostic& d) { return d.code == code; });
    return found == diagnostics.end() ? nullptr : &*found;
  }

  std::size_t count(std::string_view code) const
  {
    return static_cast<std::size_t>(
        std::count_if(diagnostics.begin(), diagnostics.end(), [&](const Diagnostic& d) {
          return d.code == code;
        }));
  }

  std::vector<std::string> codes() const
  {
    std::vector<std::string> result;
    for (const Diagnostic& diagnostic : diagnostics) {
      result.push_back(diagnostic.code);
    }
    return result;
  }
};

// Read every contact of `bytes` (named `file` in diagnostics).
inline ReadResult read_csv(std::string bytes,
                           const importers::ReadOptions& options = {},
                           const importers::csv::CsvLimits& limits = {},
                           const std::string& file = "test.csv")
{
  ReadResult result;
  CollectingSink sink;
  auto reader = importers::csv::make_reader(
      std::make_unique<std::istringstream>(std::move(bytes)), file, options, limits);
  while (auto contact = reader->next(sink)) {
    result.contacts.push_back(std::move(*contact));
  }
  CHECK_FALSE(reader->next(sink)); // Stays at the end, and reports nothing twice.
  result.diagnostics = sink.diagnostics();
  result.stats = reader->stats();
  return result;
}

// The canonical types of `phone` joined with spaces ("work voice").
template <typename Entry> std::string types_of(const Entry& entry)
{
  std::string text;
  for (const std::string& type : entry.types) {
    text += text.empty() ? type : ' ' + type;
  }
  return text;
}

} // namespace csv_test
