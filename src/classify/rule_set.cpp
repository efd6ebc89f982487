// SPDX-License-Identifier: MIT
// RuleSet accessors, the compiled lookup sets, policy helpers and loading a rule directory.
#include "rule_set_impl.hpp"

#include <contact_audit/core/error.hpp>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>

namespace contact_audit::classify {

Classification class_for_score(int score, const Policy& policy)
{
  if (score >= policy.business_min_score) {
    return Classification::business;
  }
  if (score <= policy.private_max_score) {
    return Classification::private_;
  }
  return Classification::unknown;
}

Classification treated_as(Classification classification, const Policy& policy)
{
  return classification == Classification::unknown ? policy.unknown_as : classification;
}

const std::string& RuleInfo::description(Language language) const
{
  return language == Language::de ? description_de : description_en;
}

std::string format(const RuleProblem& problem)
{
  std::string text = problem.file.string();
  if (problem.line != 0) {
    text += ':' + std::to_string(problem.line) + ':' + std::to_string(problem.column);
  }
  return text + ": " + problem.message;
}

void DomainIndex::add(std::string_view entry, unsigned list_bit)
{
  const std::uint32_t bit = 1U << list_bit;
  if (entry.size() > 2 && entry.substr(entry.size() - 2) == ".*") {
    m_wildcard_names[std::string(entry.substr(0, entry.size() - 2))] |= bit;
  } else {
    m_domains[std::string(entry)] |= bit;
  }
}

std::uint32_t DomainIndex::lists_of(std::string_view domain) const
{
  const auto dot = domain.find('.');
  if (dot == std::string_view::npos || dot == 0 || dot + 1 == domain.size()) {
    return 0;
  }
  std::uint32_t lists = k_is_domain;
  // The domain itself, then each parent: "mail.acme.de", "acme.de" ("de" is never listed).
  for (std::string_view candidate = domain;;) {
    if (const auto found = m_domains.find(candidate); found != m_domains.end()) {
      lists |= found->second;
    }
    const auto next = candidate.find('.');
    if (next == std::string_view::npos) {
      break;
    }
    candidate.remove_prefix(next + 1);
  }
  // "hotmail.*": the first label, followed by one or two labels (hotmail.de, hotmail.co.uk).
  const auto rest = domain.substr(dot + 1);
  if (!m_wildcard_names.empty() && std::count(rest.begin(), rest.end(), '.') <= 1) {
    if (const auto found = m_wildcard_names.find(domain.substr(0, dot));
        found != m_wildcard_names.end()) {
      lists |= found->second;
    }
  }
  return lists;
}

void WordIndex::add(std::string_view word, unsigned list_bit)
{
  m_words[std::string(word)] |= 1U << list_bit;
}

std::uint32_t WordIndex::lists_of(std::string_view word) const
{
  const auto found = m_words.find(word);
  return found == m_words.end() ? 0 : found->second;
}

void PrefixSet::add(std::string_view prefix)
{
  m_min_length = m_prefixes.empty() ? prefix.size() : std::min(m_min_length, prefix.size());
  m_max_length = std::max(m_max_length, prefix.size());
  m_prefixes.emplace(prefix);
}

bool PrefixSet::covers(std::string_view e164) const
{
  const auto longest = std::min(m_max_length, e164.size());
  for (auto length = m_min_length; length != 0 && length <= longest; ++length) {
    if (m_prefixes.find(e164.substr(0, length)) != m_prefixes.end()) {
      return true;
    }
  }
  return false;
}

RuleSet::RuleSet(std::unique_ptr<Impl> impl) : m_impl(std::move(impl)) {}
RuleSet::~RuleSet() = default;
RuleSet::RuleSet(RuleSet&&) noexcept = default;
RuleSet& RuleSet::operator=(RuleSet&&) noexcept = default;

const std::vector<RuleInfo>& RuleSet::rules() const
{
  return m_impl->rules;
}

const RuleInfo* RuleSet::find_rule(std::string_view id) const
{
  const auto found = std::find_if(m_impl->rules.begin(),
                                  m_impl->rules.end(),
                                  [&](const RuleInfo& rule) { return rule.id == id; });
  return found == m_impl->rules.end() ? nullptr : &*found;
}

const Policy& RuleSet::policy() const
{
  return m_impl->policy;
}

const std::vector<RuleFileInfo>& RuleSet::files() const
{
  return m_impl->files;
}

const std::string& RuleSet::sha256() const
{
  return m_impl->sha256;
}

std::vector<std::string> RuleSet::list(std::string_view name) const
{
  const auto found = m_impl->lists.find(name);
  return found == m_impl->lists.end() ? std::vector<std::string>{} : found->second;
}

namespace {

std::vector<std::filesystem::path> rule_files(const std::filesystem::path& dir)
{
  std::error_code error;
  if (!std::filesystem::is_directory(dir, error)) {
    throw InputError("The rule directory \"" + dir.string() +
                     "\" does not exist or is not a directory; name the directory that holds "
                     "the classifier's *.toml files with --rules DIR.");
  }
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    const auto name = entry.path().filename().string();
    const bool example = name.size() > 13 && name.substr(name.size() - 13) == ".example.toml";
    if (entry.is_regular_file() && entry.path().extension() == ".toml" && !example) {
      files.push_back(entry.path());
    }
  }
  std::sort(files.begin(), files.end(), [](const auto& a, const auto& b) {
    return a.filename().string() < b.filename().string();
  });
  if (files.empty()) {
    throw InputError("The rule directory \"" + dir.string() +
                     "\" holds no *.toml rule file; name the directory that holds the "
                     "classifier's rule files with --rules DIR.");
  }
  return files;
}

std::string read_rule_file(const std::filesystem::path& path)
{
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    throw InputError("The rule file \"" + path.string() +
                     "\" cannot be read: " + std::strerror(errno) + ".");
  }
  std::ostringstream content;
  content << in.rdbuf();
  return content.str();
}

} // namespace

RuleSet load_rule_dir(const std::filesystem::path& dir)
{
  return load_rule_dir(dir, {});
}

RuleSet load_rule_dir(const std::filesystem::path& dir, const std::vector<RuleSource>& extra)
{
  std::vector<RuleSource> sources;
  for (const auto& path : rule_files(dir)) {
    sources.push_back({path, read_rule_file(path)});
  }
  sources.insert(sources.end(), extra.begin(), extra.end());
  std::vector<RuleProblem> problems;
  auto rules = parse_rule_sources(sources, problems);
  if (!rules) {
    std::string message =
        "The rule files in \"" + dir.string() + "\" have " + std::to_string(problems.size()) +
        (problems.size() == 1 ? " problem" : " problems") + "; nothing was classified:";
    for (const auto& problem : problems) {
      message += "\n  " + format(problem);
    }
    throw InputError(message);
  }
  return std::move(*rules);
}

std::filesystem::path default_rules_dir()
{
  if (const char* variable = std::getenv("CONTACT_AUDIT_RULES");
      variable != nullptr && *variable != '\0') {
    return variable;
  }
  const std::filesystem::path installed = std::filesystem::path(CONTACT_AUDIT_DATA_DIR) / "rules";
  std::error_code error;
  if (std::filesystem::is_directory(installed, error)) {
    return installed;
  }
  return std::filesystem::path(CONTACT_AUDIT_SOURCE_DATA_DIR) / "rules";
}

std::filesystem::path classify_rules_dir(const std::filesystem::path& rules_root)
{
  // `classify --rules` may name the rules root (as installed) or the classify
  // folder itself (a company's own copy). `audit --rules` must name the root,
  // since it also reads messengers/ there.
  std::error_code error;
  if (std::filesystem::is_directory(rules_root / "classify", error)) {
    return rules_root / "classify";
  }
  return rules_root;
}

} // namespace contact_audit::classify
