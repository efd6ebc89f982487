// SPDX-License-Identifier: MIT
// Unit tests of ledger::RunHistory: the batch-run tables of schema version 2.
#include "test_ledger_fixture.hpp"

#include <contact_audit/ledger/run_history.hpp>

#include <doctest/doctest.h>

using namespace ledger_test;

namespace {

BatchRun run_at(const char* started, std::uint64_t non_compliant)
{
  BatchRun run;
  run.started_at = at(started);
  run.finished_at = at(started);
  run.as_of = at(started);
  run.folder = "folder";
  run.devices = 3;
  run.non_compliant_contacts = non_compliant;
  run.exit_code = non_compliant > 0 ? 1 : 0;
  return run;
}

} // namespace

TEST_SUITE("ledger::RunHistory")
{
  TEST_CASE("recorded runs come back newest first with their findings")
  {
    Fixture fixture;
    auto history = open_run_history(fixture.path());
    const auto salt = history.key_salt();
    const auto key = finding_key(salt, "dev01", "+4915120000011");
    const auto first =
        history.record_run(run_at("2026-08-01T03:00:00Z", 2), {{key, "dev01", "withdrawn"}});
    const auto second = history.record_run(run_at("2026-08-02T03:00:00Z", 0), {});
    CHECK(second > first);
    const auto runs = history.recent_runs(5);
    REQUIRE(runs.size() == 2);
    CHECK(runs[0].id == second);
    CHECK(runs[1].non_compliant_contacts == 2);
    CHECK(runs[1].exit_code == 1);
    const auto findings = history.findings_of_run(first);
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].key == key);
    CHECK(findings[0].consent_state == "withdrawn");
    CHECK(history.recent_runs(1).size() == 1);
  }

  TEST_CASE("the key salt is created once and finding keys hide the number")
  {
    Fixture fixture;
    const auto salt = open_run_history(fixture.path()).key_salt();
    CHECK(salt.size() == 64);
    CHECK(open_run_history(fixture.path()).key_salt() == salt);
    const auto key = finding_key(salt, "dev01", "+4915120000011");
    CHECK(key.size() == 64);
    CHECK(key.find("4915120000011") == std::string::npos);
    CHECK(key != finding_key(salt, "dev02", "+4915120000011"));
    CHECK(key != finding_key("other salt", "dev01", "+4915120000011"));
  }

  TEST_CASE("runs older than the cutoff are pruned with their findings")
  {
    Fixture fixture;
    auto history = open_run_history(fixture.path());
    const auto old =
        history.record_run(run_at("2025-01-01T03:00:00Z", 1), {{"k", "dev01", "missing"}});
    history.record_run(run_at("2026-08-01T03:00:00Z", 1), {});
    CHECK(history.prune_runs_before(at("2026-01-01T00:00:00Z")) == 1);
    CHECK(history.recent_runs(10).size() == 1);
    CHECK(history.findings_of_run(old).empty());
  }
}
