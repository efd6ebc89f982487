// SPDX-License-Identifier: MIT
// The state shared by the readers of a device profile's tables (private to the exposure module).
#pragma once

#include "toml_checker.hpp"

#include <contact_audit/core/diagnostic.hpp>
#include <contact_audit/exposure/device_profile.hpp>

#include <optional>
#include <string>

namespace contact_audit::exposure::detail {

// One profile being read: errors go to `check`, settings without effect to `warnings`.
// `platform` is empty while [device] is unread or when its platform is missing or
// invalid; checks that depend on the platform are skipped then.
struct ProfileReader
{
  TomlChecker& check;
  DiagnosticSink& warnings;
  DeviceProfile& profile;
  std::optional<Platform> platform;

  void warn(const toml::source_region& where, std::string code, std::string message);
};

// The zones an app or account can be in on `platform` (ios: managed, unmanaged;
// android: personal, work); `zone_choices` spells them for a message.
bool zone_fits(Platform platform, Zone zone);
std::string zone_choices(Platform platform);

// True for a messenger id that names a file in rules/messengers/ and cannot leave that
// folder: lowercase letters, digits and "-", not starting with "-".
bool is_plain_id(std::string_view id);

// Read [android], [ios] and the [[address_book]] tables of `root` into reader.profile.
void read_android(ProfileReader& reader, const toml::table& root);
void read_ios(ProfileReader& reader, const toml::table& root);
void read_books(ProfileReader& reader, const toml::table& root);

} // namespace contact_audit::exposure::detail
