// SPDX-License-Identifier: MIT
// Benchmark: import + phone normalisation of a synthetic vCard book; prints
// contacts per second and peak RSS. Not part of ctest.
#include "synthetic_book.hpp"

#include <contact_audit/importers/pipeline.hpp>

#include <chrono>
#include <cstdlib>
#include <iostream>
#include <string>
#include <sys/resource.h>
#include <unistd.h>

namespace {

long peak_rss_kib()
{
  rusage usage{};
  ::getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss;
}

class CountingSink final : public contact_audit::DiagnosticSink
{
public:
  void report(contact_audit::Diagnostic /*diagnostic*/) override { ++count; }
  std::size_t count = 0;
};

} // namespace

int main(int argc, char** argv)
{
  using namespace contact_audit;
  if (argc < 2 || std::string(argv[1]) == "--help") {
    std::cerr
        << "Usage: import_bench CONTACTS [THREADS] [FILE]\n"
           "Generates a synthetic vCard 3.0 book of CONTACTS contacts (into FILE, or a "
           "temporary file), imports and normalises it, and prints contacts/s and peak RSS.\n";
    return 2;
  }
  const auto contacts = static_cast<std::size_t>(std::strtoull(argv[1], nullptr, 10));
  const unsigned threads = argc > 2 ? static_cast<unsigned>(std::strtoul(argv[2], nullptr, 10)) : 0;
  const std::filesystem::path path =
      argc > 3 ? std::filesystem::path(argv[3])
               : std::filesystem::temp_directory_path() /
                     ("contact-audit-bench-" + std::to_string(::getpid()) + ".vcf");
  const auto book = bench::write_synthetic_vcard(path, contacts);
  const long rss_after_generation = peak_rss_kib();

  importers::PipelineOptions options;
  options.threads = threads;
  CountingSink sink;
  std::size_t delivered = 0;
  const auto start = std::chrono::steady_clock::now();
  const auto summary = importers::run_import(
      {{path, {}}}, options, [&](contact::Contact&&) { ++delivered; }, sink);
  const std::chrono::duration<double> elapsed = std::chrono::steady_clock::now() - start;
  if (argc <= 3) {
    std::filesystem::remove(path);
  }

  std::cout << "contacts:        " << delivered << " (" << book.phones << " TEL, " << book.photos
            << " PHOTO, " << book.bytes / (1024 * 1024) << " MiB)\n"
            << "phones:          " << summary.phones << " (" << summary.phones_valid << " valid, "
            << summary.phones_ambiguous << " ambiguous, " << summary.phones_invalid << " invalid, "
            << summary.phones_unparsable << " unparsable)\n"
            << "diagnostics:     " << sink.count << "\n"
            << "seconds:         " << elapsed.count() << "\n"
            << "contacts/s:      " << static_cast<long>(delivered / elapsed.count()) << "\n"
            << "peak RSS MiB:    " << peak_rss_kib() / 1024 << " (after generation "
            << rss_after_generation / 1024 << ")\n";
  return delivered == contacts ? 0 : 1;
}
