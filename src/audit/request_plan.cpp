// SPDX-License-Identifier: MIT
// plan_consent_requests: findings grouped into people by e-mail, or by number and name.
#include <contact_audit/audit/request_plan.hpp>
#include <contact_audit/core/text.hpp>

#include <algorithm>
#include <map>
#include <numeric>
#include <set>

namespace contact_audit::audit {
namespace {

// The classifier rule that marks a contact with the company's own e-mail domain.
constexpr std::string_view k_colleague_rule = "email.company-domain";

// Disjoint sets over finding indices.
class Groups
{
public:
  explicit Groups(std::size_t size) : m_parent(size)
  {
    std::iota(m_parent.begin(), m_parent.end(), 0);
  }
  std::size_t root(std::size_t i)
  {
    while (m_parent[i] != i) {
      m_parent[i] = m_parent[m_parent[i]];
      i = m_parent[i];
    }
    return i;
  }
  void join(std::size_t a, std::size_t b) { m_parent[root(a)] = root(b); }

private:
  std::vector<std::size_t> m_parent;
};

bool asks_anything(const Finding& finding)
{
  return std::any_of(finding.numbers.begin(), finding.numbers.end(), [](const NumberRecord& n) {
    return !n.e164.empty() && needs_request(n.consent_state);
  });
}

void add_unique(std::vector<std::string>& values, const std::string& value)
{
  if (std::find(values.begin(), values.end(), value) == values.end()) {
    values.push_back(value);
  }
}

void merge_into(RequestGroup& group, const Finding& finding, ledger::Timestamp now)
{
  auto& details = group.candidate.details;
  if (details.name.empty()) {
    details.name = finding.contact;
  }
  if (group.organisation.empty()) {
    group.organisation = finding.organisation;
  }
  for (const auto& number : finding.numbers) {
    if (number.e164.empty()) {
      continue;
    }
    const bool known = std::any_of(details.numbers.begin(),
                                   details.numbers.end(),
                                   [&](const auto& held) { return held.e164 == number.e164; });
    if (!known) {
      details.numbers.push_back(ledger::SubjectNumber{number.e164, number.raw, now});
    }
    if (needs_request(number.consent_state)) {
      add_unique(group.candidate.numbers, number.e164);
    }
  }
  for (const auto& email : finding.emails) {
    add_unique(details.emails, email);
  }
  for (const auto& reason : finding.reasons) {
    if (reason.rule_id == k_colleague_rule) {
      details.relationship = ledger::Relationship::colleague;
    }
  }
  ++group.findings;
}

} // namespace

bool needs_request(const std::string& consent_state)
{
  return consent_state == "missing" || consent_state == "expired" ||
         consent_state == "invalidated" || consent_state == "pending";
}

RequestPlan plan_consent_requests(const std::vector<AuditResult>& audits, ledger::Timestamp now)
{
  RequestPlan plan;
  std::vector<const Finding*> findings;
  for (const auto& audit : audits) {
    for (const auto& finding : audit.findings) {
      if (asks_anything(finding)) {
        findings.push_back(&finding);
      } else {
        ++plan.findings_decided;
      }
    }
  }
  Groups groups(findings.size());
  std::map<std::string, std::size_t> first_with_key;
  const auto link = [&](const std::string& key, std::size_t index) {
    const auto [found, inserted] = first_with_key.emplace(key, index);
    if (!inserted) {
      groups.join(index, found->second);
    }
  };
  for (std::size_t i = 0; i < findings.size(); ++i) {
    const std::string name = to_lower_ascii(trim(findings[i]->contact));
    for (const auto& number : findings[i]->numbers) {
      if (!number.e164.empty()) {
        link("n|" + number.e164 + "|" + name, i);
      }
    }
    for (const auto& email : findings[i]->emails) {
      link("e|" + to_lower_ascii(trim(email)), i);
    }
  }
  std::map<std::size_t, std::size_t> group_of_root;
  for (std::size_t i = 0; i < findings.size(); ++i) {
    const auto [found, inserted] = group_of_root.emplace(groups.root(i), plan.groups.size());
    if (inserted) {
      plan.groups.emplace_back();
    }
    merge_into(plan.groups[found->second], *findings[i], now);
  }
  for (auto& group : plan.groups) {
    std::sort(group.candidate.numbers.begin(), group.candidate.numbers.end());
  }
  return plan;
}

} // namespace contact_audit::audit
