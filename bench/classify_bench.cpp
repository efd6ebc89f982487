// SPDX-License-Identifier: MIT
// Benchmark: classification alone on a synthetic book, and its cost relative to the import
// of the same book; prints contacts/s and microseconds per contact. Not part of ctest.
#include "synthetic_book.hpp"

#include <contact_audit/classify/classifier.hpp>
#include <contact_audit/importers/pipeline.hpp>

#include <array>
#include <chrono>
#include <cstdlib>
#include <iostream>
#include <string>
#include <unistd.h>

namespace {

using Clock = std::chrono::steady_clock;

class CountingSink final : public contact_audit::DiagnosticSink
{
public:
  void report(contact_audit::Diagnostic /*diagnostic*/) override { ++count; }
  std::size_t count = 0;
};

double seconds_since(Clock::time_point start)
{
  return std::chrono::duration<double>(Clock::now() - start).count();
}

} // namespace

int main(int argc, char** argv)
{
  using namespace contact_audit;
  if (argc < 2 || std::string(argv[1]) == "--help") {
    std::cerr << "Usage: classify_bench CONTACTS [RULES_DIR]\n"
                 "Generates a synthetic vCard 3.0 book of CONTACTS contacts, imports it (timed), "
                 "then classifies the imported contacts with the rules in RULES_DIR (default: "
                 "the rules/classify the binary would use) until at least two seconds have "
                 "passed, and prints contacts/s, microseconds per contact and the cost "
                 "relative to the import.\n";
    return 2;
  }
  const auto count = static_cast<std::size_t>(std::strtoull(argv[1], nullptr, 10));
  const std::filesystem::path rules_dir =
      argc > 2 ? std::filesystem::path(argv[2])
               : classify::classify_rules_dir(classify::default_rules_dir());
  const auto path = std::filesystem::temp_directory_path() /
                    ("contact-audit-classify-bench-" + std::to_string(::getpid()) + ".vcf");
  bench::write_synthetic_vcard(path, count);

  std::vector<contact::Contact> contacts;
  contacts.reserve(count);
  CountingSink sink;
  auto start = Clock::now();
  importers::run_import(
      {{path, {}}},
      {},
      [&](contact::Contact&& contact) { contacts.push_back(std::move(contact)); },
      sink);
  const double import_seconds = seconds_since(start);
  std::filesystem::remove(path);

  const auto rules = classify::load_rule_dir(rules_dir);
  const classify::Classifier classifier(rules);
  classify::Verdict verdict;
  std::array<std::size_t, 3> by_class{};
  std::size_t classified = 0;
  long long score_sum = 0; // Keeps the work observable.
  start = Clock::now();
  double classify_seconds = 0;
  do {
    for (const auto& contact : contacts) {
      classifier.classify(contact, verdict);
      score_sum += verdict.score;
      if (classified < contacts.size()) {
        ++by_class[static_cast<std::size_t>(verdict.classification)];
      }
      ++classified;
    }
    classify_seconds = seconds_since(start);
  } while (classify_seconds < 2.0 && !contacts.empty());

  const double import_us = import_seconds * 1e6 / static_cast<double>(contacts.size());
  const double classify_us = classify_seconds * 1e6 / static_cast<double>(classified);
  std::cout << "contacts:            " << contacts.size() << " (" << by_class[0] << " business, "
            << by_class[1] << " private, " << by_class[2] << " unknown; score sum " << score_sum
            << ")\n"
            << "rules:               " << rules.rules().size() << " from " << rules_dir.string()
            << "\n"
            << "import:              " << static_cast<long>(contacts.size() / import_seconds)
            << " contacts/s, " << import_us << " us/contact (wall time, all threads)\n"
            << "classification:      " << classified << " contacts in " << classify_seconds
            << " s: " << static_cast<long>(classified / classify_seconds) << " contacts/s, "
            << classify_us << " us/contact (one thread)\n"
            << "relative to import:  " << 100.0 * classify_us / import_us << " %\n";
  return 0;
}
