// SPDX-License-Identifier: MIT
// Benchmark of the consent ledger: form import rows/s, chain verification events/s and
// preloaded consent lookups/s, with peak RSS. Not part of ctest.
#include <contact_audit/ledger/consent.hpp>
#include <contact_audit/ledger/consent_request.hpp>
#include <contact_audit/ledger/form_import.hpp>
#include <contact_audit/ledger/hash_chain.hpp>
#include <contact_audit/ledger/state.hpp>
#include <contact_audit/ledger/time.hpp>
#include <contact_audit/phone/normaliser.hpp>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <iostream>
#include <random>
#include <stdexcept>
#include <string>
#include <sys/resource.h>
#include <thread>
#include <unistd.h>

namespace {

using namespace contact_audit;
using Clock = std::chrono::steady_clock;

long peak_rss_mib()
{
  rusage usage{};
  ::getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss / 1024;
}

double seconds_since(Clock::time_point start)
{
  return std::chrono::duration<double>(Clock::now() - start).count();
}

// CPU seconds (user + system) of this process: on a busy machine the fairer measure.
double cpu_seconds()
{
  rusage usage{};
  ::getrusage(RUSAGE_SELF, &usage);
  const auto seconds = [](const timeval& time) { return time.tv_sec + time.tv_usec / 1e6; };
  return seconds(usage.ru_utime) + seconds(usage.ru_stime);
}

// CPU seconds of the calling thread only.
double thread_cpu_seconds()
{
  timespec time{};
  ::clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time);
  return time.tv_sec + time.tv_nsec / 1e9;
}

// What `count` items take on two otherwise idle cores, from the CPU time measured
// on a busy machine: the calling thread's work is the critical path, and all of the
// process's work shares two cores. A lower bound on the time, so an upper bound on
// the rate; wall-clock rates on a shared machine understate it.
long idle_two_core_rate(double count, double process_cpu, double thread_cpu)
{
  return static_cast<long>(count / std::max(thread_cpu, process_cpu / 2));
}

// The n-th synthetic mobile number: +49 151 + 8 digits.
std::string number(std::size_t n)
{
  return "+49151" + std::to_string(20000000 + n);
}

// A German forms export with `rows` rows dated in the last four weeks: mostly consents,
// every tenth a refusal.
void write_forms(const std::filesystem::path& path, std::size_t rows)
{
  const auto today = std::chrono::floor<std::chrono::days>(ledger::now_utc());
  std::ofstream out(path, std::ios::binary);
  out << "Name;Telefon;Entscheidung;Datum;Formular-ID;Textversion;Form;Beziehung\n";
  for (std::size_t i = 0; i < rows; ++i) {
    const bool refused = i % 10 == 9;
    const auto day = ledger::Timestamp(today - std::chrono::days(1 + i % 28));
    out << "Person " << i << ';' << number(i) << ';' << (refused ? "abgelehnt" : "erteilt") << ';'
        << ledger::format_date(day) << ";B-" << i << ';' << (refused ? "" : "1")
        << ";Papier;Kunde\n";
  }
}

// CPU seconds libphonenumber alone needs for the first `count` numbers of the file
// (one thread, fresh cache): the floor under the import's cost per row.
double normalise_only_cpu(std::size_t count)
{
  phone::Normaliser normaliser("DE");
  std::size_t valid = 0;
  const double cpu = cpu_seconds();
  for (std::size_t i = 0; i < count; ++i) {
    valid += normaliser.normalise(number(i)).status == phone::NumberStatus::valid ? 1 : 0;
  }
  return valid == count ? cpu_seconds() - cpu : -1;
}

// libphonenumber alone on `threads` threads, each with its own normaliser, over the
// first `count` numbers: numbers per wall-clock second. With every core busy this is
// what the row checks could reach if nothing else ran (the threads share
// libphonenumber's regular-expression cache and its lock).
double normalise_rate_on_threads(std::size_t count, unsigned threads)
{
  std::vector<std::thread> workers;
  std::vector<std::size_t> valid(threads, 0);
  const auto start = Clock::now();
  for (unsigned t = 0; t < threads; ++t) {
    workers.emplace_back([&, t] {
      phone::Normaliser normaliser("DE");
      for (std::size_t i = t; i < count; i += threads) {
        valid[t] += normaliser.normalise(number(i)).status == phone::NumberStatus::valid ? 1 : 0;
      }
    });
  }
  for (auto& worker : workers) {
    worker.join();
  }
  const double seconds = seconds_since(start);
  std::size_t all_valid = 0;
  for (const auto each : valid) {
    all_valid += each;
  }
  return all_valid == count ? count / seconds : -1;
}

// The import's writes alone: the same rows as the CSV, already checked, written
// the way import_consent_forms writes a row (row-key check, request lookup,
// subject found or created, event appended, row key stored) in one transaction
// of a fresh ledger. SQLite has one writer, so the thread CPU time this takes
// bounds the import from above whatever the number of cores. Returns the
// writing thread's CPU seconds, without the time spent building the rows.
double writes_only_cpu(const std::filesystem::path& path, std::size_t rows)
{
  auto store = ledger::open_ledger(path);
  const auto catalogue = ledger::stored_catalogue(*store);
  const auto now = ledger::now_utc();
  const auto today = std::chrono::floor<std::chrono::days>(now);
  const std::string source_sha256(64, '0');
  struct Written
  {
    ledger::SubjectDetails details;
    ledger::Event event;
    std::string key;
  };
  const auto build = [&](std::size_t i) {
    const bool refused = i % 10 == 9;
    ledger::Decision decision;
    decision.action = refused ? ledger::Action::refused : ledger::Action::given;
    decision.effective_at = ledger::Timestamp(today - std::chrono::days(1 + i % 28));
    decision.method = ledger::Method::paper;
    decision.notice_version = refused ? "" : "1";
    decision.form_id = "B-" + std::to_string(i);
    decision.numbers = {number(i)};
    decision.source_file = "forms.csv";
    decision.source_sha256 = source_sha256;
    decision.source_row = i + 2;
    auto event = ledger::make_event(catalogue, {}, decision, "bench", now);
    if (!event) {
      throw std::runtime_error(event.error().message);
    }
    Written row{{"Person " + std::to_string(i),
                 {ledger::SubjectNumber{number(i), number(i), now}},
                 {},
                 ledger::Relationship::customer},
                std::move(*event),
                "form|" + decision.purpose + "|" + decision.form_id + "|" +
                    std::string(ledger::to_string(decision.action)) + "|" +
                    ledger::format_date(decision.effective_at)};
    return row;
  };
  constexpr std::size_t k_batch = 4096; // As the import: memory stays flat.
  double building_cpu = 0;
  const double start = thread_cpu_seconds();
  store->write([&] {
    std::vector<Written> batch;
    for (std::size_t first = 0; first < rows; first += k_batch) {
      const double building = thread_cpu_seconds();
      batch.clear();
      for (std::size_t i = first; i < std::min(rows, first + k_batch); ++i) {
        batch.push_back(build(i));
      }
      building_cpu += thread_cpu_seconds() - building;
      for (auto& row : batch) {
        if (store->has_row_key(row.key)) {
          continue;
        }
        (void)ledger::find_consent_request(*store, row.event.purpose, row.event.form_id);
        const auto [subject_id, created] = ledger::find_or_create_subject(*store, row.details, now);
        row.event.subject_id = subject_id;
        const auto stored = store->append_event(std::move(row.event));
        store->insert_row_key(row.key, stored.id, subject_id, false);
      }
    }
  });
  return thread_cpu_seconds() - start - building_cpu;
}

} // namespace

int main(int argc, char** argv)
{
  if (argc > 1 && std::string(argv[1]) == "--help") {
    std::cerr
        << "Usage: ledger_bench [ROWS] [LOOKUPS] [KEEP_DIR] [VERIFY_ROUNDS]\n"
           "Imports ROWS generated consent-form rows (default 1000000) into a fresh ledger, "
           "verifies the chain VERIFY_ROUNDS times (default 3; the median counts), "
           "preloads the consent index and looks up LOOKUPS numbers (default 1000000); "
           "prints rows/s, events/s, lookups/s and peak RSS. After an import it also measures "
           "libphonenumber on every core and the import's writes alone, and prints the "
           "import's ceiling on this machine. With KEEP_DIR the ledger is kept there, and "
           "an existing one is reused (no import).\n";
    return 2;
  }
  const std::size_t rows = argc > 1 ? std::strtoull(argv[1], nullptr, 10) : 1'000'000;
  const std::size_t lookups = argc > 2 ? std::strtoull(argv[2], nullptr, 10) : 1'000'000;
  const bool keep = argc > 3;
  const std::size_t verify_rounds =
      std::max<std::size_t>(argc > 4 ? std::strtoull(argv[4], nullptr, 10) : 3, 1);
  const auto dir = keep ? std::filesystem::path(argv[3])
                        : std::filesystem::temp_directory_path() /
                              ("contact-audit-ledger-bench-" + std::to_string(::getpid()));
  const bool reuse = keep && std::filesystem::exists(dir / "ledger.sqlite");
  std::filesystem::create_directories(dir);
  const auto csv = dir / "forms.csv";
  if (!reuse) {
    write_forms(csv, rows);
  }
  const auto csv_mib = std::filesystem::file_size(csv) / (1024 * 1024);

  const std::size_t normalised = std::min<std::size_t>(rows, 100'000);
  const double normalise_cpu = normalise_only_cpu(normalised);

  auto store = ledger::open_ledger(dir / "ledger.sqlite");
  ledger::FormImportOptions options;
  options.context = ledger::WriteContext{"bench", "ledger_bench", {}, {}};
  auto start = Clock::now();
  double cpu = cpu_seconds();
  double thread_cpu = thread_cpu_seconds();
  const auto summary =
      reuse ? ledger::FormImportSummary{} : ledger::import_consent_forms(*store, csv, options);
  const double import_seconds = seconds_since(start);
  const double import_cpu = cpu_seconds() - cpu;
  const double import_thread_cpu = thread_cpu_seconds() - thread_cpu;

  // Verification only reads, so it runs several times and the median round counts:
  // on a shared VM one round may land on a slow stretch.
  struct VerifyRound
  {
    double seconds = 0;
    double cpu = 0;
    double thread_cpu = 0;
  };
  std::vector<VerifyRound> rounds;
  ledger::VerifyReport report;
  for (std::size_t round = 0; round < verify_rounds; ++round) {
    start = Clock::now();
    cpu = cpu_seconds();
    thread_cpu = thread_cpu_seconds();
    report = ledger::verify_chain(*store);
    rounds.push_back(
        {seconds_since(start), cpu_seconds() - cpu, thread_cpu_seconds() - thread_cpu});
  }
  const auto rounds_in_order = rounds;
  std::sort(rounds.begin(), rounds.end(), [](const VerifyRound& a, const VerifyRound& b) {
    return a.seconds < b.seconds;
  });
  const auto& median = rounds[rounds.size() / 2];
  const double verify_seconds = median.seconds;
  const double verify_cpu = median.cpu;
  const double verify_thread_cpu = median.thread_cpu;

  start = Clock::now();
  cpu = cpu_seconds();
  const auto index =
      ledger::load_consent_index(*store, ledger::k_default_purpose, ledger::now_utc());
  const double load_seconds = seconds_since(start);
  const double load_cpu = cpu_seconds() - cpu;
  std::mt19937_64 random(42);
  std::vector<std::string> queries;
  queries.reserve(lookups);
  for (std::size_t i = 0; i < lookups; ++i) {
    // Nine in ten queries hit the ledger, one in ten asks for an unknown number.
    queries.push_back(number(random() % (rows + rows / 9 + 1)));
  }
  std::size_t valid = 0;
  start = Clock::now();
  cpu = cpu_seconds();
  for (const auto& query : queries) {
    valid += index.lookup(query) == ledger::ConsentStatus::valid ? 1 : 0;
  }
  const double lookup_seconds = seconds_since(start);
  const double lookup_cpu = cpu_seconds() - cpu;
  const auto ledger_mib = std::filesystem::file_size(dir / "ledger.sqlite") / (1024 * 1024);
  store.reset();

  // What bounds the import on this machine, from its two largest parts measured alone.
  const unsigned cores = std::max(std::thread::hardware_concurrency(), 1U);
  const double normalise_all_cores = normalise_rate_on_threads(normalised, cores);
  const auto writes_only = dir / "writes-only.sqlite";
  const double writes_cpu = reuse || rows == 0 ? 0 : writes_only_cpu(writes_only, rows);
  for (const char* suffix : {"", "-wal", "-shm"}) {
    std::filesystem::remove(writes_only.string() + suffix);
  }
  if (!keep) {
    std::filesystem::remove_all(dir);
  }

  std::cout << "rows:            " << summary.rows << " (" << csv_mib << " MiB CSV; "
            << summary.imported << " imported, " << summary.rejected << " rejected)\n"
            << "import seconds:  " << import_seconds << "\n"
            << "import rows/s:   " << static_cast<long>(summary.rows / import_seconds)
            << " (per CPU second: " << static_cast<long>(summary.rows / import_cpu) << ")\n"
            << "import CPU s:    " << import_cpu << " ("
            << static_cast<long>(1e6 * import_cpu / std::max<std::uint64_t>(summary.rows, 1))
            << " us per row; writing thread " << import_thread_cpu << " s)\n"
            << "import idle 2-core estimate: "
            << idle_two_core_rate(summary.rows, import_cpu, import_thread_cpu) << " rows/s\n"
            << "libphonenumber:  " << static_cast<long>(normalised / normalise_cpu)
            << " distinct numbers per CPU second ("
            << static_cast<long>(1e6 * normalise_cpu / std::max<std::size_t>(normalised, 1))
            << " us each, " << normalised << " numbers, one thread)\n"
            << "libphonenumber on " << cores
            << " threads: " << static_cast<long>(normalise_all_cores)
            << " distinct numbers per second\n";
  if (!reuse && rows > 0) {
    const double write_cost = writes_cpu / std::max<std::size_t>(rows, 1);
    const double normalise_cost = normalise_cpu / std::max<std::size_t>(normalised, 1);
    std::cout << "writes alone:    " << static_cast<long>(1 / write_cost)
              << " rows/s on the one writing thread (" << std::lround(1e6 * write_cost)
              << " us CPU per row; the import's statements in a fresh ledger, rows already "
                 "checked)\n"
              << "import ceiling:  "
              << static_cast<long>(std::min(1 / write_cost, cores / (write_cost + normalise_cost)))
              << " rows/s (the writes alone on one thread, and writes plus libphonenumber "
                 "sharing "
              << cores << " cores; without CSV parsing and the other checks)\n";
  }
  std::cout << "ledger MiB:      " << ledger_mib << "\n"
            << "verify rounds:  ";
  for (const auto& round : rounds_in_order) {
    std::cout << ' ' << static_cast<long>(report.events / round.seconds) << " events/s ("
              << std::lround(1e7 * round.cpu / std::max<std::uint64_t>(report.events, 1)) / 10.0
              << " us CPU each)";
  }
  std::cout << "\n"
            << "verify:          " << (report.intact ? "intact" : "BROKEN") << ", " << report.events
            << " events in " << verify_seconds << " s (median of " << rounds.size() << " rounds)\n"
            << "verify CPU s:    " << verify_cpu << " (calling thread " << verify_thread_cpu
            << " s; " << report.ranges << " id ranges shared by the reading threads)\n"
            << "verify idle 2-core estimate: "
            << idle_two_core_rate(report.events, verify_cpu, verify_thread_cpu) << " events/s\n"
            << "verify events/s: " << static_cast<long>(report.events / verify_seconds)
            << " (per CPU second: " << static_cast<long>(report.events / verify_cpu) << ")\n"
            << "index load:      " << index.size() << " numbers in " << load_seconds << " s ("
            << load_cpu << " CPU s)\n"
            << "lookups:         " << lookups << " (" << valid << " valid) in " << lookup_seconds
            << " s\n"
            << "lookups/s:       " << static_cast<long>(lookups / lookup_seconds)
            << " (per CPU second: " << static_cast<long>(lookups / lookup_cpu) << ")\n"
            << "peak RSS MiB:    " << peak_rss_mib() << "\n";
  return (reuse || summary.imported == rows) && report.intact ? 0 : 1;
}
