// SPDX-License-Identifier: MIT
// Splits raw address-book phone text into the part libphonenumber should parse and what it must not
// see.
#pragma once

#include <string>
#include <string_view>

namespace contact_audit::phone {

// One raw phone text taken apart before parsing. `main` views the text given
// to split_raw(), so it lives as long as that text.
struct RawParts
{
  std::string_view main;           // The part to hand to libphonenumber.
  std::string extension;           // Digits after an extension word or a pause; empty otherwise.
  std::string_view extension_word; // The German extension word as written ("Dw."); empty when none.
  bool post_dial = false;          // A pause/wait character (",", ";", "p", "w") split off digits.
  bool post_dial_only = false;     // The text starts with a pause: there is no number to dial.
  bool letters = false;            // Letters after the first digit that are no extension marker.
};

// Take `text` (already trimmed) apart:
// - a German extension word ("App.", "Apparat", "Dw.", "Durchwahl", "Nst.",
//   "Nebenstelle", any case) after the first digit ends the number; the digits
//   after it become the extension;
// - Android/vCard pause and wait characters ("," ";" and "p" "w" between digits)
//   end the number; the digits after them become the extension;
// - other ASCII letters after the first digit set `letters`, except the
//   extension markers libphonenumber understands ("x", "ext", "extn", "extension").
// "tel:" URIs are passed through whole: libphonenumber parses RFC 3966 itself.
RawParts split_raw(std::string_view text);

// The first digit of `text` as an ASCII character ('0'..'9'), reading ASCII
// and full-width digits; '\0' when there is none.
char first_digit(std::string_view text);

} // namespace contact_audit::phone
