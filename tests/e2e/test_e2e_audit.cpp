// SPDX-License-Identifier: MIT
// End-to-end: `contact-audit audit` on the scenarios in testdata/audit/ (see its SOURCE.md).
#include "run_binary.hpp"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <doctest/doctest.h>

#include <sys/stat.h>

namespace {

using Poco::JSON::Object;

// A ledger with the scenario's consents recorded on 2026-02-01 and the
// withdrawal recorded on 2026-09-02, as HR would have entered them.
class Scenario
{
public:
  Scenario() { e2e::seed_audit_scenario_ledger(ledger()); }

  std::string ledger() const { return (m_dir.path() / "ledger.sqlite").string(); }
  std::string out(const std::string& name) const { return (m_dir.path() / name).string(); }

  // Audit `profile` as of `as_of`; returns the run and the parsed JSON result.
  std::pair<e2e::Run, Object::Ptr> audit(const std::string& profile,
                                         const std::string& as_of = "2026-11-25",
                                         std::vector<std::string> extra = {}) const
  {
    std::vector<std::string> arguments{"audit",
                                       "--device",
                                       e2e::testdata("audit/" + profile + ".toml").string(),
                                       "--ledger",
                                       ledger(),
                                       "--as-of",
                                       as_of,
                                       "--lang",
                                       "en",
                                       "--json",
                                       out("audit.json")};
    arguments.insert(arguments.end(), extra.begin(), extra.end());
    auto run = e2e::run(arguments);
    Poco::JSON::Parser parser;
    auto document = parser.parse(e2e::read_file(out("audit.json"))).extract<Object::Ptr>();
    return {run, document};
  }

private:
  e2e::TempDir m_dir;
};

std::size_t total(const Object::Ptr& document, const std::string& key)
{
  return document->getObject("totals")->getValue<std::size_t>(key);
}

std::size_t consent_count(const Object::Ptr& document, const std::string& state)
{
  const auto states = document->getObject("totals")->getObject("consent_states");
  return states->has(state) ? states->getValue<std::size_t>(state) : 0;
}

Object::Ptr finding_for(const Object::Ptr& document, const std::string& contact)
{
  const auto findings = document->getArray("findings");
  for (std::size_t i = 0; i < findings->size(); ++i) {
    const auto finding = findings->getObject(static_cast<unsigned>(i));
    if (finding->getValue<std::string>("contact") == contact) {
      return finding;
    }
  }
  return nullptr;
}

} // namespace

TEST_SUITE("e2e audit")
{
  TEST_CASE("an Android phone without work profile uploads 15 business contacts without consent")
  {
    Scenario scenario;
    const auto [run, document] = scenario.audit("android-unmanaged");
    CHECK(run.exit_code == 1);
    CHECK(total(document, "contacts_read") == 40);
    CHECK(total(document, "business") == 25);
    CHECK(total(document, "private") == 15);
    CHECK(total(document, "visible") == 40);
    CHECK(total(document, "non_compliant_contacts") == 15);
    CHECK(total(document, "non_compliant_numbers") == 15);
    CHECK(document->getArray("findings")->size() == 15);
    CHECK(consent_count(document, "valid") == 15);
    CHECK(consent_count(document, "withdrawn") == 1);
    CHECK(consent_count(document, "expired") == 1);
    CHECK(consent_count(document, "missing") == 13);
    CHECK(run.out.find("Not compliant: WhatsApp would upload 15 business contacts") !=
          std::string::npos);
  }

  TEST_CASE(
      "the same phone with a work profile has no bulk findings but reports the lookup exposure")
  {
    Scenario scenario;
    const auto [run, document] = scenario.audit("android-work-profile");
    CHECK(run.exit_code == 0);
    CHECK(total(document, "non_compliant_contacts") == 0);
    CHECK(total(document, "lookup_only") == 25);
    CHECK(document->getArray("residual")->size() == 15);
    CHECK(document->getArray("residual")->getObject(0)->getValue<std::string>("exposure") ==
          "lookup_only");
  }

  TEST_CASE("iOS with the default restriction still lets WhatsApp read managed contacts")
  {
    Scenario scenario;
    const auto [run, document] = scenario.audit("ios-default");
    CHECK(run.exit_code == 1);
    CHECK(total(document, "non_compliant_contacts") == 15);
    const auto finding = finding_for(document, "Nils Geschaeft14");
    REQUIRE(finding);
    CHECK(finding->getValue<std::string>("account") == "managed");
    CHECK(finding->getObject("exposure_reason")
              ->getValue<std::string>("en")
              .find("allowOpenFromManagedToUnmanaged") != std::string::npos);
  }

  TEST_CASE("iOS with allowOpenFromManagedToUnmanaged false is compliant")
  {
    Scenario scenario;
    const auto [run, document] = scenario.audit("ios-separated");
    CHECK(run.exit_code == 0);
    CHECK(total(document, "non_compliant_contacts") == 0);
    CHECK(total(document, "not_visible") == 25);
  }

  TEST_CASE("a withdrawn consent is a finding whose remediation is to move the contact")
  {
    Scenario scenario;
    const auto [run, document] = scenario.audit("ios-default");
    const auto finding = finding_for(document, "Karla Geschaeft11");
    REQUIRE(finding);
    const auto number = finding->getArray("numbers")->getObject(0);
    CHECK(number->getValue<std::string>("consent_state") == "withdrawn");
    CHECK(finding->getValue<std::string>("remediation") == "move_to_managed");
    // The explicit "no" comes first: findings are sorted by severity.
    CHECK(document->getArray("findings")->getObject(0)->getValue<std::string>("contact") ==
          "Karla Geschaeft11");
  }

  TEST_CASE("an expired consent is a finding")
  {
    Scenario scenario;
    const auto [run, document] = scenario.audit("android-unmanaged");
    const auto finding = finding_for(document, "Ludwig Geschaeft12");
    REQUIRE(finding);
    CHECK(finding->getArray("numbers")->getObject(0)->getValue<std::string>("consent_state") ==
          "expired");
    CHECK(finding->getValue<std::string>("remediation") == "obtain_consent");
  }

  TEST_CASE("an audit as of a date before the withdrawal and the expiry sees both consents valid")
  {
    Scenario scenario;
    const auto [run, document] = scenario.audit("android-unmanaged", "2026-05-01");
    CHECK(run.exit_code == 1);
    CHECK(total(document, "non_compliant_contacts") == 13);
    CHECK(finding_for(document, "Karla Geschaeft11") == nullptr);
    CHECK(finding_for(document, "Ludwig Geschaeft12") == nullptr);
    CHECK(document->getObject("manifest")->getValue<std::string>("as_of") ==
          "2026-05-01T23:59:59Z");
  }

  TEST_CASE(
      "a number shared by a private and a business contact is a finding only for the business one")
  {
    Scenario scenario;
    const auto [run, document] = scenario.audit("android-unmanaged");
    CHECK(finding_for(document, "Marta Geschaeft13") != nullptr);
    CHECK(finding_for(document, "Bruder Felix") == nullptr);
  }

  TEST_CASE("a contact with consent for only one of two numbers is a finding for the other")
  {
    Scenario scenario;
    const auto [run, document] = scenario.audit("android-unmanaged");
    const auto finding = finding_for(document, "Udo Geschaeft21");
    REQUIRE(finding);
    const auto numbers = finding->getArray("numbers");
    REQUIRE(numbers->size() == 2);
    CHECK(numbers->getObject(0)->getValue<std::string>("consent_state") == "valid");
    CHECK(numbers->getObject(1)->getValue<std::string>("consent_state") == "missing");
  }

  TEST_CASE("the what-if shows that a work profile removes every bulk finding")
  {
    Scenario scenario;
    const auto [run, document] = scenario.audit("android-unmanaged");
    const auto what_if = document->getArray("what_if");
    bool found = false;
    for (std::size_t i = 0; i < what_if->size(); ++i) {
      const auto entry = what_if->getObject(static_cast<unsigned>(i));
      if (entry->getValue<std::string>("id") == "android-work-profile-personal") {
        found = true;
        CHECK(entry->getValue<std::size_t>("non_compliant_contacts") == 0);
      }
    }
    CHECK(found);
  }

  TEST_CASE("the manifest records inputs with hashes, the rule set and the ledger head")
  {
    Scenario scenario;
    const auto [run, document] = scenario.audit("android-unmanaged");
    const auto manifest = document->getObject("manifest");
    CHECK(manifest->getValue<std::string>("purpose") == "whatsapp-contact-upload");
    CHECK(manifest->getValue<std::string>("rules_sha256").size() == 64);
    CHECK(manifest->getValue<std::string>("ledger_head_hash").size() == 64);
    CHECK(manifest->getValue<std::string>("region") == "DE");
    const auto inputs = manifest->getArray("inputs");
    REQUIRE(inputs->size() == 2);
    CHECK(inputs->getObject(0)->getValue<std::string>("sha256").size() == 64);
    CHECK(inputs->getObject(0)->getValue<std::string>("account") == "work");
    CHECK(inputs->getObject(0)->getValue<int>("contacts") == 25);
  }

  TEST_CASE("numbers and e-mail addresses are masked in the JSON and CSV unless --reveal is given")
  {
    Scenario scenario;
    const auto csv = scenario.out("findings.csv");
    const auto [masked, document] =
        scenario.audit("android-unmanaged", "2026-11-25", {"--csv", csv});
    const auto json = e2e::read_file(scenario.out("audit.json"));
    CHECK(json.find("+4915120000013") == std::string::npos);
    CHECK(json.find("{value}") == std::string::npos); // Every reason is written out in full.
    // Every address, in the e-mail list and in the reasons' evidence alike, is masked.
    std::size_t addresses = 0;
    for (auto at = json.find('@'); at != std::string::npos; at = json.find('@', at + 1)) {
      ++addresses;
      CAPTURE(json.substr(at < 20 ? 0 : at - 20, 40));
      CHECK((at >= 4 && json.compare(at - 3, 3, "***") == 0));
    }
    CHECK(addresses > 10);
    CHECK(e2e::read_file(csv).find("+4915120000013") == std::string::npos);
    struct stat info
    {
    };
    REQUIRE(::stat(csv.c_str(), &info) == 0);
    CHECK((info.st_mode & 0777) == 0600);
    const auto [revealed, full] =
        scenario.audit("android-unmanaged", "2026-11-25", {"--reveal", "--csv", csv});
    const auto revealed_json = e2e::read_file(scenario.out("audit.json"));
    CHECK(revealed_json.find("+4915120000013") != std::string::npos);
    // The e-mail lists show addresses in full; the reasons stay masked, as they are rendered once.
    std::size_t full_addresses = 0;
    const auto findings = full->getArray("findings");
    for (std::size_t i = 0; i < findings->size(); ++i) {
      const auto emails = findings->getObject(static_cast<unsigned>(i))->getArray("emails");
      for (std::size_t j = 0; j < emails->size(); ++j) {
        const auto email = emails->getElement<std::string>(static_cast<unsigned>(j));
        CHECK(email.find("***") == std::string::npos);
        full_addresses += email.find('@') != std::string::npos ? 1 : 0;
      }
    }
    CHECK(full_addresses > 5);
    CHECK(e2e::read_file(csv).find("+4915120000013") != std::string::npos);
  }

  TEST_CASE("a broken device profile is an input error with file and line")
  {
    Scenario scenario;
    e2e::TempDir dir;
    const auto profile = dir.write("bad.toml", "[device]\nid = \"x\"\nplatform = \"windows\"\n");
    const auto run =
        e2e::run({"audit", "--device", profile.string(), "--ledger", scenario.ledger()});
    CHECK(run.exit_code == 2);
    CHECK(run.err.find("bad.toml:3:") != std::string::npos);
  }

  TEST_CASE("a stored audit renders again in another language")
  {
    Scenario scenario;
    const auto [run, document] = scenario.audit("android-unmanaged");
    const auto again = e2e::run(
        {"report", scenario.out("audit.json"), "--lang", "de", "--csv", scenario.out("again.csv")});
    CHECK(again.exit_code == 1);
    CHECK(again.out.find("Nicht konform: WhatsApp würde 15") != std::string::npos);
  }
}
