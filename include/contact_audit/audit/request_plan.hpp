// SPDX-License-Identifier: MIT
// From audit findings to the people to ask for consent, deduplicated across devices.
#pragma once

#include <contact_audit/audit/result.hpp>
#include <contact_audit/ledger/consent_request.hpp>

#include <cstddef>
#include <string>
#include <vector>

namespace contact_audit::audit {

// One person to ask, gathered from one or more findings.
struct RequestGroup
{
  ledger::RequestCandidate candidate;
  std::string organisation; // The first non-empty organisation of its findings.
  std::size_t findings = 0; // Findings merged into this person.
};

struct RequestPlan
{
  std::vector<RequestGroup> groups; // In the order of their first finding.
  // Findings with no number to ask about: every number without valid consent
  // was refused, withdrawn or revoked (an explicit no is not asked again).
  std::size_t findings_decided = 0;
};

// True when a number in this consent state should be asked about: missing,
// expired, invalidated, or pending (a letter again, without a new request).
bool needs_request(const std::string& consent_state);

// The people to ask for the findings of `audits` (residual lookup-only
// exposures are not uploads and are left out). Findings are the same person
// when they share an e-mail address (ignoring case), or a number and the name
// (ignoring case): the rule the ledger uses to match subjects, so a shared
// office line does not merge two people. A person's candidate holds every
// number of their findings (to find the ledger subject), the numbers to ask
// about, the e-mails, and relationship `colleague` when the company's e-mail
// domain rule fired. Numbers must be unmasked; `now` dates the numbers.
RequestPlan plan_consent_requests(const std::vector<AuditResult>& audits, ledger::Timestamp now);

} // namespace contact_audit::audit
