// SPDX-License-Identifier: MIT
// Expanding each source's glob into devices with their profile, address books and accounts.
#include <contact_audit/batch/devices.hpp>
#include <contact_audit/core/error.hpp>

#include <algorithm>
#include <fnmatch.h>
#include <glob.h>
#include <map>

namespace contact_audit::batch {
namespace {

constexpr std::string_view k_profile_name = "device.toml";

std::vector<std::filesystem::path> glob_paths(const std::string& pattern)
{
  glob_t matches{};
  std::vector<std::filesystem::path> paths;
  if (::glob(pattern.c_str(), GLOB_ERR, nullptr, &matches) == 0) {
    for (std::size_t i = 0; i < matches.gl_pathc; ++i) {
      paths.emplace_back(matches.gl_pathv[i]);
    }
  }
  ::globfree(&matches);
  std::sort(paths.begin(), paths.end());
  return paths;
}

bool is_address_book(const std::filesystem::path& path)
{
  std::string extension = path.extension().string();
  std::transform(extension.begin(), extension.end(), extension.begin(), [](unsigned char c) {
    return static_cast<char>(std::tolower(c));
  });
  return extension == ".vcf" || extension == ".vcard" || extension == ".csv";
}

// Letters, digits, '.', '-' and '_' stay; everything else becomes '_'.
std::string file_safe(const std::string& text)
{
  std::string id = text;
  for (auto& c : id) {
    const bool safe = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                      c == '.' || c == '-' || c == '_';
    c = safe ? c : '_';
  }
  return id.empty() || id.front() == '.' ? "_" + id : id;
}

std::string account_of(const Source& source, const std::filesystem::path& file)
{
  const std::string name = file.filename().string();
  for (const auto& [pattern, label] : source.accounts) {
    if (::fnmatch(pattern.c_str(), name.c_str(), 0) == 0) {
      return label;
    }
  }
  return {}; // The audit takes the account from the profile's books.
}

// Lists a device folder; problems go to `problems`.
void add_folder(const Source& source, Device& device, std::vector<std::string>& problems)
{
  std::error_code error;
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(device.path, error)) {
    if (is_address_book(entry.path())) {
      files.push_back(entry.path());
    }
  }
  if (error) {
    // An unreadable folder fails this device only; it is not a configuration error.
    device.problem = "The device folder \"" + device.path.string() + "\" cannot be listed (" +
                     error.message() + ").";
    return;
  }
  std::sort(files.begin(), files.end());
  for (const auto& file : files) {
    device.inputs.push_back({file, account_of(source, file), {}});
  }
  if (std::filesystem::is_regular_file(device.path / k_profile_name, error)) {
    device.profile = device.path / k_profile_name;
  }
  if (files.empty()) {
    problems.push_back("The device folder \"" + device.path.string() +
                       "\" holds no address book (*.vcf, *.vcard, *.csv).");
  }
}

} // namespace

std::vector<Device> discover_devices(const Config& config)
{
  std::vector<Device> devices;
  std::vector<std::string> problems;
  std::map<std::string, int> ids;
  const std::string where = config.file.string() + ':';
  for (const auto& source : config.sources) {
    const auto matches = glob_paths(source.devices);
    const std::string at = where + std::to_string(source.line) + ": ";
    if (matches.empty()) {
      problems.push_back(at + "The source's devices \"" + source.devices + "\" match nothing.");
    }
    for (const auto& match : matches) {
      Device device;
      device.source = source.name;
      device.path = match;
      device.profile = source.profile;
      std::error_code error;
      if (std::filesystem::is_directory(match, error)) {
        std::vector<std::string> folder_problems;
        add_folder(source, device, folder_problems);
        for (auto& problem : folder_problems) {
          problems.push_back(at + problem);
        }
        device.id = file_safe(match.filename().string());
      } else {
        device.inputs.push_back({match, account_of(source, match), {}});
        device.id = file_safe(match.stem().string());
      }
      if (device.profile.empty()) {
        problems.push_back(at + "The device \"" + match.string() + "\" has no " +
                           std::string(k_profile_name) +
                           " and the source names no default profile.");
      }
      // Two sources may hold devices of the same name: number the later ones.
      if (const int seen = ids[device.id]++; seen > 0) {
        device.id += "-" + std::to_string(seen + 1);
      }
      devices.push_back(std::move(device));
    }
  }
  if (!problems.empty()) {
    std::string message = "The batch configuration names devices that cannot be audited (" +
                          std::to_string(problems.size()) +
                          (problems.size() == 1 ? " problem" : " problems") +
                          "); nothing was audited:";
    for (const auto& problem : problems) {
      message += "\n" + problem;
    }
    throw InputError(message);
  }
  return devices;
}

} // namespace contact_audit::batch
