// SPDX-License-Identifier: MIT
// The classifier's rule set: rules, lists and policy loaded from TOML files (docs/rules.md).
#pragma once

#include <contact_audit/classify/classification.hpp>

#include <cstddef>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace contact_audit::classify {

// How a score becomes a class, and how `unknown` is treated by later stages.
struct Policy
{
  int business_min_score = 2; // score >= this: business.
  int private_max_score = -2; // score <= this: private; in between: unknown.
  Classification unknown_as = Classification::business; // Conservative default.
};

// The class `score` earns under `policy`.
Classification class_for_score(int score, const Policy& policy);

// How `classification` is treated by the audit: `unknown` becomes
// `policy.unknown_as`; business and private stay as they are.
Classification treated_as(Classification classification, const Policy& policy);

// One rule as its file states it. `weight` is the effective weight, after the
// [weights] tables of all files (0: the rule is switched off).
struct RuleInfo
{
  std::string id;             // Stable, e.g. "email.company-domain".
  std::string match;          // The matcher, e.g. "email-domain" (docs/rules.md lists them).
  int weight = 0;             // Positive: business; negative: private.
  std::string description_de; // May contain "{value}", replaced by the evidence.
  std::string description_en;
  std::filesystem::path file;
  std::size_t line = 0;

  // The description in `language`.
  const std::string& description(Language language) const;
};

// One loaded file and the SHA-256 of its bytes, for report manifests.
struct RuleFileInfo
{
  std::filesystem::path path;
  std::string sha256;
};

// The text of one rule file; `path` names it in problems.
struct RuleSource
{
  std::filesystem::path path;
  std::string content;
};

// One problem in a rule file. `line` and `column` are 1-based, 0 when the whole
// file is concerned; `code` (e.g. "rules.unknown-key") is stable.
struct RuleProblem
{
  std::filesystem::path file;
  std::size_t line = 0;
  std::size_t column = 0;
  std::string code;
  std::string message; // A complete sentence.
};

// "file:line:column: message" ("file: message" without a position).
std::string format(const RuleProblem& problem);

// An immutable, validated rule set with its lists compiled into lookup sets and
// its regular expressions compiled once. Safe to share between threads.
class RuleSet
{
public:
  ~RuleSet();
  RuleSet(RuleSet&&) noexcept;
  RuleSet& operator=(RuleSet&&) noexcept;

  // Every rule in load order (files in order, rules in file order).
  const std::vector<RuleInfo>& rules() const;
  // The rule with `id`, or nullptr.
  const RuleInfo* find_rule(std::string_view id) const;
  const Policy& policy() const;
  // The files the set was made from, in load order.
  const std::vector<RuleFileInfo>& files() const;
  // SHA-256 (hex) identifying the rule set: over each file's name, size and
  // bytes in load order (docs/rules.md), so any change to any file changes it.
  const std::string& sha256() const;
  // The entries of the merged list `name` (folded, sorted, unique); empty when
  // there is no such list.
  std::vector<std::string> list(std::string_view name) const;

  struct Impl; // Compiled form; defined in src/classify.
  // The compiled form, for the classifier. Not part of the stable API.
  const Impl& impl() const { return *m_impl; }
  explicit RuleSet(std::unique_ptr<Impl> impl);

private:
  std::unique_ptr<Impl> m_impl;
};

// Parse and validate `sources` in the given order as one rule set. Every file
// is checked completely and every problem is appended to `problems` (unknown
// keys, wrong types, missing keys, duplicate rule ids, bad regular
// expressions, bad list entries, ...). Returns the rule set when there was no
// problem, nullopt otherwise. Never throws for bad content.
std::optional<RuleSet> parse_rule_sources(const std::vector<RuleSource>& sources,
                                          std::vector<RuleProblem>& problems);

// Load every `*.toml` file directly in `dir` in sorted order, skipping
// `*.example.toml`. Throws InputError when the directory does not exist, holds
// no rule file or a file cannot be read, and when any file has a problem: the
// message then lists all problems, one "file:line:column: message" per line.
RuleSet load_rule_dir(const std::filesystem::path& dir);
// As above, with `extra` sources (e.g. a batch configuration's company domains)
// parsed after the directory's files, as if they were the last files in it.
RuleSet load_rule_dir(const std::filesystem::path& dir, const std::vector<RuleSource>& extra);

// The rules root: $CONTACT_AUDIT_RULES when set and not empty, else the
// installed "<datadir>/contact-audit/rules" when it exists, else the source
// tree's "rules" (for running from the build tree).
std::filesystem::path default_rules_dir();

// The classifier's rule directory: `rules_root / "classify"` when that folder
// exists, else `rules_root` itself (a classify folder named directly).
std::filesystem::path classify_rules_dir(const std::filesystem::path& rules_root);

} // namespace contact_audit::classify
