// SPDX-License-Identifier: MIT
// Auditing the devices of a run on a small thread pool and collecting what the overview needs.
#pragma once

#include "output_dir.hpp"

#include <contact_audit/audit/session.hpp>
#include <contact_audit/batch/config.hpp>
#include <contact_audit/batch/devices.hpp>
#include <contact_audit/batch/log.hpp>
#include <contact_audit/report/overview.hpp>

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
};

struct Collected
{
  std::vector<report::OverviewDevice> rows; // One per device, in device order.
  std::vector<NumberFinding> findings;
  // Uploaded numbers with valid consent: (purpose, e164) -> first device holding it.
  std::map<std::pair<std::string, std::string>, std::size_t> valid_numbers;
};

// Audit `devices` with `session` on `threads` threads, writing each device's
// reports (config.device_formats x config.languages) below `folder`/devices.
// A device that fails is logged and marked failed; the others go on.
Collected audit_devices(const Config& config,
                        const std::vector<Device>& devices,
                        const audit::AuditSession& session,
                        const std::filesystem::path& folder,
                        Logger& log);

} // namespace contact_audit::batch
