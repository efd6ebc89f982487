// SPDX-License-Identifier: MIT
// Tolerant header-name matching and the value shapes used to spot a missing header.
#include "csv_columns.hpp"

#include <contact_audit/core/text.hpp>

#include <algorithm>
#include <array>
#include <utility>

namespace contact_audit::importers::csv {

namespace {

constexpr std::string_view k_replacement = "\xEF\xBF\xBD"; // U+FFFD in UTF-8.

// German umlauts and ß (both cases) spelled out, so "Straße" matches "Strasse".
constexpr std::array<std::pair<std::string_view, std::string_view>, 8> k_spelled_out{{
    {"\xC3\xA4", "ae"},
    {"\xC3\x84", "ae"},
    {"\xC3\xB6", "oe"},
    {"\xC3\x96", "oe"},
    {"\xC3\xBC", "ue"},
    {"\xC3\x9C", "ue"},
    {"\xC3\x9F", "ss"},
    {"\xE1\xBA\x9E", "ss"},
}};

// Endings that make a German word gender-neutral ("Weiteres/r", "des/der",
// "Assistent(in)"); Outlook versions differ only in them.
constexpr std::array<std::string_view, 7> k_gender_endings{
    "/innen", "/der", "/in", "/r", "/e", "(in)", "(r)"};

bool is_ascii_letter(char c)
{
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

std::size_t gender_ending_at(std::string_view text, std::size_t at)
{
  for (const std::string_view ending : k_gender_endings) {
    if (text.compare(at, ending.size(), ending) == 0) {
      const std::size_t after = at + ending.size();
      if (after == text.size() || !is_ascii_letter(text[after])) {
        return ending.size();
      }
    }
  }
  return 0;
}

std::size_t utf8_length(unsigned char lead)
{
  if (lead >= 0xF0) {
    return 4;
  }
  if (lead >= 0xE0) {
    return 3;
  }
  return lead >= 0xC0 ? 2 : 1;
}

// cp1252 bytes 0x80-0x9F as Unicode code points; a byte read as cp1252 came from one of them.
constexpr std::array<char32_t, 32> k_cp1252_high{
    0x20AC, 0x81,   0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0x8D,   0x017D, 0x8F,   0x90,   0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D,   0x017E, 0x0178};

// The cp1252 byte that decodes to `code_point`, or -1.
int cp1252_byte(char32_t code_point)
{
  if (code_point < 0x80 || (code_point >= 0xA0 && code_point <= 0xFF)) {
    return static_cast<int>(code_point);
  }
  const auto* found = std::find(k_cp1252_high.begin(), k_cp1252_high.end(), code_point);
  return found == k_cp1252_high.end() ? -1
                                      : static_cast<int>(0x80 + (found - k_cp1252_high.begin()));
}

char32_t decode_at(std::string_view text, std::size_t at, std::size_t length)
{
  const auto lead = static_cast<unsigned char>(text[at]);
  char32_t code_point = length == 1 ? lead : (lead & (0xFF >> (length + 1)));
  for (std::size_t i = 1; i < length; ++i) {
    code_point = (code_point << 6) | (static_cast<unsigned char>(text[at + i]) & 0x3F);
  }
  return code_point;
}

} // namespace

std::string normalise_header_name(std::string_view name)
{
  std::string key;
  key.reserve(name.size());
  std::size_t i = 0;
  while (i < name.size()) {
    if (const std::size_t skip = gender_ending_at(name, i); skip > 0) {
      i += skip;
      continue;
    }
    const char c = name[i];
    const auto byte = static_cast<unsigned char>(c);
    if (byte < 0x80) {
      if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
        key += c;
      } else if (c >= 'A' && c <= 'Z') {
        key += static_cast<char>(c - 'A' + 'a');
      }
      ++i;
      continue;
    }
    const std::size_t length = std::min(utf8_length(byte), name.size() - i);
    const std::string_view character = name.substr(i, length);
    const auto* spelled = std::find_if(k_spelled_out.begin(),
                                       k_spelled_out.end(),
                                       [&](const auto& entry) { return entry.first == character; });
    key += spelled != k_spelled_out.end() ? spelled->second : character;
    i += length;
  }
  return key;
}

bool fuzzy_name_match(std::string_view key, std::string_view alias_key)
{
  while (!key.empty() && key.substr(0, k_replacement.size()) != k_replacement) {
    if (alias_key.empty() || key.front() != alias_key.front()) {
      return false;
    }
    key.remove_prefix(1);
    alias_key.remove_prefix(1);
  }
  if (key.empty()) {
    return alias_key.empty();
  }
  // The converter that left U+FFFD replaced one umlaut or ß; the alias spells those out.
  const std::string_view rest = key.substr(k_replacement.size());
  for (const std::string_view spelled : {"ae", "oe", "ue", "ss"}) {
    if (alias_key.substr(0, 2) == spelled && fuzzy_name_match(rest, alias_key.substr(2))) {
      return true;
    }
  }
  if (!alias_key.empty() && static_cast<unsigned char>(alias_key.front()) >= 0x80) {
    const std::size_t length =
        std::min(utf8_length(static_cast<unsigned char>(alias_key.front())), alias_key.size());
    return fuzzy_name_match(rest, alias_key.substr(length));
  }
  return false;
}

std::optional<std::string> undo_double_encoding(std::string_view name)
{
  if (!is_valid_utf8(name)) {
    return std::nullopt;
  }
  std::string bytes;
  bool changed = false;
  for (std::size_t i = 0; i < name.size();) {
    const std::size_t length = utf8_length(static_cast<unsigned char>(name[i]));
    const int byte = cp1252_byte(decode_at(name, i, length));
    if (byte < 0) {
      return std::nullopt;
    }
    changed = changed || byte >= 0x80;
    bytes += static_cast<char>(byte);
    i += length;
  }
  if (!changed || !is_valid_utf8(bytes)) {
    return std::nullopt;
  }
  return bytes;
}

bool looks_like_email(std::string_view value)
{
  value = trim(value);
  const std::size_t at = value.find('@');
  if (at == 0 || at == std::string_view::npos ||
      value.find('@', at + 1) != std::string_view::npos) {
    return false;
  }
  const std::string_view domain = value.substr(at + 1);
  const std::size_t dot = domain.find('.');
  return dot != std::string_view::npos && dot > 0 && dot + 1 < domain.size() &&
         value.find_first_of(" ,;\t") == std::string_view::npos;
}

bool looks_like_phone(std::string_view value)
{
  value = trim(value);
  std::size_t digits = 0;
  for (const char c : value) {
    if (c >= '0' && c <= '9') {
      ++digits;
    } else if (std::string_view(" +-()/.").find(c) == std::string_view::npos) {
      return false;
    }
  }
  // Shorter runs of digits are postcodes, house numbers or counters, not numbers to dial.
  return digits >= 6 && digits <= 20;
}

std::string replace_invalid_utf8(std::string_view text)
{
  std::string result;
  result.reserve(text.size());
  std::size_t i = 0;
  while (i < text.size()) {
    const std::size_t length = utf8_length(static_cast<unsigned char>(text[i]));
    if (i + length <= text.size() && is_valid_utf8(text.substr(i, length))) {
      result.append(text.substr(i, length));
      i += length;
    } else {
      result.append(k_replacement);
      ++i;
    }
  }
  return result;
}

} // namespace contact_audit::importers::csv
