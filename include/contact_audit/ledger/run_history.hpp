// SPDX-License-Identifier: MIT
// RunHistory: the record of scheduled batch runs kept in the ledger database (docs/batch.md).
#pragma once

#include <contact_audit/ledger/types.hpp>

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace contact_audit::ledger {

// One batch run: when, from what, the figures and the exit code.
struct BatchRun
{
  std::int64_t id = 0;
  Timestamp started_at{};
  Timestamp finished_at{};
  Timestamp as_of{};  // Consent states were evaluated for this time.
  std::string folder; // The dated report folder, e.g. "2026-11-22T0300".
  std::string config_sha256;
  std::uint64_t inputs = 0; // Address book files read.
  std::uint64_t devices = 0;
  std::uint64_t devices_failed = 0;
  std::uint64_t contacts = 0;
  std::uint64_t numbers_uploaded = 0;
  std::uint64_t non_compliant_contacts = 0;
  std::uint64_t non_compliant_numbers = 0;
  int exit_code = 0;
};

// One non-compliant uploaded number of a run, under a key that does not reveal
// the number (finding_key): the history holds no phone numbers.
struct BatchFinding
{
  std::string key;
  std::string device_id;
  std::string consent_state; // missing | withdrawn | expired | ...
};

// The batch-run tables of a ledger (schema version 2). A RunHistory is used by
// one thread at a time; every method throws IoError when the database fails.
class RunHistory
{
public:
  ~RunHistory();
  RunHistory(RunHistory&&) noexcept;
  RunHistory& operator=(RunHistory&&) noexcept;

  // The random salt of finding keys, created on first use and kept in the ledger.
  std::string key_salt();
  // The last `limit` runs, newest first.
  std::vector<BatchRun> recent_runs(std::size_t limit) const;
  std::vector<BatchFinding> findings_of_run(std::int64_t run_id) const;
  // The same one by one, in key order, without holding them all.
  void for_each_finding_of_run(std::int64_t run_id,
                               const std::function<void(const BatchFinding&)>& visit) const;
  // Store `run` (its id is ignored) and its findings in one transaction; returns the id.
  std::int64_t record_run(const BatchRun& run, const std::vector<BatchFinding>& findings);
  // Delete the runs started before `cutoff` with their findings; returns how many.
  std::size_t prune_runs_before(Timestamp cutoff);

private:
  friend RunHistory open_run_history(const std::filesystem::path& ledger_path);
  struct Impl;
  explicit RunHistory(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> m_impl;
};

// Open the run history of the ledger at `ledger_path`, creating the ledger or
// migrating its schema first (open_ledger). Throws like open_ledger.
RunHistory open_run_history(const std::filesystem::path& ledger_path);

// The key a finding is stored under: SHA-256 over the salt, the device id and
// the E.164 number (hex). Stable between runs of one ledger; without the salt,
// which only the ledger holds, it cannot be traced back to the number.
std::string finding_key(std::string_view salt, std::string_view device_id, std::string_view e164);

} // namespace contact_audit::ledger
