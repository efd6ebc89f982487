// SPDX-License-Identifier: MIT
// Per-value charset decisions of the vCard reader; the conversion itself is ICU's (charset.hpp).
#include "vcard_charset.hpp"

#include <contact_audit/core/text.hpp>

#include <algorithm>

namespace contact_audit::importers::vcard {
namespace {

constexpr std::size_t k_max_cached_charsets = 32;

bool is_ascii(std::string_view bytes)
{
  return std::all_of(
      bytes.begin(), bytes.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

bool is_utf8_name(std::string_view charset)
{
  return iequals_ascii(charset, "UTF-8") || iequals_ascii(charset, "UTF8");
}

} // namespace

ValueDecoder::ValueDecoder(const DetectedEncoding& file_encoding, bool forced)
    : m_legacy_charset(file_encoding.is_unicode ? "windows-1252" : file_encoding.name),
      m_file_unicode(file_encoding.is_unicode), m_forced_legacy(forced && !file_encoding.is_unicode)
{
}

bool ValueDecoder::is_known(std::string_view charset)
{
  for (const auto& [name, known] : m_known_cache) {
    if (iequals_ascii(name, charset)) {
      return known;
    }
  }
  const bool known = is_known_charset(charset);
  if (m_known_cache.size() < k_max_cached_charsets) {
    m_known_cache.emplace_back(std::string(charset), known);
  }
  return known;
}

std::string_view
ValueDecoder::convert(std::string_view bytes, std::string_view charset, std::string& out)
{
  auto converted = contact_audit::importers::to_utf8(bytes, charset);
  if (!converted) {
    // ICU failed on a charset it claimed to know; windows-1252 maps every byte.
    converted = contact_audit::importers::to_utf8(bytes, "windows-1252");
  }
  out = converted ? std::move(*converted) : std::string();
  return out;
}

std::string_view ValueDecoder::from_legacy(std::string_view bytes,
                                           const ValueOrigin& origin,
                                           const Reporter& reporter,
                                           std::string& out)
{
  if (!m_legacy_reported) {
    m_legacy_reported = true;
    reporter.report(origin.line,
                    Severity::warning,
                    "vcard.encoding.legacy",
                    "The " + std::string(origin.property) +
                        " value has no CHARSET parameter and is not valid UTF-8; it and all such "
                        "values in this file were read as " +
                        m_legacy_charset + ".");
  }
  return convert(bytes, m_legacy_charset, out);
}

std::string_view ValueDecoder::to_utf8(std::string_view bytes,
                                       std::string_view charset,
                                       bool transfer_encoded,
                                       const ValueOrigin& origin,
                                       const Reporter& reporter,
                                       std::string& buffer)
{
  if (is_ascii(bytes)) {
    return bytes;
  }
  const bool valid_utf8 = is_valid_utf8(bytes);
  if (charset.empty() || (m_file_unicode && valid_utf8 && !transfer_encoded)) {
    // Without CHARSET, or in a Unicode file whose raw bytes are UTF-8 already (the
    // file's own encoding wins over a label), the value is UTF-8 unless it cannot be.
    if (m_forced_legacy) {
      return convert(bytes, m_legacy_charset, buffer);
    }
    return valid_utf8 ? bytes : from_legacy(bytes, origin, reporter, buffer);
  }
  if (is_utf8_name(charset)) {
    if (valid_utf8) {
      return bytes;
    }
    reporter.report(origin.line,
                    Severity::warning,
                    "vcard.charset.invalid-bytes",
                    "The " + std::string(origin.property) +
                        " value is not valid UTF-8 although its CHARSET says so; it was read as " +
                        m_legacy_charset + ".");
    return convert(bytes, m_legacy_charset, buffer);
  }
  if (is_known(charset)) {
    const std::string_view text = convert(bytes, charset, buffer);
    if (count_replacement_characters(text) > count_replacement_characters(bytes)) {
      reporter.report(origin.line,
                      Severity::warning,
                      "vcard.charset.invalid-bytes",
                      "The " + std::string(origin.property) +
                          " value has bytes that are not valid " + Reporter::quote(charset) +
                          "; they were replaced by U+FFFD and the value was kept.");
    }
    return text;
  }
  reporter.report(origin.line,
                  Severity::warning,
                  "vcard.charset.unknown",
                  "The CHARSET " + Reporter::quote(charset) + " of the " +
                      std::string(origin.property) +
                      " property is not a known character set; the value was read as " +
                      (valid_utf8 ? std::string("UTF-8") : m_legacy_charset) + ".");
  return valid_utf8 ? bytes : convert(bytes, m_legacy_charset, buffer);
}

} // namespace contact_audit::importers::vcard
