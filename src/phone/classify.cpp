// SPDX-License-Identifier: MIT
// Classification of parsed phone numbers: service, ambiguous, invalid (with the reason) or valid.
#include "classify.hpp"

#include <contact_audit/core/text.hpp>

#include <phonenumbers/shortnumberinfo.h>

#include <optional>

namespace contact_audit::phone {

namespace {

using i18n::phonenumbers::PhoneNumber;
using i18n::phonenumbers::PhoneNumberUtil;
using i18n::phonenumbers::ShortNumberInfo;
using LibType = PhoneNumberUtil::PhoneNumberType;

// Loading the short-number metadata costs milliseconds, so it is done once.
// Its const methods only touch a lock-guarded regex cache, so sharing is safe.
const ShortNumberInfo& short_numbers()
{
  static const ShortNumberInfo info;
  return info;
}

NumberType to_number_type(LibType type)
{
  switch (type) {
  case PhoneNumberUtil::FIXED_LINE:
    return NumberType::fixed_line;
  case PhoneNumberUtil::MOBILE:
    return NumberType::mobile;
  case PhoneNumberUtil::FIXED_LINE_OR_MOBILE:
    return NumberType::fixed_line_or_mobile;
  case PhoneNumberUtil::TOLL_FREE:
    return NumberType::toll_free;
  case PhoneNumberUtil::PREMIUM_RATE:
    return NumberType::premium_rate;
  case PhoneNumberUtil::SHARED_COST:
    return NumberType::shared_cost;
  case PhoneNumberUtil::VOIP:
    return NumberType::voip;
  case PhoneNumberUtil::PERSONAL_NUMBER:
    return NumberType::personal_number;
  case PhoneNumberUtil::PAGER:
    return NumberType::pager;
  case PhoneNumberUtil::UAN:
    return NumberType::uan;
  case PhoneNumberUtil::VOICEMAIL:
    return NumberType::voicemail;
  case PhoneNumberUtil::UNKNOWN:
    return NumberType::unknown;
  }
  return NumberType::unknown;
}

// "region DE", or the calling code when no region has a number of this form.
std::string where(const Context& c)
{
  return c.result.region.empty()
             ? concat({"country code +", std::to_string(c.reading.number.country_code())})
             : concat({"region ", c.result.region});
}

// PhoneNumberUtil leaves short numbers out (libphonenumber FAQ); ShortNumberInfo knows them.
bool classify_service(Context& c)
{
  if (c.result.region.empty() || c.result.region == "001" ||
      !short_numbers().IsValidShortNumberForRegion(c.reading.number, c.result.region)) {
    return false;
  }
  c.result.type = NumberType::short_code;
  set_issue(c.result,
            NumberStatus::service,
            "phone.service-number",
            concat({"The number ",
                    quoted_mask(c.text),
                    " is a short service number of ",
                    where(c),
                    ", not the number of a subscriber."}));
  return true;
}

bool starts_with_country_code(const std::string& digits)
{
  int code = 0;
  for (std::size_t i = 0; i < digits.size() && i < 3; ++i) {
    code = code * 10 + (digits[i] - '0');
    std::string region;
    util().GetRegionCodeForCountryCode(code, &region);
    if (region != "ZZ") {
      return true;
    }
  }
  return false;
}

// The valid reading of the digits as an international number, when the text
// had neither + nor an international prefix and was read nationally without a
// trunk prefix: "4915112345678" is +494915112345678 to libphonenumber (49xx
// are German area codes; google/libphonenumber#705) but may mean +4915112345678.
// The checks before the second Parse are cheap and rarely pass for German
// numbers, which are written with a leading 0.
std::optional<Reading> international_reading(const Context& c)
{
  if (c.reading.number.country_code_source() != PhoneNumber::FROM_DEFAULT_COUNTRY) {
    return std::nullopt;
  }
  std::string nsn;
  util().GetNationalSignificantNumber(c.reading.number, &nsn);
  const char digit = first_digit(c.parts.main);
  // Calling codes never start with 0; and when libphonenumber stripped a trunk
  // prefix (US "1 212 ...") the text was written nationally.
  if (nsn.empty() || digit == '0' || nsn.front() != digit || !starts_with_country_code(nsn)) {
    return std::nullopt;
  }
  Reading alternative;
  if (util().Parse(concat({"+", nsn}), "ZZ", &alternative.number) !=
      PhoneNumberUtil::NO_PARSING_ERROR) {
    return std::nullopt;
  }
  alternative.type = util().GetNumberType(alternative.number);
  return alternative.valid() ? std::optional<Reading>(std::move(alternative)) : std::nullopt;
}

bool classify_country_code_without_plus(Context& c)
{
  auto alternative = international_reading(c);
  if (!alternative) {
    return false;
  }
  const auto number = quoted_mask(c.text);
  std::string issue;
  if (c.reading.valid()) {
    NormalisedNumber other;
    describe(other, *alternative);
    issue = concat({"The number ",
                    number,
                    " has no leading + or 00, so it was read as the national number ",
                    mask(c.result.e164),
                    " of region ",
                    c.region,
                    "; it may also be the international number ",
                    mask(other.e164),
                    "."});
  } else {
    // The national reading is invalid, so the international one is the only usable number.
    c.reading = std::move(*alternative);
    describe(c.result, c.reading);
    issue = concat({"The number ",
                    number,
                    " has no leading + or 00 and is not valid as a national number of region ",
                    c.region,
                    ", so it was read as the international number ",
                    mask(c.result.e164),
                    "."});
  }
  set_issue(c.result, NumberStatus::ambiguous, "phone.country-code-without-plus", std::move(issue));
  return true;
}

// Written nationally, without the trunk prefix every national number of the
// region starts with (0 in DE): a local number whose area code is missing.
bool lacks_area_code(const Context& c)
{
  if (c.reading.number.country_code_source() != PhoneNumber::FROM_DEFAULT_COUNTRY) {
    return false;
  }
  std::string trunk_prefix;
  util().GetNddPrefixForRegion(c.region, true, &trunk_prefix);
  const char digit = first_digit(c.parts.main);
  return !trunk_prefix.empty() && digit != '0' && digit != trunk_prefix.front();
}

// How many trailing digits (1 to 3) make an otherwise valid number invalid; 0 if none.
int extra_trailing_digits(const PhoneNumber& number)
{
  PhoneNumber shorter = number;
  for (int extra = 1; extra <= 3; ++extra) {
    shorter.set_national_number(shorter.national_number() / 10);
    if (shorter.national_number() == 0) {
      return 0;
    }
    if (util().GetNumberType(shorter) != PhoneNumberUtil::UNKNOWN) {
      return extra;
    }
  }
  return 0;
}

// The issue code of an invalid number, and what is wrong with it as a sentence predicate.
struct Reason
{
  std::string_view code;
  std::string predicate;
};

Reason length_reason(const Context& c)
{
  switch (util().IsPossibleNumberWithReason(c.reading.number)) {
  case PhoneNumberUtil::TOO_SHORT:
  case PhoneNumberUtil::IS_POSSIBLE_LOCAL_ONLY:
    return {"phone.too-short", concat({" has too few digits for a number of ", where(c)})};
  case PhoneNumberUtil::TOO_LONG:
    return {"phone.too-long", concat({" has too many digits for a number of ", where(c)})};
  case PhoneNumberUtil::INVALID_LENGTH:
    return {"phone.invalid-length", concat({" has a length that no number of ", where(c), " has"})};
  case PhoneNumberUtil::INVALID_COUNTRY_CODE:
    return {"phone.invalid-country-code", " starts with an unknown country code"};
  case PhoneNumberUtil::IS_POSSIBLE:
    break;
  }
  // German fixed-line numbers may have 5 to 15 digits, so a mobile number with
  // a typo appended still has a possible length; its valid prefix gives it away.
  if (const int extra = extra_trailing_digits(c.reading.number); extra > 0) {
    return {"phone.too-long",
            concat({" has too many digits for a number of ",
                    where(c),
                    " (without its last ",
                    std::to_string(extra),
                    extra == 1 ? " digit" : " digits",
                    " it would be valid)"})};
  }
  return {"phone.unknown-range", concat({" is in no number range of ", where(c)})};
}

void classify_invalid(Context& c)
{
  const auto reason =
      lacks_area_code(c)
          ? Reason{"phone.no-area-code",
                   concat({" has no area code, so it cannot be completed for region ", c.region})}
          : length_reason(c);
  set_issue(c.result,
            NumberStatus::invalid,
            std::string(reason.code),
            concat({"The number ",
                    quoted_mask(c.text),
                    reason.predicate,
                    "; it was kept but marked invalid."}));
}

// Valid numbers whose raw text was rewritten keep status valid, with a warning.
void add_warning(Context& c)
{
  // Only the number part is masked: the words and extension digits after it identify nobody.
  const auto begin = concat({"The number ", quoted_mask(trim(c.parts.main))});
  const auto warn = [&c](std::string code, std::string issue) {
    set_issue(c.result, NumberStatus::valid, std::move(code), std::move(issue));
  };
  if (c.reading.number.country_code_source() == PhoneNumber::FROM_NUMBER_WITHOUT_PLUS_SIGN) {
    warn("phone.country-code-without-plus",
         concat({begin,
                 " starts with the country code ",
                 std::to_string(c.reading.number.country_code()),
                 " without a leading + or 00; it was read as ",
                 mask(c.result.e164),
                 "."}));
  } else if (!c.parts.extension_word.empty()) {
    const auto what =
        c.result.extension.empty()
            ? std::string("no digits follow it, so the word was dropped.")
            : concat(
                  {"the extension \"", c.result.extension, "\" was kept apart from the number."});
    warn("phone.extension-word",
         concat({begin,
                 " is followed by the German extension word \"",
                 c.parts.extension_word,
                 "\"; ",
                 what}));
  } else if (c.parts.post_dial) {
    warn("phone.post-dial",
         concat({begin,
                 " is followed by pause or wait characters; the digits dialled after them (\"",
                 c.result.extension,
                 "\") were kept as the extension."}));
  }
}

} // namespace

const PhoneNumberUtil& util()
{
  return *PhoneNumberUtil::GetInstance();
}

// Joins `parts` into one sentence. Also sidesteps GCC 12's false -Wrestrict
// report on `"literal" + std::string&&` at -O2 (GCC bug 105329).
std::string concat(std::initializer_list<std::string_view> parts)
{
  std::size_t size = 0;
  for (const auto part : parts) {
    size += part.size();
  }
  std::string text;
  text.reserve(size);
  for (const auto part : parts) {
    text.append(part);
  }
  return text;
}

// `text` masked and in double quotes, as it appears in issue sentences.
std::string quoted_mask(std::string_view text)
{
  return concat({"\"", mask(text), "\""});
}

void describe(NormalisedNumber& result, const Reading& reading)
{
  result.e164.clear();
  util().Format(reading.number, PhoneNumberUtil::E164, &result.e164);
  result.type = to_number_type(reading.type);
  util().GetRegionCodeForNumber(reading.number, &result.region);
  if (result.region == "ZZ") {
    result.region.clear();
  }
}

void set_issue(NormalisedNumber& result, NumberStatus status, std::string code, std::string issue)
{
  result.status = status;
  result.issue_code = std::move(code);
  result.issue = std::move(issue);
}

void classify(Context& c)
{
  if (!c.reading.valid() && classify_service(c)) {
    return;
  }
  if (c.parts.letters) {
    // libphonenumber turns three or more letters into keypad digits and drops fewer,
    // so a word such as "Zentrale" after the number silently changes it.
    set_issue(c.result,
              c.reading.valid() ? NumberStatus::ambiguous : NumberStatus::invalid,
              "phone.letters",
              concat({"The number ",
                      quoted_mask(c.text),
                      " contains letters after its first digit,",
                      " which were read as keypad digits or dropped (giving ",
                      mask(c.result.e164),
                      "); check that they are not a word such as an extension."}));
    return;
  }
  if (classify_country_code_without_plus(c)) {
    return;
  }
  if (!c.reading.valid()) {
    classify_invalid(c);
    return;
  }
  c.result.status = NumberStatus::valid;
  add_warning(c);
}

} // namespace contact_audit::phone
