// SPDX-License-Identifier: MIT
// Choosing the separator of a CSV file from a sample of its first rows.
#include "csv_tokenizer.hpp"

#include <array>
#include <map>

namespace contact_audit::importers::csv {

namespace {

constexpr std::array<char, 3> k_separators{',', ';', '\t'};

// Cells per record for `separator`, honouring quotes the way the tokenizer does.
std::vector<std::size_t>
cells_per_record(std::string_view text, char separator, std::size_t max_records, bool complete)
{
  std::vector<std::size_t> counts;
  std::size_t cells = 1;
  bool in_quotes = false;
  bool field_start = true;
  bool any = false;
  for (std::size_t i = 0; i < text.size() && counts.size() < max_records; ++i) {
    const char c = text[i];
    if (in_quotes) {
      if (c == '"') {
        // RFC 4180 §2.7: a doubled quote inside a quoted field is one literal quote.
        if (i + 1 < text.size() && text[i + 1] == '"') {
          ++i;
        } else {
          in_quotes = false;
        }
      }
      continue;
    }
    if (c == '\r' || c == '\n') {
      if (any) {
        counts.push_back(cells);
      }
      cells = 1;
      any = false;
      field_start = true;
      continue;
    }
    any = true;
    if (c == separator) {
      ++cells;
      field_start = true;
    } else {
      in_quotes = c == '"' && field_start;
      field_start = false;
    }
  }
  if (complete && any && counts.size() < max_records) {
    counts.push_back(cells);
  }
  return counts;
}

} // namespace

SeparatorChoice choose_separator(std::string_view sample, std::size_t max_records, bool complete)
{
  SeparatorChoice best;
  std::size_t best_agreeing = 0;
  for (const char separator : k_separators) {
    // Records that split into one cell say nothing about this candidate.
    std::map<std::size_t, std::size_t> frequency;
    for (const std::size_t cells : cells_per_record(sample, separator, max_records, complete)) {
      if (cells > 1) {
        ++frequency[cells];
      }
    }
    for (const auto& [columns, agreeing] : frequency) {
      if (agreeing > best_agreeing || (agreeing == best_agreeing && columns > best.columns)) {
        best = {separator, columns};
        best_agreeing = agreeing;
      }
    }
  }
  return best;
}

} // namespace contact_audit::importers::csv
