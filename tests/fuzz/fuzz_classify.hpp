// SPDX-License-Identifier: MIT
// The importer targets hand every contact they read to the classifier with the shipped
// rules, as `contact-audit classify` does: hostile field values must not break it.
#pragma once

#include "fuzz_support.hpp"

#include <contact_audit/classify/classifier.hpp>
#include <contact_audit/classify/rule_set.hpp>

#include <filesystem>

namespace contact_audit::fuzz {

inline void classify_with_shipped_rules(const contact::Contact& contact)
{
  static const classify::RuleSet rules = classify::load_rule_dir(
      std::filesystem::path(CONTACT_AUDIT_TESTDATA) / ".." / "rules" / "classify");
  static const classify::Classifier classifier(rules);
  const auto verdict = classifier.classify(contact);
  int score = 0;
  for (const auto& fired : verdict.fired) {
    score += fired.rule->weight;
  }
  require(score == verdict.score, "the score is the sum of the fired weights");
  static_cast<void>(classify::explain(verdict, classify::Language::de));
}

} // namespace contact_audit::fuzz
