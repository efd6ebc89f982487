// SPDX-License-Identifier: MIT
// Converting the ledger's reviewed decisions into classifier overrides.
#include <contact_audit/audit/reviewed_decisions.hpp>
#include <contact_audit/core/error.hpp>
#include <contact_audit/ledger/time.hpp>

namespace contact_audit::audit {

classify::Overrides reviewed_decisions(const ledger::Store& store, ledger::Timestamp as_of)
{
  classify::Overrides overrides;
  for (const auto& review : ledger::list_reviews(store, as_of)) {
    classify::Override entry;
    entry.key_kind = review.key_kind == ledger::ReviewKeyKind::e164
                         ? classify::OverrideKeyKind::e164
                         : classify::OverrideKeyKind::uid;
    entry.key = review.key;
    entry.decision = review.decision == ledger::ReviewDecision::business
                         ? classify::Classification::business
                         : classify::Classification::private_;
    entry.by = review.by;
    entry.at = ledger::format_date(review.at);
    entry.reason = review.reason;
    if (auto added = overrides.add(std::move(entry)); !added) {
      throw IoError("A reviewed decision in the ledger cannot be applied: " +
                    added.error().message);
    }
  }
  return overrides;
}

} // namespace contact_audit::audit
