// SPDX-License-Identifier: MIT
#include "importers/charset.hpp"

#include <contact_audit/core/error.hpp>

#include <doctest/doctest.h>

#include <sstream>

using namespace contact_audit;
using namespace contact_audit::importers;

namespace {
std::string read_all(TextSource& source)
{
  std::string text;
  std::string chunk;
  while (source.read(chunk)) {
    text += chunk;
  }
  return text;
}
TextSource source_of(std::string bytes, std::string_view forced = {}, bool transcode = true)
{
  return TextSource(std::make_unique<std::istringstream>(std::move(bytes)), forced, transcode);
}
} // namespace

TEST_SUITE("importers::charset")
{
  TEST_CASE("byte-order marks decide the encoding")
  {
    CHECK(detect_encoding("\xEF\xBB\xBFName").name == "UTF-8");
    CHECK(detect_encoding("\xEF\xBB\xBFName").bom_length == 3);
    CHECK(detect_encoding("\xFF\xFEN\0").name == "UTF-16LE");
    CHECK(detect_encoding("\xFE\xFF\0N").name == "UTF-16BE");
  }

  TEST_CASE("UTF-16 without BOM is recognised by its NUL bytes")
  {
    const std::string le("B\0E\0G\0I\0N\0:\0V\0C\0A\0R\0D\0", 22);
    CHECK(detect_encoding(le).name == "UTF-16LE");
    const std::string be("\0B\0E\0G\0I\0N\0:\0V\0C\0A\0R\0D", 22);
    CHECK(detect_encoding(be).name == "UTF-16BE");
  }

  TEST_CASE("valid UTF-8 stays UTF-8 and German legacy text defaults to windows-1252")
  {
    CHECK(detect_encoding("M\xC3\xBCller").name == "UTF-8");
    const auto legacy = detect_encoding("Vorname;Nachname\r\nFalk;M\xfcnchen\r\n");
    CHECK(legacy.name == "windows-1252");
    CHECK_FALSE(legacy.is_unicode);
  }

  TEST_CASE("a UTF-16LE file with BOM comes out as UTF-8")
  {
    const std::string bytes("\xFF\xFEM\0\xFC\0l\0l\0e\0r\0\n\0", 16);
    auto source = source_of(bytes);
    CHECK(read_all(source) == "Müller\n");
    CHECK(source.encoding().name == "UTF-16LE");
  }

  TEST_CASE("legacy bytes pass through unchanged when a vCard reader decides per property")
  {
    auto source = source_of("N:M\xfcller\r\n", {}, false);
    CHECK(read_all(source) == "N:M\xfcller\r\n");
  }

  TEST_CASE("legacy bytes are converted for CSV and a forced encoding wins")
  {
    auto detected = source_of("Name\nM\xfcller\n");
    CHECK(read_all(detected) == "Name\nMüller\n");
    auto forced = source_of("Name\nM\xfcller \xa4\n", "ISO-8859-15");
    CHECK(read_all(forced) == "Name\nMüller €\n");
    CHECK_THROWS_AS(source_of("x", "NO-SUCH-CHARSET"), InputError);
  }

  TEST_CASE("per-property conversion knows Shift_JIS and reports unknown charsets")
  {
    const auto japanese = to_utf8("\x88\xc0\x93\xa1", "Shift_JIS");
    REQUIRE(japanese);
    CHECK(*japanese == "安藤");
    const auto unknown = to_utf8("x", "BLABLA");
    REQUIRE_FALSE(unknown);
    CHECK(unknown.error().code == "charset.unknown");
  }

  TEST_CASE("mojibake is detected, not repaired")
  {
    CHECK(looks_like_double_encoded_utf8("M\xC3\x83\xC2\xBCller"));
    CHECK_FALSE(looks_like_double_encoded_utf8("Müller"));
    CHECK(count_replacement_characters("Stra\xEF\xBF\xBD"
                                       "e gesch\xEF\xBF\xBD"
                                       "ftlich") == 2);
  }

  TEST_CASE("lines end at CRLF, LF and bare CR, also across chunk borders")
  {
    std::string text = "a\r\nb\nc\rd\r\r\ne";
    auto source = source_of(text);
    LineReader lines(source);
    std::string line;
    std::size_t number = 0;
    std::vector<std::pair<std::string, std::size_t>> seen;
    while (lines.next(line, number)) {
      seen.emplace_back(line, number);
    }
    REQUIRE(seen.size() == 6);
    CHECK(seen[0].first == "a");
    CHECK(seen[2].first == "c");
    CHECK(seen[3].first == "d");
    CHECK(seen[4].first.empty());
    CHECK(seen[5] == std::pair<std::string, std::size_t>{"e", 6});
  }

  TEST_CASE("a CRLF split between two 64 KiB chunks is one line end")
  {
    std::string text(64 * 1024 - 1, 'x');
    text += "\r\nnext\n";
    auto source = source_of(text);
    LineReader lines(source);
    std::string line;
    std::size_t number = 0;
    REQUIRE(lines.next(line, number));
    CHECK(line.size() == 64 * 1024 - 1);
    REQUIRE(lines.next(line, number));
    CHECK(line == "next");
    CHECK(number == 2);
    CHECK_FALSE(lines.next(line, number));
  }

  TEST_CASE("an overlong line is cut to the limit and flagged")
  {
    auto source = source_of(std::string(1000, 'y') + "\nok\n");
    LineReader lines(source, 100);
    std::string line;
    std::size_t number = 0;
    REQUIRE(lines.next(line, number));
    CHECK(line.size() == 100);
    CHECK(lines.last_line_truncated());
    REQUIRE(lines.next(line, number));
    CHECK(line == "ok");
    CHECK_FALSE(lines.last_line_truncated());
  }
}
