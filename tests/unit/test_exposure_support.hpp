// SPDX-License-Identifier: MIT
// Helpers shared by the exposure unit tests: temporary folders, inline profiles, contacts.
#pragma once

#include <contact_audit/core/diagnostic.hpp>
#include <contact_audit/core/error.hpp>
#include <contact_audit/exposure/device_profile.hpp>

#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>
#include <system_error>
#include <unistd.h>
#include <vector>

namespace exposure_test {

namespace fs = std::filesystem;

inline const fs::path k_devices = fs::path(CONTACT_AUDIT_TESTDATA) / "devices";
inline const fs::path k_rules = fs::path(CONTACT_AUDIT_RULES);

// This process's temporary folder; removed with everything in it when the process ends.
inline fs::path temp_root()
{
  return fs::temp_directory_path() / ("ca-exposure-" + std::to_string(::getpid()));
}

struct TempRootRemover
{
  TempRootRemover() = default;
  TempRootRemover(const TempRootRemover&) = delete;
  TempRootRemover& operator=(const TempRootRemover&) = delete;
  ~TempRootRemover()
  {
    std::error_code ignored;
    fs::remove_all(temp_root(), ignored);
  }
};
inline TempRootRemover temp_root_remover;

// A fresh, empty folder under temp_root(), one per `name`.
inline fs::path temp_folder(const std::string& name)
{
  const auto folder = temp_root() / name;
  fs::remove_all(folder);
  fs::create_directories(folder);
  return folder;
}

inline void write_file(const fs::path& path, std::string_view content)
{
  fs::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary) << content;
}

// Parse an inline profile as if it were the file `file`.
inline contact_audit::exposure::DeviceProfile parse_profile(std::string_view text,
                                                            const fs::path& file = "profile.toml")
{
  contact_audit::CollectingSink warnings;
  return contact_audit::exposure::parse_device_profile(text, file, warnings);
}

// The InputError message parsing `text` gives; "" when it parses.
inline std::string profile_error(std::string_view text, const fs::path& file = "profile.toml")
{
  try {
    (void)parse_profile(text, file);
  } catch (const contact_audit::InputError& error) {
    return error.what();
  }
  return "";
}

// The InputError message loading `path` gives; "" when it loads.
inline std::string load_error(const fs::path& path)
{
  try {
    (void)contact_audit::exposure::load_device_profile(path);
  } catch (const contact_audit::InputError& error) {
    return error.what();
  }
  return "";
}

} // namespace exposure_test
