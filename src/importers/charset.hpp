// SPDX-License-Identifier: MIT
// Charset detection and conversion to UTF-8 with ICU, streaming over an input file.
#pragma once

#include <contact_audit/core/result.hpp>

#include <cstddef>
#include <istream>
#include <memory>
#include <string>
#include <string_view>

namespace contact_audit::importers {

struct DetectedEncoding
{
  std::string name;           // ICU-canonical-ish name: "UTF-8", "UTF-16LE", "windows-1252", ...
  std::size_t bom_length = 0; // Bytes of byte-order mark at the start of the file.
  bool is_unicode = false;    // UTF-8/16/32: no per-property CHARSET applies.
};

// Decide the encoding of a file from its first bytes (`head`, up to 64 KiB):
// byte-order mark, then UTF-16 without BOM (NUL pattern), then strict UTF-8,
// then ICU's detector, falling back to windows-1252 (the German default).
DetectedEncoding detect_encoding(std::string_view head);

// Convert `bytes` from `charset` to UTF-8. Invalid sequences become U+FFFD and
// are counted in `*replaced` when given. Fails (with a diagnostic code
// "charset.unknown") when ICU does not know `charset`.
[[nodiscard]] Result<std::string>
to_utf8(std::string_view bytes, std::string_view charset, std::size_t* replaced = nullptr);

// True when ICU can convert from `charset`.
bool is_known_charset(std::string_view charset);

// Count of U+FFFD replacement characters in UTF-8 `text` (mojibake left by a lossy converter).
std::size_t count_replacement_characters(std::string_view text);

// True when UTF-8 `text` looks like UTF-8 that was read as Latin-1/cp1252
// (e.g. "MÃ¼ller"): such text is reported, never silently repaired.
bool looks_like_double_encoded_utf8(std::string_view text);

// Reads a file in chunks and hands out its text. Unicode files (UTF-16/32,
// and UTF-8 with BOM) always come out as UTF-8 without BOM. Legacy 8-bit files
// come out as UTF-8 when `transcode_legacy` is true (CSV) and unchanged when
// false (vCard, where a CHARSET parameter decides per property).
class TextSource
{
public:
  // `forced_encoding` overrides detection when not empty; throws InputError
  // when ICU does not know it.
  TextSource(std::unique_ptr<std::istream> input,
             std::string_view forced_encoding,
             bool transcode_legacy);
  ~TextSource();
  TextSource(const TextSource&) = delete;
  TextSource& operator=(const TextSource&) = delete;

  const DetectedEncoding& encoding() const { return m_encoding; }
  // Replace `chunk` with the next piece of text; false at the end of the input.
  // Throws IoError when the stream fails.
  bool read(std::string& chunk);
  // U+FFFD substitutions made while converting so far.
  std::size_t replaced() const { return m_replaced; }

private:
  struct Converter;
  std::unique_ptr<std::istream> m_input;
  DetectedEncoding m_encoding;
  std::unique_ptr<Converter> m_converter; // Null when bytes pass through unchanged.
  std::string m_pending;                  // Bytes read during detection, not yet handed out.
  std::size_t m_replaced = 0;
};

// Splits a TextSource into lines. CRLF, LF and bare CR all end a line (so
// "CR CR LF" yields an empty line); the terminator is not included. Lines
// longer than `max_line_bytes` are truncated to that length and flagged.
class LineReader
{
public:
  explicit LineReader(TextSource& source, std::size_t max_line_bytes = 16 * 1024 * 1024);

  // The next line and its 1-based number; false at the end of the input.
  bool next(std::string& line, std::size_t& line_number);
  // True when the line last returned was longer than the limit and was cut.
  bool last_line_truncated() const { return m_truncated; }

private:
  bool fill();
  void append_bounded(std::string& line, std::string_view piece);

  TextSource& m_source;
  std::size_t m_max_line_bytes;
  std::string m_buffer;
  std::size_t m_position = 0;
  std::size_t m_line_number = 0;
  bool m_eof = false;
  bool m_truncated = false;
  bool m_skip_lf = false; // The previous chunk ended in CR; a leading LF belongs to it.
};

} // namespace contact_audit::importers
