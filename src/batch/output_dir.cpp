// SPDX-License-Identifier: MIT
// Lock, dated run folders, atomic publication with a `latest` symlink, and retention.
#include "output_dir.hpp"

#include <contact_audit/core/error.hpp>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <ctime>
#include <fcntl.h>
#include <fstream>
#include <regex>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>
#include <utility>

namespace contact_audit::batch {
namespace {

namespace fs = std::filesystem;

constexpr std::string_view k_lock_name = ".lock";
constexpr std::string_view k_temp_prefix = ".tmp-";
constexpr std::string_view k_latest = "latest";

[[noreturn]] void fail(const fs::path& path, std::string_view what)
{
  throw IoError(path.string() + ": " + std::string(what) + " (" + std::strerror(errno) + ").");
}

bool is_run_folder(const std::string& name)
{
  static const std::regex pattern(R"(\d{4}-\d{2}-\d{2}T\d{4}(-\d+)?)");
  return std::regex_match(name, pattern);
}

} // namespace

std::optional<RunLock> RunLock::acquire(const fs::path& output_dir, bool wait)
{
  const fs::path path = output_dir / k_lock_name;
  const int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
  if (fd < 0) {
    fail(path, "The lock file cannot be opened");
  }
  if (::flock(fd, LOCK_EX | (wait ? 0 : LOCK_NB)) != 0) {
    const int error = errno;
    ::close(fd);
    if (error == EWOULDBLOCK) {
      return std::nullopt;
    }
    errno = error;
    fail(path, "The lock file cannot be locked");
  }
  const std::string pid = std::to_string(::getpid()) + "\n";
  if (::ftruncate(fd, 0) != 0 || ::pwrite(fd, pid.data(), pid.size(), 0) < 0) {
    ::close(fd);
    fail(path, "The lock file cannot be written");
  }
  return RunLock(fd);
}

std::string RunLock::holder(const fs::path& output_dir)
{
  std::ifstream in(output_dir / k_lock_name);
  std::string pid;
  std::getline(in, pid);
  return pid;
}

RunLock::~RunLock()
{
  if (m_fd >= 0) {
    ::close(m_fd); // Releases the flock.
  }
}

RunLock::RunLock(RunLock&& other) noexcept : m_fd(std::exchange(other.m_fd, -1)) {}

void make_private_dir(const fs::path& dir)
{
  std::error_code error;
  if (fs::is_directory(dir, error)) {
    return;
  }
  fs::create_directories(dir, error);
  if (error) {
    throw IoError(dir.string() + ": The folder cannot be created (" + error.message() + ").");
  }
  fs::permissions(dir, fs::perms::owner_all, error);
}

std::string run_folder_name(const fs::path& output_dir, std::chrono::sys_seconds started_at)
{
  const std::time_t seconds = std::chrono::system_clock::to_time_t(started_at);
  std::tm parts{};
  gmtime_r(&seconds, &parts);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H%M", &parts);
  std::string name = text;
  std::error_code error;
  for (int suffix = 2; fs::exists(output_dir / name, error); ++suffix) {
    name = std::string(text) + "-" + std::to_string(suffix);
  }
  return name;
}

std::vector<std::string> remove_stale_temp_folders(const fs::path& output_dir)
{
  std::vector<std::string> removed;
  std::error_code error;
  for (const auto& entry : fs::directory_iterator(output_dir, error)) {
    const std::string name = entry.path().filename().string();
    if (name.starts_with(k_temp_prefix)) {
      fs::remove_all(entry.path(), error);
      removed.push_back(name);
    }
  }
  return removed;
}

fs::path temp_folder(const fs::path& output_dir, std::string_view name)
{
  return output_dir / (std::string(k_temp_prefix) + std::string(name));
}

void write_private_file(const fs::path& path, const std::function<void(std::ostream&)>& write)
{
  // Created with mode 0600 first; the stream then opens the existing file.
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  if (fd < 0 || ::close(fd) != 0) {
    fail(path, "The report cannot be created");
  }
  try {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    if (!out) {
      fail(path, "The report cannot be created");
    }
    write(out);
    out.close();
    if (!out) {
      fail(path, "The report cannot be written");
    }
  } catch (...) {
    // A device that fails leaves no half-written report in the run folder.
    std::error_code ignored;
    fs::remove(path, ignored);
    throw;
  }
}

void write_private_file(const fs::path& path, std::string_view data)
{
  write_private_file(path, [data](std::ostream& out) {
    out.write(data.data(), static_cast<std::streamsize>(data.size()));
  });
}

void publish(const fs::path& output_dir, const fs::path& temp, const std::string& name)
{
  // One syncfs() for all the run's files instead of an fsync per file; then the
  // rename makes the complete folder visible at once.
  const int fd = ::open(temp.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0 || ::syncfs(fd) != 0) {
    if (fd >= 0) {
      ::close(fd);
    }
    fail(temp, "The run folder cannot be flushed to disk");
  }
  ::close(fd);
  if (::rename(temp.c_str(), (output_dir / name).c_str()) != 0) {
    fail(output_dir / name, "The run folder cannot be put in place");
  }
  const fs::path link = output_dir / (std::string(k_temp_prefix) + "latest");
  ::unlink(link.c_str());
  if (::symlink(name.c_str(), link.c_str()) != 0) {
    fail(link, "The latest link cannot be created");
  }
  if (::rename(link.c_str(), (output_dir / k_latest).c_str()) != 0) {
    fail(output_dir / k_latest, "The latest link cannot be replaced");
  }
  const int dir = ::open(output_dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dir >= 0) {
    ::fsync(dir);
    ::close(dir);
  }
}

std::vector<std::string> prune_run_folders(const fs::path& output_dir, std::size_t keep)
{
  std::vector<std::string> runs;
  std::error_code error;
  for (const auto& entry : fs::directory_iterator(output_dir, error)) {
    const std::string name = entry.path().filename().string();
    if (entry.is_directory(error) && !entry.is_symlink(error) && is_run_folder(name)) {
      runs.push_back(name);
    }
  }
  // The names sort by time; a "-2" suffix sorts after its base name.
  std::sort(runs.begin(), runs.end());
  const std::string latest = fs::read_symlink(output_dir / k_latest, error).string();
  std::vector<std::string> removed;
  for (std::size_t i = 0; i + keep < runs.size(); ++i) {
    if (runs[i] != latest) {
      fs::remove_all(output_dir / runs[i], error);
      removed.push_back(runs[i]);
    }
  }
  return removed;
}

} // namespace contact_audit::batch
