// SPDX-License-Identifier: MIT
// Reads one rule file with toml++ and checks every key, type and value, reporting all problems.
#include "rule_parser.hpp"

#include "rule_schema.hpp"

#include <contact_audit/phone/normaliser.hpp>

#include <toml++/toml.h>

#include <algorithm>
#include <array>
#include <tuple>

namespace contact_audit::classify {
namespace {

constexpr int k_max_weight = 1000;

std::string_view type_name(toml::node_type type)
{
  switch (type) {
  case toml::node_type::table:
    return "a table";
  case toml::node_type::array:
    return "an array";
  case toml::node_type::string:
    return "a string";
  case toml::node_type::integer:
    return "an integer";
  case toml::node_type::floating_point:
    return "a floating-point number";
  case toml::node_type::boolean:
    return "a boolean";
  case toml::node_type::date:
    return "a date";
  case toml::node_type::time:
    return "a time";
  case toml::node_type::date_time:
    return "a date-time";
  case toml::node_type::none:
    break;
  }
  return "nothing";
}

class FileParser
{
public:
  FileParser(std::size_t file, RawRuleSet& raw, ProblemReporter& reporter)
      : m_file(file), m_raw(raw), m_reporter(reporter)
  {
  }

  void parse(const toml::table& root)
  {
    for (auto&& [key, node] : root) {
      const auto name = key.str();
      if (name == "policy") {
        if (expect(node, toml::node_type::table, name)) {
          parse_policy(*node.as_table());
        }
      } else if (name == "lists") {
        if (expect(node, toml::node_type::table, name)) {
          parse_lists(*node.as_table());
        }
      } else if (name == "weights") {
        if (expect(node, toml::node_type::table, name)) {
          parse_weights(*node.as_table());
        }
      } else if (name == "rule") {
        parse_rules(node);
      } else {
        report(key.source(),
               "rules.unknown-key",
               "Unknown key \"" + std::string(name) +
                   "\"; a rule file has only [policy], [lists], [weights] and [[rule]].");
      }
    }
  }

private:
  SourcePos pos(const toml::source_region& region) const
  {
    return {m_file, region.begin.line, region.begin.column};
  }

  void report(const toml::source_region& region, std::string code, std::string message)
  {
    m_reporter.report(pos(region), std::move(code), std::move(message));
  }

  bool expect(const toml::node& node, toml::node_type type, std::string_view key)
  {
    if (node.type() == type) {
      return true;
    }
    report(node.source(),
           "rules.wrong-type",
           "\"" + std::string(key) + "\" must be " + std::string(type_name(type)) + ", not " +
               std::string(type_name(node.type())) + ".");
    return false;
  }

  std::optional<std::string> string_value(const toml::node& node, std::string_view key)
  {
    if (!expect(node, toml::node_type::string, key)) {
      return std::nullopt;
    }
    return node.as_string()->get();
  }

  std::optional<int> weight_value(const toml::node& node, std::string_view key)
  {
    if (!expect(node, toml::node_type::integer, key)) {
      return std::nullopt;
    }
    const std::int64_t value = node.as_integer()->get();
    if (value < -k_max_weight || value > k_max_weight) {
      report(node.source(),
             "rules.bad-value",
             "\"" + std::string(key) + "\" must be between -1000 and 1000, not " +
                 std::to_string(value) + ".");
      return std::nullopt;
    }
    return static_cast<int>(value);
  }

  // An array of strings, each with its position; nullopt after reporting a problem.
  std::optional<std::vector<RawListEntry>>
  string_array(const toml::node& node, std::string_view key, bool allow_empty = false)
  {
    if (!expect(node, toml::node_type::array, key)) {
      return std::nullopt;
    }
    std::vector<RawListEntry> entries;
    bool ok = true;
    for (const auto& element : *node.as_array()) {
      if (element.type() != toml::node_type::string) {
        report(element.source(),
               "rules.wrong-type",
               "The entries of \"" + std::string(key) + "\" must be strings, not " +
                   std::string(type_name(element.type())) + ".");
        ok = false;
        continue;
      }
      entries.push_back({element.as_string()->get(), pos(element.source())});
    }
    if (ok && entries.empty() && !allow_empty) {
      report(node.source(), "rules.bad-value", "\"" + std::string(key) + "\" must not be empty.");
      return std::nullopt;
    }
    return ok ? std::optional(std::move(entries)) : std::nullopt;
  }

  void parse_policy(const toml::table& table)
  {
    for (auto&& [key, node] : table) {
      const std::string name(key.str());
      if (name != "business_min_score" && name != "private_max_score" && name != "unknown_as") {
        report(key.source(),
               "rules.unknown-key",
               "Unknown key \"" + name +
                   "\" in [policy]; use business_min_score, private_max_score or unknown_as.");
        continue;
      }
      if (const auto earlier = m_raw.policy_set.find(name); earlier != m_raw.policy_set.end()) {
        report(key.source(),
               "rules.duplicate-policy",
               "\"" + name + "\" is already set at " + m_reporter.where(earlier->second) +
                   "; set each policy value in one file only.");
        continue;
      }
      if (name == "unknown_as") {
        const auto text = string_value(node, name);
        const auto value = text ? parse_classification(*text) : std::nullopt;
        if (text && !value) {
          report(node.source(),
                 "rules.bad-value",
                 "\"unknown_as\" must be business, private or unknown, not \"" + *text + "\".");
        }
        if (value) {
          m_raw.policy.unknown_as = *value;
          m_raw.policy_set.emplace(name, pos(node.source()));
        }
        continue;
      }
      if (const auto value = weight_value(node, name)) {
        (name == "business_min_score" ? m_raw.policy.business_min_score
                                      : m_raw.policy.private_max_score) = *value;
        m_raw.policy_set.emplace(name, pos(node.source()));
      }
    }
  }

  void parse_lists(const toml::table& table)
  {
    for (auto&& [key, node] : table) {
      const std::string name(key.str());
      if (!is_valid_list_name(name)) {
        report(key.source(),
               "rules.bad-name",
               "The list name \"" + name +
                   "\" is not valid; use lower-case letters, digits and underscores.");
        continue;
      }
      auto entries = string_array(node, name, true);
      if (!entries) {
        continue;
      }
      auto [list, inserted] = m_raw.lists.try_emplace(name);
      if (inserted) {
        list->second.first = pos(key.source());
      }
      for (auto& entry : *entries) {
        list->second.entries.push_back(std::move(entry));
      }
    }
  }

  void parse_weights(const toml::table& table)
  {
    for (auto&& [key, node] : table) {
      const std::string id(key.str());
      if (node.is_table()) {
        report(key.source(),
               "rules.wrong-type",
               "\"" + id +
                   "\" in [weights] is a table; quote rule ids that contain dots, e.g. "
                   "\"email.freemail\" = -1.");
        continue;
      }
      if (const auto earlier = m_raw.weights.find(id); earlier != m_raw.weights.end()) {
        report(key.source(),
               "rules.duplicate-weight",
               "The weight of \"" + id + "\" is already set at " +
                   m_reporter.where(earlier->second.pos) + "; set it in one file only.");
        continue;
      }
      if (const auto weight = weight_value(node, id)) {
        m_raw.weights.emplace(id, WeightSetting{*weight, pos(key.source())});
      }
    }
  }

  void parse_rules(const toml::node& node)
  {
    if (!node.is_array_of_tables()) {
      report(node.source(),
             "rules.wrong-type",
             "\"rule\" must be an array of tables, written [[rule]], not " +
                 std::string(type_name(node.type())) + ".");
      return;
    }
    for (const auto& element : *node.as_array()) {
      parse_rule(*element.as_table());
    }
  }

  std::optional<MatchKind> parse_match(const toml::table& table)
  {
    const toml::node* node = table.get("match");
    if (node == nullptr) {
      return std::nullopt;
    }
    const auto text = string_value(*node, "match");
    if (!text) {
      return std::nullopt;
    }
    if (const auto index = index_of(k_match_names, *text)) {
      return static_cast<MatchKind>(*index);
    }
    report(node->source(),
           "rules.unknown-match",
           "Unknown match \"" + *text + "\"; use one of: " + join_names(k_match_names) + ".");
    return std::nullopt;
  }

  void parse_rule(const toml::table& table)
  {
    RawRule rule;
    rule.pos = pos(table.source());
    rule.info.line = table.source().begin.line;
    const auto kind = parse_match(table);
    const std::size_t problems_before = m_reporter.count();
    std::vector<std::string_view> seen;
    for (auto&& [key, node] : table) {
      const auto name = key.str();
      seen.push_back(name);
      if (!parse_common_key(name, node, rule) && kind) {
        const auto allowed = parameter_keys(*kind);
        if (std::find(allowed.begin(), allowed.end(), name) == allowed.end()) {
          std::string keys = "id, match, weight, description_de, description_en";
          for (const auto allowed_key : allowed) {
            keys += ", " + std::string(allowed_key);
          }
          report(key.source(),
                 "rules.unknown-key",
                 "Unknown key \"" + std::string(name) + "\" in a \"" +
                     std::string(k_match_names[static_cast<std::size_t>(*kind)]) +
                     "\" rule; its keys are: " + keys + ".");
        } else {
          parse_parameter(name, node, rule);
        }
      }
    }
    std::vector<std::string_view> required{
        "id", "match", "weight", "description_de", "description_en"};
    if (kind) {
      for (const auto parameter : required_parameters(*kind)) {
        required.push_back(parameter);
      }
    }
    for (const auto key : required) {
      if (std::find(seen.begin(), seen.end(), key) == seen.end()) {
        report(table.source(),
               "rules.missing-key",
               "The rule " + (rule.info.id.empty() ? std::string() : "\"" + rule.info.id + "\" ") +
                   "has no \"" + std::string(key) + "\".");
      }
    }
    rule.complete = kind.has_value() && m_reporter.count() == problems_before;
    if (kind) {
      rule.compiled.kind = *kind;
      rule.info.match = k_match_names[static_cast<std::size_t>(*kind)];
    }
    m_raw.rules.push_back(std::move(rule));
  }

  // Handles id, match, weight and the descriptions; false for any other key.
  bool parse_common_key(std::string_view name, const toml::node& node, RawRule& rule)
  {
    if (name == "match") {
      return true; // Read first, by parse_match().
    }
    if (name == "id") {
      if (auto id = string_value(node, name)) {
        rule.id_pos = pos(node.source());
        if (!is_valid_rule_id(*id)) {
          report(node.source(),
                 "rules.bad-id",
                 "The rule id \"" + *id +
                     "\" is not valid; use lower-case words joined by dots and hyphens, e.g. "
                     "\"org.present\".");
        }
        rule.info.id = std::move(*id);
      }
      return true;
    }
    if (name == "weight") {
      if (const auto weight = weight_value(node, name)) {
        rule.info.weight = *weight;
      }
      return true;
    }
    if (name == "description_de" || name == "description_en") {
      if (auto text = string_value(node, name)) {
        if (text->empty()) {
          report(
              node.source(), "rules.bad-value", "\"" + std::string(name) + "\" must not be empty.");
        }
        (name == "description_de" ? rule.info.description_de : rule.info.description_en) =
            std::move(*text);
      }
      return true;
    }
    return false;
  }

  std::optional<std::regex> regex_value(const toml::node& node, std::string_view key)
  {
    const auto text = string_value(node, key);
    if (!text) {
      return std::nullopt;
    }
    try {
      return std::regex(*text, std::regex::ECMAScript | std::regex::icase | std::regex::optimize);
    } catch (const std::regex_error& error) {
      report(node.source(),
             "rules.bad-regex",
             "The regular expression \"" + *text + "\" in \"" + std::string(key) +
                 "\" is not valid: " + error.what() + ".");
      return std::nullopt;
    }
  }

  void parse_parameter(std::string_view key, const toml::node& node, RawRule& rule)
  {
    auto& compiled = rule.compiled;
    if (key == "pattern" || key == "ignore_pattern") {
      (key == "pattern" ? compiled.pattern : compiled.ignore_pattern) = regex_value(node, key);
    } else if (key == "negate") {
      if (expect(node, toml::node_type::boolean, key)) {
        compiled.negate = node.as_boolean()->get();
      }
    } else if (key == "on") {
      parse_channel(node, compiled);
    } else if (key == "lists" || key == "skip") {
      if (const auto entries = string_array(node, key)) {
        for (const auto& entry : *entries) {
          (key == "lists" ? rule.lists : rule.skip).push_back({entry.text, entry.pos});
        }
      }
    } else if (const auto entries = string_array(node, key)) {
      parse_word_parameter(key, *entries, compiled);
    }
  }

  void parse_channel(const toml::node& node, CompiledRule& compiled)
  {
    const auto text = string_value(node, "on");
    if (!text) {
      return;
    }
    if (*text == "phone" || *text == "email" || *text == "address") {
      compiled.channel = *text == "phone"   ? Channel::phone
                         : *text == "email" ? Channel::email
                                            : Channel::address;
      return;
    }
    report(node.source(),
           "rules.bad-value",
           "\"on\" must be phone, email or address, not \"" + *text + "\".");
  }

  // fields, ignore, types, number_types, accounts: arrays of words.
  void parse_word_parameter(std::string_view key,
                            const std::vector<RawListEntry>& entries,
                            CompiledRule& compiled)
  {
    for (const auto& entry : entries) {
      const SourcePos& at = entry.pos;
      if (key == "fields") {
        if (const auto index = index_of(k_field_names, entry.text)) {
          compiled.fields.push_back(static_cast<Field>(*index));
        } else {
          m_reporter.report(at,
                            "rules.bad-value",
                            "Unknown field \"" + entry.text +
                                "\" in \"fields\"; use one of: " + join_names(k_field_names) + ".");
        }
      } else if (key == "types") {
        if (const auto index = index_of(k_type_words, entry.text)) {
          compiled.type_mask |= static_cast<std::uint16_t>(1U << *index);
        } else {
          m_reporter.report(at,
                            "rules.bad-value",
                            "Unknown type \"" + entry.text +
                                "\" in \"types\"; use one of: " + join_names(k_type_words) + ".");
        }
      } else if (key == "number_types") {
        if (const auto type = phone::parse_number_type(entry.text)) {
          compiled.number_types |= 1U << static_cast<unsigned>(*type);
        } else {
          m_reporter.report(at,
                            "rules.bad-value",
                            "Unknown number type \"" + entry.text +
                                "\" in \"number_types\"; use one of: " + number_type_names() + ".");
        }
      } else {
        (key == "ignore" ? compiled.ignore : compiled.accounts).insert(fold(entry.text));
      }
    }
  }

  std::size_t m_file;
  RawRuleSet& m_raw;
  ProblemReporter& m_reporter;
};

} // namespace

void ProblemReporter::report(const SourcePos& pos, std::string code, std::string message)
{
  m_problems.push_back(
      {m_sources.at(pos.file).path, pos.line, pos.column, std::move(code), std::move(message)});
}

void ProblemReporter::sort_since(std::size_t count)
{
  std::stable_sort(m_problems.begin() + static_cast<std::ptrdiff_t>(m_initial + count),
                   m_problems.end(),
                   [](const RuleProblem& a, const RuleProblem& b) {
                     return std::tie(a.line, a.column) < std::tie(b.line, b.column);
                   });
}

std::string ProblemReporter::where(const SourcePos& pos) const
{
  return m_sources.at(pos.file).path.filename().string() + ":" + std::to_string(pos.line) + ":" +
         std::to_string(pos.column);
}

void parse_rule_file(std::size_t file,
                     const std::vector<RuleSource>& sources,
                     RawRuleSet& raw,
                     ProblemReporter& reporter)
{
  const auto& source = sources.at(file);
  const std::size_t before = reporter.count();
  toml::table root;
  try {
    root = toml::parse(source.content, source.path.string());
  } catch (const toml::parse_error& error) {
    std::string description(error.description());
    if (!description.empty() && description.back() == '.') {
      description.pop_back();
    }
    reporter.report({file, error.source().begin.line, error.source().begin.column},
                    "rules.syntax",
                    "The file is not valid TOML: " + description + ".");
    return;
  }
  FileParser(file, raw, reporter).parse(root);
  // toml++ keeps a table's keys sorted; report in the order of the file instead.
  reporter.sort_since(before);
}

} // namespace contact_audit::classify
