// SPDX-License-Identifier: MIT
// Checks on the split's counts before anything is committed.
#pragma once

#include <contact_audit/audit/split.hpp>

namespace contact_audit::audit {

// Throws IoError when the counts of `result` do not add up (every contact read
// written exactly once), so no incomplete split is ever committed.
void check_counts(const SplitResult& result);

} // namespace contact_audit::audit
