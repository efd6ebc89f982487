// SPDX-License-Identifier: MIT
// Explanation lines for verdicts, in German and English, with numbers and e-mail addresses
// masked unless revealed.
#include <contact_audit/classify/classifier.hpp>
#include <contact_audit/core/text.hpp>
#include <contact_audit/phone/normaliser.hpp>

namespace contact_audit::classify {
namespace {

std::string signed_weight(int weight)
{
  return (weight > 0 ? "+" : "") + std::to_string(weight);
}

} // namespace

std::string explanation_pattern(const RuleInfo& rule, Language language)
{
  return std::string(language == Language::de ? "Regel " : "rule ") + rule.id + " (" +
         signed_weight(rule.weight) + "): " + rule.description(language);
}

std::string shown_evidence(const FiredRule& fired, bool reveal)
{
  if (!reveal && fired.value_is_number) {
    return phone::mask(fired.value);
  }
  if (!reveal && fired.value_is_email) {
    return mask_email(fired.value);
  }
  return fired.value;
}

std::string explain(const FiredRule& fired, Language language, bool reveal)
{
  return fill(explanation_pattern(*fired.rule, language),
              {{"value", shown_evidence(fired, reveal)}});
}

std::string explain(const Override& entry, Language language, bool reveal)
{
  const bool de = language == Language::de;
  std::string text = de ? "Prüfung (Übersteuerung): als " : "review (override): decided ";
  text += display_name(entry.decision, language);
  text += de ? " entschieden" : "";
  if (!entry.by.empty()) {
    text += (de ? " von " : " by ") + entry.by;
  }
  if (!entry.at.empty()) {
    text += (de ? " am " : " on ") + entry.at;
  }
  if (entry.key_kind == OverrideKeyKind::e164) {
    text += (de ? " (Nummer " : " (number ") + (reveal ? entry.key : phone::mask(entry.key)) + ")";
  } else {
    text += (de ? " (Kontakt-UID " : " (contact UID ") + entry.key + ")";
  }
  if (!entry.reason.empty()) {
    text += ": " + entry.reason;
  }
  return text;
}

std::vector<std::string> explain(const Verdict& verdict, Language language, bool reveal)
{
  std::vector<std::string> lines;
  lines.reserve(verdict.overrides.size() + verdict.fired.size() + 1);
  for (const auto* entry : verdict.overrides) {
    lines.push_back(explain(*entry, language, reveal));
  }
  if (verdict.conflict) {
    lines.push_back(language == Language::de
                        ? "Prüfung (Übersteuerung): die Entscheidungen widersprechen sich; es gilt "
                          "geschäftlich (vorsichtige Lesart)"
                        : "review (override): the reviewed decisions disagree; business applies "
                          "(the conservative reading)");
  }
  for (const auto& fired : verdict.fired) {
    lines.push_back(explain(fired, language, reveal));
  }
  return lines;
}

} // namespace contact_audit::classify
