// SPDX-License-Identifier: MIT
// DeviceProfile: a device's platform, EMM settings, messenger and address books, read from TOML.
#pragma once

#include <contact_audit/core/diagnostic.hpp>
#include <contact_audit/exposure/localised_text.hpp>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace contact_audit::exposure {

// How the device is managed. `unmanaged`: no EMM at all (also a device whose EMM
// separates nothing), so every address book is one pool.
enum class Platform : std::uint8_t
{
  ios,
  android,
  unmanaged,
};

// The side an app is installed in or an account belongs to: `managed`/`unmanaged`
// on iOS (Apple's managed apps and accounts), `personal`/`work` profile on Android.
enum class Zone : std::uint8_t
{
  managed,
  unmanaged,
  personal,
  work,
};

// What the user granted the messenger: all contacts, only a selection (iOS 18+), nothing.
enum class ContactsAccess : std::uint8_t
{
  full,
  limited,
  none,
};

// Where an address book's contacts come from. `outlook`: contacts that Outlook for
// iOS saved into the native Contacts app; iOS keeps them in an unmanaged account.
enum class BookSource : std::uint8_t
{
  native,
  outlook,
};

// Each enum spelled as a profile writes it; parse_* returns nullopt for any other text
// (case matters).
std::string_view to_string(Platform platform);
std::optional<Platform> parse_platform(std::string_view text);
std::string_view to_string(Zone zone);
std::optional<Zone> parse_zone(std::string_view text);
std::string_view to_string(ContactsAccess access);
std::optional<ContactsAccess> parse_contacts_access(std::string_view text);
std::string_view to_string(BookSource source);
std::optional<BookSource> parse_book_source(std::string_view text);

// One address book on the device. `files` are the patterns as written in the
// profile (relative to its folder; `*`, `?` and `[...]` match within one path component).
struct AddressBook
{
  std::string name;
  std::optional<Zone> account; // None on unmanaged devices.
  BookSource source = BookSource::native;
  std::vector<std::string> files;
  std::size_t line = 0; // Line of the [[address_book]] header in the profile.
};

// Restrictions of Apple's com.apple.applicationaccess payload (defaults as Apple documents
// them), plus whether Outlook for iOS may save contacts into the native Contacts app.
struct IosSettings
{
  bool allow_open_from_managed_to_unmanaged = true;
  bool allow_unmanaged_to_read_managed_contacts = false;
  bool allow_managed_to_write_unmanaged_contacts = false; // Writing only; never widens reading.
  bool outlook_contact_sync = true; // Intune app protection: contactSyncBlocked = false.

  friend bool operator==(const IosSettings&, const IosSettings&) = default;
};

// Android Enterprise: a work profile, and CrossProfilePolicies.showWorkContactsInPersonalProfile
// (true: SHOW_WORK_CONTACTS_IN_PERSONAL_PROFILE_ALLOWED, the default).
struct AndroidSettings
{
  bool work_profile = false;
  bool show_work_contacts_in_personal_profile = true;

  friend bool operator==(const AndroidSettings&, const AndroidSettings&) = default;
};

// The messenger on the device. `shared_uids`/`shared_numbers` (E.164) name the
// contacts the user shared under `ContactsAccess::limited`.
struct MessengerInstall
{
  std::string id;          // e.g. "whatsapp": rules/messengers/<id>.toml.
  std::size_t id_line = 0; // Where `id` stands in the profile, for messages.
  std::size_t id_column = 0;
  std::optional<Zone> location; // None on unmanaged devices.
  ContactsAccess contacts_access = ContactsAccess::full;
  std::vector<std::string> shared_uids;
  std::vector<std::string> shared_numbers;
};

// Set on the profiles alternative_configurations() returns: which alternative it is and
// what it assumes about the contacts (see expose() with `business`).
struct WhatIf
{
  std::string id; // Stable, e.g. "ios-separated".
  LocalisedText name;
  LocalisedText description;
  // The device has no managed/work address book yet: business contacts are assumed
  // moved into this account, private ones stay in (or go to) the other side.
  std::optional<Zone> business_contacts_moved_to;
  // iOS 18 limited access where the user is assumed to share private contacts only.
  bool shares_private_contacts_only = false;
};

// One device as its profile describes it. A plain value: copy and change it freely
// (alternative_configurations() does); expose() reads it without keeping references.
struct DeviceProfile
{
  std::string id;
  std::string name;  // Defaults to `id`.
  std::string owner; // Empty when not given.
  Platform platform = Platform::unmanaged;
  MessengerInstall messenger;
  IosSettings ios;
  AndroidSettings android;
  std::vector<AddressBook> address_books;
  std::filesystem::path file;    // The profile; book patterns are relative to its folder.
  std::optional<WhatIf> what_if; // Only on alternatives.
};

// Read and validate the device profile at `path` (format: docs/device-profiles.md).
// Every problem — syntax, unknown keys, wrong types, values a platform does not
// have, contradictions — is collected first; then InputError lists them all, one
// "path:line:column: sentence" per line, in file order. Settings that are valid but
// have no effect (allowUnmanagedToReadManagedContacts while allowOpenFromManagedToUnmanaged
// is true) go to `warnings` as Severity::warning diagnostics.
DeviceProfile load_device_profile(const std::filesystem::path& path, DiagnosticSink& warnings);
// As above, discarding the warnings.
DeviceProfile load_device_profile(const std::filesystem::path& path);

// Parse profile `text` as if read from `file` (used in messages and to resolve
// book patterns); same validation and errors as load_device_profile.
DeviceProfile parse_device_profile(std::string_view text,
                                   const std::filesystem::path& file,
                                   DiagnosticSink& warnings);

} // namespace contact_audit::exposure
