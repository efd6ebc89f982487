// SPDX-License-Identifier: MIT
// Masking of phone numbers for reports, logs and diagnostic messages.
#include <contact_audit/phone/normaliser.hpp>

#include <phonenumbers/phonenumberutil.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <cstdint>

namespace contact_audit::phone {

namespace {

// One code point of the text being masked, as a byte range.
struct CodePoint
{
  std::size_t begin = 0;
  std::size_t end = 0;
  UChar32 value = 0; // Negative for an invalid UTF-8 sequence.
};

CodePoint next_code_point(std::string_view text, std::size_t begin)
{
  CodePoint point{.begin = begin};
  auto offset = static_cast<std::int32_t>(begin);
  U8_NEXT(text.data(), offset, static_cast<std::int32_t>(text.size()), point.value);
  point.end = static_cast<std::size_t>(offset);
  return point;
}

// Letters count because they may be vanity digits ("0800 FLOWERS"); broken
// UTF-8 counts so that it is never copied into a message.
bool is_significant(UChar32 value)
{
  return value < 0 || u_isalnum(value) != 0;
}

bool is_plus(UChar32 value)
{
  return value == '+' || value == 0xFF0B; // U+FF0B FULLWIDTH PLUS SIGN.
}

// Number of significant code points after a leading plus that form a known
// country calling code (1 to 3 digits; calling codes are prefix-free), else 0.
std::size_t country_code_length(std::string_view text)
{
  bool plus_seen = false;
  int code = 0;
  std::size_t digits = 0;
  const auto& util = *i18n::phonenumbers::PhoneNumberUtil::GetInstance();
  for (std::size_t i = 0; i < text.size() && digits < 3;) {
    const auto point = next_code_point(text, i);
    i = point.end;
    if (!plus_seen) {
      if (is_plus(point.value)) {
        plus_seen = true;
      } else if (is_significant(point.value)) {
        return 0;
      }
      continue;
    }
    if (!is_significant(point.value)) {
      continue;
    }
    const auto digit = u_charDigitValue(point.value);
    if (digit < 0) {
      return 0;
    }
    code = code * 10 + digit;
    ++digits;
    std::string region;
    util.GetRegionCodeForCountryCode(code, &region);
    if (region != "ZZ") {
      return digits;
    }
  }
  return 0;
}

std::size_t count_significant(std::string_view text)
{
  std::size_t count = 0;
  for (std::size_t i = 0; i < text.size();) {
    const auto point = next_code_point(text, i);
    i = point.end;
    count += is_significant(point.value) ? 1 : 0;
  }
  return count;
}

} // namespace

std::string mask(std::string_view number)
{
  const auto country_code = country_code_length(number);
  const auto national = count_significant(number) - country_code;
  // Long numbers keep their head (the operator or area code, useful when reading
  // a report) and tail; short ones would be revealed by that, so only the tail stays.
  const std::size_t head = national >= 8 ? 3 : 0;
  const std::size_t tail = national >= 8 ? 3 : (national > 2 ? 2 : 0);
  std::string masked;
  masked.reserve(number.size());
  std::size_t index = 0; // Significant code points seen after the country code.
  std::size_t skipped_code = 0;
  for (std::size_t i = 0; i < number.size();) {
    const auto point = next_code_point(number, i);
    i = point.end;
    bool keep = true;
    if (is_significant(point.value) && skipped_code < country_code) {
      ++skipped_code;
    } else if (is_significant(point.value)) {
      keep = index < head || index >= national - tail;
      ++index;
    }
    if (keep && point.value >= 0) {
      masked.append(number.substr(point.begin, point.end - point.begin));
    } else {
      masked.push_back('*');
    }
  }
  return masked;
}

} // namespace contact_audit::phone
