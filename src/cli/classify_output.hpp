// SPDX-License-Identifier: MIT
// Streaming writers for `classify`: each contact with class, score and reasons, then a summary.
#pragma once

#include <contact_audit/classify/classifier.hpp>
#include <contact_audit/contact/contact.hpp>
#include <contact_audit/importers/pipeline.hpp>

#include <array>
#include <cstddef>
#include <memory>
#include <ostream>
#include <string_view>

namespace contact_audit::cli {

// Counts per class over one run; they add up to `contacts`.
struct ClassifySummary
{
  std::size_t contacts = 0;
  std::array<std::size_t, 3> by_class{};   // Indexed by classify::Classification.
  std::array<std::size_t, 3> treated_as{}; // Indexed by classify::Classification.
  std::size_t reviewed = 0;                // Decided by a reviewed decision.
  std::size_t conflicts = 0;               // Reviewed decisions that disagreed.

  void add(const classify::Verdict& verdict);
};

struct ClassifyOutputOptions
{
  classify::Language language = classify::Language::en;
  bool explain = false; // Reasons in table and CSV (JSON always has them).
  bool reveal = false;  // Full phone numbers.
};

class ClassifyOutput
{
public:
  virtual ~ClassifyOutput() = default;
  virtual void begin(const classify::RuleSet& /*rules*/) {}
  virtual void write(const contact::Contact& contact, const classify::Verdict& verdict) = 0;
  virtual void end(const ClassifySummary& summary, const importers::ImportSummary& import) = 0;
};

// `format` is "table", "json" or "csv"; throws InputError for anything else.
// The table and JSON carry the summary; for CSV it goes to `summary_out`.
std::unique_ptr<ClassifyOutput> make_classify_output(std::string_view format,
                                                     std::ostream& out,
                                                     std::ostream& summary_out,
                                                     const ClassifyOutputOptions& options);

// The one-sentence summary: counts per class, how unknown is treated, reviews.
std::string summary_sentence(const ClassifySummary& summary,
                             const classify::Policy& policy,
                             classify::Language language);

} // namespace contact_audit::cli
