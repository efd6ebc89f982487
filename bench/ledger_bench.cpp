// SPDX-License-Identifier: MIT
// Benchmark of the consent ledger: form import rows/s, chain verification events/s and
// preloaded consent lookups/s, with peak RSS. Not part of ctest.
#include <contact_audit/ledger/consent.hpp>
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

// libphonenumber alone over the first `count` numbers of the file, shared by
// `threads` threads, each with its own normaliser (fresh cache). On one thread its
// CPU time is the floor under the import's cost per row; on every core, its rate is
// what the row checks could reach if nothing else ran (the threads share
// libphonenumber's regular-expression cache and its lock). Negative times when a
// number is not valid.
struct NormaliseRun
{
  double seconds = 0;
  double cpu = 0;
};
NormaliseRun normalise_only(std::size_t count, unsigned threads)
{
  std::vector<std::size_t> valid(threads, 0);
  const auto start = Clock::now();
  const double cpu = cpu_seconds();
  {
    std::vector<std::jthread> workers;
    for (unsigned t = 0; t < threads; ++t) {
      workers.emplace_back([&, t] {
        phone::Normaliser normaliser("DE");
        for (std::size_t i = t; i < count; i += threads) {
          valid[t] += normaliser.normalise(number(i)).status == phone::NumberStatus::valid ? 1 : 0;
        }
      });
    }
  }
  std::size_t all_valid = 0;
  for (const auto each : valid) {
    all_valid += each;
  }
  if (all_valid != count) {
    return {-1, -1};
  }
  return {seconds_since(start), cpu_seconds() - cpu};
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
           "prints rows/s, events/s, lookups/s, libphonenumber's rate on one thread and on every "
           "core, and peak RSS. With KEEP_DIR the ledger is kept there, and an existing one is "
           "reused (no import).\n";
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
  const double normalise_cpu = normalise_only(normalised, 1).cpu;
  const unsigned cores = std::max(std::thread::hardware_concurrency(), 1U);
  const auto normalise_all_cores = normalise_only(normalised, cores);

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
            << " threads: " << static_cast<long>(normalised / normalise_all_cores.seconds)
            << " distinct numbers per second\n"
            << "ledger MiB:      " << ledger_mib << "\n"
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
