// SPDX-License-Identifier: MIT
// The report folder of batch runs: lock, dated run folders written aside and renamed, `latest`.
#pragma once

#include <chrono>
#include <filesystem>
#include <functional>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace contact_audit::batch {

// An exclusive flock on "<output>/.lock", held for the whole run. The lock file
// holds the pid of its holder, for the message the second run prints.
class RunLock
{
public:
  // Take the lock; with `wait`, block until the other run ends. Returns nullopt
  // when another run holds it (and `wait` is false). Throws IoError when the
  // lock file cannot be opened.
  static std::optional<RunLock> acquire(const std::filesystem::path& output_dir, bool wait);
  // The pid written by the run holding the lock, "" when unknown.
  static std::string holder(const std::filesystem::path& output_dir);
  ~RunLock();
  RunLock(RunLock&& other) noexcept;
  RunLock& operator=(RunLock&&) = delete;
  RunLock(const RunLock&) = delete;
  RunLock& operator=(const RunLock&) = delete;

private:
  explicit RunLock(int fd) : m_fd(fd) {}
  int m_fd = -1;
};

// Create `dir` (and parents) with mode 0700 when missing. Throws IoError.
void make_private_dir(const std::filesystem::path& dir);

// "2026-11-22T0300" for `started_at` (UTC), with "-2", "-3", ... appended when
// a folder of that name exists in `output_dir` already.
std::string run_folder_name(const std::filesystem::path& output_dir,
                            std::chrono::sys_seconds started_at);

// Remove ".tmp-*" folders left by runs that were killed (call with the lock held).
// Returns their names.
std::vector<std::string> remove_stale_temp_folders(const std::filesystem::path& output_dir);

// The folder a run writes into before it is published.
std::filesystem::path temp_folder(const std::filesystem::path& output_dir, std::string_view name);

// Write `data` to `path` with mode 0600 (no fsync: publish() syncs the whole
// folder once). Throws IoError.
void write_private_file(const std::filesystem::path& path, std::string_view data);
// The same for a document that `write` streams, so that it is never held whole.
void write_private_file(const std::filesystem::path& path,
                        const std::function<void(std::ostream&)>& write);

// Flush the run's files to disk, rename `temp` to "<output_dir>/<name>" and point
// the `latest` symlink at it (a new symlink renamed over the old one, so a reader
// always sees a complete run). Throws IoError.
void publish(const std::filesystem::path& output_dir,
             const std::filesystem::path& temp,
             const std::string& name);

// Delete all but the newest `keep` run folders (never the one `latest` names).
// Returns the names deleted.
std::vector<std::string> prune_run_folders(const std::filesystem::path& output_dir,
                                           std::size_t keep);

} // namespace contact_audit::batch
