// SPDX-License-Identifier: MIT
// The classifier: a contact in, a verdict out (class, score, the rules that fired and why).
#pragma once

#include <contact_audit/classify/classification.hpp>
#include <contact_audit/classify/overrides.hpp>
#include <contact_audit/classify/rule_set.hpp>
#include <contact_audit/contact/contact.hpp>

#include <string>
#include <vector>

namespace contact_audit::classify {

// One rule that fired for a contact, with the value that made it fire (an
// e-mail address, a category, an organisation, an E.164 number, ...).
struct FiredRule
{
  const RuleInfo* rule = nullptr; // Points into the RuleSet.
  std::string value;
  bool value_is_number = false; // `value` is a phone number: masked in texts unless revealed.
  bool value_is_email = false;  // `value` is an e-mail address: masked in texts unless revealed.
};

// The result for one contact. `score` is the sum of the fired rules' weights;
// `classification` comes from the reviewed decisions when any applies (then
// `overridden` is true), from the score otherwise. `treated_as` applies the
// policy's `unknown_as`. When reviewed decisions disagree, `conflict` is true
// and the contact is business (the conservative reading).
struct Verdict
{
  Classification classification = Classification::unknown;
  Classification treated_as = Classification::business;
  int score = 0;
  bool overridden = false;
  bool conflict = false;
  std::vector<const Override*> overrides; // Point into the Overrides; UID first, then phones.
  std::vector<FiredRule> fired;           // In rule order.
};

// Applies a RuleSet (and reviewed decisions) to contacts. Cheap to copy the
// references it holds; `rules` and `overrides` must outlive the classifier and
// every Verdict it returns. classify() is const and safe to call from several
// threads at once.
class Classifier
{
public:
  explicit Classifier(const RuleSet& rules);
  Classifier(const RuleSet& rules, const Overrides& overrides);

  // The verdict for `contact`. Never throws for any contact content.
  Verdict classify(const contact::Contact& contact) const;

  // As above, reusing `verdict`'s storage (no allocation once it has grown).
  void classify(const contact::Contact& contact, Verdict& verdict) const;

  const RuleSet& rules() const { return *m_rules; }

private:
  const RuleSet* m_rules;
  const Overrides* m_overrides;
};

// One line of explanation for a fired rule in `language`, e.g.
// "rule email.company-domain (+5): j***@acme.de is a company domain".
// Numbers (phone::mask) and e-mail addresses (mask_email) are masked unless `reveal`.
std::string explain(const FiredRule& fired, Language language, bool reveal = false);

// The parts explain() joins, for callers that keep many explanations: the line of
// `rule` with "{value}" where the evidence goes (the same for every contact), and
// the evidence as shown (masked unless `reveal`).
std::string explanation_pattern(const RuleInfo& rule, Language language);
std::string shown_evidence(const FiredRule& fired, bool reveal = false);

// One line for a reviewed decision, e.g. "review (override): decided business
// by dpo on 2026-11-20: supplier, see ticket 42". Numbers masked unless `reveal`.
std::string explain(const Override& entry, Language language, bool reveal = false);

// Every line of explanation of `verdict`: reviewed decisions first (with a
// line about the conflict when there is one), then the fired rules.
std::vector<std::string> explain(const Verdict& verdict, Language language, bool reveal = false);

} // namespace contact_audit::classify
