// SPDX-License-Identifier: MIT
// Fuzz target: the classifier's rules loader (TOML text to a validated RuleSet), then the
// classifier with the loaded set on a few fixed contacts. A line "#%%" (a TOML comment)
// splits the input into several rule files, loaded in order as one set.
#include "fuzz_support.hpp"

#include <contact_audit/classify/classifier.hpp>
#include <contact_audit/classify/rule_set.hpp>
#include <contact_audit/phone/normaliser.hpp>

#include <string>
#include <vector>

using namespace contact_audit;

namespace {

constexpr std::string_view k_file_separator = "\n#%%\n";

std::vector<classify::RuleSource> split_sources(std::string_view text)
{
  std::vector<classify::RuleSource> sources;
  for (;;) {
    const auto end = text.find(k_file_separator);
    const auto name = "rules-" + std::to_string(sources.size() + 1) + ".toml";
    sources.push_back({name, std::string(text.substr(0, end))});
    if (end == std::string_view::npos || sources.size() == 8) {
      return sources;
    }
    text.remove_prefix(end + k_file_separator.size());
  }
}

contact::Phone phone(std::string_view raw, std::vector<std::string> types)
{
  static phone::Normaliser normaliser("DE");
  contact::Phone entry;
  entry.raw = raw;
  entry.types = std::move(types);
  entry.line = 3;
  entry.number = normaliser.normalise(raw);
  return entry;
}

// Contacts that make many matchers look: company and freemail addresses, typed numbers,
// organisation, titles, categories, a business number range and a private one.
const std::vector<contact::Contact>& sample_contacts()
{
  static const std::vector<contact::Contact> contacts = [] {
    contact::Contact business;
    business.display_name = "Dr. Jana Müller";
    business.name = {"Müller", "Jana", "", "Dr.", ""};
    business.organisation = "ACME Maschinenbau GmbH";
    business.department = "Einkauf";
    business.title = "Leiterin Einkauf";
    business.phones = {phone("+49 30 1234567", {"work", "voice"}), phone("0171 2345678", {"cell"})};
    business.emails = {{"j.mueller@acme.example", {"work"}, "", true}};
    business.addresses = {{{"work"}, ""}};
    business.categories = {"Kunden", "Lieferant"};
    business.uid = "urn:uuid:1";
    contact::Contact personal;
    personal.display_name = "Mama";
    personal.phones = {phone("+49 89 7654321", {"home"}), phone("110", {})};
    personal.emails = {{"mama@gmx.de", {"home"}, "", false}};
    personal.categories = {"Familie"};
    contact::Contact bare;
    bare.phones = {phone("+1 650 253 0000", {"other"})};
    return std::vector<contact::Contact>{business, personal, bare};
  }();
  return contacts;
}

void exercise(const classify::RuleSet& rules)
{
  fuzz::require(rules.sha256().size() == 64, "the rule set has a SHA-256");
  for (const auto& rule : rules.rules()) {
    fuzz::require(rules.find_rule(rule.id) != nullptr, "every rule can be found by its id");
  }
  const auto& policy = rules.policy();
  fuzz::require(policy.private_max_score < policy.business_min_score,
                "the private and business thresholds do not overlap");
  const classify::Classifier classifier(rules);
  for (const auto& contact : sample_contacts()) {
    const auto verdict = classifier.classify(contact);
    int score = 0;
    for (const auto& fired : verdict.fired) {
      score += fired.rule->weight;
    }
    fuzz::require(score == verdict.score, "the score is the sum of the fired weights");
    static_cast<void>(classify::explain(verdict, classify::Language::de));
    static_cast<void>(classify::explain(verdict, classify::Language::en, true));
  }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  std::vector<classify::RuleProblem> problems;
  const auto rules = classify::parse_rule_sources(split_sources(text), problems);
  fuzz::require(rules.has_value() == problems.empty(), "a set loads exactly when nothing is wrong");
  for (const auto& problem : problems) {
    fuzz::require(!problem.code.empty() && !problem.message.empty(), "a problem says what");
    static_cast<void>(classify::format(problem));
  }
  if (rules) {
    exercise(*rules);
  }
  return 0;
}
