// SPDX-License-Identifier: MIT
// A user-supplied TOML file that says which CSV column holds which contact field.
#pragma once

#include "csv_columns.hpp"

#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace contact_audit::importers::csv {

struct MappedColumn
{
  std::string name;         // Header name (files with a header).
  std::size_t position = 0; // 1-based column number (files without a header).
  ColumnRole role;
};

// The content of a mapping file; the format is specified in docs/csv-mapping.md.
struct MappingSpec
{
  std::filesystem::path file;
  char separator = '\0'; // '\0': detect.
  bool has_header = true;
  bool builtin = false; // Columns the mapping does not name go through the built-in profiles.
  std::string encoding; // Empty: detect (ReadOptions::encoding wins over it).
  std::vector<MappedColumn> columns;
};

// Parse mapping `text` read from `file`. Every problem is collected first; then
// InputError is thrown with one "file:line:column: what is wrong" line per problem.
MappingSpec parse_mapping(std::string_view text, const std::filesystem::path& file);

// Read and parse the mapping file `file`. Throws InputError when it cannot be read or is invalid.
MappingSpec load_mapping(const std::filesystem::path& file);

// The names accepted for `field = "..."` in a mapping file, in documentation order.
const std::vector<std::string_view>& mapping_field_names();

} // namespace contact_audit::importers::csv
