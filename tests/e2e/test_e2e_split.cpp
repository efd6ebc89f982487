// SPDX-License-Identifier: MIT
// End-to-end: `contact-audit split` — keep/move vCards from the audit, and their round trip.
#include "run_binary.hpp"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <doctest/doctest.h>

#include <algorithm>
#include <map>
#include <sys/stat.h>

namespace {

using Poco::JSON::Object;

// The audit scenario's ledger (testdata/audit/SOURCE.md): consents recorded on
// 2026-02-01, contact 11's withdrawal on 2026-09-02.
class Scenario
{
public:
  Scenario() { e2e::seed_audit_scenario_ledger(ledger()); }

  std::string ledger() const { return (m_dir.path() / "ledger.sqlite").string(); }
  std::filesystem::path out() const { return m_dir.path() / "split"; }
  std::filesystem::path file(const std::string& device, const std::string& part) const
  {
    return out() / (device + "." + part);
  }

  e2e::Run split(const std::string& device, std::vector<std::string> files = {}) const
  {
    std::vector<std::string> arguments{"split",
                                       "--device",
                                       e2e::testdata("audit/" + device + ".toml").string(),
                                       "--ledger",
                                       ledger(),
                                       "--as-of",
                                       "2026-11-25",
                                       "--out",
                                       out().string()};
    arguments.insert(arguments.end(), files.begin(), files.end());
    return e2e::run(arguments);
  }

  // Audit `file` on `device` as of the same date; returns the run and the JSON result.
  std::pair<e2e::Run, Object::Ptr> audit(const std::string& device,
                                         const std::filesystem::path& file) const
  {
    const auto json = (m_dir.path() / "audit.json").string();
    auto run = e2e::run({"audit",
                         "--device",
                         e2e::testdata("audit/" + device + ".toml").string(),
                         "--ledger",
                         ledger(),
                         "--as-of",
                         "2026-11-25",
                         "--json",
                         json,
                         file.string()});
    Poco::JSON::Parser parser;
    return {run, parser.parse(e2e::read_file(json)).extract<Object::Ptr>()};
  }

private:
  e2e::TempDir m_dir;
};

Object::Ptr parse(const std::string& text)
{
  Poco::JSON::Parser parser;
  return parser.parse(text).extract<Object::Ptr>();
}

std::size_t count_of(const Object::Ptr& summary, const std::string& key)
{
  return summary->getObject("counts")->getValue<std::size_t>(key);
}

// What must survive the split: each contact's name and phone numbers as written,
// counted, so a contact lost or written twice shows.
using ContactSet = std::multiset<std::string>;

ContactSet imported_contacts(const std::vector<std::string>& files, std::size_t* rejected = nullptr)
{
  std::vector<std::string> arguments{"import", "--format", "json", "--reveal"};
  arguments.insert(arguments.end(), files.begin(), files.end());
  const auto run = e2e::run(arguments);
  const auto document = parse(run.out);
  ContactSet contacts;
  const auto array = document->getArray("contacts");
  for (std::size_t i = 0; i < array->size(); ++i) {
    const auto contact = array->getObject(static_cast<unsigned>(i));
    const auto name = contact->getObject("name");
    std::string key = contact->getValue<std::string>("organisation") + "|" +
                      name->getValue<std::string>("family") + "|" +
                      name->getValue<std::string>("given");
    std::vector<std::string> numbers;
    const auto phones = contact->getArray("phones");
    for (std::size_t p = 0; p < phones->size(); ++p) {
      numbers.push_back(phones->getObject(static_cast<unsigned>(p))->getValue<std::string>("raw"));
    }
    std::sort(numbers.begin(), numbers.end());
    for (const auto& number : numbers) {
      key += "|" + number;
    }
    contacts.insert(key);
  }
  if (rejected != nullptr) {
    *rejected = document->getObject("summary")->getValue<std::size_t>("contacts_rejected");
  }
  return contacts;
}

std::vector<std::string> output_files(const Scenario& scenario, const std::string& device)
{
  std::vector<std::string> files;
  for (const auto* part : {"keep.vcf", "move.vcf", "managed.vcf"}) {
    files.push_back(scenario.file(device, part).string());
  }
  return files;
}

unsigned mode_of(const std::filesystem::path& path)
{
  struct stat info
  {
  };
  REQUIRE(::stat(path.c_str(), &info) == 0);
  return info.st_mode & 0777U;
}

} // namespace

TEST_SUITE("e2e split")
{
  TEST_CASE("split keeps the consenting contacts and moves the 15 business contacts without "
            "consent")
  {
    Scenario scenario;
    const auto run = scenario.split("android-unmanaged");
    CHECK(run.exit_code == 0);
    const auto summary = parse(e2e::read_file(scenario.file("android-unmanaged", "summary.json")));
    CHECK(count_of(summary, "contacts_read") == 40);
    CHECK(count_of(summary, "keep") == 25);
    CHECK(count_of(summary, "move") == 15);
    CHECK(count_of(summary, "managed") == 0);
    CHECK(count_of(summary, "copied_verbatim") == 40);
    CHECK(summary->getValue<std::size_t>("audit_findings") == 15);
    const auto moved = summary->getArray("moved");
    REQUIRE(moved->size() == 15);
    const auto karla = moved->getObject(0);
    CHECK(karla->getValue<std::string>("contact") == "Karla Geschaeft11");
    CHECK(karla->getValue<std::string>("reason_code") == "consent_missing");
    CHECK(karla->getArray("numbers")->getObject(0)->getValue<std::string>("consent_state") ==
          "withdrawn");
    CHECK(karla->getArray("numbers")->getObject(0)->getValue<std::string>("e164") ==
          "+49151*****011");
    CHECK(run.out.find("40 contacts read: 25 keep, 15 move") != std::string::npos);
  }

  TEST_CASE("auditing the keep file with the same profile and ledger finds nothing")
  {
    Scenario scenario;
    REQUIRE(scenario.split("android-unmanaged").exit_code == 0);
    const auto [run, document] =
        scenario.audit("android-unmanaged", scenario.file("android-unmanaged", "keep.vcf"));
    CHECK(run.exit_code == 0);
    CHECK(document->getObject("totals")->getValue<std::size_t>("contacts_read") == 25);
    CHECK(document->getObject("totals")->getValue<std::size_t>("non_compliant_contacts") == 0);
    CHECK(document->getArray("findings")->size() == 0);
    // The move file is exactly what the audit of the original found.
    const auto [move_run, move_document] =
        scenario.audit("android-unmanaged", scenario.file("android-unmanaged", "move.vcf"));
    CHECK(move_run.exit_code == 1);
    CHECK(move_document->getObject("totals")->getValue<std::size_t>("non_compliant_contacts") ==
          15);
  }

  TEST_CASE("the output files together hold every contact of the input once each")
  {
    Scenario scenario;
    REQUIRE(scenario.split("android-unmanaged").exit_code == 0);
    const auto input = imported_contacts({e2e::testdata("audit/android-work.vcf").string(),
                                          e2e::testdata("audit/android-personal.vcf").string()});
    const auto output = imported_contacts(output_files(scenario, "android-unmanaged"));
    CHECK(input.size() == 40);
    CHECK(output == input);
  }

  TEST_CASE("with a work profile the work contacts stay where they are and nothing is moved")
  {
    Scenario scenario;
    REQUIRE(scenario.split("android-work-profile").exit_code == 0);
    const auto summary =
        parse(e2e::read_file(scenario.file("android-work-profile", "summary.json")));
    CHECK(count_of(summary, "keep") == 15);
    CHECK(count_of(summary, "move") == 0);
    CHECK(count_of(summary, "managed") == 25);
    CHECK(summary->getArray("managed")->getObject(0)->getValue<std::string>("reason_code") ==
          "lookup_only");
    const auto [run, document] =
        scenario.audit("android-work-profile", scenario.file("android-work-profile", "keep.vcf"));
    CHECK(run.exit_code == 0);
    CHECK(document->getObject("totals")->getValue<std::size_t>("non_compliant_contacts") == 0);
  }

  TEST_CASE("the split files and their folder are readable by the owner only")
  {
    Scenario scenario;
    REQUIRE(scenario.split("android-unmanaged").exit_code == 0);
    CHECK(mode_of(scenario.out()) == 0700U);
    for (const auto* part :
         {"keep.vcf", "move.vcf", "managed.vcf", "unreadable.vcf", "summary.json"}) {
      CAPTURE(part);
      CHECK(mode_of(scenario.file("android-unmanaged", part)) == 0600U);
    }
  }

  TEST_CASE("every card of the vCard corpus survives the split as a contact or "
            "as its original text")
  {
    Scenario scenario;
    std::vector<std::string> files;
    for (const auto& entry : std::filesystem::directory_iterator(e2e::testdata("vcard/corpus"))) {
      if (entry.path().extension() == ".vcf") {
        files.push_back(entry.path().string());
      }
    }
    std::sort(files.begin(), files.end());
    REQUIRE(files.size() > 100);
    const auto run = scenario.split("android-unmanaged", files);
    REQUIRE(run.exit_code == 0);
    const auto summary = parse(e2e::read_file(scenario.file("android-unmanaged", "summary.json")));
    std::size_t rejected = 0;
    const auto input = imported_contacts(files, &rejected);
    const auto output = imported_contacts(output_files(scenario, "android-unmanaged"));
    CHECK(output == input);
    CHECK(count_of(summary, "contacts_read") == input.size());
    CHECK(count_of(summary, "copied_verbatim") == input.size());
    CHECK(count_of(summary, "keep") + count_of(summary, "move") + count_of(summary, "managed") ==
          input.size());
    CHECK(rejected > 0);
    CHECK(count_of(summary, "unreadable_cards") == rejected);
    const auto unreadable = e2e::read_file(scenario.file("android-unmanaged", "unreadable.vcf"));
    std::size_t cards = 0;
    for (auto at = unreadable.find("BEGIN:VCARD"); at != std::string::npos;
         at = unreadable.find("BEGIN:VCARD", at + 1)) {
      ++cards;
    }
    CHECK(cards == rejected);
  }

  TEST_CASE("contacts from CSV files are written as vCard 4.0 cards with their names and numbers")
  {
    Scenario scenario;
    const std::vector<std::string> files{
        e2e::testdata("csv/corpus/tine20-outlook2013-german-cp1252.csv").string(),
        e2e::testdata("csv/corpus/escalate-google-contacts-new-format-2024.csv").string()};
    REQUIRE(scenario.split("android-unmanaged", files).exit_code == 0);
    const auto summary = parse(e2e::read_file(scenario.file("android-unmanaged", "summary.json")));
    const auto input = imported_contacts(files);
    CHECK(count_of(summary, "written_from_model") == input.size());
    CHECK(imported_contacts(output_files(scenario, "android-unmanaged")) == input);
    const auto keep = e2e::read_file(scenario.file("android-unmanaged", "keep.vcf"));
    CHECK(keep.find("BEGIN:VCARD\r\nVERSION:4.0\r\n") == 0);
  }

  TEST_CASE("a file given twice is refused before anything is written")
  {
    Scenario scenario;
    const auto file = e2e::testdata("audit/android-work.vcf").string();
    const auto run = scenario.split("android-unmanaged", {file, file});
    CHECK(run.exit_code == 2);
    CHECK(run.err.find("The file is given twice") != std::string::npos);
    CHECK_FALSE(std::filesystem::exists(scenario.file("android-unmanaged", "keep.vcf")));
  }
}
