// SPDX-License-Identifier: MIT
// Decides the status and issue of a parsed phone number; shared by the files of the phone module.
#pragma once

#include "raw_text.hpp"

#include <contact_audit/phone/normaliser.hpp>

#include <phonenumbers/phonenumber.pb.h>
#include <phonenumbers/phonenumberutil.h>

#include <initializer_list>
#include <string>
#include <string_view>

namespace contact_audit::phone {

// The libphonenumber singleton. It is safe to use from several threads: its
// regex cache is guarded by a lock (Debian builds it with POSIX locks) and the
// rest is const after construction.
const i18n::phonenumbers::PhoneNumberUtil& util();

// Joins `parts` into one sentence. Also sidesteps GCC 12's false -Wrestrict
// report on `"literal" + std::string&&` at -O2 (GCC bug 105329).
std::string concat(std::initializer_list<std::string_view> parts);

// `text` masked and in double quotes, as it appears in issue sentences.
std::string quoted_mask(std::string_view text);

// One way of reading the digits. Validity is `type != UNKNOWN`: in
// libphonenumber 8.x IsValidNumber() looks up the same region and metadata as
// GetNumberType() and returns GetNumberTypeHelper() != UNKNOWN, so calling
// both would run the same regexes twice.
struct Reading
{
  i18n::phonenumbers::PhoneNumber number;
  i18n::phonenumbers::PhoneNumberUtil::PhoneNumberType type =
      i18n::phonenumbers::PhoneNumberUtil::UNKNOWN;

  bool valid() const { return type != i18n::phonenumbers::PhoneNumberUtil::UNKNOWN; }
};

// Everything known about one raw number while it is classified. The references
// must outlive the Context.
struct Context
{
  std::string_view text; // The trimmed raw text.
  const RawParts& parts;
  const std::string& region; // The region the text was parsed for.
  Reading reading;
  NormalisedNumber result;
};

// Set e164, type and region of `result` from `reading`; status and issue stay.
void describe(NormalisedNumber& result, const Reading& reading);

void set_issue(NormalisedNumber& result, NumberStatus status, std::string code, std::string issue);

// Set status, issue_code and issue of `c.result`, whose other fields describe()
// has filled from `c.reading`. May replace the reading (and the fields) with
// the international reading of digits written without +. Runs a second Parse
// only for national numbers written without trunk prefix.
void classify(Context& c);

} // namespace contact_audit::phone
