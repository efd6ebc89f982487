// SPDX-License-Identifier: MIT
// AtomicFile: write a file completely or not at all, readable by the owner only.
#pragma once

#include <filesystem>
#include <fstream>
#include <string_view>

namespace contact_audit {

// Writes to a temporary file beside `path` (mode 0600) and renames it over
// `path` on commit(), so a reader or a killed process never sees half a file.
// Without commit() the temporary file is removed on destruction. Throws IoError
// when the file cannot be created, written, flushed or renamed.
class AtomicFile
{
public:
  explicit AtomicFile(std::filesystem::path path);
  ~AtomicFile();
  AtomicFile(const AtomicFile&) = delete;
  AtomicFile& operator=(const AtomicFile&) = delete;

  std::ostream& stream() { return m_stream; }
  void write(std::string_view data);
  // Flushes, fsyncs and renames into place. Throws IoError on failure.
  void commit();

  const std::filesystem::path& path() const { return m_path; }

private:
  std::filesystem::path m_path;
  std::filesystem::path m_temp_path;
  std::ofstream m_stream;
  bool m_committed = false;
};

// Create (or truncate) `path` with mode 0600 and write `data` atomically.
void write_file_atomically(const std::filesystem::path& path, std::string_view data);

} // namespace contact_audit
