// SPDX-License-Identifier: MIT
// The audit: which business contacts a device's messenger would upload without valid consent.
#pragma once

#include <contact_audit/audit/contact_decision.hpp>
#include <contact_audit/audit/result.hpp>
#include <contact_audit/core/diagnostic.hpp>

#include <chrono>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace contact_audit::audit {

// One address book to audit. Its account label comes from the device profile
// (the book whose `files` match it) unless `account` is set.
struct AuditInput
{
  std::filesystem::path path;
  std::string account;
  std::string encoding; // Forced charset; empty: detect.
};

struct AuditOptions
{
  std::filesystem::path device_profile;
  // Address books; empty: the files the profile's address books name.
  std::vector<AuditInput> inputs;
  std::filesystem::path rules_root; // Holds classify/ and messengers/.
  std::filesystem::path ledger_path;
  // The time consent states are evaluated for; empty: now.
  std::optional<std::chrono::sys_seconds> as_of;
  std::string region = "DE";
  std::string company;
  std::filesystem::path csv_mapping;
  unsigned threads = 0;
  std::string tool_version;
  // Keep at most this many numbers in AuditResult::attention (the rest are counted).
  std::size_t max_attention = 10'000;
  // When set, told the decision for every contact read (the findings alone name
  // only the non-compliant ones).
  ContactObserver on_contact;
};

// Run the audit: read every address book, classify each contact, decide what the
// messenger reads under the device profile, look up the consent state of each
// number as of `as_of`, and collect the non-compliant uploads with reasons and
// remediations, the residual (lookup-only) exposures, the what-if counts for the
// device's alternative configurations and the numbers that need attention.
// Problems in the address books go to `sink` (file:line) and are counted.
// Throws InputError for an invalid profile, rule set or unreadable input file,
// IoError when the ledger cannot be read.
AuditResult run_audit(const AuditOptions& options, DiagnosticSink& sink);

} // namespace contact_audit::audit
