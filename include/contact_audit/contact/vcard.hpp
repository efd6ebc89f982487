// SPDX-License-Identifier: MIT
// Writing a contact as a vCard 4.0 card (RFC 6350), for contacts that came from CSV.
#pragma once

#include <contact_audit/contact/contact.hpp>

#include <string>
#include <string_view>

namespace contact_audit::contact {

// `contact` as one vCard 4.0 card in UTF-8 with CRLF line ends: FN, N, ORG
// (with the department), TITLE, ROLE, TEL (raw text as written, TYPE, PREF,
// the free label as an Apple X-ABLabel in the same group), EMAIL, CATEGORIES
// and UID. No ADR: the model keeps only the kind of an address, never its text
// (data minimisation), and an ADR without parts is no address. Values are
// escaped (RFC 6350 §3.4) and lines folded at 75 octets (§3.2) without
// splitting a UTF-8 sequence.
std::string to_vcard(const Contact& contact);

// RFC 6350 §3.4: backslash, comma, semicolon and newline escaped in a text value.
std::string escape_vcard_text(std::string_view text);

// RFC 6350 §3.2: `line` (without line end) folded into lines of at most 75 octets,
// each ended with CRLF; continuation lines start with one space.
std::string fold_vcard_line(std::string_view line);

} // namespace contact_audit::contact
