// SPDX-License-Identifier: MIT
// CSV reader: RFC 4180 quoting, separators, header and row quirks, diagnostics and counts.
#include "test_importers_csv_support.hpp"

#include <contact_audit/core/error.hpp>

#include <doctest/doctest.h>

#include <cstdint>
#include <fstream>
#include <iterator>

using namespace contact_audit;
using csv_test::read_csv;
using csv_test::types_of;

TEST_SUITE("importers::CsvReader")
{
  TEST_CASE("quoted fields keep separators, doubled quotes and line breaks of every kind")
  {
    const auto result =
        read_csv("Name,Notes,E-Mail\r\n"
                 "\"Doe, John\",\"He said \"\"hi\"\"\r\nline 2\nline 3\rline 4\",j@doe.de\r\n"
                 "\"Roe, Jane\",,jane@roe.de\r\n");
    REQUIRE(result.contacts.size() == 2);
    CHECK(result.contacts[0].display_name == "Doe, John");
    CHECK(result.contacts[0].emails.at(0).address == "j@doe.de");
    CHECK(result.contacts[0].source.line == 2);
    // The quoted note spans lines 2 to 5, so the next row starts on line 6.
    CHECK(result.contacts[1].display_name == "Roe, Jane");
    CHECK(result.contacts[1].source.line == 6);
    CHECK(result.contacts[1].source.record == 2);
    CHECK(result.diagnostics.empty());
  }

  TEST_CASE("line numbers count CRLF, LF and CR alone, and blank lines are skipped silently")
  {
    const auto result = read_csv("Name;Telefon\r\n\r\nA;0301\r\n\nB;0302\rC;0303\n");
    REQUIRE(result.contacts.size() == 3);
    CHECK(result.contacts[0].source.line == 3);
    CHECK(result.contacts[1].source.line == 5);
    CHECK(result.contacts[2].source.line == 6);
    CHECK(result.contacts[2].source.record == 3);
    CHECK(result.contacts[2].phones.at(0).line == 6);
    CHECK(result.diagnostics.empty());
  }

  TEST_CASE("a CRLF split between two chunks of input ends one line, not two")
  {
    // TextSource hands out 64 KiB chunks: put the CR of a CRLF at the end of the first.
    std::string text = "Name,Email\r\n";
    text += std::string(64 * 1024 - text.size() - 8, 'x') + ",a@b.de";
    text += "\r\nNext,n@b.de\r\n";
    const auto result = read_csv(text);
    REQUIRE(result.contacts.size() == 2);
    CHECK(result.contacts[1].display_name == "Next");
    CHECK(result.contacts[1].source.line == 3);
  }

  TEST_CASE("the separator is the candidate that splits the first rows into one consistent count")
  {
    SUBCASE("semicolon, although values hold commas")
    {
      const auto result =
          read_csv("Vorname;Nachname;Firma\nMax;Muster;Muster, Sohn & Co\nEva;Beispiel;X, Y\n");
      REQUIRE(result.contacts.size() == 2);
      CHECK(result.contacts[0].organisation == "Muster, Sohn & Co");
      CHECK(result.stats.detected_profile == "generic");
    }
    SUBCASE("tab")
    {
      const auto result = read_csv("Vorname\tNachname\tE-Mail\nMax\tMuster\tmax@muster.de\n");
      REQUIRE(result.contacts.size() == 1);
      CHECK(result.contacts[0].emails.at(0).address == "max@muster.de");
    }
    SUBCASE("separators inside quotes do not count")
    {
      const auto result =
          read_csv("\"Name;Alias\",Email\n\"Doe; J.\",j@doe.de\n\"Roe; R.\",r@roe.de\n");
      REQUIRE(result.contacts.size() == 2);
      CHECK(result.contacts[1].emails.at(0).address == "r@roe.de");
      CHECK(result.find("csv.header.unknown-columns")->message.find("\"Name;Alias\"") !=
            std::string::npos);
    }
  }

  TEST_CASE("a row that splits only at another separator is split there and reported")
  {
    const auto result =
        read_csv("Name\tEmail\tPhone\nA\ta@x.de\t0301\nB,b@x.de,0302\nC\tc@x.de\t0303\n");
    REQUIRE(result.contacts.size() == 3);
    CHECK(result.contacts[1].display_name == "B");
    CHECK(result.contacts[1].emails.at(0).address == "b@x.de");
    REQUIRE(result.diagnostics.size() == 1);
    CHECK(result.diagnostics[0].code == "csv.row.mixed-separators");
    CHECK(result.diagnostics[0].line == 3);
    CHECK(result.diagnostics[0].severity == Severity::warning);
    CHECK(result.diagnostics[0].message == "The row does not split at the file's separator (tab) "
                                           "but does at commas; it was split at commas.");
  }

  TEST_CASE("trailing separators and a trailing empty header column pass without diagnostics")
  {
    const auto result =
        read_csv("First Name,Last Name,Primary "
                 "Email,\nJohn,Doe,john@doe.invalid,\nJane,Doe,jane@doe.invalid,,,\n");
    REQUIRE(result.contacts.size() == 2);
    CHECK(result.contacts[1].display_name == "Jane Doe");
    CHECK(result.diagnostics.empty());
    CHECK(result.stats.properties_dropped == 0);
  }

  TEST_CASE("a row with more cells than the header keeps the named ones and drops the rest with a "
            "warning")
  {
    const auto result = read_csv("Name,Email\nA,a@x.de,extra,,more\nB,b@x.de\n");
    REQUIRE(result.contacts.size() == 2);
    CHECK(result.contacts[0].emails.at(0).address == "a@x.de");
    REQUIRE(result.diagnostics.size() == 1);
    CHECK(result.diagnostics[0].code == "csv.row.extra-cells");
    CHECK(result.diagnostics[0].line == 2);
    CHECK(result.diagnostics[0].message ==
          "The row has 2 values in columns that the header does not name; they were dropped.");
    CHECK(result.stats.properties_dropped == 2);
  }

  TEST_CASE("a row with fewer cells than the header reads the missing cells as empty")
  {
    const auto result = read_csv("Name,Email,Telefon\nA\nB,b@x.de\n");
    REQUIRE(result.contacts.size() == 2);
    CHECK(result.contacts[0].display_name == "A");
    CHECK(result.contacts[0].emails.empty());
    CHECK(result.diagnostics.empty());
  }

  TEST_CASE(
      "a row without name, organisation, number or e-mail is rejected with an error and counted")
  {
    const auto result =
        read_csv("Name,Email,Notizen,Position\nA,a@x.de,,\n,,just a note,CEO\n,,,\n\nB,b@x.de,,\n");
    REQUIRE(result.contacts.size() == 2);
    CHECK(result.contacts[1].source.record == 4); // Rejected rows keep their record numbers.
    CHECK(result.codes() == std::vector<std::string>{"csv.row.empty-contact", "csv.row.empty"});
    CHECK(result.diagnostics[0].severity == Severity::error);
    CHECK(result.diagnostics[0].line == 3);
    CHECK(result.diagnostics[0].message ==
          "The row has no name, organisation, phone number or e-mail address; it was skipped.");
    CHECK(result.diagnostics[1].severity == Severity::warning);
    CHECK(result.diagnostics[1].line == 4);
    CHECK(result.stats.contacts_read == 2);
    CHECK(result.stats.contacts_rejected == 2);
  }

  TEST_CASE("the display name is built from given, middle and family name when the file has none")
  {
    const auto result = read_csv("First Name,Middle Name,Last Name,Name "
                                 "Suffix,Labels\nMax,Amadeus,Mustermann,(geb. Musterfrau),\n");
    REQUIRE(result.contacts.size() == 1);
    CHECK(result.contacts[0].display_name == "Max Amadeus Mustermann");
    CHECK(result.contacts[0].name.suffix == "(geb. Musterfrau)");
  }

  TEST_CASE("a header that matches nothing throws InputError naming the file, the columns and "
            "--csv-mapping")
  {
    CHECK_THROWS_WITH_AS(
        read_csv("Foo,Bar,Baz\n1,2,3\n", {}, {}, "kunden.csv"),
        "kunden.csv:1: The header row matches no known address-book format and names "
        "no column for a name, organisation, phone number or e-mail address (columns "
        "found: \"Foo\", \"Bar\", \"Baz\"); nothing was imported. To import this file, "
        "supply a column mapping with --csv-mapping FILE (see docs/csv-mapping.md).",
        InputError);
  }

  TEST_CASE("unknown columns are reported once per file and are not fatal")
  {
    const auto result =
        read_csv("Name,Lieblingsfarbe,Email,Schuhgröße\nA,blau,a@x.de,42\nB,rot,b@x.de,40\n");
    REQUIRE(result.contacts.size() == 2);
    REQUIRE(result.diagnostics.size() == 1);
    CHECK(result.diagnostics[0].code == "csv.header.unknown-columns");
    CHECK(result.diagnostics[0].severity == Severity::warning);
    CHECK(result.diagnostics[0].line == 1);
    CHECK(result.diagnostics[0].message ==
          "The header names 2 columns that no known address-book format uses: \"Lieblingsfarbe\", "
          "\"Schuhgröße\"; their values were not imported. If they hold names, phone numbers or "
          "e-mail addresses, supply a column mapping with --csv-mapping FILE (see "
          "docs/csv-mapping.md).");
  }

  TEST_CASE(
      "a file whose first row is data is read without header, columns assigned from their values")
  {
    const auto result = read_csv(
        "John Doe,John,Doe,john@doe.invalid,+49 30 1234567\nJane Doe,Jane,Doe,jane@doe.invalid,\n");
    REQUIRE(result.contacts.size() == 2);
    CHECK(result.contacts[0].display_name == "John Doe");
    CHECK(result.contacts[0].name.given == "John");
    CHECK(result.contacts[0].name.family == "Doe");
    CHECK(result.contacts[0].phones.at(0).raw == "+49 30 1234567");
    CHECK(result.contacts[0].source.line == 1);
    CHECK(result.contacts[1].emails.at(0).address == "jane@doe.invalid");
    CHECK(result.stats.detected_profile == "headerless");
    REQUIRE(result.diagnostics.size() == 1);
    CHECK(result.diagnostics[0].code == "csv.header.missing");
    CHECK(result.diagnostics[0].severity == Severity::info);
    CHECK(
        result.diagnostics[0].message ==
        "The first row holds an e-mail address or phone number and no known column name, so the "
        "file was read as having no header row and the columns were assigned from their values: "
        "column 1 display name, column 2 given name, column 3 family name, column 4 e-mail, column "
        "5 phone. If this is wrong, supply a column mapping with --csv-mapping FILE (see "
        "docs/csv-mapping.md).");
  }

  TEST_CASE("an empty file gives no contacts and an info diagnostic")
  {
    const auto result = read_csv("");
    CHECK(result.contacts.empty());
    CHECK(result.codes() == std::vector<std::string>{"csv.file.empty"});
    CHECK(result.stats.contacts_rejected == 0);
  }

  TEST_CASE("an unterminated quote is reported at the line it opened and the rows after it are "
            "still read")
  {
    const auto result = read_csv("Name,Email\nA,a@x.de\n\"B,b@x.de\nC,c@x.de\nD,d@x.de\n");
    REQUIRE(result.contacts.size() == 4);
    CHECK(result.contacts[1].display_name == "B,b@x.de");
    CHECK(result.contacts[2].display_name == "C");
    CHECK(result.contacts[2].source.line == 4);
    CHECK(result.contacts[3].source.line == 5);
    REQUIRE(result.diagnostics.size() == 1);
    CHECK(result.diagnostics[0].code == "csv.quote.unterminated");
    CHECK(result.diagnostics[0].line == 3);
    CHECK(
        result.diagnostics[0].message ==
        "A quoted field opens on this line but its closing quote is missing (not found within 1 "
        "MiB "
        "or before the end of the file); the field was ended at the end of this line and the lines "
        "after it were read as rows of their own.");
  }

  TEST_CASE(
      "a quote that does not close within the size limit does not swallow the rest of the file")
  {
    importers::csv::CsvLimits limits;
    limits.max_record_bytes = 1024;
    std::string text = "Name,Email\nA,a@x.de\n\"B,b@x.de\n";
    for (int i = 0; i < 200; ++i) {
      text += "C" + std::to_string(i) + ",c" + std::to_string(i) + "@x.de\n";
    }
    const auto result = read_csv(text, {}, limits);
    REQUIRE(result.contacts.size() == 202);
    CHECK(result.contacts[201].display_name == "C199");
    CHECK(result.contacts[201].source.line == 203);
    CHECK(result.count("csv.quote.unterminated") == 1);
    CHECK(result.find("csv.quote.unterminated")->line == 3);
  }

  TEST_CASE("a row longer than the size limit is rejected and the next row is read")
  {
    importers::csv::CsvLimits limits;
    limits.max_record_bytes = 1024;
    const auto result =
        read_csv("Name,Email\nA," + std::string(5000, 'a') + "\nB,b@x.de\n", {}, limits);
    REQUIRE(result.contacts.size() == 1);
    CHECK(result.contacts[0].display_name == "B");
    CHECK(result.contacts[0].source.line == 3);
    CHECK(result.codes() == std::vector<std::string>{"csv.row.too-long"});
    CHECK(result.diagnostics[0].message == "The row is longer than 1 KiB; it was skipped.");
    CHECK(result.stats.contacts_rejected == 1);
  }

  TEST_CASE("100,000 columns are cut at the cell limit and reported")
  {
    std::string header = "Name,Email";
    std::string row = "A,a@x.de";
    for (int i = 0; i < 100000; ++i) {
      header += ",c" + std::to_string(i);
      row += ",v";
    }
    const auto result = read_csv(header + "\n" + row + "\n");
    REQUIRE(result.contacts.size() == 1);
    CHECK(result.contacts[0].emails.at(0).address == "a@x.de");
    CHECK(result.find("csv.header.too-many-columns") != nullptr);
    CHECK(result.find("csv.row.too-many-cells")->message ==
          "The row has more than 16384 cells; the 83618 non-empty cells after that were dropped.");
    CHECK(result.find("csv.header.unknown-columns")->message.find("and 16362 more") !=
          std::string::npos);
    CHECK(result.stats.properties_dropped == 2 * 83618);
  }

  TEST_CASE("NUL bytes are removed and reported once with the first line")
  {
    constexpr char bytes[] = "Name,Email\nA\0nna,a@x.de\nB,b\0@x.de\n";
    const auto result = read_csv(std::string(bytes, sizeof bytes - 1));
    REQUIRE(result.contacts.size() == 2);
    CHECK(result.contacts[0].display_name == "Anna");
    CHECK(result.contacts[1].emails.at(0).address == "b@x.de");
    CHECK(result.codes() == std::vector<std::string>{"csv.encoding.nul-bytes"});
    CHECK(result.diagnostics[0].line == 2);
    CHECK(result.diagnostics[0].message ==
          "The file contains 2 NUL bytes, the first on this line; they were removed.");
  }

  TEST_CASE("arbitrary bytes never crash the reader and the counts add up")
  {
    const std::string alphabet = std::string("ab,;\t\"\r\n@0\xC3\xBC\xFF ") + std::string(1, '\0');
    std::uint32_t state = 12345;
    for (int round = 0; round < 300; ++round) {
      std::string text = round % 2 == 0 ? "Name,Email,Telefon\n" : "";
      for (int i = 0; i < 400; ++i) {
        state = state * 1103515245 + 12345;
        text += alphabet[(state >> 16) % alphabet.size()];
      }
      try {
        const auto result = read_csv(text);
        std::size_t rejections = 0;
        for (const Diagnostic& diagnostic : result.diagnostics) {
          rejections += diagnostic.code == "csv.row.empty-contact" ||
                        diagnostic.code == "csv.row.empty" || diagnostic.code == "csv.row.too-long";
        }
        CHECK(result.contacts.size() == result.stats.contacts_read);
        CHECK(rejections == result.stats.contacts_rejected);
      } catch (const InputError&) {
        // A header that matches nothing: the one allowed failure.
      }
    }
  }

  TEST_CASE("UTF-16LE with byte-order mark is decoded")
  {
    const std::string utf8 = "Name,Email\r\nJürgen,j@x.de\r\n";
    std::string bytes = "\xFF\xFE";
    for (std::size_t i = 0; i < utf8.size(); ++i) {
      const auto c = static_cast<unsigned char>(utf8[i]);
      if (c == 0xC3) { // ü is the only non-ASCII character: U+00FC.
        bytes += '\xFC';
        bytes += '\0';
        ++i;
      } else {
        bytes += static_cast<char>(c);
        bytes += '\0';
      }
    }
    const auto result = read_csv(bytes);
    REQUIRE(result.contacts.size() == 1);
    CHECK(result.contacts[0].display_name == "Jürgen");
    CHECK(result.stats.detected_encoding == "UTF-16LE");
  }

  TEST_CASE("windows-1252 bytes are decoded")
  {
    const auto result =
        read_csv("Vorname;Nachname;E-Mail\nKlaus;M\xfcller;k@m.de\nJ\xf6rg;Wei\xdf;j@w.de\n");
    REQUIRE(result.contacts.size() == 2);
    CHECK(result.contacts[0].name.family == "Müller");
    CHECK(result.contacts[1].display_name == "Jörg Weiß");
    CHECK(result.stats.detected_encoding == "windows-1252");
  }

  TEST_CASE("a forced encoding overrides detection")
  {
    importers::ReadOptions options;
    options.encoding = "windows-1252";
    const auto result = read_csv("Name,Email\nM\xC3\xBCller,m@x.de\n", options);
    REQUIRE(result.contacts.size() == 1);
    // The UTF-8 bytes read as windows-1252: kept as they are and reported.
    CHECK(result.contacts[0].display_name == "M\xC3\x83\xC2\xBCller");
    CHECK(result.stats.detected_encoding == "windows-1252");
    CHECK(result.codes() == std::vector<std::string>{"csv.encoding.double-encoded"});
  }

  TEST_CASE("an unknown forced encoding throws InputError naming the file")
  {
    importers::ReadOptions options;
    options.encoding = "klingon-8";
    CHECK_THROWS_WITH_AS(
        read_csv("Name\nA\n", options, {}, "a.csv"),
        "a.csv: The encoding \"klingon-8\" is not known; use a name such as UTF-8, "
        "UTF-16LE, windows-1252 or ISO-8859-15.",
        InputError);
  }

  TEST_CASE("bytes that are not UTF-8 in a file forced to UTF-8 are replaced and reported")
  {
    importers::ReadOptions options;
    options.encoding = "UTF-8";
    const auto result = read_csv("Name,Email\nM\xfcller,m@x.de\nB,b@x.de\n", options);
    REQUIRE(result.contacts.size() == 2);
    CHECK(result.contacts[0].display_name == "M\xEF\xBF\xBDller");
    CHECK(result.codes() == std::vector<std::string>{"csv.encoding.invalid-utf8"});
    CHECK(result.diagnostics[0].line == 2);
  }

  TEST_CASE("U+FFFD mojibake is reported once with a count, not repaired, and headers still match")
  {
    const auto result =
        read_csv("Vorname,Nachname,Telefon gesch\xEF\xBF\xBD"
                 "ftlich,Stra\xEF\xBF\xBD"
                 "e privat\n"
                 "J\xEF\xBF\xBDrg,M\xEF\xBF\xBDller,0301,Hauptstr. 1\nEva,Fr\xEF\xBF\xBDh,0302,\n");
    REQUIRE(result.contacts.size() == 2);
    CHECK(result.contacts[0].name.given == "J\xEF\xBF\xBDrg");
    CHECK(types_of(result.contacts[0].phones.at(0)) == "work voice");
    CHECK(types_of(result.contacts[0].addresses.at(0)) == "home");
    CHECK(result.stats.detected_profile == "outlook-de");
    REQUIRE(result.diagnostics.size() == 1);
    CHECK(result.diagnostics[0].code == "csv.encoding.mojibake");
    CHECK(result.diagnostics[0].line == 1);
    CHECK(result.diagnostics[0].message ==
          "5 values contain the replacement character U+FFFD, the first on this line: an earlier "
          "lossy conversion destroyed characters (usually umlauts). The text was kept as it is; "
          "column names were matched with U+FFFD standing for one umlaut.");
  }

  TEST_CASE("double-encoded UTF-8 is reported once, not repaired, and its header names still match")
  {
    const auto result = read_csv("Vorname;Nachname;Telefon gesch\xC3\x83\xC2\xA4"
                                 "ftlich\n"
                                 "Klaus;M\xC3\x83\xC2\xBCller;0301\nEva;Weiss;0302\n");
    REQUIRE(result.contacts.size() == 2);
    CHECK(result.contacts[0].name.family == "M\xC3\x83\xC2\xBCller");
    CHECK(types_of(result.contacts[0].phones.at(0)) == "work voice");
    REQUIRE(result.diagnostics.size() == 1);
    CHECK(result.diagnostics[0].code == "csv.encoding.double-encoded");
    CHECK(result.diagnostics[0].line == 1);
    CHECK(result.diagnostics[0].message.starts_with(
        "2 values look like UTF-8 that was decoded twice"));
  }

  TEST_CASE("the Shift_JIS corpus file is decoded")
  {
    std::ifstream in(CONTACT_AUDIT_TESTDATA "/csv/corpus/thunderbird-import-shift-jis.csv",
                     std::ios::binary);
    const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const auto result = read_csv(bytes);
    REQUIRE(result.contacts.size() == 1);
    CHECK(result.contacts[0].display_name == "名無しの権兵衛");
    CHECK(result.contacts[0].emails.at(0).address == "名無しの権兵衛@host.invalid");
    CHECK(result.stats.detected_encoding == "Shift_JIS");
  }
}
