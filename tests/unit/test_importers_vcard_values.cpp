// SPDX-License-Identifier: MIT
// vCard reader: value decoding (quoted-printable, charsets, escapes), parameters, groups and
// fields.
#include "importers/vcard/vcard_value.hpp"
#include "vcard_test_support.hpp"

#include <doctest/doctest.h>

#include <string>

using namespace contact_audit;
using test::read_vcard;
using test::Strings;

namespace {

// `text` (UTF-8, code points below U+10000) as UTF-16 bytes with a byte-order mark.
std::string utf16(const std::string& text, bool little_endian)
{
  std::string out = little_endian ? "\xFF\xFE" : "\xFE\xFF";
  for (std::size_t i = 0; i < text.size();) {
    const auto c = static_cast<unsigned char>(text[i]);
    unsigned int code = c;
    std::size_t length = 1;
    if (c >= 0xE0) {
      code = ((c & 0x0FU) << 12U) | ((text[i + 1] & 0x3FU) << 6U) | (text[i + 2] & 0x3FU);
      length = 3;
    } else if (c >= 0xC0) {
      code = ((c & 0x1FU) << 6U) | (text[i + 1] & 0x3FU);
      length = 2;
    }
    const char high = static_cast<char>(code >> 8U);
    const char low = static_cast<char>(code & 0xFFU);
    out += little_endian ? std::string{low, high} : std::string{high, low};
    i += length;
  }
  return out;
}

std::string card(const std::string& version, const std::string& body)
{
  return "BEGIN:VCARD\r\nVERSION:" + version + "\r\n" + body + "END:VCARD\r\n";
}

} // namespace

TEST_SUITE("importers::VCardReader")
{
  TEST_CASE("quoted-printable soft breaks join lines, also inside a multi-byte character")
  {
    const auto read =
        read_vcard(card("2.1",
                        "N;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:M=C3=BC=\r\n"
                        "ller;J=C3=\r\n=BCrgen\r\n"
                        "FN;QUOTED-PRINTABLE;CHARSET=UTF-8:J=C3=BCrgen M=C3=BCller\r\n"
                        "NOTE;ENCODING=QUOTED-PRINTABLE:sharp ->=\r\n"
                        "#<- sharp, not a comment=0D=0A=\r\n"
                        "TEL:must not be read\r\n"
                        "ORG;ENCODING=QUOTED-PRINTABLE:Firma=0D=0AGmbH\r\n"
                        "TEL;WORK:123\r\n"));
    REQUIRE(read.contacts.size() == 1);
    const auto& contact = read.contacts[0];
    CHECK(contact.name.family == "Müller");
    CHECK(contact.name.given == "Jürgen");
    CHECK(contact.display_name == "Jürgen Müller");
    CHECK(contact.organisation == "Firma\r\nGmbH");
    CHECK(test::phone_numbers(contact) == Strings{"123"});
    CHECK(read.diagnostics.empty());
  }

  TEST_CASE("an '=' that starts no quoted-printable escape is kept with a warning")
  {
    const auto read = read_vcard(card("2.1", "FN;ENCODING=QUOTED-PRINTABLE:50=%Rabatt=2\r\n"));
    REQUIRE(read.contacts.size() == 1);
    CHECK(read.contacts[0].display_name == "50=%Rabatt=2");
    REQUIRE(read.codes() == Strings{"3 vcard.qp.invalid"});
    CHECK(read.diagnostics[0].message ==
          "The quoted-printable FN value has an '=' that starts no =XX escape; that text was kept "
          "as written.");
  }

  TEST_CASE("a quoted-printable soft break right before END:VCARD does not swallow the end")
  {
    const auto read = read_vcard(card("2.1", "FN;ENCODING=QUOTED-PRINTABLE:Ende=\r\n") +
                                 card("2.1", "FN:Next\r\n"));
    REQUIRE(read.contacts.size() == 2);
    CHECK(read.contacts[0].display_name == "Ende");
    CHECK(read.contacts[1].display_name == "Next");
    CHECK(read.codes() == Strings{"3 vcard.qp.soft-break-at-end"});
  }

  TEST_CASE("CHARSET names the encoding of a value: ISO-8859-1, Windows-1252, Shift_JIS, quoted")
  {
    const auto read = read_vcard(card("2.1",
                                      "N;CHARSET=ISO-8859-1:M\xFCller;J\xFCrgen\r\n"
                                      "FN;CHARSET=Windows-1252:\x80uro \x84Gr\xFC\xDF\x93\r\n"
                                      "ORG;CHARSET=SHIFT_JIS:\x88\xC0\x93\xA1\r\n"
                                      "TITLE;CHARSET=\"utf-8\";ENCODING=QUOTED-PRINTABLE:"
                                      "Gesch=C3=A4ftsf=C3=BChrer\r\n"));
    REQUIRE(read.contacts.size() == 1);
    const auto& contact = read.contacts[0];
    CHECK(contact.name.family == "Müller");
    CHECK(contact.name.given == "Jürgen");
    CHECK(contact.display_name == "€uro „Grüß“");
    CHECK(contact.organisation == "安藤");
    CHECK(contact.title == "Geschäftsführer");
    CHECK(read.diagnostics.empty());
  }

  TEST_CASE("an unknown CHARSET is reported and the value read as UTF-8 or windows-1252")
  {
    const auto read = read_vcard(card("2.1",
                                      "N;CHARSET=BLABLA:M\xFCller;Hans\r\n"
                                      "FN;CHARSET=MURKS:Hans M\xC3\xBCller\r\n"));
    REQUIRE(read.contacts.size() == 1);
    CHECK(read.contacts[0].name.family == "Müller");
    CHECK(read.contacts[0].display_name == "Hans Müller");
    REQUIRE(read.codes() == Strings{"3 vcard.charset.unknown", "4 vcard.charset.unknown"});
    CHECK(read.diagnostics[0].message ==
          "The CHARSET \"BLABLA\" of the N property is not a known character set; the value was "
          "read as windows-1252.");
    CHECK(read.diagnostics[1].message ==
          "The CHARSET \"MURKS\" of the FN property is not a known character set; the value was "
          "read as UTF-8.");
  }

  TEST_CASE("8-bit values without CHARSET are read as windows-1252 and reported once per file")
  {
    // tine20 HerrFalkMuenchen.vcf: a cp1252 file that declares nothing.
    const auto read = read_vcard(card("3.0",
                                      "N:M\xFCnchen;Falk;;;\r\nFN:M\xFCnchen, Falk\r\n"
                                      "TITLE:Landtagsabgeordneter\r\n"
                                      "ORG:Landtag D\xFCsseldorf\r\n"));
    REQUIRE(read.contacts.size() == 1);
    CHECK(read.contacts[0].name.family == "München");
    CHECK(read.contacts[0].display_name == "München, Falk");
    CHECK(read.contacts[0].organisation == "Landtag Düsseldorf");
    CHECK(read.stats.detected_encoding == "windows-1252");
    REQUIRE(read.codes() == Strings{"3 vcard.encoding.legacy"});
    CHECK(read.diagnostics[0].message ==
          "The N value has no CHARSET parameter and is not valid UTF-8; it and all such values "
          "in this file were read as windows-1252.");
  }

  TEST_CASE("an encoding named by the caller decides how 8-bit values without CHARSET are read")
  {
    importers::ReadOptions options;
    options.encoding = "ISO-8859-15";
    const auto read = read_vcard(card("3.0", "FN:Preis \xA4 5\r\n"), options);
    REQUIRE(read.contacts.size() == 1);
    CHECK(read.contacts[0].display_name == "Preis € 5");
    CHECK(read.stats.detected_encoding == "ISO-8859-15");
    CHECK(read.diagnostics.empty());
  }

  TEST_CASE("a UTF-8 value in a file that is otherwise windows-1252 stays UTF-8")
  {
    const auto read = read_vcard(card("3.0", "N:M\xFCller;Hans\r\nFN:Hans M\xC3\xBCller\r\n"));
    REQUIRE(read.contacts.size() == 1);
    CHECK(read.contacts[0].name.family == "Müller");
    CHECK(read.contacts[0].display_name == "Hans Müller");
    CHECK(read.codes() == Strings{"3 vcard.encoding.legacy"});
  }

  TEST_CASE("UTF-16 files (with or without byte-order mark) and UTF-8 files with a BOM are decoded")
  {
    const std::string text = card("3.0", "FN;CHARSET=ISO-8859-1:Jürgen Müller\r\nTEL:+49 30 1\r\n");
    for (const bool little : {true, false}) {
      CAPTURE(little);
      const auto read = read_vcard(utf16(text, little));
      REQUIRE(read.contacts.size() == 1);
      CHECK(read.contacts[0].display_name == "Jürgen Müller");
      CHECK(test::phone_numbers(read.contacts[0]) == Strings{"+49 30 1"});
      CHECK(read.stats.detected_encoding == (little ? "UTF-16LE" : "UTF-16BE"));
      CHECK(read.diagnostics.empty());
    }
    const auto no_bom = read_vcard(utf16(text, true).substr(2));
    REQUIRE(no_bom.contacts.size() == 1);
    CHECK(no_bom.contacts[0].display_name == "Jürgen Müller");
    CHECK(no_bom.stats.detected_encoding == "UTF-16LE");
    const auto read = read_vcard("\xEF\xBB\xBF" + text);
    REQUIRE(read.contacts.size() == 1);
    CHECK(read.contacts[0].display_name == "Jürgen Müller");
    CHECK(read.contacts[0].source.line == 1);
    CHECK(read.diagnostics.empty());
  }

  TEST_CASE("an Apple X-ABLabel gives its group's number a type or a free-text label")
  {
    const auto read = read_vcard(card("3.0",
                                      "FN:Gruppen\r\n"
                                      "item1.TEL:+49 151 1111111\r\n"
                                      "item1.X-ABLabel:_$!<Mobile>!$_\r\n"
                                      "item2.X-ABLabel:Piraten\r\n"
                                      "item2.TEL;type=pref:+49 30 2222222\r\n"
                                      "item3.TEL:+49 30 3333333\r\n"
                                      "item3.X-ABLabel:_$!<WorkFAX>!$_\r\n"
                                      "item4.EMAIL;type=INTERNET:a@example.com\r\n"
                                      "item4.X-ABLabel:_$!<Work>!$_\r\n"
                                      "item5.TEL:+49 40 5555\r\n"
                                      "item5.X-ABLabel:_$!<AssistantPhone>!$_\r\n"
                                      "item6.TEL;TYPE=HOME:+49 40 6666\r\n"
                                      "X-ABLabel:ungrouped\r\n"));
    REQUIRE(read.contacts.size() == 1);
    const auto& phones = read.contacts[0].phones;
    REQUIRE(phones.size() == 5);
    CHECK(phones[0].raw == "+49 151 1111111");
    CHECK(phones[0].types == Strings{"cell"});
    CHECK(phones[0].label.empty());
    CHECK(phones[1].types.empty());
    CHECK(phones[1].label == "Piraten");
    CHECK(phones[1].preferred);
    CHECK(phones[2].types == Strings{"work", "fax"});
    CHECK(phones[3].types.empty());
    CHECK(phones[3].label == "AssistantPhone");
    CHECK(phones[4].types == Strings{"home"});
    CHECK(phones[4].label.empty());
    REQUIRE(read.contacts[0].emails.size() == 1);
    CHECK(read.contacts[0].emails[0].types == Strings{"work"});
    CHECK(read.diagnostics.empty());
  }

  TEST_CASE("Apple's system labels map to canonical types")
  {
    const std::pair<const char*, Strings> cases[] = {
        {"_$!<Mobile>!$_", {"cell"}},
        {"_$!<Work>!$_", {"work"}},
        {"_$!<Home>!$_", {"home"}},
        {"_$!<WorkFAX>!$_", {"work", "fax"}},
        {"_$!<HomeFAX>!$_", {"home", "fax"}},
        {"_$!<Main>!$_", {"main"}},
        {"_$!<Other>!$_", {"other"}},
        {"_$!<Pager>!$_", {"pager"}},
    };
    for (const auto& [label, types] : cases) {
      CAPTURE(label);
      const auto read =
          read_vcard(card("3.0", "item1.TEL:1\r\nitem1.X-ABLabel:" + std::string(label) + "\r\n"));
      REQUIRE(read.contacts.size() == 1);
      CHECK(read.contacts[0].phones[0].types == types);
    }
  }

  TEST_CASE("TYPE parameters are read in every form and letter case")
  {
    const auto read = read_vcard(card("3.0",
                                      "FN:Typen\r\n"
                                      "TEL;WORK;FAX:1\r\n"
                                      "TEL;TYPE=home,voice:2\r\n"
                                      "TEL;TYPE=CELL;TYPE=pref:3\r\n"
                                      "TEL;TYPE=\"work,voice\":4\r\n"
                                      "TEL;PREF=1;TYPE=cell:5\r\n"
                                      "TEL;PREF=2:6\r\n"
                                      "tel;Type=Fax:7\r\n"
                                      "TEL;VALUE=uri;TYPE=work:tel:+49-30-1234567;ext=12\r\n"));
    REQUIRE(read.contacts.size() == 1);
    const auto& phones = read.contacts[0].phones;
    REQUIRE(phones.size() == 8);
    CHECK(phones[0].types == Strings{"work", "fax"});
    CHECK(phones[1].types == Strings{"home", "voice"});
    CHECK(phones[2].types == Strings{"cell"});
    CHECK(phones[2].preferred);
    CHECK(phones[3].types == Strings{"work", "voice"});
    CHECK(phones[4].types == Strings{"cell"});
    CHECK(phones[4].preferred);
    CHECK_FALSE(phones[5].preferred);
    CHECK(phones[6].types == Strings{"fax"});
    CHECK(phones[7].raw == "tel:+49-30-1234567;ext=12");
    CHECK(phones[7].types == Strings{"work"});
    CHECK_FALSE(phones[0].preferred);
  }

  TEST_CASE("vCard 3.0 escapes are undone in text and structured values")
  {
    const auto read = read_vcard(card("3.0",
                                      "FN:Doe\\, John \\; Jr. \\\\ x\\ny\\Nz \\M\r\n"
                                      "N:D\\;oe;Jo\\,hn;Richter,James;;\r\n"
                                      "ORG:Firma\\, Inc.;Abteilung\\;Ost;Team\r\n"));
    REQUIRE(read.contacts.size() == 1);
    const auto& contact = read.contacts[0];
    CHECK(contact.display_name == "Doe, John ; Jr. \\ x\ny\nz \\M");
    CHECK(contact.name.family == "D;oe");
    CHECK(contact.name.given == "Jo,hn");
    CHECK(contact.name.additional == "Richter,James");
    CHECK(contact.organisation == "Firma, Inc.");
    CHECK(contact.department == "Abteilung;Ost Team");
  }

  TEST_CASE("vCard 2.1 keeps text as written and splits structured values like Android")
  {
    // AOSP v21_backslash.vcf with the values Android's own test expects.
    const auto read = read_vcard(
        card("2.1", "N:;A\\;B\\\\;C\\\\\\;;D;\\:E;\\\\\\\\;\r\nFN:A;B\\C\\;D:E\\\\\r\n"));
    REQUIRE(read.contacts.size() == 1);
    const auto& contact = read.contacts[0];
    CHECK(contact.name.family.empty());
    CHECK(contact.name.given == "A;B\\");
    CHECK(contact.name.additional == "C\\;");
    CHECK(contact.name.prefix == "D");
    CHECK(contact.name.suffix == ":E");
    CHECK(contact.display_name == "A;B\\C\\;D:E\\\\");
  }

  TEST_CASE("a vCard 2.1 value line ending in a backslash goes on in the next line")
  {
    const auto read = read_vcard(card("2.1",
                                      "N:bogus\r\n"
                                      "ADR;HOME:;;Hermann v. Brevern\\\r\n9999999\\\r\n"
                                      "Packstation 999;Hamburg;;99999;Deutschland\r\n"));
    REQUIRE(read.contacts.size() == 1);
    REQUIRE(read.contacts[0].addresses.size() == 1);
    CHECK(read.contacts[0].addresses[0].types == Strings{"home"});
    CHECK(read.diagnostics.empty());
  }

  TEST_CASE("structured values with missing parts leave those parts empty")
  {
    const auto read = read_vcard(card("3.0", "N:Solo\r\nORG:Firma GmbH\r\n") +
                                 card("3.0", "N:;Conference Call\r\nORG:;Nur Abteilung\r\n"));
    REQUIRE(read.contacts.size() == 2);
    CHECK(read.contacts[0].name.family == "Solo");
    CHECK(read.contacts[0].name.given.empty());
    CHECK(read.contacts[0].name.suffix.empty());
    CHECK(read.contacts[0].organisation == "Firma GmbH");
    CHECK(read.contacts[0].department.empty());
    CHECK(read.contacts[1].name.family.empty());
    CHECK(read.contacts[1].name.given == "Conference Call");
    CHECK(read.contacts[1].organisation.empty());
    CHECK(read.contacts[1].department == "Nur Abteilung");
  }

  TEST_CASE("RFC 6868 caret escapes are decoded in parameter values")
  {
    std::string value = "Bad Homburg^nGERMANY^'x^'^^^y";
    importers::vcard::decode_caret(value);
    CHECK(value == "Bad Homburg\nGERMANY\"x\"^^y");

    importers::vcard::Params params;
    importers::vcard::parse_params("TYPE=wo^^rk,\"home\";LABEL=\"a;b^'c\";CHARSET=\"utf-8\";"
                                   "ENCODING=QUOTED-PRINTABLE;PREF=1;VALUE=uri",
                                   params);
    CHECK(params.types == Strings{"wo^rk", "home"});
    CHECK(params.charset == "utf-8");
    CHECK(params.encoding == importers::vcard::TransferEncoding::quoted_printable);
    CHECK(params.pref);
    CHECK(params.value_uri);

    const auto read = read_vcard(card("4.0",
                                      "FN:Dummy\r\n"
                                      "ADR;TYPE=work;LABEL=\"Strasse 1^n61352 Bad Homburg\":"
                                      ";;Strasse 1;Bad Homburg;;61352;Germany\r\n"));
    REQUIRE(read.contacts.size() == 1);
    REQUIRE(read.contacts[0].addresses.size() == 1);
    CHECK(read.contacts[0].addresses[0].types == Strings{"work"});
  }

  TEST_CASE("the fields the audit needs are kept and free content is not")
  {
    const auto read = read_vcard(card("4.0",
                                      "FN:Erika Mustermann\r\nTITLE:Einkauf\r\nROLE:Leitung\r\n"
                                      "UID:urn:uuid:1234\r\nNOTE:Privates\r\n"
                                      "CATEGORIES:Kunde,Lieferant\\, Partner, VIP ,Kunde\r\n"
                                      "EMAIL:\"Erika\" <erika@example.com>\r\n"
                                      "EMAIL;VALUE=uri:mailto:e.m@example.org\r\nEMAIL:\r\n"
                                      "ADR;TYPE=work:;;;;;;\r\n"
                                      "ADR;TYPE=HOME,POSTAL:;;Weg 1;Ort\r\n"));
    REQUIRE(read.contacts.size() == 1);
    const auto& contact = read.contacts[0];
    CHECK(contact.title == "Einkauf");
    CHECK(contact.role == "Leitung");
    CHECK(contact.uid == "urn:uuid:1234");
    CHECK(contact.categories == Strings{"Kunde", "Lieferant, Partner", "VIP"});
    CHECK(test::email_addresses(contact) == Strings{"erika@example.com", "e.m@example.org"});
    REQUIRE(contact.addresses.size() == 1);
    CHECK(contact.addresses[0].types == Strings{"home"});
    CHECK(read.codes() == Strings{"11 vcard.value.empty", "12 vcard.value.empty"});
    CHECK(read.diagnostics[0].message ==
          "The EMAIL property has no address; the property was dropped.");
    CHECK(read.diagnostics[1].message ==
          "The ADR property has no address parts; the property was dropped.");
    CHECK(read.stats.properties_dropped == 2);
  }
}
