// SPDX-License-Identifier: MIT
// The devices a batch run audits: one per match of each source's glob.
#pragma once

#include <contact_audit/audit/audit.hpp>
#include <contact_audit/batch/config.hpp>

#include <filesystem>
#include <string>
#include <vector>

namespace contact_audit::batch {

struct Device
{
  std::string id;                // Unique in the run; safe as a file name.
  std::string source;            // The source's name.
  std::filesystem::path path;    // The device folder or single export file.
  std::filesystem::path profile; // Its device.toml, else the source's profile.
  std::vector<audit::AuditInput> inputs;
  // Set when the device folder cannot be listed: the run reports the device as
  // failed with this sentence instead of auditing it.
  std::string problem;
};

// The devices of every source in configuration order, each source's matches
// sorted by path. A folder match is a device whose address books are its
// *.vcf, *.vcard and *.csv files, with "device.toml" in it as its profile; a
// file match is a device with that one address book. Account labels come from
// the source's `accounts` (first matching file-name glob), else from the
// profile. Throws InputError listing every problem (a glob matching nothing, a
// device without profile, a folder without address books) with the
// configuration's file:line.
std::vector<Device> discover_devices(const Config& config);

} // namespace contact_audit::batch
