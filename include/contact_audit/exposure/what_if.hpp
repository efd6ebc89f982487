// SPDX-License-Identifier: MIT
// What-if: the other meaningful EMM configurations of a device, to count findings under each.
#pragma once

#include <contact_audit/exposure/device_profile.hpp>

#include <vector>

namespace contact_audit::exposure {

// The meaningful alternatives to `profile`, each a copy with the settings changed and
// `what_if` set (id, name and description in English and German, assumptions):
// - iOS: "ios-separated" (messenger unmanaged, allowOpenFromManagedToUnmanaged and
//   allowUnmanagedToReadManagedContacts false), "ios-messenger-managed" or
//   "ios-messenger-unmanaged", "ios-limited-access" (iOS 18, private contacts shared
//   only), "ios-outlook-contact-sync-blocked" (when an Outlook book exists);
// - Android without a work profile: "android-work-profile-personal",
//   "android-work-profile-personal-no-lookup", "android-work-profile-work";
//   with one: "android-messenger-work" or "android-messenger-personal",
//   "android-cross-profile-lookup-off";
// - unmanaged: "android-work-profile-personal", "ios-separated".
// An alternative equal to the current configuration is left out; a messenger with
// contacts_access = "none" has none. Audit each with expose(alternative, contact, business).
std::vector<DeviceProfile> alternative_configurations(const DeviceProfile& profile);

} // namespace contact_audit::exposure
