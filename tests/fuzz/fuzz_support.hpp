// SPDX-License-Identifier: MIT
// Shared helpers of the fuzz targets: reading option bytes, checking invariants, temp folders.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>
#include <unistd.h>

namespace contact_audit::fuzz {

// A broken invariant is a finding: print it and abort, so libFuzzer saves the input
// and the replay test fails.
inline void require(bool holds, const char* what)
{
  if (!holds) {
    std::fprintf(stderr, "fuzz invariant broken: %s\n", what);
    std::abort();
  }
}

// With CONTACT_AUDIT_FUZZ_VERBOSE set, targets print what they saw (for triage).
inline bool verbose()
{
  static const bool on = std::getenv("CONTACT_AUDIT_FUZZ_VERBOSE") != nullptr;
  return on;
}

// The fuzz input; option bytes are taken from its front, the rest is the file content.
class Input
{
public:
  Input(const std::uint8_t* data, std::size_t size)
      : m_rest(reinterpret_cast<const char*>(data), size)
  {
  }

  // The next byte, or 0 when the input is used up.
  std::uint8_t take_byte()
  {
    if (m_rest.empty()) {
      return 0;
    }
    const auto byte = static_cast<std::uint8_t>(m_rest.front());
    m_rest.remove_prefix(1);
    return byte;
  }

  // One of `count` choices, picked by the next byte.
  std::size_t take_choice(std::size_t count) { return take_byte() % count; }

  std::string_view rest() const { return m_rest; }

private:
  std::string_view m_rest;
};

// A private folder for files a target must write, made once per process and removed
// at exit (libFuzzer and the replay program both end through exit()).
inline const std::filesystem::path& scratch_dir()
{
  static const std::filesystem::path dir = [] {
    auto path = std::filesystem::temp_directory_path() /
                ("contact-audit-fuzz-" + std::to_string(::getpid()));
    std::filesystem::remove_all(path);
    std::filesystem::create_directories(path);
    std::filesystem::permissions(path, std::filesystem::perms::owner_all);
    std::atexit([] {
      std::error_code ignored;
      std::filesystem::remove_all(std::filesystem::temp_directory_path() /
                                      ("contact-audit-fuzz-" + std::to_string(::getpid())),
                                  ignored);
    });
    return path;
  }();
  return dir;
}

// Write `bytes` to `path`, replacing it.
inline void write_file(const std::filesystem::path& path, std::string_view bytes)
{
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  require(static_cast<bool>(out), "the scratch file can be written");
}

} // namespace contact_audit::fuzz
