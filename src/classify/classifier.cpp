// SPDX-License-Identifier: MIT
// The classifier: reviewed decisions first, then every rule's weight summed into a score.
#include "matchers.hpp"
#include "rule_set_impl.hpp"

#include <contact_audit/classify/classifier.hpp>

#include <algorithm>

namespace contact_audit::classify {
namespace {

thread_local MatchScratch t_scratch;

void apply_overrides(const Overrides& overrides, const contact::Contact& contact, Verdict& verdict)
{
  const auto add = [&](const Override* entry) {
    if (entry != nullptr && std::find(verdict.overrides.begin(), verdict.overrides.end(), entry) ==
                                verdict.overrides.end()) {
      verdict.overrides.push_back(entry);
    }
  };
  if (!contact.uid.empty()) {
    add(overrides.find_uid(contact.uid));
  }
  for (const auto& phone : contact.phones) {
    if (!phone.number.e164.empty()) {
      add(overrides.find_e164(phone.number.e164));
    }
  }
  if (verdict.overrides.empty()) {
    return;
  }
  verdict.overridden = true;
  const auto first = verdict.overrides.front()->decision;
  verdict.conflict = std::any_of(verdict.overrides.begin(),
                                 verdict.overrides.end(),
                                 [&](const Override* entry) { return entry->decision != first; });
  // Two reviewed numbers of one contact disagree: business is the conservative reading.
  verdict.classification = verdict.conflict ? Classification::business : first;
}

} // namespace

Classifier::Classifier(const RuleSet& rules) : m_rules(&rules), m_overrides(nullptr) {}

Classifier::Classifier(const RuleSet& rules, const Overrides& overrides)
    : m_rules(&rules), m_overrides(&overrides)
{
}

Verdict Classifier::classify(const contact::Contact& contact) const
{
  Verdict verdict;
  classify(contact, verdict);
  return verdict;
}

void Classifier::classify(const contact::Contact& contact, Verdict& verdict) const
{
  const auto& impl = m_rules->impl();
  auto& scratch = t_scratch;
  prepare_scratch(contact, impl, scratch);
  std::size_t fired = 0;
  int score = 0;
  for (const auto& rule : impl.compiled) {
    const RuleInfo& info = impl.rules[rule.info];
    if (info.weight == 0) {
      continue; // Switched off in [weights].
    }
    const auto value = match_rule(rule, contact, scratch);
    if (!value) {
      continue;
    }
    if (fired == verdict.fired.size()) {
      verdict.fired.emplace_back();
    }
    auto& slot = verdict.fired[fired++];
    slot.rule = &info;
    slot.value.assign(*value);
    slot.value_is_number = value_is_number(rule);
    slot.value_is_email = value_is_email(rule);
    score += info.weight;
  }
  verdict.fired.resize(fired);
  verdict.score = score;
  verdict.overrides.clear();
  verdict.overridden = false;
  verdict.conflict = false;
  verdict.classification = class_for_score(score, impl.policy);
  if (m_overrides != nullptr && !m_overrides->empty()) {
    apply_overrides(*m_overrides, contact, verdict);
  }
  verdict.treated_as = treated_as(verdict.classification, impl.policy);
}

} // namespace contact_audit::classify
