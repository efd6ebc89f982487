// SPDX-License-Identifier: MIT
// The vCard 4.0 writer for the Contact model: escaping, folding, the fields it writes.
#include "vcard_test_support.hpp"

#include <contact_audit/contact/vcard.hpp>

#include <doctest/doctest.h>

using namespace contact_audit;

TEST_SUITE("contact::to_vcard")
{
  TEST_CASE("text values escape backslash, comma, semicolon and line breaks")
  {
    CHECK(contact::escape_vcard_text("a\\b,c;d\r\ne\nf") == "a\\\\b\\,c\\;d\\ne\\nf");
  }

  TEST_CASE("long lines are folded at 75 octets without splitting a UTF-8 sequence")
  {
    const std::string line = "NOTE:" + std::string(68, 'x') + "äöü" + std::string(80, 'y');
    const auto folded = contact::fold_vcard_line(line);
    std::size_t start = 0;
    std::string unfolded;
    while (start < folded.size()) {
      const auto end = folded.find("\r\n", start);
      const auto piece = folded.substr(start, end - start);
      CHECK(piece.size() <= 75);
      unfolded += start == 0 ? piece : piece.substr(1);
      start = end + 2;
    }
    CHECK(unfolded == line);
    CHECK(folded.find("NOTE:" + std::string(68, 'x') + "\xc3\xa4\r\n") == 0);
  }

  TEST_CASE("a contact is written with the fields the model holds and reads back the same")
  {
    contact::Contact written;
    written.display_name = "Dr. Jörg Heinz";
    written.name = {"Heinz", "Jörg", "", "Dr.", ""};
    written.organisation = "Effect GmbH; Köln";
    written.department = "Vertrieb";
    written.title = "Geschäftsführer";
    written.phones.push_back({"0221 2324321", {"work", "voice"}, "", true, 0, {}});
    written.phones.push_back({"+49 171 1234567", {"cell"}, "Diensthandy", false, 0, {}});
    written.emails.push_back({"j.heinz@effect.example", {"work"}, "", false});
    written.categories = {"Kunden", "A,B"};
    written.uid = "urn:uuid:1";
    const auto text = contact::to_vcard(written);
    CHECK(text.find("BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Dr. Jörg Heinz\r\n") == 0);
    CHECK(text.find("ORG:Effect GmbH\\; Köln;Vertrieb\r\n") != std::string::npos);
    CHECK(text.find("TEL;TYPE=work,voice;PREF=1:0221 2324321\r\n") != std::string::npos);
    CHECK(text.find("item1.X-ABLabel:Diensthandy\r\n") != std::string::npos);
    CHECK(text.find("CATEGORIES:Kunden,A\\,B\r\n") != std::string::npos);

    const auto read = test::read_vcard(text);
    REQUIRE(read.contacts.size() == 1);
    const auto& back = read.contacts[0];
    CHECK(back.display_name == written.display_name);
    CHECK(back.name.family == "Heinz");
    CHECK(back.name.prefix == "Dr.");
    CHECK(back.organisation == written.organisation);
    CHECK(back.department == "Vertrieb");
    CHECK(back.title == written.title);
    REQUIRE(back.phones.size() == 2);
    CHECK(back.phones[0].raw == "0221 2324321");
    CHECK(back.phones[0].types == written.phones[0].types);
    CHECK(back.phones[0].preferred);
    CHECK(back.phones[1].label == "Diensthandy");
    CHECK(back.emails[0].address == "j.heinz@effect.example");
    CHECK(back.categories == written.categories);
    CHECK(back.uid == "urn:uuid:1");
    CHECK(read.diagnostics.empty());
  }
}
