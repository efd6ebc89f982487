// SPDX-License-Identifier: MIT
// First stage of loading rules: each TOML file checked and read into a raw, unlinked form.
#pragma once

#include "rule_set_impl.hpp"

#include <contact_audit/classify/rule_set.hpp>

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace contact_audit::classify {

// A position in one of the sources being loaded.
struct SourcePos
{
  std::size_t file = 0; // Index into the sources.
  std::size_t line = 0;
  std::size_t column = 0;
};

// Collects problems with their file names while a rule set is loaded.
class ProblemReporter
{
public:
  ProblemReporter(const std::vector<RuleSource>& sources, std::vector<RuleProblem>& problems)
      : m_sources(sources), m_problems(problems)
  {
  }

  void report(const SourcePos& pos, std::string code, std::string message);
  // "signals.toml:3:1", for messages that point at an earlier place.
  std::string where(const SourcePos& pos) const;
  std::size_t count() const { return m_problems.size() - m_initial; }
  // Sort the problems reported after the first `count` by line and column.
  void sort_since(std::size_t count);

private:
  const std::vector<RuleSource>& m_sources;
  std::vector<RuleProblem>& m_problems;
  std::size_t m_initial = m_problems.size();
};

// A list name a rule refers to, and where.
struct ListRef
{
  std::string name;
  SourcePos pos;
};

// A rule as read from its file: checked on its own, lists not yet resolved.
struct RawRule
{
  RuleInfo info;
  SourcePos pos;         // The [[rule]] table.
  SourcePos id_pos;      // The id value.
  bool complete = false; // Every required key present with the right type.
  CompiledRule compiled; // Parameters, without list pointers.
  std::vector<ListRef> lists;
  std::vector<ListRef> skip;
};

struct RawListEntry
{
  std::string text;
  SourcePos pos;
};

// One list merged over all files that define it.
struct RawList
{
  std::vector<RawListEntry> entries;
  SourcePos first; // Where it was first defined.
};

struct WeightSetting
{
  int weight = 0;
  SourcePos pos;
};

// Everything read from all files, before linking.
struct RawRuleSet
{
  std::vector<RawRule> rules;
  std::map<std::string, RawList, std::less<>> lists;
  std::map<std::string, WeightSetting, std::less<>> weights;
  Policy policy;
  std::map<std::string, SourcePos, std::less<>> policy_set; // Policy key -> where set.
};

// Parse `sources[file]` and add what it defines to `raw`; problems go to `reporter`.
void parse_rule_file(std::size_t file,
                     const std::vector<RuleSource>& sources,
                     RawRuleSet& raw,
                     ProblemReporter& reporter);

} // namespace contact_audit::classify
