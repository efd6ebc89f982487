// SPDX-License-Identifier: MIT
// The sentences of the CSV reader's diagnostics, kept in one place so they stay consistent.
#pragma once

#include "csv_columns.hpp"

#include <cstddef>
#include <filesystem>
#include <string>
#include <vector>

namespace contact_audit::importers::csv {

// Values of a file damaged in one way, and the line of the first.
struct TextDamage
{
  std::size_t values = 0;
  std::size_t first_line = 0;

  void add(std::size_t count, std::size_t line)
  {
    if (count > 0 && values == 0) {
      first_line = line;
    }
    values += count;
  }
};

// Each function returns one complete English sentence (or two) for a diagnostic
// or InputError: what is wrong, then what was done about it. The codes are set by the caller.
std::string unmappable_header_message(const std::vector<std::string>& names,
                                      const MappingSpec* mapping);
std::string unknown_columns_message(const std::vector<std::string>& names);
std::string missing_mapped_message(const std::vector<std::string>& names,
                                   const std::filesystem::path& mapping_file);
std::string headerless_message(const HeaderLayout& layout);
std::string unterminated_quote_message(std::size_t max_record_bytes);
std::string too_long_message(std::size_t max_record_bytes);
// A first row too long to be kept (csv.header.too-long).
std::string header_too_long_message(std::size_t max_record_bytes);
std::string mixed_separators_message(char file_separator, char used_separator);
std::string too_many_cells_message(std::size_t max_cells, std::size_t dropped, bool header);
std::string extra_cells_message(std::size_t extra);
std::string invalid_utf8_message(std::size_t values);
std::string mojibake_message(std::size_t values);
std::string double_encoded_message(std::size_t values);
std::string nul_bytes_message(std::size_t bytes);

} // namespace contact_audit::importers::csv
