// SPDX-License-Identifier: MIT
// Change since the last run: newly exposed and fixed numbers, withdrawals, expiring consents.
#pragma once

#include "collect.hpp"

#include <contact_audit/audit/session.hpp>
#include <contact_audit/ledger/run_history.hpp>
#include <contact_audit/report/overview.hpp>

#include <optional>
#include <vector>

namespace contact_audit::batch {

struct Change
{
  std::vector<ledger::BatchFinding> keys; // This run's findings, as the history stores them.
  report::ChangeList newly_exposed;
  report::ChangeList fixed;
  report::ChangeList withdrawn;
  report::ChangeList expiring;
};

// Compare this run's findings with those of `previous` (none on the first run;
// read from `history`) by their keyed hashes, and ask the ledger which consents
// were withdrawn since `previous` and which expire within `expiry_days` of
// `session.as_of()`. The findings of devices that failed this time are not
// counted as fixed. The findings' keys are moved from `collected` into Change::keys.
Change compute_change(Collected& collected,
                      const std::vector<Device>& devices,
                      const audit::AuditSession& session,
                      const ledger::RunHistory& history,
                      const std::optional<ledger::BatchRun>& previous,
                      std::size_t expiry_days);

} // namespace contact_audit::batch
