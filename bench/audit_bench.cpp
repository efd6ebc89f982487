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
int run_audit_only(const std::filesystem::path& book, const std::filesystem::path& ledger_path)
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
  std::cerr << "Usage: audit_bench [CONTACTS] [CONSENTS] [WORK_DIR]\n"
               "Generates a synthetic vCard book of CONTACTS contacts (default 1000000), times "
               "the import benchmark's work on it, builds a ledger of CONSENTS consents (default "
               "300000) for part of its numbers through the consent-form import, then times the "
               "whole audit in a child process and prints contacts/s and peak RSS. With WORK_DIR "
               "the book and ledger are kept there.\n";
  return 2;
}

} // namespace

int main(int argc, char** argv)
{
  if (argc > 1 && std::string(argv[1]) == "--help") {
    return usage();
  }
  if (argc == 4 && std::string(argv[1]) == "--audit-only") {
    return run_audit_only(argv[2], argv[3]);
  }
  const std::size_t contacts = argc > 1 ? std::strtoull(argv[1], nullptr, 10) : 1'000'000;
  const std::size_t consents = argc > 2 ? std::strtoull(argv[2], nullptr, 10) : 300'000;
  const bool keep = argc > 3;
  const auto dir = keep ? std::filesystem::path(argv[3])
                        : std::filesystem::temp_directory_path() /
                              ("contact-audit-audit-bench-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  const auto book = dir / "company.vcf";
  const auto ledger_path = dir / "ledger.sqlite";
  std::filesystem::remove(ledger_path);
  const auto stats = bench::write_synthetic_vcard(book, contacts);

  // About 1.6 numbers per contact: spread the consents over the whole book.
  const std::size_t stride =
      std::max<std::size_t>(1, stats.phones / std::max<std::size_t>(consents, 1) / 2);
  const auto pass = import_pass(book, consents, stride);
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

  std::cout.flush();
  const auto audit_start = Clock::now();
  const pid_t child = ::fork();
  if (child == 0) {
    ::execl("/proc/self/exe",
            argv[0],
            "--audit-only",
            book.c_str(),
            ledger_path.c_str(),
            static_cast<char*>(nullptr));
    std::_Exit(127);
  }
  int status = 0;
  ::waitpid(child, &status, 0);
  const double audit_seconds = seconds_since(audit_start);
  const double audit_cpu = cpu_seconds(RUSAGE_CHILDREN);
  if (!keep) {
    std::filesystem::remove_all(dir);
  }
  const double import_rate = pass.contacts / pass.seconds;
  const double audit_rate = pass.contacts / audit_seconds;
  std::cout << "book:            " << stats.contacts << " contacts, " << stats.phones << " TEL, "
            << stats.bytes / (1024 * 1024) << " MiB\n"
            << "import seconds:  " << pass.seconds << "\n"
            << "import contacts/s: " << static_cast<long>(import_rate)
            << " (per CPU second: " << static_cast<long>(pass.contacts / pass.cpu) << ")\n"
            << "audit process s: " << audit_seconds << " (start-up and ledger load included)\n"
            << "audit contacts/s: " << static_cast<long>(audit_rate)
            << " (per CPU second: " << static_cast<long>(pass.contacts / audit_cpu) << ")\n"
            << "audit/import:    " << static_cast<int>(100 * audit_rate / import_rate)
            << " % (per CPU second: "
            << static_cast<int>(100 * (pass.contacts / audit_cpu) / (pass.contacts / pass.cpu))
            << " %)\n";
  return WIFEXITED(status) && WEXITSTATUS(status) == 0 ? 0 : 1;
}
