// SPDX-License-Identifier: MIT
// End-to-end: `contact-audit import` on files in testdata/.
#include "run_binary.hpp"

#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <doctest/doctest.h>

namespace {

Poco::JSON::Object::Ptr parse_json(const std::string& text)
{
  Poco::JSON::Parser parser;
  return parser.parse(text).extract<Poco::JSON::Object::Ptr>();
}

Poco::JSON::Object::Ptr contact_named(const Poco::JSON::Object::Ptr& document,
                                      const std::string& name)
{
  const auto contacts = document->getArray("contacts");
  for (std::size_t i = 0; i < contacts->size(); ++i) {
    const auto contact = contacts->getObject(static_cast<unsigned>(i));
    if (contact->getValue<std::string>("display_name") == name) {
      return contact;
    }
  }
  FAIL("no contact named " << name);
  return nullptr;
}

std::string
phone_field(const Poco::JSON::Object::Ptr& contact, unsigned index, const std::string& key)
{
  return contact->getArray("phones")->getObject(index)->getValue<std::string>(key);
}

} // namespace

TEST_SUITE("e2e import")
{
  TEST_CASE("the sample address book imports with every number normalised and counts that add up")
  {
    const auto result = e2e::run(
        {"import", "--format", "json", "--reveal", e2e::testdata("sample/phone-anna.vcf")});
    CHECK(result.exit_code == 0);
    const auto document = parse_json(result.out);
    const auto summary = document->getObject("summary");
    CHECK(summary->getValue<int>("contacts_read") == 13);
    CHECK(summary->getValue<int>("contacts_rejected") == 0);
    CHECK(summary->getValue<int>("phones") ==
          summary->getValue<int>("phones_valid") + summary->getValue<int>("phones_ambiguous") +
              summary->getValue<int>("phones_invalid") + summary->getValue<int>("phones_service") +
              summary->getValue<int>("phones_unparsable"));

    const auto schneider = contact_named(document, "Jürgen Schneider");
    CHECK(schneider->getValue<std::string>("organisation") == "Stadtwerke Nordheim GmbH");
    CHECK(schneider->getValue<std::string>("department") == "Einkauf");
    CHECK(phone_field(schneider, 0, "e164") == "+49301234567");
    CHECK(phone_field(schneider, 1, "e164") == "+491712345678");
    CHECK(phone_field(schneider, 1, "type") == "mobile");
    CHECK(schneider->getArray("phones")->getObject(1)->getArray("labels")->getElement<std::string>(
              0) == "cell");

    const auto weber = contact_named(document, "Sabine Weber");
    CHECK(phone_field(weber, 1, "e164") == "+49891234567");
    CHECK(phone_field(weber, 1, "extension") == "12");

    const auto hotline = contact_named(document, "Acme Service-Hotline");
    CHECK(phone_field(hotline, 0, "type") == "toll_free");
    const auto service = contact_named(document, "Ärztlicher Bereitschaftsdienst");
    CHECK(phone_field(service, 0, "status") == "service");
    const auto wagner = contact_named(document, "Peter Wagner");
    CHECK(phone_field(wagner, 1, "status") == "invalid");
    const auto meier = contact_named(document, "Stefan Meier");
    CHECK(phone_field(meier, 1, "status") == "unparsable");
    CHECK(phone_field(meier, 1, "raw") == "BusinessPhone");
  }

  TEST_CASE("ambiguous numbers are reported on stderr with file and line")
  {
    const auto result = e2e::run({"import", e2e::testdata("sample/phone-anna.vcf")});
    CHECK(result.exit_code == 0);
    // Lena Krüger's "49 40 7654321" is on line 45 of the sample.
    CHECK(result.err.find("phone-anna.vcf:45: ") != std::string::npos);
    CHECK(result.err.find("Imported 13 contacts from 1 file(s)") != std::string::npos);
  }

  TEST_CASE("numbers are masked unless --reveal is given")
  {
    const auto masked =
        e2e::run({"import", "--format", "csv", e2e::testdata("sample/phone-anna.vcf")});
    CHECK(masked.exit_code == 0);
    CHECK(masked.out.find("+491712345678") == std::string::npos);
    CHECK(masked.out.find("+49171****678") != std::string::npos);
    const auto revealed =
        e2e::run({"import", "--format", "csv", "--reveal", e2e::testdata("sample/phone-anna.vcf")});
    CHECK(revealed.out.find("+491712345678") != std::string::npos);
  }

  TEST_CASE("a missing file is an input error naming the file")
  {
    const auto result = e2e::run({"import", "/nonexistent/book.vcf"});
    CHECK(result.exit_code == 2);
    CHECK(result.err ==
          "contact-audit: error: /nonexistent/book.vcf: The file cannot be opened; check that it "
          "exists and is readable.\n");
  }

  TEST_CASE("a file of unknown format is an input error and every bad file is listed at once")
  {
    e2e::TempDir dir;
    const auto binary = dir.write("photo.jpg", std::string("\xFF\xD8\xFF\xE0", 4));
    const auto empty = dir.write("empty.dat", "");
    const auto result = e2e::run({"import", binary.string(), empty.string()});
    CHECK(result.exit_code == 2);
    CHECK(result.err.find("photo.jpg: The format is not recognised") != std::string::npos);
    CHECK(result.err.find("empty.dat: The file is empty") != std::string::npos);
  }

  TEST_CASE("an unknown option or format is a usage error")
  {
    CHECK(e2e::run({"import", "--no-such-option"}).exit_code == 2);
    const auto result =
        e2e::run({"import", "--format", "xml", e2e::testdata("sample/phone-anna.vcf")});
    CHECK(result.exit_code == 2);
    CHECK(result.err.find("The output format \"xml\" is not known") != std::string::npos);
  }

  TEST_CASE("help explains every option")
  {
    const auto result = e2e::run({"import", "--help"});
    CHECK(result.exit_code == 0);
    for (const char* option :
         {"--region", "--account", "--format", "--encoding", "--csv-mapping", "--reveal"}) {
      CHECK(result.out.find(option) != std::string::npos);
    }
  }

  TEST_CASE("the account label reaches every contact")
  {
    const auto result = e2e::run({"import",
                                  "--format",
                                  "json",
                                  "--account",
                                  "managed",
                                  e2e::testdata("sample/phone-anna.vcf")});
    const auto document = parse_json(result.out);
    const auto first = document->getArray("contacts")->getObject(0);
    CHECK(first->getObject("source")->getValue<std::string>("account") == "managed");
    CHECK(first->getObject("source")->getValue<int>("line") == 1);
  }
}
