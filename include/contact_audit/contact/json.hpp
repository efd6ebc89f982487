// SPDX-License-Identifier: MIT
// The documented JSON shape of a contact (docs/import-json.md).
#pragma once

#include <contact_audit/contact/contact.hpp>

#include <string>

namespace contact_audit::contact {

struct JsonOptions
{
  bool reveal = false; // Full phone numbers and raw values; masked otherwise.
  int indent = 0;      // 0: one line.
};

// `contact` as one JSON object (see docs/import-json.md).
std::string to_json(const Contact& contact, const JsonOptions& options = {});

// The raw text of a phone, masked unless `reveal`.
std::string shown_raw(const Phone& phone, bool reveal);
// The E.164 form of a phone, masked unless `reveal`; "" when there is none.
std::string shown_e164(const Phone& phone, bool reveal);

} // namespace contact_audit::contact
