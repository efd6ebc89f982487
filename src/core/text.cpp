// SPDX-License-Identifier: MIT
// ASCII-only text helpers; Unicode-aware work goes through ICU in the importers.
#include <contact_audit/core/text.hpp>

#include <algorithm>

namespace contact_audit {

namespace {
char lower(char c)
{
  return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}
} // namespace

std::string to_lower_ascii(std::string_view text)
{
  std::string result(text);
  std::transform(result.begin(), result.end(), result.begin(), lower);
  return result;
}

bool iequals_ascii(std::string_view a, std::string_view b)
{
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return lower(x) == lower(y);
         });
}

bool istarts_with_ascii(std::string_view text, std::string_view prefix)
{
  return text.size() >= prefix.size() && iequals_ascii(text.substr(0, prefix.size()), prefix);
}

std::string_view trim(std::string_view text)
{
  const auto is_space = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
  while (!text.empty() && is_space(text.front())) {
    text.remove_prefix(1);
  }
  while (!text.empty() && is_space(text.back())) {
    text.remove_suffix(1);
  }
  return text;
}

std::vector<std::string_view> split(std::string_view text, char separator)
{
  std::vector<std::string_view> parts;
  std::size_t start = 0;
  for (;;) {
    const auto end = text.find(separator, start);
    if (end == std::string_view::npos) {
      parts.push_back(text.substr(start));
      return parts;
    }
    parts.push_back(text.substr(start, end - start));
    start = end + 1;
  }
}

bool is_valid_utf8(std::string_view text)
{
  std::size_t i = 0;
  while (i < text.size()) {
    const auto c = static_cast<unsigned char>(text[i]);
    std::size_t length = 0;
    char32_t minimum = 0;
    if (c < 0x80) {
      ++i;
      continue;
    }
    if ((c & 0xE0) == 0xC0) {
      length = 2;
      minimum = 0x80;
    } else if ((c & 0xF0) == 0xE0) {
      length = 3;
      minimum = 0x800;
    } else if ((c & 0xF8) == 0xF0) {
      length = 4;
      minimum = 0x10000;
    } else {
      return false;
    }
    if (i + length > text.size()) {
      return false;
    }
    char32_t code_point = c & (0x7F >> length);
    for (std::size_t k = 1; k < length; ++k) {
      const auto next = static_cast<unsigned char>(text[i + k]);
      if ((next & 0xC0) != 0x80) {
        return false;
      }
      code_point = (code_point << 6) | (next & 0x3F);
    }
    if (code_point < minimum || code_point > 0x10FFFF ||
        (code_point >= 0xD800 && code_point <= 0xDFFF)) {
      return false;
    }
    i += length;
  }
  return true;
}

std::string mask_email(std::string_view email)
{
  const auto at = email.rfind('@');
  if (at == std::string_view::npos || at == 0) {
    return "***";
  }
  // The whole first character, not its first byte: "ä***@web.de" stays valid UTF-8.
  std::size_t first = 1;
  while (first < at && (static_cast<unsigned char>(email[first]) & 0xC0U) == 0x80U) {
    ++first;
  }
  return std::string(email.substr(0, first)) + "***" + std::string(email.substr(at));
}

std::string fill(std::string_view text,
                 std::initializer_list<std::pair<std::string_view, std::string>> values)
{
  std::string out;
  out.reserve(text.size() + 32);
  std::size_t pos = 0;
  while (pos < text.size()) {
    const std::size_t open = text.find('{', pos);
    if (open == std::string_view::npos) {
      break;
    }
    const std::size_t close = text.find('}', open + 1);
    if (close == std::string_view::npos) {
      break;
    }
    out.append(text.substr(pos, open - pos));
    const std::string_view name = text.substr(open + 1, close - open - 1);
    const std::string* value = nullptr;
    for (const auto& [key, replacement] : values) {
      if (key == name) {
        value = &replacement;
        break;
      }
    }
    if (value != nullptr) {
      out += *value;
    } else {
      out.append(text.substr(open, close - open + 1));
    }
    pos = close + 1;
  }
  out.append(text.substr(pos));
  return out;
}

} // namespace contact_audit
