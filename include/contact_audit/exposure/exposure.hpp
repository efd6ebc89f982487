// SPDX-License-Identifier: MIT
// expose(): whether a device's messenger reads a contact, and which documented rule says so.
#pragma once

#include <contact_audit/contact/contact.hpp>
#include <contact_audit/exposure/device_profile.hpp>
#include <contact_audit/exposure/localised_text.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace contact_audit::exposure {

enum class ExposureLevel : std::uint8_t
{
  bulk_upload, // The messenger reads the contact and uploads its numbers.
  lookup_only, // Not enumerated, but the user can look it up (Android cross-profile lookup).
  not_visible,
};

// Spelled as reports serialise it ("bulk_upload", ...); parse returns nullopt for other text.
std::string_view to_string(ExposureLevel level);
std::optional<ExposureLevel> parse_exposure_level(std::string_view text);

// The decision for one contact on one device.
struct Exposure
{
  ExposureLevel level = ExposureLevel::not_visible;
  // Stable id of the rule applied, e.g. "ios.open-from-managed-allowed"; the full
  // list with sources is in docs/device-profiles.md.
  std::string rule;
  LocalisedText reason; // The rule applied to this case, as a sentence.
  // The account (iOS) or profile (Android) the contact was placed in; none when it is
  // unknown, the device has no accounts, or the messenger has no contacts access.
  std::optional<Zone> account;
};

// Decide whether the messenger of `profile` reads `contact`. The contact's account is
// `contact.source.account`, the label its file was read with (see account_for_file()):
// "managed"/"unmanaged"/"outlook" on iOS, "personal"/"work" on Android. A missing or
// foreign label is treated as the messenger's own side (the conservative reading) and
// the reason says so. Pure and thread-safe.
Exposure expose(const DeviceProfile& profile, const contact::Contact& contact);

// As above, for an audit that knows whether `contact` is a business contact. Only a
// what-if profile uses `business` (WhatIf::business_contacts_moved_to,
// WhatIf::shares_private_contacts_only); on any other profile the result equals
// expose(profile, contact).
Exposure expose(const DeviceProfile& profile, const contact::Contact& contact, bool business);

// The level alone, as expose(profile, contact, business).level, without spelling out the
// rule and reason: for counts over many contacts and alternative configurations.
ExposureLevel
exposure_level(const DeviceProfile& profile, const contact::Contact& contact, bool business);

} // namespace contact_audit::exposure
