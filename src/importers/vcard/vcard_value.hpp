// SPDX-License-Identifier: MIT
// vCard parameter parsing and value decoding: quoted-printable, base64, escapes, structured values.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace contact_audit::importers::vcard {

enum class Version
{
  v21,
  v30,
  v40,
};

enum class TransferEncoding
{
  none,
  quoted_printable,
  base64,
  unknown,
};

// The parameters of one property that the reader uses; the rest are ignored.
struct Params
{
  std::vector<std::string> types; // TYPE words as written (any case), RFC 6868-decoded, in order.
  std::string charset;            // CHARSET value without quotes; empty when none.
  std::string encoding_name;      // ENCODING value as written, for messages.
  TransferEncoding encoding = TransferEncoding::none;
  bool pref = false;      // PREF=1 (RFC 6350 §5.3) or the 2.1/3.0 type word "pref".
  bool value_uri = false; // VALUE=uri (RFC 6350 §5.2).
};

// Parse the parameter text of a property (what follows the name up to the value
// colon, without the first ';') into `params`, reusing its storage. Accepts vCard
// 2.1 bare parameters (`WORK;FAX;QUOTED-PRINTABLE`), 3.0 `TYPE=a,b` and repeated
// `TYPE=`, quoted values, 4.0 `PREF=1` and `VALUE=uri`, in any letter case.
void parse_params(std::string_view text, Params& params);

// RFC 6868 §3: in a parameter value, ^n is a newline, ^' a double quote and ^^ a caret.
void decode_caret(std::string& value);

// Decode quoted-printable `in` (soft line breaks already joined) into `out`.
// Returns false when some '=' does not start a valid =XX escape; that text is kept as written.
bool decode_quoted_printable(std::string_view in, std::string& out);

// Decode base64 `in` (blanks ignored) into `out`; false when it holds other characters.
bool decode_base64(std::string_view in, std::string& out);

// `in` with text escaping undone: `in` itself when there is nothing to undo, else the
// text written into `buffer`. RFC 6350 §3.4 (3.0/4.0): \n \N \, \; \\ (and \: written by
// Apple); other escapes keep their backslash. vCard 2.1 defines no escaping: the text stays as is.
std::string_view unescape_text(std::string_view in, Version version, std::string& buffer);

// Split a structured value (N, ADR, ORG: `separator` ';'; CATEGORIES: ',') at separators that
// are not escaped, unescaping each component into `parts` (cleared first). In vCard 2.1 only
// \\ \; \: and \, are escapes, as Android's importer reads them.
void split_structured(std::string_view in,
                      Version version,
                      char separator,
                      std::vector<std::string>& parts);

} // namespace contact_audit::importers::vcard
