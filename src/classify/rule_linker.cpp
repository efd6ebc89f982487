// SPDX-License-Identifier: MIT
// Second stage of loading rules: resolve lists and weights across files, check, compile.
#include "rule_parser.hpp"
#include "rule_set_impl.hpp"

#include <contact_audit/core/hash.hpp>

#include <algorithm>
#include <set>

namespace contact_audit::classify {
namespace {

// How a list is used; decides how its entries are checked and compiled.
enum class ListUse : std::uint8_t
{
  domains,
  prefixes,
  category_words,
  name_words,
  skip,
};

bool is_domain(std::string_view entry)
{
  if (entry.size() > 2 && entry.substr(entry.size() - 2) == ".*") {
    entry.remove_suffix(2); // "hotmail.*": one label, any top-level domain.
    return !entry.empty() && entry.find('.') == std::string_view::npos &&
           entry.find_first_of("@ \t*/") == std::string_view::npos;
  }
  return entry.find('.') != std::string_view::npos && entry.front() != '.' && entry.back() != '.' &&
         entry.find("..") == std::string_view::npos &&
         entry.find_first_of("@ \t*/") == std::string_view::npos;
}

bool is_e164_prefix(std::string_view entry)
{
  return entry.size() >= 3 && entry.size() <= 16 && entry.front() == '+' && entry[1] != '0' &&
         std::all_of(entry.begin() + 1, entry.end(), [](char c) { return c >= '0' && c <= '9'; });
}

class Linker
{
public:
  Linker(const std::vector<RuleSource>& sources,
         RawRuleSet& raw,
         ProblemReporter& reporter,
         RuleSet::Impl& impl)
      : m_sources(sources), m_raw(raw), m_reporter(reporter), m_impl(impl)
  {
  }

  void run()
  {
    check_rule_ids();
    resolve_list_references();
    check_lists();
    apply_weights();
    check_policy();
    if (m_reporter.count() == 0) {
      compile();
    }
  }

private:
  void check_rule_ids()
  {
    std::map<std::string_view, SourcePos> first;
    for (const auto& rule : m_raw.rules) {
      if (rule.info.id.empty()) {
        continue;
      }
      const auto [earlier, inserted] = first.emplace(rule.info.id, rule.id_pos);
      if (!inserted) {
        m_reporter.report(rule.id_pos,
                          "rules.duplicate-id",
                          "The rule id \"" + rule.info.id + "\" is already used at " +
                              m_reporter.where(earlier->second) + "; rule ids must be unique.");
      }
    }
    if (m_raw.rules.empty() && !m_sources.empty()) {
      m_reporter.report({0, 0, 0},
                        "rules.no-rules",
                        "No file of the rule set defines a [[rule]]; nothing could be classified.");
    }
  }

  static ListUse list_use(MatchKind kind)
  {
    switch (kind) {
    case MatchKind::email_domain:
      return ListUse::domains;
    case MatchKind::phone_prefix:
      return ListUse::prefixes;
    case MatchKind::name_words:
      return ListUse::name_words;
    default:
      return ListUse::category_words;
    }
  }

  void resolve_list_references()
  {
    for (const auto& rule : m_raw.rules) {
      const auto use = list_use(rule.compiled.kind);
      const auto resolve = [&](const ListRef& ref, ListUse ref_use) {
        if (m_raw.lists.find(ref.name) == m_raw.lists.end()) {
          m_reporter.report(ref.pos,
                            "rules.unknown-list",
                            "The list \"" + ref.name +
                                "\" is not defined in any rule file; define it under [lists].");
          return;
        }
        m_uses[ref.name].insert(ref_use);
      };
      for (const auto& ref : rule.lists) {
        resolve(ref, use);
      }
      for (const auto& ref : rule.skip) {
        resolve(ref, ListUse::skip);
      }
    }
  }

  void check_lists()
  {
    check_list_counts();
    for (const auto& [name, list] : m_raw.lists) {
      const auto uses = m_uses.find(name);
      if (uses == m_uses.end()) {
        m_reporter.report(list.first,
                          "rules.unused-list",
                          "The list \"" + name +
                              "\" is not used by any rule; check its name or remove it.");
        continue;
      }
      for (const auto& entry : list.entries) {
        for (const auto use : uses->second) {
          check_entry(name, entry, use);
        }
      }
    }
  }

  // Each index holds a bit per list: at most 31 domain lists, 32 name and 32 category lists.
  void check_list_counts()
  {
    std::map<ListUse, std::size_t> counts;
    for (const auto& [name, list] : m_raw.lists) {
      const auto uses = m_uses.find(name);
      if (uses == m_uses.end()) {
        continue;
      }
      bool category_counted = false;
      for (auto use : uses->second) {
        if (use == ListUse::skip || use == ListUse::category_words) {
          if (category_counted) {
            continue;
          }
          use = ListUse::category_words;
          category_counted = true;
        }
        const std::size_t limit =
            use == ListUse::domains ? DomainIndex::k_max_lists : WordIndex::k_max_lists;
        if (use != ListUse::prefixes && ++counts[use] == limit + 1) {
          m_reporter.report(list.first,
                            "rules.too-many-lists",
                            "The list \"" + name +
                                "\" is one list too many of its kind; a rule "
                                "set can use at most " +
                                std::to_string(limit) + " such lists.");
        }
      }
    }
  }

  void check_entry(const std::string& list, const RawListEntry& entry, ListUse use)
  {
    const std::string folded = fold(entry.text);
    const std::string quoted = "\"" + entry.text + "\" in list \"" + list + "\"";
    if (folded.empty() || folded != trim_copy(folded)) {
      m_reporter.report(
          entry.pos, "rules.bad-entry", quoted + " is empty or starts or ends with a space.");
    } else if (use == ListUse::domains && !is_domain(folded)) {
      m_reporter.report(entry.pos,
                        "rules.bad-entry",
                        quoted + " is not a domain; write it as \"example.de\", or \"name.*\" for "
                                 "every top-level domain.");
    } else if (use == ListUse::prefixes && !is_e164_prefix(folded)) {
      m_reporter.report(entry.pos,
                        "rules.bad-entry",
                        quoted + " is not an E.164 prefix; write \"+\" and 2 to 15 digits, e.g. "
                                 "\"+4930123456\".");
    } else if (use == ListUse::name_words) {
      split_words(folded, m_storage, m_words);
      if (m_words.size() != 1) {
        m_reporter.report(entry.pos,
                          "rules.bad-entry",
                          quoted + " is not one word; a name-words rule compares single words.");
      }
    }
  }

  static std::string trim_copy(std::string_view text)
  {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) {
      text.remove_prefix(1);
    }
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) {
      text.remove_suffix(1);
    }
    return std::string(text);
  }

  void apply_weights()
  {
    for (const auto& [id, setting] : m_raw.weights) {
      // A named copy of the binding: clang 14 cannot capture structured bindings.
      const std::string_view wanted = id;
      const auto rule = std::find_if(m_raw.rules.begin(), m_raw.rules.end(), [&](const RawRule& r) {
        return r.info.id == wanted;
      });
      if (rule == m_raw.rules.end()) {
        m_reporter.report(setting.pos,
                          "rules.unknown-rule",
                          "[weights] names the rule \"" + id + "\", which no rule file defines.");
        continue;
      }
      rule->info.weight = setting.weight;
    }
  }

  void check_policy()
  {
    const auto& policy = m_raw.policy;
    if (policy.business_min_score > policy.private_max_score) {
      return;
    }
    auto where = m_raw.policy_set.find("business_min_score");
    if (where == m_raw.policy_set.end()) {
      where = m_raw.policy_set.find("private_max_score");
    }
    m_reporter.report(where == m_raw.policy_set.end() ? SourcePos{} : where->second,
                      "rules.bad-value",
                      "business_min_score (" + std::to_string(policy.business_min_score) +
                          ") must be greater than private_max_score (" +
                          std::to_string(policy.private_max_score) + ").");
  }

  void compile()
  {
    m_impl.policy = m_raw.policy;
    compile_lists();
    for (auto& raw_rule : m_raw.rules) {
      raw_rule.info.file = m_sources.at(raw_rule.pos.file).path;
      auto compiled = std::move(raw_rule.compiled);
      compiled.info = m_impl.rules.size();
      for (const auto& ref : raw_rule.lists) {
        switch (list_use(compiled.kind)) {
        case ListUse::domains:
          compiled.domain_lists |= 1U << m_impl.domain_list_bits.at(ref.name);
          break;
        case ListUse::prefixes:
          compiled.prefixes.push_back(&m_impl.prefix_sets.at(ref.name));
          break;
        case ListUse::name_words:
          compiled.word_lists |= 1U << m_impl.name_list_bits.at(ref.name);
          break;
        case ListUse::category_words:
        case ListUse::skip:
          compiled.word_lists |= 1U << m_impl.category_list_bits.at(ref.name);
          break;
        }
      }
      for (const auto& ref : raw_rule.skip) {
        compiled.skip_lists |= 1U << m_impl.category_list_bits.at(ref.name);
      }
      m_impl.rules.push_back(std::move(raw_rule.info));
      m_impl.compiled.push_back(std::move(compiled));
    }
    std::string hashed;
    for (const auto& source : m_sources) {
      m_impl.files.push_back({source.path, sha256_hex(source.content)});
      hashed += source.path.filename().string() + '\n' + std::to_string(source.content.size()) +
                '\n' + source.content;
    }
    m_impl.sha256 = sha256_hex(hashed);
  }

  void compile_lists()
  {
    for (const auto& [name, list] : m_raw.lists) {
      std::set<std::string> entries;
      for (const auto& entry : list.entries) {
        entries.insert(fold(entry.text));
      }
      m_impl.lists.emplace(name, std::vector<std::string>(entries.begin(), entries.end()));
      for (const auto use : m_uses.at(name)) {
        const unsigned bit = list_bit(name, use); // Also for an empty list.
        for (const auto& entry : entries) {
          add_compiled(name, entry, use, bit);
        }
      }
    }
  }

  // The list's bit in the index of `use` (a new one on first use); 0 for prefix lists.
  unsigned list_bit(const std::string& name, ListUse use)
  {
    const auto bit = [&](std::map<std::string, unsigned, std::less<>>& bits) {
      return bits.try_emplace(name, static_cast<unsigned>(bits.size())).first->second;
    };
    switch (use) {
    case ListUse::domains:
      return bit(m_impl.domain_list_bits);
    case ListUse::prefixes:
      m_impl.prefix_sets.try_emplace(name);
      return 0;
    case ListUse::name_words:
      return bit(m_impl.name_list_bits);
    case ListUse::category_words:
    case ListUse::skip:
      return bit(m_impl.category_list_bits);
    }
    return 0;
  }

  void add_compiled(const std::string& name, const std::string& entry, ListUse use, unsigned bit)
  {
    switch (use) {
    case ListUse::domains:
      m_impl.domains.add(entry, bit);
      break;
    case ListUse::prefixes:
      m_impl.prefix_sets[name].add(entry);
      break;
    case ListUse::name_words:
      split_words(entry, m_storage, m_words);
      m_impl.name_words.add(m_words.front(), bit);
      break;
    case ListUse::category_words:
    case ListUse::skip:
      m_impl.category_words.add(entry, bit);
      break;
    }
  }

  const std::vector<RuleSource>& m_sources;
  RawRuleSet& m_raw;
  ProblemReporter& m_reporter;
  RuleSet::Impl& m_impl;
  std::map<std::string, std::set<ListUse>, std::less<>> m_uses;
  std::string m_storage;
  std::vector<std::string_view> m_words;
};

} // namespace

std::optional<RuleSet> parse_rule_sources(const std::vector<RuleSource>& sources,
                                          std::vector<RuleProblem>& problems)
{
  ProblemReporter reporter(sources, problems);
  RawRuleSet raw;
  for (std::size_t file = 0; file < sources.size(); ++file) {
    parse_rule_file(file, sources, raw, reporter);
  }
  auto impl = std::make_unique<RuleSet::Impl>();
  Linker(sources, raw, reporter, *impl).run();
  if (reporter.count() > 0) {
    return std::nullopt;
  }
  return RuleSet(std::move(impl));
}

} // namespace contact_audit::classify
