// SPDX-License-Identifier: MIT
// End-to-end: a consent import killed at random moments lands all rows or none, and
// concurrent writers lose no event.
#include "reliability_support.hpp"

#include <doctest/doctest.h>

#include <csignal>
#include <random>
#include <thread>

namespace fs = std::filesystem;
using namespace e2e::reliability;

namespace {

constexpr int k_kills = 20;

// How long an uninterrupted import of `forms` takes on this machine, measured on a scratch
// ledger, so that the kills spread over the whole import whatever the machine's speed.
double import_seconds(const e2e::TempDir& dir, const fs::path& forms)
{
  const Ledger scratch(dir.path() / "scratch.sqlite");
  const auto run = scratch.consent({"import", forms.string(), "--by", "hr"});
  REQUIRE(run.exit_code == 0);
  fs::remove(scratch.path());
  return run.seconds;
}

// One concurrent writer: an import of its own file, grants, then withdrawals of half of them.
// Returns the number of events it recorded (it stops at the first failure).
std::size_t run_writer(const Ledger& ledger,
                       const fs::path& forms,
                       std::size_t first_number,
                       std::size_t grants,
                       std::vector<e2e::Run>& failures)
{
  std::size_t events = 0;
  const auto record = [&](const e2e::Run& run, std::size_t count) {
    if (run.exit_code != 0 || !run.err.empty()) {
      failures.push_back(run);
      return false;
    }
    events += count;
    return true;
  };
  if (!record(ledger.consent({"import", forms.string(), "--by", "hr"}), 200)) {
    return events;
  }
  for (std::size_t i = 0; i < grants; ++i) {
    const auto number = mobile_number(first_number + i);
    if (!record(ledger.consent({"grant",
                                number,
                                "--name",
                                "Writer " + number,
                                "--notice-version",
                                "1",
                                "--date",
                                "2024-03-05",
                                "--by",
                                "hr"}),
                1)) {
      return events;
    }
    if (i % 2 == 1 &&
        !record(ledger.consent({"withdraw", number, "--method", "email", "--by", "hr"}), 1)) {
      return events;
    }
  }
  return events;
}

void check_concurrent_writers(std::size_t writers)
{
  e2e::TempDir dir;
  const Ledger ledger(dir.path() / "ledger" / "ledger.sqlite");
  constexpr std::size_t k_grants = 10;
  std::vector<fs::path> files;
  for (std::size_t writer = 0; writer < writers; ++writer) {
    files.push_back(write_forms(
        dir.path() / ("writer" + std::to_string(writer) + ".csv"), 200, 100000 * (writer + 1)));
  }
  std::vector<std::size_t> recorded(writers);
  std::vector<std::vector<e2e::Run>> failures(writers);
  std::vector<std::thread> threads;
  for (std::size_t writer = 0; writer < writers; ++writer) {
    threads.emplace_back([&, writer] {
      recorded[writer] = run_writer(
          ledger, files[writer], 100000 * (writer + 1) + 50000, k_grants, failures[writer]);
    });
  }
  for (auto& thread : threads) {
    thread.join();
  }
  std::size_t expected = 0;
  for (std::size_t writer = 0; writer < writers; ++writer) {
    for (const auto& failure : failures[writer]) {
      CAPTURE(failure.out);
      CHECK_MESSAGE(false, "writer " << writer << " failed: " << failure.err);
    }
    expected += recorded[writer];
  }
  const std::size_t per_writer = 200 + k_grants + k_grants / 2;
  CHECK(expected == writers * per_writer);
  const long events = ledger.verified_events();
  CHECK(events == static_cast<long>(writers * per_writer));
  MESSAGE(writers << " concurrent writers: " << writers * per_writer << " events written, "
                  << (events < 0 ? -1 : static_cast<long>(writers * per_writer) - events)
                  << " lost; chain " << std::string(events >= 0 ? "verified" : "BROKEN"));
}

} // namespace

TEST_SUITE("e2e reliability: crash and concurrency")
{
  TEST_CASE("a consent import killed at random moments leaves all rows or none, then completes")
  {
#if defined(__SANITIZE_ADDRESS__)
    const std::size_t rows = full_size() ? 200000 : 5000; // ASan makes each import 3x slower.
#else
    const std::size_t rows = full_size() ? 200000 : 20000;
#endif
    const auto seed = test_seed();
    std::mt19937_64 random(seed);
    e2e::TempDir dir;
    const auto forms = write_forms(dir.path() / "forms.csv", rows, 0);
    const Ledger ledger(dir.path() / "ledger.sqlite");
    const auto base_forms = write_forms(dir.path() / "base.csv", 10, 5000000);
    const auto reset = [&] {
      for (const char* suffix : {"", "-wal", "-shm"}) {
        fs::remove(ledger.path().string() + suffix);
      }
      REQUIRE(ledger.consent({"import", base_forms.string(), "--by", "hr"}).exit_code == 0);
    };
    reset();
    const double full_seconds = import_seconds(dir, forms);
    std::uniform_real_distribution<double> moment(0.05, full_seconds);
    int killed_midway = 0;
    int completed_first = 0;
    int passed = 0;
    for (int kill = 0; kill < k_kills; ++kill) {
      const double after = moment(random);
      CAPTURE(kill);
      CAPTURE(after);
      {
        e2e::Process import(ledger.arguments({"import", forms.string(), "--by", "hr"}),
                            {{}, fixed_now(), 0});
        std::this_thread::sleep_for(std::chrono::duration<double>(after));
        import.kill(SIGKILL);
        const auto run = import.wait();
        (run.exit_code == 128 + SIGKILL ? killed_midway : completed_first) += 1;
      }
      const long events = ledger.verified_events();
      const bool none = events == 10;
      const bool all = events == static_cast<long>(10 + rows);
      CHECK_MESSAGE((none || all),
                    "after a kill at " << after << " s the ledger holds " << events
                                       << " events (-1: verify failed)");
      passed += (none || all) ? 1 : 0;
      if (all) {
        reset(); // The file landed before the kill: start the next round from the base again.
      }
    }
    const auto rerun = ledger.consent({"import", forms.string(), "--by", "hr"});
    CHECK(rerun.exit_code == 0);
    CHECK(rerun.err == "");
    CHECK(ledger.verified_events() == static_cast<long>(10 + rows));
    MESSAGE("kill test: seed " << seed << ", " << rows << " rows, import about " << full_seconds
                               << " s; " << k_kills << " kills (" << killed_midway
                               << " during the import, " << completed_first
                               << " after it had finished), " << passed
                               << " passed all-or-none and verify; re-run "
                               << std::string(rerun.exit_code == 0 ? "completed" : "FAILED"));
  }

  TEST_CASE("two concurrent writers lose no event and the chain verifies")
  {
    check_concurrent_writers(2);
  }

  TEST_CASE("four concurrent writers lose no event and the chain verifies")
  {
    check_concurrent_writers(4);
  }
}
