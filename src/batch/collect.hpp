// SPDX-License-Identifier: MIT
// Auditing the devices of a run on a small thread pool and collecting what the overview needs.
#pragma once

#include "output_dir.hpp"

#include <contact_audit/audit/session.hpp>
#include <contact_audit/batch/config.hpp>
#include <contact_audit/batch/devices.hpp>
#include <contact_audit/batch/log.hpp>
#include <contact_audit/report/overview.hpp>

#include <deque>
#include <map>
#include <string>
#include <utility>
#include <vector>

namespace contact_audit::batch {

// One non-compliant uploaded number of a device.
struct NumberFinding
{
  std::size_t device = 0; // Index into the run's devices.
  std::string purpose;
  std::string e164;
  std::string consent_state;
  // ledger::finding_key of device and number: what the run history stores.
  std::string key;
};

struct Collected
{
  std::vector<report::OverviewDevice> rows; // One per device, in device order.
  // A deque: it grows without copying, so a large run never holds two copies.
  std::deque<NumberFinding> findings;
  // Uploaded numbers with valid consent: (purpose, e164) -> first device holding it.
  std::map<std::pair<std::string, std::string>, std::size_t> valid_numbers;
};

// Audit `devices` with `session` on `threads` threads, writing each device's
// reports (config.device_formats x config.languages) below `folder`/devices.
// A device that fails is logged and marked failed; the others go on. The
// findings' history keys are made with `key_salt` (RunHistory::key_salt).
Collected audit_devices(const Config& config,
                        const std::vector<Device>& devices,
                        const audit::AuditSession& session,
                        const std::string& key_salt,
                        const std::filesystem::path& folder,
                        Logger& log);

} // namespace contact_audit::batch
