// SPDX-License-Identifier: MIT
// Phone-number normalisation with libphonenumber: E.164, extension, number type, validity.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace contact_audit::phone {

// libphonenumber's number types, plus `short_code` for service numbers such as 110 or 116117.
enum class NumberType : std::uint8_t
{
  fixed_line,
  mobile,
  fixed_line_or_mobile,
  toll_free,
  premium_rate,
  shared_cost,
  voip,
  personal_number,
  pager,
  uan,
  voicemail,
  short_code,
  unknown,
};

std::string_view to_string(NumberType type);
std::optional<NumberType> parse_number_type(std::string_view text);

// How far a raw number could be normalised.
enum class NumberStatus : std::uint8_t
{
  valid,      // E.164 known and libphonenumber accepts the number.
  ambiguous,  // E.164 known and valid, but the raw text allows another reading (see issue).
  invalid,    // Parsed to E.164, but no number of that region has this form.
  service,    // A short number (110, 112, 116117, ...); e164 is "+49110" style (see below).
  unparsable, // Not a phone number at all; e164 is empty.
};

std::string_view to_string(NumberStatus status);
std::optional<NumberStatus> parse_number_status(std::string_view text);

// The normalised form of one raw number. `issue_code`/`issue` explain every
// status other than `valid` (and warn about valid numbers whose raw text was
// rewritten, e.g. a German "Dw." extension word); both are empty otherwise.
// The codes and their meaning are listed in src/phone/normaliser.cpp.
struct NormalisedNumber
{
  // "+4915112345678"; empty when unparsable. Short service numbers use the same
  // form ("+49110": country code of the region plus the dialled digits), so that
  // lookups stay stable, although such numbers cannot be dialled from abroad.
  std::string e164;
  std::string extension; // Digits only: "12" for "030 1234567 x12"; empty when none.
  // ISO 3166 region the number belongs to ("DE"); "001" for non-geographic
  // numbers such as +800; "" when unknown (unparsable, or no region matches).
  std::string region;
  NumberType type = NumberType::unknown;
  NumberStatus status = NumberStatus::unparsable;
  std::string issue_code; // Stable code, e.g. "phone.country-code-without-plus".
  std::string issue;      // Complete sentence; numbers in it are masked with mask().

  friend bool operator==(const NormalisedNumber&, const NormalisedNumber&) = default;
};

// Normalises raw phone numbers as written in address books. Construction is
// cheap; the libphonenumber singleton (safe for concurrent use) is shared. A
// Normaliser keeps an unsynchronised cache of the raw texts it has seen, so it
// must not be shared between threads: give each thread its own.
class Normaliser
{
public:
  // `default_region` is an ISO 3166 code ("DE", any letter case); throws
  // InputError when libphonenumber does not know it.
  explicit Normaliser(std::string default_region = "DE");
  ~Normaliser();
  // A moved-from Normaliser may only be assigned to or destroyed.
  Normaliser(Normaliser&&) noexcept;
  Normaliser& operator=(Normaliser&&) noexcept;

  // Normalise `raw` using `region` for numbers written without country code
  // (the default region when empty). Never throws for bad input: an unknown
  // `region` gives status unparsable with issue_code "phone.unknown-region".
  // Results are cached per (raw, region); the cache is dropped when it grows
  // past 100,000 entries.
  NormalisedNumber normalise(std::string_view raw, std::string_view region = {});

  // The region given to the constructor, in upper case ("DE").
  const std::string& default_region() const;

private:
  struct Impl;
  std::unique_ptr<Impl> m_impl;
};

// True when libphonenumber knows `region` (e.g. "DE", "AT"; any letter case).
// The non-geographic "001" and the unknown "ZZ" are not regions.
bool is_known_region(std::string_view region);

// Mask a number for reports and logs: "+4915112345678" -> "+49151*****678"
// keeps the country code, the first three national digits and the last three.
// With fewer than 8 digits after the country code only the last two are kept
// ("110" -> "*10"), with 2 or fewer none. Raw text is masked the same way:
// letters and digits of any script count as digits, everything else (spaces,
// punctuation, a leading +) is kept, so "0151 12345678" -> "015* *****678".
std::string mask(std::string_view number);

} // namespace contact_audit::phone
