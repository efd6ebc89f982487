// SPDX-License-Identifier: MIT
// Charset detection and streaming conversion to UTF-8 through ICU converters.
#include "charset.hpp"

#include <contact_audit/core/error.hpp>
#include <contact_audit/core/text.hpp>

#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>

#include <algorithm>
#include <array>

namespace contact_audit::importers {
namespace {

constexpr std::size_t k_head_bytes = 64 * 1024;
constexpr std::size_t k_chunk_bytes = 64 * 1024;
constexpr std::string_view k_replacement = "\xEF\xBF\xBD";

struct ConverterCloser
{
  void operator()(UConverter* converter) const { ucnv_close(converter); }
};
using ConverterPtr = std::unique_ptr<UConverter, ConverterCloser>;

ConverterPtr open_converter(std::string_view charset)
{
  UErrorCode status = U_ZERO_ERROR;
  ConverterPtr converter(ucnv_open(std::string(charset).c_str(), &status));
  if (U_FAILURE(status)) {
    return nullptr;
  }
  return converter;
}

// UTF-16 without BOM: in Latin text every other byte is NUL.
std::string detect_utf16_without_bom(std::string_view head)
{
  const std::size_t sample = std::min<std::size_t>(head.size() & ~std::size_t{1}, 1024);
  if (sample < 4) {
    return {};
  }
  std::size_t even_nuls = 0;
  std::size_t odd_nuls = 0;
  for (std::size_t i = 0; i < sample; ++i) {
    if (head[i] == '\0') {
      ++((i % 2 == 0) ? even_nuls : odd_nuls);
    }
  }
  const std::size_t pairs = sample / 2;
  if (odd_nuls * 10 >= pairs * 7 && even_nuls * 10 < pairs) {
    return "UTF-16LE";
  }
  if (even_nuls * 10 >= pairs * 7 && odd_nuls * 10 < pairs) {
    return "UTF-16BE";
  }
  return {};
}

// A strict UTF-8 check that tolerates a multi-byte sequence cut at the end of the sample.
bool is_utf8_prefix(std::string_view head)
{
  for (std::size_t cut = 0; cut < 4 && cut <= head.size(); ++cut) {
    if (is_valid_utf8(head.substr(0, head.size() - cut))) {
      return true;
    }
  }
  return false;
}

std::string detect_legacy(std::string_view head)
{
  UErrorCode status = U_ZERO_ERROR;
  UCharsetDetector* detector = ucsdet_open(&status);
  if (U_FAILURE(status)) {
    return "windows-1252";
  }
  ucsdet_setText(detector, head.data(), static_cast<int32_t>(head.size()), &status);
  const UCharsetMatch* match = ucsdet_detect(detector, &status);
  std::string name = "windows-1252";
  if (U_SUCCESS(status) && match != nullptr) {
    const char* detected = ucsdet_getName(match, &status);
    const int32_t confidence = ucsdet_getConfidence(match, &status);
    const std::string_view detected_name = detected != nullptr ? detected : "";
    // ICU names Latin text ISO-8859-1 even when cp1252's 0x80-0x9F letters occur;
    // German exports are cp1252, which is a superset for printable text. Multi-byte
    // East Asian charsets are only trusted when ICU is confident.
    const bool east_asian = detected_name == "Shift_JIS" || detected_name == "EUC-JP" ||
                            detected_name == "GB18030" || detected_name == "EUC-KR" ||
                            detected_name == "Big5";
    if (U_SUCCESS(status) && east_asian && confidence >= 50) {
      name = detected_name;
    }
  }
  ucsdet_close(detector);
  return name;
}

bool is_unicode_name(std::string_view name)
{
  return istarts_with_ascii(name, "UTF-") || istarts_with_ascii(name, "UTF8") ||
         istarts_with_ascii(name, "UTF16") || istarts_with_ascii(name, "UTF32");
}

} // namespace

DetectedEncoding detect_encoding(std::string_view head)
{
  const auto starts = [&](std::string_view bom) { return head.substr(0, bom.size()) == bom; };
  if (starts("\xEF\xBB\xBF")) {
    return {"UTF-8", 3, true};
  }
  if (starts(std::string_view("\xFF\xFE\0\0", 4))) {
    return {"UTF-32LE", 4, true};
  }
  if (starts(std::string_view("\0\0\xFE\xFF", 4))) {
    return {"UTF-32BE", 4, true};
  }
  if (starts("\xFF\xFE")) {
    return {"UTF-16LE", 2, true};
  }
  if (starts("\xFE\xFF")) {
    return {"UTF-16BE", 2, true};
  }
  if (auto utf16 = detect_utf16_without_bom(head); !utf16.empty()) {
    return {utf16, 0, true};
  }
  if (is_utf8_prefix(head)) {
    return {"UTF-8", 0, true};
  }
  return {detect_legacy(head), 0, false};
}

bool is_known_charset(std::string_view charset)
{
  return open_converter(charset) != nullptr;
}

Result<std::string> to_utf8(std::string_view bytes, std::string_view charset, std::size_t* replaced)
{
  if (bytes.empty()) {
    return std::string();
  }
  if ((iequals_ascii(charset, "UTF-8") || iequals_ascii(charset, "UTF8")) && is_valid_utf8(bytes)) {
    return std::string(bytes);
  }
  if (!is_known_charset(charset)) {
    return make_unexpected(
        Diagnostic{{},
                   0,
                   Severity::warning,
                   "charset.unknown",
                   "The charset \"" + std::string(charset) + "\" is not known."});
  }
  std::string output(bytes.size() * 3 + 16, '\0');
  UErrorCode status = U_ZERO_ERROR;
  const int32_t length = ucnv_convert("UTF-8",
                                      std::string(charset).c_str(),
                                      output.data(),
                                      static_cast<int32_t>(output.size()),
                                      bytes.data(),
                                      static_cast<int32_t>(bytes.size()),
                                      &status);
  if (U_FAILURE(status)) {
    return make_unexpected(Diagnostic{{},
                                      0,
                                      Severity::warning,
                                      "charset.conversion-failed",
                                      "The text could not be converted from \"" +
                                          std::string(charset) + "\": " + u_errorName(status) +
                                          "."});
  }
  output.resize(static_cast<std::size_t>(length));
  if (replaced != nullptr) {
    const std::size_t before = count_replacement_characters(bytes);
    const std::size_t after = count_replacement_characters(output);
    *replaced += after > before ? after - before : 0;
  }
  return output;
}

std::size_t count_replacement_characters(std::string_view text)
{
  std::size_t count = 0;
  for (auto at = text.find(k_replacement); at != std::string_view::npos;
       at = text.find(k_replacement, at + k_replacement.size())) {
    ++count;
  }
  return count;
}

bool looks_like_double_encoded_utf8(std::string_view text)
{
  // UTF-8 of "Ã" (C3 83) or "Â" (C3 82) followed by the UTF-8 of a character in
  // U+0080..U+00BF: the signature of a UTF-8 sequence decoded as Latin-1 and re-encoded.
  for (std::size_t i = 0; i + 3 < text.size(); ++i) {
    const auto c0 = static_cast<unsigned char>(text[i]);
    const auto c1 = static_cast<unsigned char>(text[i + 1]);
    const auto c2 = static_cast<unsigned char>(text[i + 2]);
    const auto c3 = static_cast<unsigned char>(text[i + 3]);
    if (c0 == 0xC3 && (c1 == 0x83 || c1 == 0x82) && (c2 == 0xC2 || c2 == 0xC5 || c2 == 0xE2) &&
        c3 >= 0x80 && c3 <= 0xBF) {
      return true;
    }
  }
  return false;
}

// Streams bytes from one charset into UTF-8 with a pivot buffer kept across
// calls, so a character split between two chunks converts correctly.
struct TextSource::Converter
{
  ConverterPtr source;
  ConverterPtr target;
  std::array<UChar, 4096> pivot{};
  UChar* pivot_source = pivot.data();
  UChar* pivot_target = pivot.data();

  void convert(std::string_view bytes, bool flush, std::string& out)
  {
    const char* in = bytes.data();
    const char* in_end = bytes.data() + bytes.size();
    std::array<char, 16 * 1024> buffer{};
    for (;;) {
      char* target_begin = buffer.data();
      UErrorCode status = U_ZERO_ERROR;
      ucnv_convertEx(target.get(),
                     source.get(),
                     &target_begin,
                     buffer.data() + buffer.size(),
                     &in,
                     in_end,
                     pivot.data(),
                     &pivot_source,
                     &pivot_target,
                     pivot.data() + pivot.size(),
                     false,
                     flush,
                     &status);
      out.append(buffer.data(), static_cast<std::size_t>(target_begin - buffer.data()));
      if (status == U_BUFFER_OVERFLOW_ERROR) {
        continue;
      }
      if (U_FAILURE(status)) {
        throw IoError(std::string("Converting the input to UTF-8 failed: ") + u_errorName(status) +
                      ".");
      }
      return;
    }
  }
};

TextSource::TextSource(std::unique_ptr<std::istream> input,
                       std::string_view forced_encoding,
                       bool transcode_legacy)
    : m_input(std::move(input))
{
  m_pending.resize(k_head_bytes);
  m_input->read(m_pending.data(), static_cast<std::streamsize>(m_pending.size()));
  m_pending.resize(static_cast<std::size_t>(m_input->gcount()));
  if (m_input->bad()) {
    throw IoError("The input could not be read.");
  }
  if (forced_encoding.empty()) {
    m_encoding = detect_encoding(m_pending);
  } else {
    if (!is_known_charset(forced_encoding)) {
      throw InputError("The encoding \"" + std::string(forced_encoding) +
                       "\" is not known; use a name such as UTF-8, UTF-16LE, windows-1252 or "
                       "ISO-8859-15.");
    }
    const auto detected = detect_encoding(m_pending);
    m_encoding = {std::string(forced_encoding), 0, is_unicode_name(forced_encoding)};
    // A forced encoding still drops the BOM of the same encoding family.
    if (detected.bom_length != 0 && iequals_ascii(detected.name, forced_encoding)) {
      m_encoding.bom_length = detected.bom_length;
    }
  }
  m_pending.erase(0, m_encoding.bom_length);
  const bool is_utf8 = iequals_ascii(m_encoding.name, "UTF-8");
  if (!is_utf8 && (m_encoding.is_unicode || transcode_legacy)) {
    m_converter = std::make_unique<Converter>();
    m_converter->source = open_converter(m_encoding.name);
    m_converter->target = open_converter("UTF-8");
    if (!m_converter->source || !m_converter->target) {
      throw InputError("The encoding \"" + m_encoding.name + "\" cannot be converted.");
    }
  }
}

TextSource::~TextSource() = default;

bool TextSource::read(std::string& chunk)
{
  chunk.clear();
  std::string raw;
  if (!m_pending.empty()) {
    raw.swap(m_pending);
  } else if (*m_input) {
    raw.resize(k_chunk_bytes);
    m_input->read(raw.data(), static_cast<std::streamsize>(raw.size()));
    raw.resize(static_cast<std::size_t>(m_input->gcount()));
    if (m_input->bad()) {
      throw IoError("The input could not be read.");
    }
  }
  const bool at_end = raw.empty();
  if (!m_converter) {
    chunk.swap(raw);
    return !at_end;
  }
  m_converter->convert(raw, at_end, chunk);
  m_replaced += count_replacement_characters(chunk);
  return !at_end || !chunk.empty();
}

LineReader::LineReader(TextSource& source, std::size_t max_line_bytes)
    : m_source(source), m_max_line_bytes(max_line_bytes)
{
}

bool LineReader::fill()
{
  if (m_eof) {
    return false;
  }
  std::string chunk;
  while (m_source.read(chunk)) {
    if (chunk.empty()) {
      continue;
    }
    m_buffer.erase(0, m_position);
    m_position = 0;
    m_buffer += chunk;
    return true;
  }
  m_eof = true;
  return false;
}

void LineReader::append_bounded(std::string& line, std::string_view piece)
{
  const std::size_t room = m_max_line_bytes - std::min(line.size(), m_max_line_bytes);
  if (piece.size() > room) {
    m_truncated = true;
  }
  line.append(piece.substr(0, room));
}

bool LineReader::next(std::string& line, std::size_t& line_number)
{
  line.clear();
  m_truncated = false;
  for (;;) {
    if (m_skip_lf && m_position < m_buffer.size()) {
      if (m_buffer[m_position] == '\n') {
        ++m_position;
      }
      m_skip_lf = false;
    }
    // A plain scan: find_first_of calls memchr on the two-byte set once per byte.
    std::size_t end = m_position;
    while (end < m_buffer.size() && m_buffer[end] != '\n' && m_buffer[end] != '\r') {
      ++end;
    }
    if (end < m_buffer.size()) {
      append_bounded(line, std::string_view(m_buffer).substr(m_position, end - m_position));
      m_position = end + 1;
      if (m_buffer[end] == '\r') {
        m_skip_lf = true; // CRLF counts as one line end, even across chunks.
      }
      line_number = ++m_line_number;
      return true;
    }
    // No line end in the buffer: keep what fits and read more.
    append_bounded(line, std::string_view(m_buffer).substr(m_position));
    m_position = m_buffer.size();
    if (!fill()) {
      if (line.empty() && !m_truncated) {
        return false;
      }
      line_number = ++m_line_number;
      return true;
    }
  }
}

} // namespace contact_audit::importers
