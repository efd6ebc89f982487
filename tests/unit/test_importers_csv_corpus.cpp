// SPDX-License-Identifier: MIT
// CSV reader over the public corpus in testdata/csv/corpus: one data-driven case, so adding a file
// adds a test.
#include "test_importers_csv_support.hpp"

#include <contact_audit/core/error.hpp>

#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <functional>
#include <iterator>
#include <map>

using namespace contact_audit;
using csv_test::read_csv;
using csv_test::types_of;
using Contacts = std::vector<contact::Contact>;

namespace {

const std::filesystem::path k_corpus = CONTACT_AUDIT_TESTDATA "/csv/corpus";

// What the reader must make of one corpus file. `check` holds the values the
// source repository's own tests state (EXPECTED.md), where there are any.
struct Expectation
{
  std::size_t contacts;
  std::string profile;
  std::string encoding;
  std::vector<std::string> codes; // Diagnostic codes, in order.
  std::function<void(const Contacts&)> check;
};

std::string first_email(const contact::Contact& contact)
{
  return contact.emails.empty() ? std::string() : contact.emails.front().address;
}

const std::map<std::string, Expectation>& expectations()
{
  static const std::map<std::string, Expectation> table{
      {"escalate-google-contacts-new-format-2024.csv",
       {2,
        "google-new",
        "UTF-8",
        {},
        [](const Contacts& c) {
          // test_convert_csv_to_ical: rows "John Doe" and "Max Amadeus Mustermann".
          CHECK(c[0].display_name == "John Doe");
          CHECK(c[1].display_name == "Max Amadeus Mustermann");
        }}},
      {"escalate-google-contacts-old-format-2021.csv",
       {2,
        "google-old",
        "UTF-8",
        {},
        [](const Contacts& c) {
          CHECK(c[0].display_name == "John Doe");
          REQUIRE(c[0].phones.size() == 2);
          CHECK(c[0].phones[0].raw == "01701234567");
          CHECK(types_of(c[0].phones[0]) == "cell");
          CHECK(types_of(c[0].phones[1]) == "home");
          CHECK(c[0].categories ==
                std::vector<std::string>{"Mittelschule", "JGA Blake", "friends"});
          CHECK(c[1].source.line == 4); // Row 1 has a two-line quoted address.
        }}},
      {"thunderbird-browser-import.csv",
       {1,
        "generic",
        "UTF-8",
        {},
        [](const Contacts& c) {
          CHECK(c[0].display_name == "contact number one");
          CHECK(first_email(c[0]) == "contact1@invalid");
        }}},
      {"thunderbird-export-comma.csv",
       {2,
        "thunderbird",
        "UTF-8",
        {},
        [](const Contacts& c) {
          CHECK(c[1].display_name == "contact number two");
          CHECK(c[1].title == "\"worker\"");
        }}},
      {"thunderbird-export-tab.txt",
       {2,
        "thunderbird",
        "UTF-8",
        {},
        [](const Contacts& c) { CHECK(first_email(c[1]) == "contact2@invalid"); }}},
      {"thunderbird-import-basic-addressbook.csv",
       {1,
        "thunderbird",
        "UTF-8",
        {},
        [](const Contacts& c) { CHECK(first_email(c[0]) == "johndoe@host.invalid"); }}},
      {"thunderbird-import-basic-csv-addressbook.csv", {2, "thunderbird", "UTF-8", {}, {}}},
      {"thunderbird-import-no-header.csv", {2, "headerless", "UTF-8", {"csv.header.missing"}, {}}},
      {"thunderbird-import-quote-multiline.csv",
       {1,
        "thunderbird",
        "UTF-8",
        {},
        [](const Contacts& c) {
          // addressbook.json quote_csv: ORG Acer America, TEL;TYPE=work (800) 000-0000.
          CHECK(c[0].organisation == "Acer America");
          REQUIRE(c[0].phones.size() == 1);
          CHECK(c[0].phones[0].raw == "(800) 000-0000");
          CHECK(types_of(c[0].phones[0]) == "work voice");
        }}},
      {"thunderbird-import-semicolon.csv", {2, "thunderbird", "UTF-8", {}, {}}},
      {"thunderbird-import-shift-jis.csv", {1, "thunderbird", "Shift_JIS", {}, {}}},
      {"thunderbird-import-tab-comma-mixed.csv",
       {4,
        "headerless",
        "UTF-8",
        {"csv.header.missing", "csv.row.mixed-separators"},
        [](const Contacts& c) {
          for (std::size_t i = 0; i < 4; ++i) {
            CHECK(c[i].display_name == std::to_string(i + 1));
            CHECK(first_email(c[i]) == std::to_string(i + 1) + "@host.invalid");
          }
        }}},
      {"thunderbird-import-utf16.csv", {1, "thunderbird", "UTF-16LE", {}, {}}},
      {"tine20-duplicates-1-broken-umlauts.csv",
       {2,
        "generic",
        "windows-1252",
        {},
        [](const Contacts& c) {
          CHECK(c[0].name.given == "Jörg"); // CsvTest::testImportDuplicateResolve.
          CHECK(c[0].role == "Geschäftsführer");
        }}},
      {"tine20-german-phone-columns-semicolon.csv",
       {1,
        "generic",
        "UTF-8",
        {"csv.header.unknown-columns"},
        [](const Contacts& c) {
          REQUIRE(c[0].phones.size() == 1);
          CHECK(c[0].phones[0].raw == "0190 800"); // CsvTest::testAppendField.
        }}},
      {"tine20-google-contacts-old-format.csv",
       {5,
        "google-old",
        "UTF-8",
        {},
        [](const Contacts& c) {
          // CsvTest::testImportGoogleContacts.
          CHECK(first_email(c[3]) == "abc@here.de");
          CHECK(c[0].phones.at(0).raw == "+49227913452");
          CHECK(c[4].display_name == "Bus Winsen");
          CHECK(c[4].addresses.size() == 1);
          CHECK(c[3].categories == std::vector<std::string>{"kunden"});
        }}},
      {"tine20-google-import-example.csv",
       {1,
        "google-old",
        "UTF-8",
        {},
        [](const Contacts& c) {
          CHECK(c[0].organisation == "Musterfirma");
          CHECK(c[0].phones.at(0).raw == "04012345");
        }}},
      {"tine20-lxoffice-customers-1.csv",
       {3,
        "generic",
        "UTF-8",
        {},
        [](const Contacts& c) {
          CHECK(c[0].display_name == "Wolfgang Berger"); // CsvTest::testImportLxOffice.
          CHECK(c[0].uid == "73029");
        }}},
      {"tine20-lxoffice-customers-2.csv",
       {6,
        "generic",
        "UTF-8",
        {},
        [](const Contacts& c) {
          // tine20 merges duplicates ("3 or 4 contacts added"); the reader returns every row.
          CHECK(c[3].display_name == "Dr. Schutheiss");
          CHECK(c[4].display_name == "Gartencenter Röhr & Vater");
          CHECK(c[4].emails.size() == 4);
        }}},
      {"tine20-mac-addressbook-german-tab.csv",
       {1,
        "mac-de",
        "UTF-8",
        {},
        [](const Contacts& c) { CHECK(first_email(c[0]) == "max@muster.de"); }}},
      {"tine20-native-export.csv",
       {2,
        "generic",
        "UTF-8",
        {},
        [](const Contacts& c) {
          CHECK(c[0].display_name == "Klaus Müller");
          CHECK(c[0].organisation == "Hotel Adlon");
          CHECK(types_of(c[0].phones.at(0)) == "work voice");
        }}},
      {"tine20-outlook2007-german-mojibake-utf8.csv",
       {2,
        "outlook-de",
        "UTF-8",
        {"csv.encoding.mojibake"},
        [](const Contacts& c) {
          CHECK(c[0].organisation == "The Firm");
          CHECK(types_of(c[0].phones.at(0)) == "work voice"); // "Telefon gesch\uFFFDftlich"
          CHECK(c[1].title == "Pressestelle");
        }}},
      {"tine20-outlook2013-german-cp1252.csv",
       {2,
        "outlook-de",
        "windows-1252",
        {},
        [](const Contacts& c) {
          CHECK(first_email(c[0]) == "c.baumann@unittest.de"); // CsvTest::testImportOutlook2013.
          CHECK(c[1].display_name == "Cornelius Weiß");
          CHECK(c[1].source.line == 4); // Row 1 holds a quoted line break.
        }}},
      {"tine20-split-plz-ort.csv",
       {1,
        "generic",
        "UTF-8",
        {"csv.header.unknown-columns"},
        [](const Contacts& c) { CHECK(c[0].display_name == "Jörg Heinz"); }}},
      {"tine20-win1252-semicolon.csv",
       {4,
        "generic",
        "windows-1252",
        {},
        [](const Contacts& c) {
          // CsvTest::testImportWithUmlautsWin1252: n_fileas "Üglü, ÖzdemirÖ".
          CHECK(c[2].name.given == "ÖzdemirÖ");
          CHECK(c[2].name.family == "Üglü");
        }}},
  };
  return table;
}

std::string read_file(const std::filesystem::path& path)
{
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

Poco::JSON::Object::Ptr parse_json(const std::filesystem::path& path)
{
  Poco::JSON::Parser parser;
  return parser.parse(read_file(path)).extract<Poco::JSON::Object::Ptr>();
}

// Compare with the cards of expected/*.json that expected.json names for `file`
// ("expected_file": "csv/expected/x.json#key").
void check_expected_cards(const std::string& file, const Contacts& contacts)
{
  const auto entry = parse_json(k_corpus / "expected.json")->getObject(file);
  const auto tests = entry->getArray("from_source_tests");
  for (std::size_t i = 0; i < tests->size(); ++i) {
    const auto test = tests->getObject(static_cast<unsigned>(i));
    if (!test->has("expected_file")) {
      continue;
    }
    const std::string reference = test->getValue<std::string>("expected_file");
    const std::string name =
        reference.substr(reference.rfind('/') + 1, reference.find('#') - reference.rfind('/') - 1);
    const auto cards = parse_json(k_corpus / "expected" / name)
                           ->getArray(reference.substr(reference.find('#') + 1));
    REQUIRE(cards->size() == contacts.size());
    for (std::size_t j = 0; j < cards->size(); ++j) {
      const auto card = cards->getObject(static_cast<unsigned>(j));
      const auto value = [&](const char* key) { return card->optValue<std::string>(key, ""); };
      CHECK(contacts[j].display_name == value("DisplayName"));
      if (card->has("FirstName")) {
        CHECK(contacts[j].name.given == value("FirstName"));
        CHECK(contacts[j].name.family == value("LastName"));
      }
      if (card->has("PrimaryEmail")) {
        CHECK(first_email(contacts[j]) == value("PrimaryEmail"));
      }
    }
  }
}

} // namespace

TEST_SUITE("importers::CsvReader")
{
  TEST_CASE("every corpus file imports with the expected profile, encoding, diagnostics and values")
  {
    std::size_t files = 0;
    for (const auto& entry : std::filesystem::directory_iterator(k_corpus)) {
      const std::string name = entry.path().filename().string();
      if (!entry.is_regular_file() ||
          (entry.path().extension() != ".csv" && entry.path().extension() != ".txt")) {
        continue;
      }
      ++files;
      CAPTURE(name);
      const auto expected = expectations().find(name);
      REQUIRE_MESSAGE(expected != expectations().end(),
                      "add the expected values of the new corpus file");
      const auto result = read_csv(read_file(entry.path()), {}, {}, name);
      CHECK(result.contacts.size() == expected->second.contacts);
      CHECK(result.stats.contacts_read == expected->second.contacts);
      CHECK(result.stats.contacts_rejected == 0);
      CHECK(result.stats.detected_profile == expected->second.profile);
      CHECK(result.stats.detected_encoding == expected->second.encoding);
      CHECK(result.codes() == expected->second.codes);
      if (result.contacts.size() == expected->second.contacts) {
        if (expected->second.check) {
          expected->second.check(result.contacts);
        }
        check_expected_cards(name, result.contacts);
      }
    }
    CHECK(files == expectations().size());
  }
}
