// SPDX-License-Identifier: MIT
// Diagnostic sentences of the CSV reader: what is wrong, then what was done about it.
#include "csv_messages.hpp"

#include "csv_mapping.hpp"

namespace contact_audit::importers::csv {

namespace {

constexpr std::size_t k_listed_names = 20;
constexpr std::size_t k_name_bytes = 60;
constexpr std::string_view k_mapping_hint =
    "supply a column mapping with --csv-mapping FILE (see docs/csv-mapping.md)";

std::string counted(std::size_t count, std::string_view singular, std::string_view plural)
{
  return std::to_string(count) + ' ' + std::string(count == 1 ? singular : plural);
}

std::string size_text(std::size_t bytes)
{
  constexpr std::size_t mib = 1024 * 1024;
  if (bytes % mib == 0) {
    return std::to_string(bytes / mib) + " MiB";
  }
  if (bytes % 1024 == 0) {
    return std::to_string(bytes / 1024) + " KiB";
  }
  return std::to_string(bytes) + " bytes";
}

// A header name as it may appear in a message: one line, not too long, cut on a character boundary.
std::string shown_name(std::string_view name)
{
  std::string text;
  for (const char c : name) {
    if (text.size() >= k_name_bytes && (static_cast<unsigned char>(c) & 0xC0) != 0x80) {
      return text + "...";
    }
    text += static_cast<unsigned char>(c) < 0x20 ? ' ' : c;
  }
  return text;
}

// "A", "B" and 3 more
std::string quoted_list(const std::vector<std::string>& names)
{
  std::string text;
  for (std::size_t i = 0; i < names.size() && i < k_listed_names; ++i) {
    text += i == 0 ? "\"" : ", \"";
    text += shown_name(names[i]);
    text += '"';
  }
  if (names.size() > k_listed_names) {
    text += " and " + std::to_string(names.size() - k_listed_names) + " more";
  }
  return text;
}

std::string_view separator_name(char separator, bool plural)
{
  switch (separator) {
  case ';':
    return plural ? "semicolons" : "semicolon";
  case '\t':
    return plural ? "tabs" : "tab";
  default:
    return plural ? "commas" : "comma";
  }
}

std::string_view field_label(Field field)
{
  switch (field) {
  case Field::display_name:
    return "display name";
  case Field::given:
    return "given name";
  case Field::additional:
    return "additional name";
  case Field::family:
    return "family name";
  case Field::organisation:
    return "organisation";
  case Field::phone:
    return "phone";
  case Field::email:
    return "e-mail";
  default:
    return "";
  }
}

} // namespace

std::string unmappable_header_message(const std::vector<std::string>& names,
                                      const MappingSpec* mapping)
{
  const std::string found =
      names.empty() ? std::string("no columns were found") : "columns found: " + quoted_list(names);
  if (mapping != nullptr) {
    return "The mapping file \"" + mapping->file.string() +
           "\" maps no column of the header row to a name, organisation, phone number or e-mail "
           "address (" +
           found + "); nothing was imported. Correct the mapping (see docs/csv-mapping.md).";
  }
  return "The header row matches no known address-book format and names no column for a name, "
         "organisation, phone number or e-mail address (" +
         found + "); nothing was imported. To import this file, " + std::string(k_mapping_hint) +
         ".";
}

std::string unknown_columns_message(const std::vector<std::string>& names)
{
  return "The header names " + counted(names.size(), "column", "columns") +
         " that no known address-book format uses: " + quoted_list(names) +
         (names.size() == 1 ? "; its values were not imported."
                            : "; their values were not imported.") +
         " If they hold names, phone numbers or e-mail addresses, " + std::string(k_mapping_hint) +
         ".";
}

std::string missing_mapped_message(const std::vector<std::string>& names,
                                   const std::filesystem::path& mapping_file)
{
  return "The mapping file \"" + mapping_file.string() + "\" names " +
         counted(names.size(), "column", "columns") +
         " that the header row does not have: " + quoted_list(names) +
         (names.size() == 1 ? "; it was not used." : "; they were not used.");
}

std::string headerless_message(const HeaderLayout& layout)
{
  std::string assigned;
  for (std::size_t i = 0; i < layout.columns.size(); ++i) {
    const std::string_view label = field_label(layout.columns[i].field);
    if (!label.empty()) {
      assigned += assigned.empty() ? "" : ", ";
      assigned += "column " + std::to_string(i + 1) + ' ' + std::string(label);
    }
  }
  return "The first row holds an e-mail address or phone number and no known column name, so the "
         "file was read as having no header row and the columns were assigned from their values: " +
         assigned + ". If this is wrong, " + std::string(k_mapping_hint) + ".";
}

std::string unterminated_quote_message(std::size_t max_record_bytes)
{
  return "A quoted field opens on this line but its closing quote is missing (not found within " +
         size_text(max_record_bytes) +
         " or before the end of the file); the field was ended at the end of this line and the "
         "lines after it were read as rows of their own.";
}

std::string too_long_message(std::size_t max_record_bytes)
{
  return "The row is longer than " + size_text(max_record_bytes) + "; it was skipped.";
}

std::string header_too_long_message(std::size_t max_record_bytes)
{
  return "The first row is longer than " + size_text(max_record_bytes) +
         ", so it is neither a header nor a contact; nothing was imported.";
}

std::string mixed_separators_message(char file_separator, char used_separator)
{
  return "The row does not split at the file's separator (" +
         std::string(separator_name(file_separator, false)) + ") but does at " +
         std::string(separator_name(used_separator, true)) + "; it was split at " +
         std::string(separator_name(used_separator, true)) + ".";
}

std::string too_many_cells_message(std::size_t max_cells, std::size_t dropped, bool header)
{
  return std::string(header ? "The header row has more than " : "The row has more than ") +
         std::to_string(max_cells) + " cells; the " +
         counted(dropped, "non-empty cell", "non-empty cells") + " after that " +
         (dropped == 1 ? "was" : "were") + " dropped.";
}

std::string extra_cells_message(std::size_t extra)
{
  return extra == 1
             ? std::string(
                   "The row has 1 value in a column that the header does not name; it was dropped.")
             : "The row has " + std::to_string(extra) +
                   " values in columns that the header does not name; they were dropped.";
}

std::string invalid_utf8_message(std::size_t values)
{
  return counted(values, "value is", "values are") +
         " not valid UTF-8 although the file was read as UTF-8, the first on this line; the "
         "invalid bytes were replaced with U+FFFD. If the file uses another encoding, give it "
         "with --encoding (e.g. windows-1252).";
}

std::string mojibake_message(std::size_t values)
{
  return counted(values, "value contains", "values contain") +
         " the replacement character U+FFFD, the first on this line: an earlier lossy conversion "
         "destroyed characters (usually umlauts). The text was kept as it is; column names were "
         "matched with U+FFFD standing for one umlaut.";
}

std::string double_encoded_message(std::size_t values)
{
  return counted(values, "value looks", "values look") +
         " like UTF-8 that was decoded twice (\"M\xC3\x83\xC2\xBCller\" for \"M\xC3\xBCller\"), "
         "the "
         "first on this line; the text was kept as it is.";
}

std::string nul_bytes_message(std::size_t bytes)
{
  return "The file contains " + counted(bytes, "NUL byte", "NUL bytes") +
         ", the first on this line; " + (bytes == 1 ? "it was" : "they were") + " removed.";
}

} // namespace contact_audit::importers::csv
