// SPDX-License-Identifier: MIT
// What each CSV column means: built-in profiles, header matching and header-less inference.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace contact_audit::importers::csv {

struct MappingSpec;

// The contact field a column fills.
enum class Field : std::uint8_t
{
  unknown, // Matched no known name: reported once per file, values ignored.
  ignore,  // A known column whose values are not kept (birthday, notes, ...).
  display_name,
  given,
  additional,
  family,
  prefix,
  suffix,
  organisation,
  department,
  title,
  role,
  phone,
  area_code, // Joined in front of the number of a phone column ("Vorwahl" + "Telefonnummer").
  email,
  category,
  uid,
  address,    // Any address part: only the existence and type of an address is kept.
  type_label, // Google "Phone 2 - Type": the types of the value column of the same group.
};

constexpr std::size_t k_no_column = static_cast<std::size_t>(-1);

struct ColumnRole
{
  Field field = Field::unknown;
  std::vector<std::string> types; // Canonical type words (contact.hpp).
  std::string label;              // Free-text label given to phones/e-mails of this column.
  bool preferred = false;
  bool unnamed = false;                  // The header cell is empty (e.g. a trailing separator).
  std::string group;                     // Columns of one group: "phone 2", address "work", ...
  std::size_t type_column = k_no_column; // Column whose value adds types (Google).
  std::size_t area_code_column = k_no_column; // Phone: column holding its area code.
};

// The meaning of every column of one file.
struct HeaderLayout
{
  std::vector<std::string> names; // As in the header; "column N" for files without one.
  std::vector<ColumnRole> columns;
  std::string profile; // "google-old", ..., "generic", "mapping", "headerless".
  std::vector<std::string> unknown_columns;
  std::vector<std::string> missing_mapped_columns; // Named in the mapping, absent from the file.
};

// Fold a header name for tolerant matching: ASCII lower case, umlauts and ß
// spelled out ("ä" -> "ae"), gender endings ("/r", "/der", "(in)") dropped, and
// everything but letters, digits and non-ASCII characters removed. U+FFFD stays.
std::string normalise_header_name(std::string_view name);

// True when `key` equals `alias_key` with each U+FFFD in `key` standing for one
// umlaut or ß ("ae", "oe", "ue", "ss") or one non-ASCII character.
bool fuzzy_name_match(std::string_view key, std::string_view alias_key);

// The text `name` had before it was decoded twice ("MÃ¼ller" -> "Müller"), if it looks so.
std::optional<std::string> undo_double_encoding(std::string_view name);

// The role of a column named `key` (normalised) in built-in profile `profile`
// (an index into profile_names()), or nullptr.
const ColumnRole* find_profile_column(std::size_t profile, std::string_view key);

// Google's numbered columns ("E-mail 3 - Value", "Phone 12 - Type"): the role,
// or nullopt when `name` is not one. `part_kind` gets "type" or "label" (the
// two export formats' type columns), "organization", or "value" for the rest.
std::optional<ColumnRole> google_numbered_column(std::string_view name, std::string* part_kind);

// Names of the built-in profiles in detection order (ties go to the earlier one).
const std::vector<std::string_view>& profile_names();

// Decide the layout from the header `names`; `mapping` (may be null) takes
// precedence over the built-in profiles. Never throws.
HeaderLayout resolve_header(const std::vector<std::string>& names, const MappingSpec* mapping);

// A layout for a file without header, from the positions in `mapping`; `width` is
// the number of cells of the first row.
HeaderLayout layout_from_positions(const MappingSpec& mapping, std::size_t width);

// Guess the layout of a file without header from the values of its first rows:
// e-mail-like and phone-like columns, and name columns (a column that is the
// other two joined by a space is display name, given and family name). Nullopt
// when no column can be identified.
std::optional<HeaderLayout> infer_layout(const std::vector<std::vector<std::string>>& rows);

// True when some column gives a name, organisation, phone number or e-mail address.
bool has_identifying_column(const HeaderLayout& layout);

// True when `value` looks like an e-mail address / a phone number.
bool looks_like_email(std::string_view value);
bool looks_like_phone(std::string_view value);

// `text` with every byte sequence that is not valid UTF-8 replaced by U+FFFD.
std::string replace_invalid_utf8(std::string_view text);

} // namespace contact_audit::importers::csv
