// SPDX-License-Identifier: MIT
// vCard reader: card structure, recovery from broken files, limits and counts.
#include "vcard_test_support.hpp"

#include <doctest/doctest.h>

#include <random>
#include <string>

using namespace contact_audit;
using test::read_vcard;
using test::Strings;

TEST_SUITE("importers::VCardReader")
{
  TEST_CASE("every card of a file becomes one contact with its source location")
  {
    importers::ReadOptions options;
    options.account = "managed";
    const auto read = read_vcard("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Anna Arm\r\nEND:VCARD\r\n"
                                 "\r\n"
                                 "BEGIN:vCard\r\nVERSION:3.0\r\nFN:Bernd Bein\r\nEND:vCard\r\n",
                                 options);
    REQUIRE(read.contacts.size() == 2);
    CHECK(read.contacts[0].display_name == "Anna Arm");
    CHECK(read.contacts[0].source.file == "test.vcf");
    CHECK(read.contacts[0].source.line == 1);
    CHECK(read.contacts[0].source.record == 1);
    CHECK(read.contacts[0].source.account == "managed");
    CHECK(read.contacts[1].display_name == "Bernd Bein");
    CHECK(read.contacts[1].source.line == 6);
    CHECK(read.contacts[1].source.record == 2);
    CHECK(read.diagnostics.empty());
    CHECK(read.stats.contacts_read == 2);
    CHECK(read.stats.contacts_rejected == 0);
    CHECK(read.stats.detected_profile == "vcard");
    CHECK(read.stats.detected_encoding == "UTF-8");
  }

  TEST_CASE("a folded line is joined with its one leading space or tab removed (RFC 6350 §3.2)")
  {
    const auto read = read_vcard("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Max Muster\r\n mann\r\n"
                                 "TEL;TYPE=WORK:030 \r\n\t1234567\r\nEND:VCARD\r\n");
    REQUIRE(read.contacts.size() == 1);
    CHECK(read.contacts[0].display_name == "Max Mustermann");
    CHECK(test::phone_numbers(read.contacts[0]) == Strings{"030 1234567"});
    CHECK(read.contacts[0].phones[0].line == 5);
  }

  TEST_CASE("CRLF, LF, bare CR, mixed and CR CR LF line ends all give the same contact")
  {
    const std::string lines[] = {"BEGIN:VCARD",
                                 "VERSION:3.0",
                                 "N:Surname;Name;;;",
                                 "FN:Name Surname",
                                 " Jr.",
                                 "EMAIL:example@gmail.com",
                                 "END:VCARD"};
    for (const std::string ending : {"\r\n", "\n", "\r", "\r\r\n"}) {
      std::string text;
      for (const auto& line : lines) {
        text += line + ending;
      }
      CAPTURE(ending.size());
      const auto read = read_vcard(text);
      REQUIRE(read.contacts.size() == 1);
      CHECK(read.contacts[0].display_name == "Name SurnameJr.");
      CHECK(read.contacts[0].name.family == "Surname");
      CHECK(test::email_addresses(read.contacts[0]) == Strings{"example@gmail.com"});
      CHECK(read.diagnostics.empty());
    }
    const auto mixed = read_vcard("BEGIN:VCARD\r\nVERSION:3.0\nFN:Mixed\rEND:VCARD\r\n");
    REQUIRE(mixed.contacts.size() == 1);
    CHECK(mixed.contacts[0].display_name == "Mixed");
  }

  TEST_CASE("a folded line that reads END:VCARD belongs to the value, not to the card")
  {
    const auto read = read_vcard("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Eins\r\nNOTE:text\r\n"
                                 " END:VCARD\r\nTEL:1\r\nEND:VCARD\r\n");
    REQUIRE(read.contacts.size() == 1);
    CHECK(test::phone_numbers(read.contacts[0]) == Strings{"1"});
    CHECK(read.diagnostics.empty());
  }

  TEST_CASE("a PHOTO blob is skipped without being collected, however long it is")
  {
    std::string text = "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Foto\r\nPHOTO;ENCODING=b;TYPE=JPEG:";
    for (int i = 0; i < 20'000; ++i) {
      text += "\r\n /9j/4AAQSkZJRgABAQAAAQABAAD/4gxYSUNDX1BST0ZJTEUAAQEAAAxITGlubwIQAABtbnRy";
    }
    text += "\r\nTEL:0301234567\r\nEND:VCARD\r\n";
    const auto read = read_vcard(text);
    REQUIRE(read.contacts.size() == 1);
    CHECK(test::phone_numbers(read.contacts[0]) == Strings{"0301234567"});
    // 1.5 MB of photo is far over the 64 KiB a collected value may have: no diagnostic
    // shows that the blob was never collected.
    CHECK(read.diagnostics.empty());
  }

  TEST_CASE("a vCard 2.1 BASE64 blob whose lines lack the leading blank is skipped")
  {
    const auto read = read_vcard("BEGIN:VCARD\r\nVERSION:2.1\r\nFN:Foto\r\n"
                                 "PHOTO;ENCODING=BASE64;TYPE=JPEG:/9j/4AAQSkZJRgABAQAAAQAB\r\n"
                                 "AAD/4gxYSUNDX1BST0ZJTEUAAQEAAAxITGlubwIQ\r\n"
                                 "AABtbnRyUkdCIFhZWiAHzgACAAkABgAxAABhY3Nw==\r\n"
                                 "\r\n"
                                 "TEL;CELL:0171 1234567\r\nEND:VCARD\r\n");
    REQUIRE(read.contacts.size() == 1);
    CHECK(test::phone_numbers(read.contacts[0]) == Strings{"0171 1234567"});
    CHECK(read.diagnostics.empty());
  }

  TEST_CASE("a collected value longer than 64 KiB is dropped with a diagnostic")
  {
    const auto read = read_vcard("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:" + std::string(70'000, 'x') +
                                 "\r\nTEL:123\r\nEND:VCARD\r\n");
    REQUIRE(read.contacts.size() == 1);
    CHECK(read.contacts[0].display_name.empty());
    REQUIRE(read.codes() == Strings{"3 vcard.value.too-long"});
    CHECK(read.diagnostics[0].message ==
          "The FN property is longer than 65536 bytes; the property was dropped.");
    CHECK(read.diagnostics[0].severity == Severity::warning);
    CHECK(read.stats.properties_dropped == 1);
  }

  TEST_CASE("a card with 100000 TEL lines keeps the first 10000 and reports the rest once")
  {
    std::string text = "BEGIN:VCARD\nVERSION:3.0\nFN:Viele\n";
    for (int i = 0; i < 100'000; ++i) {
      text += "TEL:" + std::to_string(i) + "\n";
    }
    text += "END:VCARD\nBEGIN:VCARD\nVERSION:3.0\nFN:Danach\nEND:VCARD\n";
    const auto read = read_vcard(text);
    REQUIRE(read.contacts.size() == 2);
    CHECK(read.contacts[0].phones.size() == 9'999);
    CHECK(read.contacts[0].phones.back().raw == "9998");
    CHECK(read.contacts[1].display_name == "Danach");
    REQUIRE(read.codes() == Strings{"10003 vcard.card.too-large"});
    CHECK(read.diagnostics[0].message ==
          "The vCard has more properties or bytes than a card may hold; this TEL property and "
          "all further ones of the card were dropped.");
    CHECK(read.stats.properties_dropped == 90'001);
  }

  TEST_CASE("a nested AGENT card is ignored for the outer contact (vCard 2.1 and 3.0 forms)")
  {
    const auto read =
        read_vcard("BEGIN:VCARD\nVERSION:2.1\nN:Outer;Otto\nAGENT:\n"
                   "BEGIN:VCARD\nVERSION:2.1\nN:Agent;Anna\nTEL:111\nEND:VCARD\n"
                   "TEL:222\nEND:VCARD\n"
                   "BEGIN:VCARD\nVERSION:3.0\nFN:Inline\n"
                   "AGENT:BEGIN:VCARD\\nFN:Hidden\\nTEL:333\\nEND:VCARD\nEND:VCARD\n");
    REQUIRE(read.contacts.size() == 2);
    CHECK(read.contacts[0].name.family == "Outer");
    CHECK(test::phone_numbers(read.contacts[0]) == Strings{"222"});
    CHECK(read.contacts[1].display_name == "Inline");
    CHECK(read.contacts[1].phones.empty());
    CHECK(read.diagnostics.empty());
    CHECK(read.stats.contacts_read == 2);
  }

  TEST_CASE("10000 nested AGENT cards are skipped without recursion and the next card is read")
  {
    std::string text = "BEGIN:VCARD\nVERSION:2.1\nFN:Deep\n";
    for (int i = 0; i < 10'000; ++i) {
      text += "AGENT:\nBEGIN:VCARD\nFN:nested\n";
    }
    for (int i = 0; i < 10'000; ++i) {
      text += "END:VCARD\n";
    }
    text += "TEL:1\nEND:VCARD\nBEGIN:VCARD\nVERSION:2.1\nFN:Next\nEND:VCARD\n";
    const auto read = read_vcard(text);
    REQUIRE(read.contacts.size() == 2);
    CHECK(read.contacts[0].display_name == "Deep");
    CHECK(test::phone_numbers(read.contacts[0]) == Strings{"1"});
    CHECK(read.contacts[1].display_name == "Next");
    REQUIRE(read.diagnostics.size() == 1); // Only the absurd depth is worth a word.
    CHECK(read.diagnostics[0].code == "vcard.agent.too-deep");
    CHECK(read.diagnostics[0].line == 29); // The BEGIN:VCARD at depth 9.
  }

  TEST_CASE("an AGENT card without END is closed with the outer card at the next BEGIN:VCARD")
  {
    const auto read = read_vcard("BEGIN:VCARD\nVERSION:2.1\nFN:Outer\nAGENT:\nBEGIN:VCARD\n"
                                 "FN:Agent\nBEGIN:VCARD\nVERSION:2.1\nFN:Next\nEND:VCARD\n");
    REQUIRE(read.contacts.size() == 2);
    CHECK(read.contacts[0].display_name == "Outer");
    CHECK(read.contacts[1].display_name == "Next");
    REQUIRE(read.codes() == Strings{"1 vcard.agent.unterminated"});
    CHECK(read.diagnostics[0].message ==
          "The AGENT vCard nested in the vCard that starts here has no END:VCARD before the "
          "BEGIN:VCARD on line 7; both were ended there and the contact was kept.");
  }

  TEST_CASE("a card without END:VCARD is ended by the next BEGIN:VCARD with a warning")
  {
    const auto read = read_vcard("BEGIN:VCARD\nVERSION:3.0\nFN:First\nTEL:1\n"
                                 "BEGIN:VCARD\nVERSION:3.0\nFN:Second\nEND:VCARD\n");
    REQUIRE(read.contacts.size() == 2);
    CHECK(read.contacts[0].display_name == "First");
    CHECK(test::phone_numbers(read.contacts[0]) == Strings{"1"});
    CHECK(read.contacts[1].display_name == "Second");
    CHECK(read.contacts[1].source.line == 5);
    REQUIRE(read.codes() == Strings{"1 vcard.end.missing"});
    CHECK(read.diagnostics[0].message ==
          "The vCard that starts here has no END:VCARD before the BEGIN:VCARD on line 5; it was "
          "ended there and the contact was kept.");
  }

  TEST_CASE("a card without END:VCARD at the end of the file is kept with a warning")
  {
    const auto read = read_vcard("BEGIN:VCARD\nVERSION:3.0\nFN:Last\nTEL:1");
    REQUIRE(read.contacts.size() == 1);
    CHECK(test::phone_numbers(read.contacts[0]) == Strings{"1"});
    REQUIRE(read.codes() == Strings{"1 vcard.end.missing"});
    CHECK(read.diagnostics[0].message ==
          "The vCard that starts here has no END:VCARD before the end of the file; it was ended "
          "there and the contact was kept.");
  }

  TEST_CASE("lines outside any card are reported once per run and skipped to the next BEGIN")
  {
    const auto read = read_vcard("FN:Stray\nTEL:999\nsome garbage\n\n"
                                 "BEGIN:VCARD\nVERSION:3.0\nFN:Kept\nEND:VCARD\n"
                                 "trailing junk\nEND:VCARD\n");
    REQUIRE(read.contacts.size() == 1);
    CHECK(read.contacts[0].display_name == "Kept");
    CHECK(read.codes() ==
          Strings{"1 vcard.begin.missing", "9 vcard.begin.missing", "10 vcard.end.unmatched"});
    CHECK(read.diagnostics[0].message ==
          "3 line(s) from here on are outside any vCard (no BEGIN:VCARD before them); they were "
          "dropped up to the next BEGIN:VCARD or the end of the file.");
    CHECK(read.diagnostics[2].message ==
          "END:VCARD has no matching BEGIN:VCARD; the line was ignored.");
    CHECK(read.stats.properties_dropped == 4);
  }

  TEST_CASE("a line without colon inside a card is dropped with a diagnostic")
  {
    const auto read = read_vcard("BEGIN:VCARD\nVERSION:3.0\nFN:Komma\n# comment\n"
                                 "21255 Bad Vilbel: here\nEND:VCARD\n");
    REQUIRE(read.contacts.size() == 1);
    CHECK(read.codes() == Strings{"4 vcard.line.no-colon", "5 vcard.line.invalid-name"});
    CHECK(read.diagnostics[0].message ==
          "The line has no colon, so it is not a vCard property; the line was dropped.");
    CHECK(read.diagnostics[1].message ==
          "The line does not start with a property name followed by ';' or ':'; the line was "
          "dropped.");
    CHECK(read.stats.properties_dropped == 2);
  }

  TEST_CASE("a card without VERSION is read with vCard 2.1 rules and a warning")
  {
    const auto read = read_vcard("BEGIN:VCARD\nFN:A\\,B\nEND:VCARD\n");
    REQUIRE(read.contacts.size() == 1);
    CHECK(read.contacts[0].display_name == "A\\,B");
    REQUIRE(read.codes() == Strings{"1 vcard.version.missing"});
    CHECK(read.diagnostics[0].message ==
          "The vCard that starts here has no VERSION property; it was read with vCard 2.1 rules "
          "and the contact was kept.");
  }

  TEST_CASE("a VERSION after the other properties still decides how they are read")
  {
    const auto read = read_vcard("BEGIN:VCARD\nFN:A\\,B\nVERSION:3.0\nEND:VCARD\n"
                                 "BEGIN:VCARD\nFN:C\\,D\nVERSION:5.0\nEND:VCARD\n");
    REQUIRE(read.contacts.size() == 2);
    CHECK(read.contacts[0].display_name == "A,B");
    CHECK(read.contacts[1].display_name == "C,D");
    REQUIRE(read.codes() == Strings{"7 vcard.version.unknown"});
    CHECK(read.diagnostics[0].message ==
          "The VERSION \"5.0\" is not 2.1, 3.0 or 4.0; the vCard was read with vCard 3.0 rules.");
  }

  TEST_CASE("a card with nothing identifying is rejected with an error and counted")
  {
    const auto read = read_vcard("BEGIN:VCARD\nVERSION:3.0\nNOTE:only a note\nTEL:\nEND:VCARD\n"
                                 "BEGIN:VCARD\nVERSION:3.0\nORG:Firma GmbH\nEND:VCARD\n");
    REQUIRE(read.contacts.size() == 1);
    CHECK(read.contacts[0].organisation == "Firma GmbH");
    CHECK(read.contacts[0].source.record == 2);
    REQUIRE(read.codes() == Strings{"4 vcard.value.empty", "1 vcard.card.empty"});
    CHECK(read.diagnostics[0].severity == Severity::info);
    CHECK(read.diagnostics[1].severity == Severity::error);
    CHECK(read.diagnostics[1].message ==
          "The vCard that starts here has no name, phone number, e-mail address or organisation; "
          "the contact was rejected.");
    CHECK(read.stats.contacts_read == 1);
    CHECK(read.stats.contacts_rejected == 1);
    CHECK(read.stats.properties_dropped == 1);
  }

  TEST_CASE("a second FN is dropped with an info diagnostic and the first one kept")
  {
    const auto read = read_vcard("BEGIN:VCARD\nVERSION:4.0\nFN:Erster\nFN:Zweiter\nEND:VCARD\n");
    REQUIRE(read.contacts.size() == 1);
    CHECK(read.contacts[0].display_name == "Erster");
    REQUIRE(read.codes() == Strings{"4 vcard.property.repeated"});
    CHECK(read.diagnostics[0].message ==
          "This vCard has more than one FN property; the first one was kept and this one was "
          "dropped.");
  }

  TEST_CASE("a file without any BEGIN:VCARD reads no contact and says so")
  {
    const auto read = read_vcard("Name,Phone\nAnna,123\n");
    CHECK(read.contacts.empty());
    CHECK(read.codes() == Strings{"1 vcard.begin.missing", "0 vcard.file.no-cards"});
    CHECK(read.stats.contacts_read + read.stats.contacts_rejected == 0);
  }

  TEST_CASE("END:VCARD with trailing junk still ends the card, with a warning")
  {
    const auto read = read_vcard("BEGIN:VCARD\nVERSION:2.1\nN:Laurent;Catherine\nEND:VCARD.\n");
    REQUIRE(read.contacts.size() == 1);
    REQUIRE(read.codes() == Strings{"4 vcard.boundary.malformed"});
    CHECK(read.diagnostics[0].message ==
          "The line END:VCARD. is not exactly END:VCARD; it was read as one.");
  }

  TEST_CASE("a NUL byte inside a name is removed with a warning")
  {
    using namespace std::string_literals;
    const auto read = read_vcard("BEGIN:VCARD\nVERSION:3.0\nFN:Ab\0cd\nEND:VCARD\n"s);
    REQUIRE(read.contacts.size() == 1);
    CHECK(read.contacts[0].display_name == "Abcd");
    CHECK(read.codes() == Strings{"3 vcard.value.nul"});
  }

  TEST_CASE("random damage to a card never crashes and the counts still add up")
  {
    const std::string card = "BEGIN:VCARD\r\nVERSION:2.1\r\nN;CHARSET=UTF-8;ENCODING=QUOTED-"
                             "PRINTABLE:H=C3=B6rmann;Jo=\r\nseph\r\nitem1.TEL;TYPE=\"work,voice\":"
                             "+49 30 1234\r\nitem1.X-ABLabel:_$!<Mobile>!$_\r\nAGENT:\r\n"
                             "BEGIN:VCARD\r\nFN:x\r\nEND:VCARD\r\nPHOTO;BASE64:\r\n AAAA\r\n"
                             "ORG:A\\;B;C\r\nEND:VCARD\r\n";
    std::mt19937 random(12345);
    for (int round = 0; round < 3000; ++round) {
      std::string text = card + card;
      const int edits = 1 + static_cast<int>(random() % 8);
      for (int edit = 0; edit < edits; ++edit) {
        const std::size_t at = random() % text.size();
        switch (random() % 4) {
        case 0:
          text[at] = static_cast<char>(random() % 256);
          break;
        case 1:
          text.erase(at, 1 + random() % 16);
          break;
        case 2:
          text.insert(at, std::string(1 + random() % 4, "\r\n=:;\\ \"^"[random() % 9]));
          break;
        default:
          text.insert(at, text.substr(random() % text.size(), random() % 40));
          break;
        }
      }
      const auto read = read_vcard(text);
      const auto begins = read.stats.contacts_read + read.stats.contacts_rejected;
      CHECK(read.contacts.size() == read.stats.contacts_read);
      CHECK(begins <= 4);
    }
  }
}
