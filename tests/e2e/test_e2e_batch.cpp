// SPDX-License-Identifier: MIT
// End-to-end: `contact-audit batch` over the 20 devices of testdata/batch (see its SOURCE.md).
#include "batch_fixture.hpp"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <doctest/doctest.h>

#include <chrono>
#include <fcntl.h>
#include <fstream>
#include <regex>
#include <set>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

using namespace batch_e2e;
namespace fs = std::filesystem;

TEST_SUITE("e2e batch")
{
  TEST_CASE("a first run audits all 20 devices into a dated folder that latest points to")
  {
    const Batch batch;
    const auto run = batch.run(k_first_run);
    CHECK(run.exit_code == 1); // Non-compliant uploads on some iPhones.
    CHECK(fs::read_symlink(batch.reports() / "latest") == "2026-08-01T0300");
    const auto overview = batch.overview();
    CHECK(overview->getValue<std::string>("schema") == "contact-audit/batch/1");
    CHECK(total(overview, "devices") == 20);
    CHECK(total(overview, "devices_failed") == 0);
    CHECK(total(overview, "contacts") == 220);
    CHECK(total(overview, "non_compliant_contacts") == 21);
    // Numbers shared between devices are normalised once.
    CHECK(total(overview, "numbers_parsed") < 40);
    CHECK(overview->getObject("change")->getValue<std::string>("previous_run_at").empty());
    for (int device = 1; device <= 20; ++device) {
      const auto name = "dev" + std::string(device < 10 ? "0" : "") + std::to_string(device);
      const auto report = batch.reports() / "latest" / "devices" / (name + ".json");
      REQUIRE(fs::exists(report));
      const auto mode = fs::status(report).permissions() & fs::perms::all;
      CHECK((mode == (fs::perms::owner_read | fs::perms::owner_write)));
    }
    CHECK(fs::exists(batch.reports() / "latest" / "overview.en.html"));
    CHECK(e2e::read_file(batch.reports() / "latest" / "overview.en.html").find("<svg") !=
          std::string::npos);
    // Plain timestamped log lines on stderr, one per device.
    const std::regex line(
        R"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ INFO device=dev07 audited: 11 contacts)");
    CHECK(std::regex_search(run.err, line));
    CHECK(run.err.find('\r') == std::string::npos); // No progress bar when not a terminal.
  }

  TEST_CASE("a second run after a withdrawal and new consents shows the change since the first")
  {
    const Batch batch;
    REQUIRE(batch.run(k_first_run).exit_code == 1);
    batch.import("audit/withdrawal.csv", "CONTACT_AUDIT_NOW=2026-09-02T09:00:00Z");
    batch.import("batch/new-consent.csv", "CONTACT_AUDIT_NOW=2026-09-02T09:00:00Z");
    const auto run = batch.run(k_second_run);
    CHECK(run.exit_code == 1);
    const auto overview = batch.overview();
    CHECK(overview->getObject("change")->getValue<std::string>("previous_run_at") ==
          "2026-08-01T03:00:00Z");
    // Contact 11 withdrew: newly exposed on the four iPhones that upload it.
    const std::vector<std::string> withdrawn{"dev01 +49151*****011",
                                             "dev02 +49151*****011",
                                             "dev03 +49151*****011",
                                             "dev10 +49151*****011"};
    CHECK(shown(overview, "withdrawn") == withdrawn);
    CHECK(shown(overview, "newly_exposed") == withdrawn);
    // Contacts 13 and 14 gave consent: fixed on every device that uploaded them.
    CHECK(change(overview, "fixed")->getValue<std::size_t>("total") == 7);
    // Contact 14's consent ends on 20.09.2026, within 30 days.
    const auto expiring = change(overview, "expiring")->getArray("shown");
    REQUIRE(expiring->size() == 1);
    CHECK(expiring->getObject(0)->getValue<std::string>("number") == "+49151*****014");
    CHECK(expiring->getObject(0)->getValue<std::string>("detail").starts_with("2026-09-20"));
    CHECK(total(overview, "non_compliant_contacts") == 18);
    CHECK(overview->getArray("trend")->size() == 2);
    // The first run's reports are kept beside the new ones.
    CHECK(fs::exists(batch.reports() / "2026-08-01T0300" / "overview.json"));
    CHECK(fs::read_symlink(batch.reports() / "latest") == "2026-09-03T0300");
  }

  TEST_CASE("a device with an unreadable address book fails alone with exit code 3")
  {
    e2e::TempDir devices;
    copy_devices(devices.path() / "devices");
    const auto broken = devices.path() / "devices" / "ios" / "dev07" / "work.vcf";
    fs::remove(broken);
    fs::create_symlink(devices.path() / "missing.vcf", broken); // Unreadable even for root.
    const Batch batch(devices.path() / "devices");
    const auto run = batch.run(k_first_run);
    CHECK(run.exit_code == 3);
    CHECK(run.err.find("ERROR device=dev07 not audited: ") != std::string::npos);
    const auto overview = batch.overview();
    CHECK(total(overview, "devices_failed") == 1);
    CHECK(total(overview, "contacts") == 209); // The 19 others: 11 contacts each.
    const auto devices_array = overview->getArray("devices");
    std::size_t failed = 0;
    for (std::size_t i = 0; i < devices_array->size(); ++i) {
      const auto device = devices_array->getObject(static_cast<unsigned>(i));
      if (device->getValue<std::string>("status") == "failed") {
        ++failed;
        CHECK(device->getValue<std::string>("id") == "dev07");
        CHECK(device->getValue<std::string>("error").find("work.vcf") != std::string::npos);
      }
    }
    CHECK(failed == 1);
  }

  TEST_CASE("configuration errors are all reported with file:line and exit code 2")
  {
    e2e::TempDir dir;
    const auto config =
        dir.write("bad.toml",
                  "[company]\nname = \"X\"\ncolour = \"blue\"\n"
                  "[audit]\nregion = \"XX\"\n"
                  "[output]\ndirectory = \"out\"\nlanguages = [\"fr\"]\nkeep_runs = -1\n"
                  "[[source]]\nname = \"none\"\n");
    const auto run = e2e::run({"batch", "--config", config.string()});
    CHECK(run.exit_code == 2);
    const std::string file = config.string();
    CHECK(run.err.find(file + ":3:1: ") != std::string::npos);  // Unknown key colour.
    CHECK(run.err.find(file + ":4:1: ") != std::string::npos);  // [audit] without ledger.
    CHECK(run.err.find(file + ":5:10: ") != std::string::npos); // Unknown region.
    CHECK(run.err.find(file + ":8:13: ") != std::string::npos); // Language fr.
    CHECK(run.err.find(file + ":9:13: ") != std::string::npos); // keep_runs below 1.
    CHECK(run.err.find(file + ":10:1: ") != std::string::npos); // Source without devices.
    CHECK(!fs::exists(dir.path() / "out"));
  }

  TEST_CASE("--dry-run lists the devices and their files and writes nothing")
  {
    const Batch batch;
    const auto run = batch.run(k_first_run, {"--dry-run"});
    CHECK(run.exit_code == 0);
    CHECK(run.out.starts_with("Would audit 20 devices into "));
    CHECK(run.out.find("dev05  profile=") != std::string::npos);
    CHECK(run.out.find("dev05/device.toml") != std::string::npos);
    CHECK(run.out.find("personal.csv  account=personal") != std::string::npos);
    CHECK(!fs::exists(batch.reports()));
  }

  TEST_CASE("retention keeps the newest report folders and latest")
  {
    const Batch batch(e2e::testdata("batch/devices"), "keep_runs = 2\n");
    REQUIRE(batch.run("CONTACT_AUDIT_NOW=2026-08-01T03:00:00Z").exit_code == 1);
    REQUIRE(batch.run("CONTACT_AUDIT_NOW=2026-08-02T03:00:00Z").exit_code == 1);
    REQUIRE(batch.run("CONTACT_AUDIT_NOW=2026-08-03T03:00:00Z", {"--quiet"}).exit_code == 1);
    CHECK(!fs::exists(batch.reports() / "2026-08-01T0300"));
    CHECK(fs::exists(batch.reports() / "2026-08-02T0300"));
    CHECK(fs::read_symlink(batch.reports() / "latest") == "2026-08-03T0300");
    // The trend shows the runs kept.
    CHECK(batch.overview()->getArray("trend")->size() == 2);
  }

  TEST_CASE("a batch run with reveal_numbers feeds consent requests, one letter per person")
  {
    const Batch batch(e2e::testdata("batch/devices"), "reveal_numbers = true\n");
    REQUIRE(batch.run(k_first_run).exit_code == 1);
    const auto devices = batch.reports() / "latest" / "devices";
    // The per-device JSON holds full numbers; the combined report stays masked.
    std::size_t findings_on_devices = 0;
    std::set<std::string> numbers_without_consent;
    for (const auto& entry : fs::directory_iterator(devices)) {
      Poco::JSON::Parser parser;
      const auto audit = parser.parse(e2e::read_file(entry.path())).extract<Object::Ptr>();
      CHECK(audit->getValue<bool>("numbers_revealed"));
      const auto findings = audit->getArray("findings");
      findings_on_devices += findings->size();
      for (std::size_t i = 0; i < findings->size(); ++i) {
        const auto numbers = findings->getObject(static_cast<unsigned>(i))->getArray("numbers");
        for (std::size_t n = 0; n < numbers->size(); ++n) {
          const auto number = numbers->getObject(static_cast<unsigned>(n));
          const auto e164 = number->getValue<std::string>("e164");
          CHECK(e164.find('*') == std::string::npos);
          const auto state = number->getValue<std::string>("consent_state");
          if (!e164.empty() && state != "valid" && state != "not_needed") {
            numbers_without_consent.insert(e164);
          }
        }
      }
    }
    REQUIRE(findings_on_devices == 21);
    CHECK(e2e::read_file(batch.reports() / "latest" / "overview.json").find("\"+49") ==
          std::string::npos);

    const auto letters = batch.dir() / "letters";
    const std::vector<std::string> request{"consent",
                                           "request",
                                           "--from",
                                           devices.string(),
                                           "--out",
                                           letters.string(),
                                           "--contact",
                                           "Muster Vertrieb GmbH, datenschutz@muster.example",
                                           "--ledger",
                                           batch.ledger(),
                                           "--by",
                                           "dpo"};
    const auto run = e2e::run(request, {}, {std::string(k_second_run)});
    REQUIRE_MESSAGE(run.exit_code == 0, run.err);
    Poco::JSON::Parser parser;
    const auto requests = parser.parse(e2e::read_file(letters / "requests.json"))
                              .extract<Object::Ptr>()
                              ->getArray("requests");
    // Deduplicated across devices: people in several books get one letter, and
    // every number without consent is asked about exactly once.
    CHECK(requests->size() > 0);
    CHECK(requests->size() < findings_on_devices);
    std::multiset<std::string> asked;
    for (std::size_t i = 0; i < requests->size(); ++i) {
      const auto numbers = requests->getObject(static_cast<unsigned>(i))->getArray("numbers");
      for (std::size_t n = 0; n < numbers->size(); ++n) {
        asked.insert(numbers->getElement<std::string>(static_cast<unsigned>(n)));
      }
    }
    for (const auto& number : numbers_without_consent) {
      CHECK_MESSAGE(asked.count(number) == 1, number);
    }
    // A second request from the same run records nothing new.
    const auto again = e2e::run(request, {}, {std::string(k_second_run)});
    REQUIRE(again.exit_code == 0);
    CHECK(again.out.find(" 0 request(s) recorded now") != std::string::npos);
  }

  TEST_CASE("masked per-device reports are refused as letter input with the setting to change")
  {
    const Batch batch;
    REQUIRE(batch.run(k_first_run).exit_code == 1);
    const auto run = e2e::run({"consent",
                               "request",
                               "--from",
                               (batch.reports() / "latest" / "devices").string(),
                               "--out",
                               (batch.dir() / "letters").string(),
                               "--contact",
                               "datenschutz@muster.example",
                               "--ledger",
                               batch.ledger()},
                              {},
                              {std::string(k_second_run)});
    CHECK(run.exit_code == 2);
    CHECK(run.err.find("reveal_numbers = true") != std::string::npos);
    CHECK(!fs::exists(batch.dir() / "letters" / "requests.json"));
  }
}
