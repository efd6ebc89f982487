// SPDX-License-Identifier: MIT
// The reviewed decisions stored in the ledger, in the form the classifier applies.
#pragma once

#include <contact_audit/classify/overrides.hpp>
#include <contact_audit/ledger/review_store.hpp>
#include <contact_audit/ledger/store.hpp>

namespace contact_audit::audit {

// The decisions in force at `as_of` (ledger::list_reviews) as classifier
// overrides. Throws IoError when the store cannot be read or a stored decision
// cannot be applied (the modules would then disagree on what a key is, which
// must not silently drop a decision).
classify::Overrides reviewed_decisions(const ledger::Store& store, ledger::Timestamp as_of);

} // namespace contact_audit::audit
