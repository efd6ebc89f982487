// SPDX-License-Identifier: MIT
// AtomicFile: temporary file + fsync + rename, owner-only permissions.
#include <contact_audit/core/atomic_file.hpp>
#include <contact_audit/core/error.hpp>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <random>
#include <sys/stat.h>
#include <unistd.h>

namespace contact_audit {
namespace {

std::filesystem::path temporary_sibling(const std::filesystem::path& path)
{
  std::random_device random;
  // Built by appending: GCC 12 reports a false -Wrestrict for "." + std::string&& at -O3.
  std::string name = ".";
  name.append(path.filename().string()).append(".").append(std::to_string(random())).append(".tmp");
  return path.parent_path() / name;
}

[[noreturn]] void throw_io(const std::string& what, const std::filesystem::path& path, int error)
{
  throw IoError(path.string() + ": " + what + " failed: " + std::strerror(error) + ".");
}

void fsync_path(const std::filesystem::path& path, int flags)
{
  const int fd = ::open(path.c_str(), flags);
  if (fd < 0) {
    return; // Best effort: some file systems do not allow opening directories.
  }
  ::fsync(fd);
  ::close(fd);
}

} // namespace

AtomicFile::AtomicFile(std::filesystem::path path)
    : m_path(std::move(path)), m_temp_path(temporary_sibling(m_path))
{
  // Create with 0600 first so the data is never readable by others, whatever the umask.
  const int fd = ::open(m_temp_path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0) {
    throw_io("creating a temporary file for", m_path, errno);
  }
  ::close(fd);
  m_stream.open(m_temp_path, std::ios::binary | std::ios::trunc);
  if (!m_stream) {
    std::filesystem::remove(m_temp_path);
    throw_io("opening", m_temp_path, errno);
  }
}

AtomicFile::~AtomicFile()
{
  if (!m_committed) {
    m_stream.close();
    std::error_code ignored;
    std::filesystem::remove(m_temp_path, ignored);
  }
}

void AtomicFile::write(std::string_view data)
{
  m_stream.write(data.data(), static_cast<std::streamsize>(data.size()));
  if (!m_stream) {
    throw_io("writing", m_path, errno);
  }
}

void AtomicFile::commit()
{
  m_stream.flush();
  if (!m_stream) {
    throw_io("writing", m_path, errno);
  }
  m_stream.close();
  if (m_stream.fail()) {
    throw_io("closing", m_path, errno);
  }
  fsync_path(m_temp_path, O_RDONLY | O_CLOEXEC);
  if (::rename(m_temp_path.c_str(), m_path.c_str()) != 0) {
    throw_io("renaming the temporary file onto", m_path, errno);
  }
  m_committed = true;
  const auto directory = m_path.has_parent_path() ? m_path.parent_path() : ".";
  fsync_path(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
}

void write_file_atomically(const std::filesystem::path& path, std::string_view data)
{
  AtomicFile file(path);
  file.write(data);
  file.commit();
}

} // namespace contact_audit
