// SPDX-License-Identifier: MIT
// The configuration of `contact-audit batch` (TOML, docs/batch.md).
#pragma once

#include <cstddef>
#include <filesystem>
#include <string>
#include <utility>
#include <vector>

namespace contact_audit::batch {

// One [[source]]: a folder or glob of exported address books, one device per match.
struct Source
{
  std::string name;
  std::size_t line = 0;          // Of the [[source]] header, for messages.
  std::string devices;           // Glob, absolute (resolved against the configuration's folder).
  std::filesystem::path profile; // Default device profile; empty: each device has its own.
  // File-name glob -> account label, tried in the order written.
  std::vector<std::pair<std::string, std::string>> accounts;
};

struct Config
{
  std::filesystem::path file; // The configuration itself.
  std::string config_sha256;
  std::string company;
  std::vector<std::string> company_domains;
  std::filesystem::path ledger;
  std::filesystem::path rules; // Empty: the installed rules.
  std::filesystem::path csv_mapping;
  std::string region = "DE";
  std::filesystem::path output_dir;
  std::vector<std::string> languages{"de"};
  std::vector<std::string> formats{"json", "html"}; // Combined report.
  std::vector<std::string> device_formats{"json"};  // Per device.
  std::size_t keep_runs = 30;
  // Full numbers in the per-device JSON and CSV (for `consent request --from`);
  // the combined reports and the log stay masked.
  bool reveal_numbers = false;
  std::size_t history_days = 400;
  std::size_t expiry_warning_days = 30;
  unsigned threads = 0; // 0: one per core.
  std::vector<Source> sources;
};

// Read and validate the configuration at `path`. Every problem — syntax,
// unknown keys, wrong types, bad values, missing required keys — is collected
// first; then InputError lists them all, one "path:line:column: sentence" per
// line. Relative paths are taken relative to the configuration's folder.
Config load_config(const std::filesystem::path& path);

} // namespace contact_audit::batch
