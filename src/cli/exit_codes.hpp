// SPDX-License-Identifier: MIT
// The exit codes of contact-audit, documented in the README.
#pragma once

namespace contact_audit::cli {

constexpr int k_exit_ok = 0;            // Success; for an audit: compliant.
constexpr int k_exit_non_compliant = 1; // Non-compliant uploads found.
constexpr int k_exit_input_error = 2;   // Usage or input error (file, line, reason printed).
constexpr int k_exit_failure = 3;       // Internal or I/O failure.

} // namespace contact_audit::cli
