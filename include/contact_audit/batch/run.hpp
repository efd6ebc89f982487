// SPDX-License-Identifier: MIT
// `contact-audit batch`: audit every configured device, publish dated reports, record the run.
#pragma once

#include <contact_audit/batch/log.hpp>

#include <filesystem>
#include <ostream>
#include <string>

namespace contact_audit::batch {

// Exit codes of a batch run (docs/batch.md); 3 wins over 1, since monitoring
// must hear of a device that was not audited even when others are non-compliant.
inline constexpr int k_exit_compliant = 0;
inline constexpr int k_exit_non_compliant = 1;
inline constexpr int k_exit_config_error = 2;
inline constexpr int k_exit_device_failed = 3;
inline constexpr int k_exit_locked = 4; // Another run holds the output folder's lock.

struct RunOptions
{
  std::filesystem::path config;
  bool dry_run = false; // List what would be audited on `out`; write nothing.
  bool wait = false;    // Wait for a concurrent run instead of exiting with k_exit_locked.
  LogOptions log;
  std::string tool_version;
};

// Run the batch described by `options.config`: audit every device (in
// parallel), write the per-device and combined reports into a new dated folder
// that appears complete or not at all, point `latest` at it, record the run in
// the ledger's history, apply the retention settings, and return the exit code.
// A device that cannot be audited is logged and reported and the others go on.
// Throws InputError for an invalid configuration, rule set or device profile
// path (exit 2) and IoError when the output folder or the ledger fail (exit 3);
// a failed run leaves the previous reports as they were.
int run_batch(const RunOptions& options, std::ostream& out);

} // namespace contact_audit::batch
