// SPDX-License-Identifier: MIT
// Normalises raw address-book phone numbers to E.164 with libphonenumber, and explains every doubt.
//
// Issue codes, with the status they come with:
//   phone.empty                     unparsable  The text is empty.
//   phone.not-a-number              unparsable  No phone number in the text ("BusinessPhone").
//   phone.post-dial-only            unparsable  The text starts with a pause (",1234"): digits to
//                                               dial after a call connects, no number.
//   phone.unknown-region            unparsable  The region passed to normalise() is unknown.
//   phone.invalid-country-code      unparsable  "+999 ...": no such country calling code
//                                   invalid     (or the code has no numbers of this length).
//   phone.too-short                 unparsable  Too few digits for any phone number,
//                                   invalid     or for any number of its region.
//   phone.too-long                  unparsable  Too many digits for any phone number,
//                                   invalid     or for its region, or a valid number followed by
//                                               1 to 3 extra digits ("+49 1511 2345678 0").
//   phone.invalid-length            invalid     A length between the valid ones of its region.
//   phone.no-area-code              invalid     Written nationally without the trunk prefix and not
//                                               valid: a local number ("1234567" in DE).
//   phone.unknown-range             invalid     Possible length, but no number range matches.
//   phone.service-number            service     A short number valid in its region (110, 116117).
//   phone.letters                   ambiguous   Letters after the first digit were read as keypad
//                                   invalid     digits or dropped ("0800 FLOWERS").
//   phone.country-code-without-plus ambiguous   No + or 00, and the digits are also a valid
//                                               international number ("49 151 12345678").
//                                   valid       libphonenumber took leading digits as the default
//                                               region's country code ("4930 1234567"): a warning.
//   phone.extension-word            valid       A German extension word ("Dw. 12") was cut off and
//                                               its digits kept as the extension: a warning.
//   phone.post-dial                 valid       Pause/wait characters ("030 1234567,12") were cut
//                                               off, the digits kept as extension: a warning.
// Only one issue is reported: a reason for the status wins over a warning. The decisions
// are made in classify.cpp; this file parses once and caches.
#include "classify.hpp"
#include "raw_text.hpp"

#include <contact_audit/core/error.hpp>
#include <contact_audit/core/text.hpp>
#include <contact_audit/phone/normaliser.hpp>

#include <phonenumbers/phonenumberutil.h>

#include <string>
#include <unordered_map>

namespace contact_audit::phone {

namespace {

using i18n::phonenumbers::PhoneNumberUtil;

// Address books repeat numbers (switchboards, the same contact on several
// devices), so results are cached. Past this many entries (roughly 8 MB per
// thread) the cache is dropped rather than evicted piecemeal: cheap, and hits
// stay likely. The bound keeps the import's memory flat with the file size.
constexpr std::size_t k_cache_limit = 20'000;

// libphonenumber's region codes are upper case; users may well write "de".
void make_upper_ascii(std::string& text)
{
  for (auto& c : text) {
    c = (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
  }
}

NormalisedNumber unparsable(std::string code, std::string issue)
{
  NormalisedNumber result;
  set_issue(result, NumberStatus::unparsable, std::move(code), std::move(issue));
  return result;
}

NormalisedNumber parse_failure(PhoneNumberUtil::ErrorType error, std::string_view text)
{
  const auto number = quoted_mask(text);
  constexpr std::string_view kept = "; it was kept without a normalised form.";
  switch (error) {
  case PhoneNumberUtil::INVALID_COUNTRY_CODE_ERROR:
    return unparsable(
        "phone.invalid-country-code",
        concat({"The number ", number, " starts with an unknown country code", kept}));
  case PhoneNumberUtil::TOO_SHORT_AFTER_IDD:
  case PhoneNumberUtil::TOO_SHORT_NSN:
    return unparsable(
        "phone.too-short",
        concat({"The number ", number, " has too few digits to be a phone number", kept}));
  case PhoneNumberUtil::TOO_LONG_NSN:
    return unparsable(
        "phone.too-long",
        concat({"The number ", number, " has too many digits to be a phone number", kept}));
  default:
    return unparsable("phone.not-a-number",
                      concat({"The text ", number, " is not a phone number", kept}));
  }
}

NormalisedNumber normalise_uncached(std::string_view raw, const std::string& region)
{
  const auto text = trim(raw);
  if (!is_known_region(region)) {
    return unparsable("phone.unknown-region",
                      concat({"The region \"",
                              region,
                              "\" is not known, so the number ",
                              quoted_mask(text),
                              " was kept without a normalised form."}));
  }
  if (text.empty()) {
    return unparsable("phone.empty",
                      "The phone number is empty; it was kept without a normalised form.");
  }
  const auto parts = split_raw(text);
  if (parts.post_dial_only) {
    return unparsable("phone.post-dial-only",
                      concat({"The text ",
                              quoted_mask(text),
                              " starts with a pause or wait character,",
                              " so it holds only digits to dial after a call connects;",
                              " it was kept without a normalised form."}));
  }
  Context c{.text = text, .parts = parts, .region = region, .reading = {}, .result = {}};
  // The one Parse of the fast path; KeepRawInput records whether the text had + or 00.
  const auto error =
      util().ParseAndKeepRawInput(std::string(parts.main), region, &c.reading.number);
  if (error != PhoneNumberUtil::NO_PARSING_ERROR) {
    return parse_failure(error, text);
  }
  if (c.reading.number.national_number() == 0) {
    // Only zeros after the prefixes ("0000000"): there is no E.164 form, and
    // libphonenumber would format the raw text in its place.
    return parse_failure(PhoneNumberUtil::NOT_A_NUMBER, text);
  }
  c.reading.type = util().GetNumberType(c.reading.number);
  describe(c.result, c.reading);
  c.result.extension = parts.extension.empty() ? c.reading.number.extension() : parts.extension;
  classify(c);
  return std::move(c.result);
}

} // namespace

struct Normaliser::Impl
{
  std::string m_default_region;
  std::unordered_map<std::string, NormalisedNumber> m_cache;
  std::string m_key; // "<REGION>\0<raw>"; reused so that a cache hit allocates nothing.
};

Normaliser::Normaliser(std::string default_region) : m_impl(std::make_unique<Impl>())
{
  if (!is_known_region(default_region)) {
    throw InputError(
        concat({"The phone region \"",
                default_region,
                "\" is not known to libphonenumber; use an ISO 3166 code such as DE."}));
  }
  m_impl->m_default_region = std::move(default_region);
  make_upper_ascii(m_impl->m_default_region);
}

Normaliser::~Normaliser() = default;
Normaliser::Normaliser(Normaliser&&) noexcept = default;
Normaliser& Normaliser::operator=(Normaliser&&) noexcept = default;

NormalisedNumber Normaliser::normalise(std::string_view raw, std::string_view region)
{
  auto& impl = *m_impl;
  impl.m_key.assign(region.empty() ? std::string_view(impl.m_default_region) : region);
  make_upper_ascii(impl.m_key);
  const auto region_size = impl.m_key.size();
  impl.m_key.push_back('\0');
  impl.m_key.append(raw);
  if (const auto hit = impl.m_cache.find(impl.m_key); hit != impl.m_cache.end()) {
    return hit->second;
  }
  auto result = normalise_uncached(raw, impl.m_key.substr(0, region_size));
  if (impl.m_cache.size() >= k_cache_limit) {
    impl.m_cache.clear();
  }
  impl.m_cache.emplace(impl.m_key, result);
  return result;
}

const std::string& Normaliser::default_region() const
{
  return m_impl->m_default_region;
}

bool is_known_region(std::string_view region)
{
  // 0 for unknown codes and for the non-geographic "001".
  std::string code(region);
  make_upper_ascii(code);
  return util().GetCountryCodeForRegion(code) != 0;
}

} // namespace contact_audit::phone
