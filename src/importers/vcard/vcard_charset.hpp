// SPDX-License-Identifier: MIT
// Turns the bytes of one vCard value into UTF-8: CHARSET parameter, file encoding, legacy fallback.
#pragma once

#include "../charset.hpp"
#include "vcard_report.hpp"

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace contact_audit::importers::vcard {

// Where a value comes from, for messages.
struct ValueOrigin
{
  std::string_view property; // "TEL", "N", ...
  std::size_t line = 0;
};

// Decodes values of one file. Keeps the file's encoding and whether the
// legacy-encoding fallback was already reported (once per file). Not thread-safe.
class ValueDecoder
{
public:
  // `file_encoding` is what TextSource detected (or was told with `forced`).
  ValueDecoder(const DetectedEncoding& file_encoding, bool forced);

  // `bytes` (a value after quoted-printable/base64 decoding) as UTF-8: `bytes` itself
  // when it is UTF-8 already, else converted into `buffer`. `charset` is the CHARSET
  // parameter ("" when none); `transfer_encoded` says whether the bytes came out of
  // quoted-printable or base64, where CHARSET always applies. Problems are reported
  // through `reporter`; the result is always valid UTF-8.
  std::string_view to_utf8(std::string_view bytes,
                           std::string_view charset,
                           bool transfer_encoded,
                           const ValueOrigin& origin,
                           const Reporter& reporter,
                           std::string& buffer);

  // The charset used for 8-bit values without CHARSET ("windows-1252" unless the file says
  // otherwise).
  const std::string& legacy_charset() const { return m_legacy_charset; }

private:
  bool is_known(std::string_view charset);
  std::string_view convert(std::string_view bytes, std::string_view charset, std::string& out);
  std::string_view from_legacy(std::string_view bytes,
                               const ValueOrigin& origin,
                               const Reporter& reporter,
                               std::string& out);

  std::string m_legacy_charset;
  bool m_file_unicode = false;  // The file is UTF-8/16/32, so its bytes are UTF-8 by now.
  bool m_forced_legacy = false; // The caller named an 8-bit encoding for the whole file.
  bool m_legacy_reported = false;
  std::vector<std::pair<std::string, bool>> m_known_cache;
};

} // namespace contact_audit::importers::vcard
