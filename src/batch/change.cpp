// SPDX-License-Identifier: MIT
// compute_change: set differences over keyed hashes, and consent states from the ledger.
#include "change.hpp"

#include <contact_audit/ledger/time.hpp>
#include <contact_audit/phone/normaliser.hpp>

#include <algorithm>
#include <set>
#include <string_view>
#include <tuple>
#include <unordered_map>

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

// Consents that expire within `expiry_days`: asked of the ledger for every number
// with valid consent, so that they are listed before they lapse.
Change with_expiring(Change change,
                     const Collected& collected,
                     const std::vector<Device>& devices,
                     const audit::AuditSession& session,
                     std::size_t expiry_days)
{
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

} // namespace

Change compute_change(Collected& collected,
                      const std::vector<Device>& devices,
                      const audit::AuditSession& session,
                      const ledger::RunHistory& history,
                      const std::optional<ledger::BatchRun>& previous,
                      std::size_t expiry_days)
{
  Change change;
  // Devices finish in any order; reports list changes by device, then number.
  std::vector<NumberFinding*> findings;
  for (auto& finding : collected.findings) {
    findings.push_back(&finding);
  }
  std::sort(findings.begin(), findings.end(), [](const NumberFinding* a, const NumberFinding* b) {
    return std::tie(a->device, a->e164) < std::tie(b->device, b->e164);
  });
  // This run's keys -> their index in change.keys (reserved, so the views stay valid).
  std::unordered_map<std::string_view, std::size_t> now;
  now.reserve(findings.size());
  change.keys.reserve(findings.size());
  std::vector<const NumberFinding*> kept;
  kept.reserve(findings.size());
  for (NumberFinding* found : findings) {
    auto& finding = *found;
    if (now.contains(finding.key)) {
      continue; // The same number twice on one device.
    }
    const auto& device = devices[finding.device].id;
    const auto& stored = change.keys.emplace_back(
        ledger::BatchFinding{std::move(finding.key), device, finding.consent_state});
    now.emplace(stored.key, kept.size());
    kept.push_back(&finding);
  }
  if (!previous) {
    return with_expiring(std::move(change), collected, devices, session, expiry_days);
  }
  std::set<std::string> failed;
  for (const auto& row : collected.rows) {
    if (row.failed) {
      failed.insert(row.id);
    }
  }
  // The previous run's findings are streamed, never held: a run may have hundreds
  // of thousands. Only the ones that are gone now are kept, for the "fixed" list.
  std::vector<bool> seen_before(kept.size(), false);
  std::vector<std::pair<std::string, std::string>> gone; // device id, consent state
  history.for_each_finding_of_run(previous->id, [&](const ledger::BatchFinding& finding) {
    if (const auto match = now.find(finding.key); match != now.end()) {
      seen_before[match->second] = true;
    } else if (!failed.contains(finding.device_id)) {
      gone.emplace_back(finding.device_id, finding.consent_state);
    }
  });
  for (std::size_t i = 0; i < kept.size(); ++i) {
    const auto& finding = *kept[i];
    const auto& device = devices[finding.device].id;
    if (!seen_before[i]) {
      add(change.newly_exposed, {device, phone::mask(finding.e164), finding.consent_state, {}});
    }
    if (finding.consent_state == "withdrawn" &&
        session.consent_state(finding.purpose, finding.e164, previous->as_of) != "withdrawn") {
      add(change.withdrawn, {device, phone::mask(finding.e164), finding.consent_state, {}});
    }
  }
  std::stable_sort(
      gone.begin(), gone.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  for (const auto& [device, state] : gone) {
    add(change.fixed, {device, {}, state, {}});
  }
  return with_expiring(std::move(change), collected, devices, session, expiry_days);
}

} // namespace contact_audit::batch
