// SPDX-License-Identifier: MIT
// End-to-end: events changed, deleted, inserted or reordered with the sqlite3 shell (after
// dropping the triggers, as an attacker would) are named by `consent verify`; an exported
// chain head catches a cut or a wholly rebuilt chain.
#include "reliability_support.hpp"

#include <doctest/doctest.h>

#include <cstdlib>
#include <regex>

namespace fs = std::filesystem;
using namespace e2e::reliability;

namespace {

// A ledger holding the five events of testdata/consent/formulare.csv.
struct TamperedLedger
{
  TamperedLedger()
  {
    REQUIRE(
        ledger.consent({"import", e2e::testdata("consent/formulare.csv").string(), "--by", "hr"})
            .exit_code == 0);
    REQUIRE(ledger.verified_events() == 5);
  }

  // Runs `sql` on the database file with the sqlite3 shell, triggers dropped first.
  void tamper(const std::string& sql) const
  {
    const std::string command = "sqlite3 '" + ledger.path().string() +
                                "' \"DROP TRIGGER events_no_update; DROP TRIGGER "
                                "events_no_delete; " +
                                sql + "\"";
    REQUIRE(std::system(command.c_str()) == 0);
  }

  // Verifies, with one thread and with the chain split over three, and checks that
  // the first bad event is `event` with `problem` in the message.
  void expect_first_bad(int event, const std::string& problem) const
  {
    for (const char* threads : {"1", "3"}) {
      CAPTURE(threads);
      const auto run = ledger.consent({"verify", "--threads", threads});
      CHECK(run.exit_code == 1);
      CHECK(run.out == "Checked " + std::to_string(event) + " events; the first bad one is event " +
                           std::to_string(event) + ".\n");
      CHECK(run.err.find(problem) != std::string::npos);
    }
  }

  e2e::TempDir dir;
  Ledger ledger{dir.path() / "ledger.sqlite"};
};

std::string anchor_of(const std::string& head)
{
  std::smatch match;
  REQUIRE(std::regex_search(head, match, std::regex("event ([0-9]+) ([0-9a-f]{64})")));
  return std::string(match[1]) + ":" + std::string(match[2]);
}

// The text of `pdf`, read back with poppler's pdftotext.
std::string pdf_text(const fs::path& pdf)
{
  const auto text = pdf.string() + ".txt";
  const std::string command = "pdftotext -enc UTF-8 '" + pdf.string() + "' '" + text + "'";
  REQUIRE(std::system(command.c_str()) == 0);
  return e2e::read_file(text);
}

} // namespace

TEST_SUITE("e2e reliability: tamper evidence")
{
  TEST_CASE("a changed decision is named by verify")
  {
    TamperedLedger test;
    test.tamper("UPDATE events SET action = 'refused' WHERE id = 2");
    test.expect_first_bad(2, "Event 2 does not match its hash");
  }

  TEST_CASE("verify reads with the threads asked for, up to 64")
  {
    TamperedLedger test;
    const auto split = test.ledger.consent({"verify", "--threads", "4"});
    CHECK(split.exit_code == 0);
    CHECK(split.out.starts_with("Verified 5 events in "));
    const auto too_many = test.ledger.consent({"verify", "--threads", "65"});
    CHECK(too_many.exit_code == 2);
    CHECK(too_many.err.find("--threads must be at most 64.") != std::string::npos);
  }

  TEST_CASE("a deleted event is named by verify")
  {
    TamperedLedger test;
    test.tamper("DELETE FROM events WHERE id = 3");
    test.expect_first_bad(3, "Event 3 is missing: the ids jump from 2 to 4");
  }

  TEST_CASE("an event inserted in the middle is named by verify")
  {
    TamperedLedger test;
    // Make room at id 3, then insert a copy of event 2 there as a forged consent.
    test.tamper("UPDATE events SET id = id + 100 WHERE id >= 3; "
                "UPDATE events SET id = id - 99 WHERE id >= 100; "
                "INSERT INTO events SELECT 3, subject_id, purpose, action, effective_at, "
                "recorded_at, method, expressed_by, collected_by, valid_until, notice_version, "
                "notice_language, notice_sha256, evidence_sha256, source_file, source_sha256, "
                "source_row, form_id, target_event_id, pii_digest, hash FROM events WHERE id = 2");
    test.expect_first_bad(3, "Event 3 does not match its hash");
  }

  TEST_CASE("an event appended with a copied hash is named by verify")
  {
    TamperedLedger test;
    test.tamper("INSERT INTO events SELECT 6, subject_id, purpose, action, effective_at, "
                "recorded_at, method, expressed_by, collected_by, valid_until, notice_version, "
                "notice_language, notice_sha256, evidence_sha256, source_file, source_sha256, "
                "source_row, form_id, target_event_id, pii_digest, hash FROM events WHERE id = 5");
    test.expect_first_bad(6, "Event 6 does not match its hash");
  }

  TEST_CASE("two reordered events are named by verify")
  {
    TamperedLedger test;
    test.tamper("UPDATE events SET id = -id WHERE id IN (2, 3); "
                "UPDATE events SET id = CASE id WHEN -2 THEN 3 ELSE 2 END WHERE id < 0");
    test.expect_first_bad(2, "Event 2 does not match its hash");
  }

  TEST_CASE("events cut off the end pass the chain alone but not the exported head")
  {
    TamperedLedger test;
    const auto anchor = anchor_of(test.ledger.head());
    CHECK(anchor.starts_with("5:"));
    CHECK(test.ledger.consent({"verify", "--anchor", anchor}).exit_code == 0);
    test.tamper("DELETE FROM events WHERE id >= 4");
    CHECK(test.ledger.verified_events() == 3);
    const auto run = test.ledger.consent({"verify", "--anchor", anchor});
    CHECK(run.exit_code == 1);
    CHECK(run.err.find("The anchored event 5 is missing: events were deleted from the end of "
                       "the chain.") != std::string::npos);
  }

  TEST_CASE("a ledger file rewritten with a rebuilt chain fails against the exported head")
  {
    TamperedLedger test;
    const auto anchor = anchor_of(test.ledger.head());
    // The forger builds a consistent chain of their own and puts it in place of the file.
    e2e::TempDir forger;
    const Ledger rebuilt(forger.path() / "ledger.sqlite");
    REQUIRE(
        rebuilt
            .consent({"import", write_forms(forger.path() / "f.csv", 5, 0).string(), "--by", "hr"})
            .exit_code == 0);
    fs::copy_file(rebuilt.path(), test.ledger.path(), fs::copy_options::overwrite_existing);
    CHECK(test.ledger.verified_events() == 5);
    const auto run = test.ledger.consent({"verify", "--anchor", anchor});
    CHECK(run.exit_code == 1);
    CHECK(run.err.find("Event 5 does not have the anchored hash: the chain was rewritten.") !=
          std::string::npos);
  }

  TEST_CASE("every audit report shows the ledger head, which later serves as the anchor")
  {
    e2e::TempDir dir;
    const auto ledger = dir.path() / "ledger.sqlite";
    REQUIRE(e2e::run({"consent",
                      "import",
                      e2e::testdata("audit/consent.csv").string(),
                      "--by",
                      "hr",
                      "--ledger",
                      ledger.string()},
                     {},
                     {"CONTACT_AUDIT_NOW=2026-02-01T09:00:00Z"})
                .exit_code == 0);
    const Ledger check(ledger);
    const auto anchor = anchor_of(check.head());
    const auto hash = anchor.substr(anchor.find(':') + 1);
    const auto audit = e2e::run({"audit",
                                 "--device",
                                 e2e::testdata("audit/android-unmanaged.toml").string(),
                                 "--ledger",
                                 ledger.string(),
                                 "--lang",
                                 "en",
                                 "--as-of",
                                 "2026-11-25",
                                 "--json",
                                 (dir.path() / "a.json").string(),
                                 "--report",
                                 (dir.path() / "a.html").string(),
                                 "--report",
                                 (dir.path() / "a.pdf").string()});
    REQUIRE(audit.exit_code == 1);
    CHECK(audit.out.find("Consent ledger head (check later with 'consent verify --anchor'): " +
                         anchor + "\n") != std::string::npos);
    const auto json = e2e::read_file(dir.path() / "a.json");
    CHECK(json.find("\"ledger_head_hash\": \"" + hash + "\"") != std::string::npos);
    CHECK(e2e::read_file(dir.path() / "a.html").find(hash) != std::string::npos);
    CHECK(pdf_text(dir.path() / "a.pdf").find(hash) != std::string::npos);
    // Later events do not disturb the anchor; rewriting what it covers does.
    REQUIRE(check.consent({"grant", "0151 29999999", "--notice-version", "1", "--by", "hr"})
                .exit_code == 0);
    CHECK(check.consent({"verify", "--anchor", anchor}).exit_code == 0);
    const std::string cut = "sqlite3 '" + ledger.string() +
                            "' \"DROP TRIGGER events_no_delete; DELETE FROM events WHERE id >= " +
                            anchor.substr(0, anchor.find(':')) + "\"";
    REQUIRE(std::system(cut.c_str()) == 0);
    CHECK(check.consent({"verify", "--anchor", anchor}).exit_code == 1);
  }
}
