// SPDX-License-Identifier: MIT
// Run the contact-audit binary and capture its exit code, stdout, stderr, time and peak memory.
#pragma once

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <string>
#include <sys/types.h>
#include <vector>

namespace e2e {

struct Run
{
  int exit_code = -1; // 128 + signal number when the child was killed by a signal.
  std::string out;
  std::string err;
  double seconds = 0;    // Wall-clock time from start to exit.
  long peak_rss_kib = 0; // The child's peak resident set size (getrusage ru_maxrss).
};

// A fresh temporary directory for one test case, removed on destruction.
class TempDir
{
public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return m_path; }
  std::filesystem::path write(const std::string& name, const std::string& content) const;

private:
  std::filesystem::path m_path;
};

struct RunOptions
{
  std::filesystem::path working_dir;    // The current directory when empty.
  std::vector<std::string> environment; // "NAME=value", added to the test's own.
  // RLIMIT_FSIZE for the child in bytes, with SIGXFSZ ignored, so that a write beyond it
  // fails with EFBIG as on a full disk; 0 leaves the limit alone.
  std::uintmax_t file_size_limit = 0;
};

// CONTACT_AUDIT_BINARY running in the background; killed and reaped on destruction unless
// waited for.
class Process
{
public:
  explicit Process(const std::vector<std::string>& arguments, const RunOptions& options = {});
  ~Process();
  Process(const Process&) = delete;
  Process& operator=(const Process&) = delete;

  pid_t pid() const { return m_pid; }
  void kill(int signal) const;
  // Waits for the exit and returns what the child printed.
  Run wait();

private:
  TempDir m_capture;
  pid_t m_pid = -1;
  std::chrono::steady_clock::time_point m_started;
};

// Runs CONTACT_AUDIT_BINARY with `arguments` in `working_dir` (the current directory when
// empty), with the variables of `environment` ("NAME=value") added to the test's own.
Run run(const std::vector<std::string>& arguments,
        const std::filesystem::path& working_dir = {},
        const std::vector<std::string>& environment = {});
Run run(const std::vector<std::string>& arguments, const RunOptions& options);

std::filesystem::path testdata(const std::string& relative);
std::string read_file(const std::filesystem::path& path);

// The audit scenario's ledger (testdata/audit/SOURCE.md) at `ledger`: consent.csv imported
// as recorded on 2026-02-01 and withdrawal.csv on 2026-09-02, as HR would have entered them.
// Fails the test when either import does not succeed.
void seed_audit_scenario_ledger(const std::string& ledger);

} // namespace e2e
