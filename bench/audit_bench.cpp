// SPDX-License-Identifier: MIT
// Benchmark of the whole audit (audit::run_audit as `contact-audit audit` runs it) on a
// synthetic address book, beside the plain import of the same book for comparison.
// The consent ledger is built through the real form import before the timed audit.
// The audit runs in a child process of its own so that its peak RSS is its own. Not
// part of ctest.
#include "synthetic_book.hpp"

#include <contact_audit/audit/audit.hpp>
#include <contact_audit/importers/pipeline.hpp>
#include <contact_audit/ledger/form_import.hpp>
#include <contact_audit/ledger/state.hpp>
#include <contact_audit/ledger/time.hpp>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <string>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

#ifndef CONTACT_AUDIT_SOURCE_DIR
#error "CONTACT_AUDIT_SOURCE_DIR must name the source tree (rules/ and testdata/)."
#endif

namespace {

using namespace contact_audit;
using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point start)
{
  return std::chrono::duration<double>(Clock::now() - start).count();
}

// CPU seconds (user + system) of this process or of its finished children: on a
// machine shared with other work the fairer measure.
double cpu_seconds(int who)
{
  rusage usage{};
  ::getrusage(who, &usage);
  const auto seconds = [](const timeval& time) { return time.tv_sec + time.tv_usec / 1e6; };
  return seconds(usage.ru_utime) + seconds(usage.ru_stime);
}

class CountingSink final : public DiagnosticSink
{
public:
  void report(Diagnostic /*diagnostic*/) override { ++count; }
  std::size_t count = 0;
};

const std::filesystem::path k_source(CONTACT_AUDIT_SOURCE_DIR);
// iOS, whose unmanaged WhatsApp reads both the managed Exchange and the private iCloud
// book: the book is read as the iCloud one, so business, private and unknown contacts mix.
const std::filesystem::path k_profile = k_source / "testdata/devices/ios-unmanaged-default.toml";
const std::filesystem::path k_rules = k_source / "rules";

// Heap bytes of a string beyond the object itself (none while it fits the small buffer).
std::size_t heap_bytes(const std::string& text)
{
  return text.capacity() > 15 ? text.capacity() + 1 : 0;
}

std::size_t heap_bytes(const audit::LocalisedText& text)
{
  return heap_bytes(text.de) + heap_bytes(text.en);
}

// About how much memory the findings the result keeps take: what grows with the
// input by design. The rest of the peak RSS should not. Exposure reasons, remediations
// and rule patterns are shared by all findings and not counted.
std::size_t findings_bytes(const audit::Findings& findings)
{
  std::size_t bytes = findings.size() * sizeof(audit::Finding);
  for (const auto& finding : findings) {
    bytes += heap_bytes(finding.contact) + heap_bytes(finding.organisation) +
             heap_bytes(finding.file) + heap_bytes(finding.account) +
             finding.reasons.capacity() * sizeof(audit::Reason) +
             finding.numbers.capacity() * sizeof(audit::NumberRecord);
    for (const auto& reason : finding.reasons) {
      bytes +=
          heap_bytes(reason.rule_id) + heap_bytes(reason.rendered) + heap_bytes(reason.evidence);
    }
    for (const auto& number : finding.numbers) {
      bytes += heap_bytes(number.raw) + heap_bytes(number.consent_detail);
    }
  }
  return bytes;
}

// The audit alone, as the CLI runs it; prints its figures. Runs in the child process.
// With `timing`, writes there when the audit ended (steady clock, which both processes
// share) and the CPU seconds it took, so that the parent's figures leave out the
// findings estimate below, which is the benchmark's own work.
int run_audit_only(const std::filesystem::path& book,
                   const std::filesystem::path& ledger_path,
                   const std::filesystem::path& timing = {})
{
  audit::AuditOptions options;
  options.device_profile = k_profile;
  options.inputs.push_back({book, "unmanaged", {}});
  options.rules_root = k_rules;
  options.ledger_path = ledger_path;
  options.tool_version = "bench";
  CountingSink sink;
  const auto start = Clock::now();
  // As `contact-audit audit` does, the result is left to the end of the process.
  static const auto& result = *new audit::AuditResult(audit::run_audit(options, sink));
  const double seconds = seconds_since(start);
  if (!timing.empty()) {
    std::ofstream(timing) << Clock::now().time_since_epoch().count() << ' '
                          << cpu_seconds(RUSAGE_SELF) << '\n';
  }
  rusage usage{};
  ::getrusage(RUSAGE_SELF, &usage);
  const auto& totals = result.totals;
  std::cout << "audit contacts:  " << totals.contacts_read << " (" << totals.business
            << " business, " << totals.private_ << " private, " << totals.unknown << " unknown)\n"
            << "findings:        " << result.findings.size() << " non-compliant, "
            << result.residual.size() << " lookup-only, " << result.attention.size()
            << " attention (+" << totals.attention_omitted << " counted)\n"
            << "consent states:  ";
  for (const auto& [state, count] : totals.consent_states) {
    std::cout << state << '=' << count << ' ';
  }
  std::cout << "\naudit seconds:   " << seconds << "\n"
            << "audit contacts/s: " << static_cast<long>(totals.contacts_read / seconds) << "\n"
            << "audit peak RSS MiB: " << usage.ru_maxrss / 1024 << "\n"
            << "findings kept MiB: "
            << (findings_bytes(result.findings) + findings_bytes(result.residual)) / (1024 * 1024)
            << " (estimate; RSS less findings "
            << usage.ru_maxrss / 1024 - static_cast<long>((findings_bytes(result.findings) +
                                                           findings_bytes(result.residual)) /
                                                          (1024 * 1024))
            << " MiB)\n";
  return totals.contacts_read > 0 ? 0 : 1;
}

// The import benchmark's work on the same book; keeps every `stride`-th valid number
// (up to `wanted`) with its contact's name for the consent forms.
struct ImportPass
{
  double seconds = 0;
  double cpu = 0;
  std::size_t contacts = 0;
  std::vector<std::pair<std::string, std::string>> consents; // name, E.164
};

ImportPass import_pass(const std::filesystem::path& book, std::size_t wanted, std::size_t stride)
{
  ImportPass pass;
  pass.consents.reserve(wanted);
  CountingSink sink;
  std::size_t seen = 0;
  const auto start = Clock::now();
  const double cpu = cpu_seconds(RUSAGE_SELF);
  importers::run_import(
      {{book, {}}},
      {},
      [&](contact::Contact&& contact) {
        ++pass.contacts;
        for (const auto& phone : contact.phones) {
          if (phone.number.status != phone::NumberStatus::valid || pass.consents.size() >= wanted ||
              seen++ % stride != 0) {
            continue;
          }
          pass.consents.emplace_back(contact::best_name(contact), phone.number.e164);
        }
      },
      sink);
  pass.seconds = seconds_since(start);
  pass.cpu = cpu_seconds(RUSAGE_SELF) - cpu;
  return pass;
}

// HR's consent forms for the kept numbers: one consent each, dated last week.
void write_forms(const std::filesystem::path& path,
                 const std::vector<std::pair<std::string, std::string>>& consents)
{
  const auto day = ledger::Timestamp(std::chrono::floor<std::chrono::days>(ledger::now_utc()) -
                                     std::chrono::days(7));
  const auto date = ledger::format_date(day);
  std::ofstream out(path, std::ios::binary);
  out << "Name;Telefon;Entscheidung;Datum;Formular-ID;Textversion;Form;Beziehung\n";
  std::size_t id = 0;
  for (const auto& [name, e164] : consents) {
    const auto safe_name = name.find_first_of(";\"\r\n") == std::string::npos ? name : "Kontakt";
    out << (safe_name.empty() ? "Kontakt" : safe_name) << ';' << e164 << ";erteilt;" << date
        << ";A-" << ++id << ";1;Papier;Kunde\n";
  }
}

int usage()
{
  std::cerr << "Usage: audit_bench [CONTACTS] [CONSENTS] [WORK_DIR] [ROUNDS]\n"
               "Generates a synthetic vCard book of CONTACTS contacts (default 1000000), times "
               "the import benchmark's work on it, builds a ledger of CONSENTS consents (default "
               "300000) for part of its numbers through the consent-form import, then times the "
               "whole audit in a child process and prints contacts/s and peak RSS. ROUNDS "
               "(default 3) pairs of import pass and audit run alternately, and the median of "
               "their ratios is printed, since a shared machine's speed drifts between runs. "
               "With WORK_DIR the book and ledger are kept there.\n";
  return 2;
}

// One audit in a child process of its own, so that its peak RSS is the audit's alone.
struct AuditRun
{
  double seconds = 0; // From the start of the child to the end of the audit.
  double cpu = 0;
  bool ok = false;
};

AuditRun run_audit_child(const char* self,
                         const std::filesystem::path& book,
                         const std::filesystem::path& ledger_path,
                         const std::filesystem::path& timing)
{
  std::filesystem::remove(timing); // A child that fails must not leave an earlier round's time.
  std::cout.flush();
  const auto start = Clock::now();
  const pid_t child = ::fork();
  if (child == 0) {
    ::execl("/proc/self/exe",
            self,
            "--audit-only",
            book.c_str(),
            ledger_path.c_str(),
            timing.c_str(),
            static_cast<char*>(nullptr));
    std::_Exit(127);
  }
  int status = 0;
  ::waitpid(child, &status, 0);
  AuditRun run;
  std::int64_t end_ticks = 0;
  std::ifstream(timing) >> end_ticks >> run.cpu;
  run.seconds =
      std::chrono::duration<double>(Clock::time_point(Clock::duration(end_ticks)) - start).count();
  run.ok = WIFEXITED(status) && WEXITSTATUS(status) == 0 && end_ticks > 0;
  return run;
}

double median(std::vector<double> values)
{
  std::sort(values.begin(), values.end());
  const std::size_t middle = values.size() / 2;
  return values.size() % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
}

} // namespace

int main(int argc, char** argv)
{
  if (argc > 1 && std::string(argv[1]) == "--help") {
    return usage();
  }
  if ((argc == 4 || argc == 5) && std::string(argv[1]) == "--audit-only") {
    return run_audit_only(argv[2], argv[3], argc == 5 ? argv[4] : "");
  }
  const std::size_t contacts = argc > 1 ? std::strtoull(argv[1], nullptr, 10) : 1'000'000;
  const std::size_t consents = argc > 2 ? std::strtoull(argv[2], nullptr, 10) : 300'000;
  const bool keep = argc > 3;
  const std::size_t rounds =
      std::max<std::size_t>(1, argc > 4 ? std::strtoull(argv[4], nullptr, 10) : 3);
  const auto dir = keep ? std::filesystem::path(argv[3])
                        : std::filesystem::temp_directory_path() /
                              ("contact-audit-audit-bench-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  const auto book = dir / "company.vcf";
  const auto ledger_path = dir / "ledger.sqlite";
  std::filesystem::remove(ledger_path);
  const auto stats = bench::write_synthetic_vcard(book, contacts);
  std::cout << "book:            " << stats.contacts << " contacts, " << stats.phones << " TEL, "
            << stats.bytes / (1024 * 1024) << " MiB\n";

  // About 1.6 numbers per contact: spread the consents over the whole book.
  const std::size_t stride =
      std::max<std::size_t>(1, stats.phones / std::max<std::size_t>(consents, 1) / 2);
  auto pass = import_pass(book, consents, stride);
  write_forms(dir / "forms.csv", pass.consents);
  const auto ledger_start = Clock::now();
  {
    auto store = ledger::open_ledger(ledger_path);
    ledger::FormImportOptions options;
    options.context = ledger::WriteContext{"bench", "audit_bench", {}, {}};
    const auto summary = ledger::import_consent_forms(*store, dir / "forms.csv", options);
    std::cout << "ledger:          " << summary.imported << " consents imported in "
              << seconds_since(ledger_start) << " s (" << summary.duplicates << " duplicates, "
              << summary.rejected << " rejected)\n";
  }

  std::vector<double> wall_ratios;
  std::vector<double> cpu_ratios;
  bool ok = true;
  for (std::size_t round = 1; round <= rounds; ++round) {
    if (round > 1) {
      pass = import_pass(book, 0, stride);
    }
    const auto audit = run_audit_child(argv[0], book, ledger_path, dir / "audit-timing.txt");
    ok = ok && audit.ok;
    const double import_rate = pass.contacts / pass.seconds;
    const double audit_rate = pass.contacts / audit.seconds;
    const double import_cpu_rate = pass.contacts / pass.cpu;
    const double audit_cpu_rate = pass.contacts / audit.cpu;
    wall_ratios.push_back(audit_rate / import_rate);
    cpu_ratios.push_back(audit_cpu_rate / import_cpu_rate);
    std::cout << "round " << round << " of " << rounds << "\n"
              << "  import seconds:   " << pass.seconds << "\n"
              << "  import contacts/s: " << static_cast<long>(import_rate)
              << " (per CPU second: " << static_cast<long>(import_cpu_rate) << ")\n"
              << "  audit process s:  " << audit.seconds
              << " (start-up and ledger load included; the findings estimate left out)\n"
              << "  audit contacts/s: " << static_cast<long>(audit_rate)
              << " (per CPU second: " << static_cast<long>(audit_cpu_rate) << ")\n"
              << "  audit/import:     " << static_cast<int>(100 * wall_ratios.back())
              << " % (per CPU second: " << static_cast<int>(100 * cpu_ratios.back()) << " %)\n";
  }
  std::cout << "audit/import median of " << rounds
            << " rounds: " << static_cast<int>(100 * median(wall_ratios))
            << " % (per CPU second: " << static_cast<int>(100 * median(cpu_ratios)) << " %)\n";
  if (!keep) {
    std::filesystem::remove_all(dir);
  }
  return ok ? 0 : 1;
}
