// SPDX-License-Identifier: MIT
// compute_change: set differences over keyed hashes, and consent states from the ledger.
#include "change.hpp"

#include <contact_audit/ledger/time.hpp>
#include <contact_audit/phone/normaliser.hpp>

#include <algorithm>
#include <set>
#include <tuple>
#include <unordered_set>

namespace contact_audit::batch {
namespace {

// Reports list this many entries per change; the rest are counted.
constexpr std::size_t k_shown = 200;

void add(report::ChangeList& list, report::OverviewChange change)
{
  ++list.total;
  if (list.shown.size() < k_shown) {
    list.shown.push_back(std::move(change));
  }
}

} // namespace

Change compute_change(const Collected& collected,
                      const std::vector<Device>& devices,
                      const audit::AuditSession& session,
                      const std::string& salt,
                      const std::optional<ledger::BatchRun>& previous,
                      const std::vector<ledger::BatchFinding>& previous_findings,
                      std::size_t expiry_days)
{
  Change change;
  // Devices finish in any order; reports list changes by device, then number.
  std::vector<const NumberFinding*> findings;
  for (const auto& finding : collected.findings) {
    findings.push_back(&finding);
  }
  std::sort(findings.begin(), findings.end(), [](const NumberFinding* a, const NumberFinding* b) {
    return std::tie(a->device, a->e164) < std::tie(b->device, b->e164);
  });
  std::unordered_set<std::string> before;
  for (const auto& finding : previous_findings) {
    before.insert(finding.key);
  }
  std::unordered_set<std::string> now;
  for (const NumberFinding* found : findings) {
    const auto& finding = *found;
    const auto& device = devices[finding.device].id;
    auto key = ledger::finding_key(salt, device, finding.e164);
    if (!now.insert(key).second) {
      continue; // The same number twice on one device.
    }
    if (previous && !before.contains(key)) {
      add(change.newly_exposed, {device, phone::mask(finding.e164), finding.consent_state, {}});
    }
    if (previous && finding.consent_state == "withdrawn" &&
        session.consent_state(finding.purpose, finding.e164, previous->as_of) != "withdrawn") {
      add(change.withdrawn, {device, phone::mask(finding.e164), finding.consent_state, {}});
    }
    change.keys.push_back({std::move(key), device, finding.consent_state});
  }
  std::set<std::string> failed;
  for (const auto& row : collected.rows) {
    if (row.failed) {
      failed.insert(row.id);
    }
  }
  std::vector<const ledger::BatchFinding*> gone;
  for (const auto& finding : previous_findings) {
    if (!now.contains(finding.key) && !failed.contains(finding.device_id)) {
      gone.push_back(&finding);
    }
  }
  std::stable_sort(gone.begin(), gone.end(), [](const auto* a, const auto* b) {
    return a->device_id < b->device_id;
  });
  for (const auto* finding : gone) {
    add(change.fixed, {finding->device_id, {}, finding->consent_state, {}});
  }
  const auto horizon = session.as_of() + std::chrono::days(expiry_days);
  for (const auto& [number, device] : collected.valid_numbers) {
    if (session.consent_state(number.first, number.second, horizon) != "expired") {
      continue;
    }
    const auto until = session.consent_valid_until(number.first, number.second);
    add(change.expiring,
        {devices[device].id,
         phone::mask(number.second),
         "valid",
         until ? ledger::format_timestamp(*until) : std::string()});
  }
  return change;
}

} // namespace contact_audit::batch
