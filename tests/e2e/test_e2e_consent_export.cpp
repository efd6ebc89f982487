// SPDX-License-Identifier: MIT
// End-to-end: `consent export --as dpv|kantara` on the audit scenario's ledger, against fixed
// expected files in testdata/expected/consent-export/ and checks of the required fields.
#include "run_binary.hpp"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <doctest/doctest.h>

#include <cstdlib>
#include <fstream>
#include <regex>
#include <sstream>

namespace {

using Poco::JSON::Object;

constexpr const char* k_now = "CONTACT_AUDIT_NOW=2026-11-25T10:00:00Z";

// The audit scenario's ledger: consents recorded on 2026-02-01 (Anton valid, Ludwig valid
// until 30.06.2026), Karla's withdrawal of 01.09.2026 recorded on 2026-09-02.
class ExportCase
{
public:
  ExportCase()
  {
    e2e::seed_audit_scenario_ledger(ledger());
    const auto json = parse(export_as(subject_of("0151 20000001"), "json"));
    m_ledger_id = json->getValue<std::string>("ledger_id");
  }

  std::string ledger() const { return (m_dir.path() / "ledger.sqlite").string(); }

  std::string subject_of(const std::string& number) const
  {
    const auto run = e2e::run(
        {"consent", "show", number, "--ledger", ledger(), "--as-of", "2026-11-25"}, {}, {k_now});
    std::smatch match;
    REQUIRE(std::regex_search(run.out, match, std::regex("subject ([0-9a-f-]{36})")));
    return match[1];
  }

  std::string export_as(const std::string& subject, const std::string& format) const
  {
    const auto run = e2e::run({"consent",
                               "export",
                               subject,
                               "--as",
                               format,
                               "--as-of",
                               "2026-11-25",
                               "--ledger",
                               ledger()},
                              {},
                              {k_now});
    REQUIRE(run.exit_code == 0);
    return run.out;
  }

  // The export with the random ledger and subject ids replaced, so it can be compared.
  std::string normalised(const std::string& number, const std::string& format) const
  {
    const auto subject = subject_of(number);
    auto text = export_as(subject, format);
    text = std::regex_replace(text, std::regex(m_ledger_id), "LEDGER-ID");
    return std::regex_replace(text, std::regex(subject), "SUBJECT-ID");
  }

  static Object::Ptr parse(const std::string& text)
  {
    Poco::JSON::Parser parser;
    return parser.parse(text).extract<Object::Ptr>();
  }

private:
  e2e::TempDir m_dir;
  std::string m_ledger_id;
};

// Compares `actual` with the expected file, naming the first differing line. With
// CONTACT_AUDIT_UPDATE_EXPECTED set the file is rewritten instead (review the diff).
void check_expected(const std::string& name, const std::string& actual)
{
  const auto path = e2e::testdata("expected/consent-export/" + name);
  if (std::getenv("CONTACT_AUDIT_UPDATE_EXPECTED") != nullptr) {
    std::ofstream(path, std::ios::binary) << actual;
  }
  const auto expected = e2e::read_file(path);
  std::istringstream want(expected);
  std::istringstream got(actual);
  std::string want_line;
  std::string got_line;
  for (std::size_t line = 1; std::getline(want, want_line); ++line) {
    const bool more = static_cast<bool>(std::getline(got, got_line));
    CAPTURE(path.string() + ":" + std::to_string(line));
    REQUIRE(more);
    REQUIRE(got_line == want_line);
  }
  CHECK_FALSE(std::getline(got, got_line));
}

Object::Ptr only_record(const Object::Ptr& document)
{
  const auto graph = document->getArray("@graph");
  REQUIRE(graph->size() == 1);
  return graph->getObject(0);
}

Object::Ptr status_of(const Object::Ptr& record)
{
  return record->getArray("dpv:hasProcess")
      ->getObject(0)
      ->getArray("dpv:hasConsentStatus")
      ->getObject(0);
}

} // namespace

TEST_SUITE("e2e consent export")
{
  TEST_CASE("the DPV and Kantara exports match the expected files")
  {
    ExportCase test;
    check_expected("given.dpv.json", test.normalised("0151 20000001", "dpv"));
    check_expected("given.kantara.json", test.normalised("0151 20000001", "kantara"));
    check_expected("withdrawn.dpv.json", test.normalised("0151 20000011", "dpv"));
    check_expected("withdrawn.kantara.json", test.normalised("0151 20000011", "kantara"));
  }

  TEST_CASE("a DPV record has the fields the dpv-27560 profile requires with values from the "
            "ledger")
  {
    ExportCase test;
    const auto subject = test.subject_of("0151 20000011");
    const auto record = only_record(ExportCase::parse(test.export_as(subject, "dpv")));
    CHECK(record->getArray("@type")->getElement<std::string>(0) == "dpv:ConsentRecord");
    CHECK(record->getValue<std::string>("dct:conformsTo") == "dpv-27560:record-2");
    CHECK(record->getObject("dpv:hasDataSubject")->getValue<std::string>("dpv:hasIdentifier") ==
          "urn:uuid:" + subject);
    CHECK(record->getValue<std::string>("dct:created") == "2026-02-01T09:00:00Z");
    CHECK(record->getValue<std::string>("dct:modified") == "2026-09-02T09:00:00Z");
    CHECK(
        record->getArray("dpv:hasNotice")->getObject(0)->getValue<std::string>("dct:hasVersion") ==
        "1");
    const auto process = record->getArray("dpv:hasProcess")->getObject(0);
    for (const char* key : {"dpv:hasPurpose",
                            "dpv:hasPersonalData",
                            "dpv:hasProcessing",
                            "dpv:hasDataController",
                            "dpv:hasDataSource",
                            "dpv:hasStorageCondition",
                            "dpv:hasRecipient",
                            "dpv:hasConsentControl",
                            "dpv:hasConsentStatus"}) {
      CAPTURE(key);
      CHECK(process->has(key));
    }
    const auto status = status_of(record);
    CHECK(status->getArray("@type")->getElement<std::string>(0) == "dpv:ConsentWithdrawn");
    CHECK(status->getValue<std::string>("dpv:isIndicatedAtTime") == "2026-09-01T00:00:00Z");
    CHECK(status->getValue<std::string>("dpv:hasIndicationMethod") == "email");
    CHECK(process->getArray("dct:provenance")->size() == 2);
  }

  TEST_CASE("an expired consent is dpv:ConsentExpired and its Kantara receipt names the end")
  {
    ExportCase test;
    const auto subject = test.subject_of("0151 20000012");
    const auto record = only_record(ExportCase::parse(test.export_as(subject, "dpv")));
    CHECK(status_of(record)->getArray("@type")->getElement<std::string>(0) == "dpv:ConsentExpired");
    const auto kantara = ExportCase::parse(test.export_as(subject, "kantara"));
    REQUIRE(kantara->getArray("receipts")->size() == 1);
    const auto purpose = kantara->getArray("receipts")
                             ->getObject(0)
                             ->getArray("services")
                             ->getObject(0)
                             ->getArray("purposes")
                             ->getObject(0);
    CHECK(purpose->getValue<std::string>("termination").starts_with("Valid until 2026-06-30"));
  }

  TEST_CASE("a Kantara receipt has every field v1.1 requires with values from the ledger")
  {
    ExportCase test;
    const auto subject = test.subject_of("0151 20000001");
    const auto document = ExportCase::parse(test.export_as(subject, "kantara"));
    CHECK(document->getArray("not_expressible")->size() == 0);
    REQUIRE(document->getArray("receipts")->size() == 1);
    const auto receipt = document->getArray("receipts")->getObject(0);
    for (const char* key : {"version",
                            "jurisdiction",
                            "consentTimestamp",
                            "collectionMethod",
                            "consentReceiptID",
                            "piiPrincipalId",
                            "piiControllers",
                            "policyUrl",
                            "services",
                            "sensitive",
                            "spiCat"}) {
      CAPTURE(key);
      CHECK(receipt->has(key));
    }
    CHECK(receipt->getValue<std::string>("version") == "KI-CR-v1.1.0");
    // 10.01.2026 00:00 UTC, the date on Anton's form, in seconds since 1970.
    CHECK(receipt->getValue<long long>("consentTimestamp") == 1768003200LL);
    CHECK(receipt->getValue<std::string>("collectionMethod") == "paper form");
    CHECK(receipt->getValue<std::string>("piiPrincipalId") == "urn:uuid:" + subject);
    const auto purpose =
        receipt->getArray("services")->getObject(0)->getArray("purposes")->getObject(0);
    for (const char* key : {"purpose",
                            "purposeCategory",
                            "consentType",
                            "piiCategory",
                            "termination",
                            "thirdPartyDisclosure",
                            "thirdPartyName"}) {
      CAPTURE(key);
      CHECK(purpose->has(key));
    }
    CHECK(purpose->getValue<bool>("thirdPartyDisclosure"));
  }

  TEST_CASE("a withdrawal gets no Kantara receipt but a note that v1.1 cannot express it")
  {
    ExportCase test;
    const auto document =
        ExportCase::parse(test.export_as(test.subject_of("0151 20000011"), "kantara"));
    CHECK(document->getArray("receipts")->size() == 0);
    const auto note = document->getArray("not_expressible")->getObject(0);
    CHECK(note->getValue<std::string>("status") == "withdrawn");
    CHECK(note->getValue<std::string>("effective_at") == "2026-09-01T00:00:00Z");
    CHECK(note->getValue<std::string>("note").find("has no field for a consent that is "
                                                   "withdrawn") != std::string::npos);
  }

  TEST_CASE("an unknown export format is a usage error")
  {
    ExportCase test;
    const auto run = e2e::run({"consent",
                               "export",
                               test.subject_of("0151 20000001"),
                               "--as",
                               "xml",
                               "--ledger",
                               test.ledger()});
    CHECK(run.exit_code == 2);
    CHECK(run.err.find("\"xml\" is not an export format; use json, dpv or kantara.") !=
          std::string::npos);
  }
}
