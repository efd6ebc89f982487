// SPDX-License-Identifier: MIT
// Unit tests of expose(): one table row per case of the EMM semantics in docs/device-profiles.md.
#include "test_exposure_support.hpp"

#include <contact_audit/exposure/exposure.hpp>
#include <contact_audit/exposure/what_if.hpp>

#include <doctest/doctest.h>

#include <optional>
#include <string>
#include <vector>

using namespace contact_audit;
using namespace contact_audit::exposure;

namespace {

constexpr auto bulk = ExposureLevel::bulk_upload;
constexpr auto lookup = ExposureLevel::lookup_only;
constexpr auto hidden = ExposureLevel::not_visible;

// One device configuration, one contact label, the expected decision.
struct Row
{
  Platform platform;
  std::optional<Zone> location;
  std::string label; // contact.source.account
  ExposureLevel level;
  std::string rule;
  std::optional<Zone> account;
  // iOS restrictions (Apple's defaults unless a row says otherwise).
  bool allow_open = true;
  bool allow_read = false;
  bool allow_write = false;
  bool outlook_sync = true;
  // Android.
  bool work_profile = false;
  bool show_work = true;
  ContactsAccess access = ContactsAccess::full;
};

DeviceProfile profile_for(const Row& row)
{
  DeviceProfile profile;
  profile.id = "device";
  profile.platform = row.platform;
  profile.messenger.id = "whatsapp";
  profile.messenger.location = row.location;
  profile.messenger.contacts_access = row.access;
  profile.ios.allow_open_from_managed_to_unmanaged = row.allow_open;
  profile.ios.allow_unmanaged_to_read_managed_contacts = row.allow_read;
  profile.ios.allow_managed_to_write_unmanaged_contacts = row.allow_write;
  profile.ios.outlook_contact_sync = row.outlook_sync;
  profile.android.work_profile = row.work_profile;
  profile.android.show_work_contacts_in_personal_profile = row.show_work;
  return profile;
}

contact::Contact
contact_with(std::string label, std::string uid = {}, std::vector<std::string> numbers = {})
{
  contact::Contact contact;
  contact.display_name = "Bernd Kunde";
  contact.uid = std::move(uid);
  contact.source.account = std::move(label);
  for (auto& e164 : numbers) {
    contact::Phone phone;
    phone.raw = e164;
    phone.number.e164 = std::move(e164);
    contact.phones.push_back(std::move(phone));
  }
  return contact;
}

std::string describe(const Row& row)
{
  return std::string(to_string(row.platform)) +
         " messenger=" + (row.location ? std::string(to_string(*row.location)) : "-") +
         " label=\"" + row.label + "\" open=" + std::to_string(row.allow_open) +
         " read=" + std::to_string(row.allow_read) + " write=" + std::to_string(row.allow_write) +
         " outlook_sync=" + std::to_string(row.outlook_sync) +
         " work_profile=" + std::to_string(row.work_profile) +
         " show_work=" + std::to_string(row.show_work) +
         " access=" + std::string(to_string(row.access));
}

// clang-format off
const std::vector<Row> k_ios_rows{
  // An unmanaged messenger always reads unmanaged accounts.
  {Platform::ios, Zone::unmanaged, "unmanaged", bulk, "ios.unmanaged-account", Zone::unmanaged},
  {Platform::ios, Zone::unmanaged, "unmanaged", bulk, "ios.unmanaged-account", Zone::unmanaged, false},
  {Platform::ios, Zone::unmanaged, "unmanaged", bulk, "ios.unmanaged-account", Zone::unmanaged, false, true},
  // Managed accounts: open while allowOpenFromManagedToUnmanaged is true, whatever the second flag says.
  {Platform::ios, Zone::unmanaged, "managed", bulk, "ios.open-from-managed-allowed", Zone::managed},
  {Platform::ios, Zone::unmanaged, "managed", bulk, "ios.open-from-managed-allowed", Zone::managed, true, true},
  {Platform::ios, Zone::unmanaged, "managed", bulk, "ios.open-from-managed-allowed", Zone::managed, true, false, true},
  // allowOpenFromManagedToUnmanaged = false closes them; allowUnmanagedToReadManagedContacts re-opens.
  {Platform::ios, Zone::unmanaged, "managed", hidden, "ios.managed-account-separated", Zone::managed, false, false},
  {Platform::ios, Zone::unmanaged, "managed", bulk, "ios.unmanaged-read-managed-allowed", Zone::managed, false, true},
  // allowManagedToWriteUnmanagedContacts concerns writing only: it never opens reading.
  {Platform::ios, Zone::unmanaged, "managed", hidden, "ios.managed-account-separated", Zone::managed, false, false, true},
  // Outlook for iOS saves into an unmanaged account, which separation does not protect...
  {Platform::ios, Zone::unmanaged, "outlook", bulk, "ios.outlook-unmanaged-account", Zone::unmanaged},
  {Platform::ios, Zone::unmanaged, "outlook", bulk, "ios.outlook-unmanaged-account", Zone::unmanaged, false},
  // ... unless app protection keeps Outlook from saving contacts at all.
  {Platform::ios, Zone::unmanaged, "outlook", hidden, "ios.outlook-contact-sync-blocked", Zone::unmanaged, true, false, false, false},
  {Platform::ios, Zone::managed, "outlook", hidden, "ios.outlook-contact-sync-blocked", Zone::unmanaged, true, false, false, false},
  // No or a foreign label: the conservative reading, the messenger's own side.
  {Platform::ios, Zone::unmanaged, "", bulk, "unknown-account", std::nullopt, false},
  {Platform::ios, Zone::unmanaged, "work", bulk, "unknown-account", std::nullopt, false},
  // A managed messenger reads every account, with any restriction.
  {Platform::ios, Zone::managed, "managed", bulk, "ios.managed-messenger", Zone::managed},
  {Platform::ios, Zone::managed, "managed", bulk, "ios.managed-messenger", Zone::managed, false},
  {Platform::ios, Zone::managed, "unmanaged", bulk, "ios.managed-messenger", Zone::unmanaged},
  {Platform::ios, Zone::managed, "unmanaged", bulk, "ios.managed-messenger", Zone::unmanaged, false, false, true},
  {Platform::ios, Zone::managed, "outlook", bulk, "ios.managed-messenger", Zone::unmanaged, false},
  {Platform::ios, Zone::managed, "", bulk, "ios.managed-messenger", std::nullopt},
  // No contacts access: nothing, whatever else holds.
  {Platform::ios, Zone::unmanaged, "unmanaged", hidden, "no-contact-access", std::nullopt, true, false, false, true, false, true, ContactsAccess::none},
  {Platform::ios, Zone::managed, "managed", hidden, "no-contact-access", std::nullopt, true, false, false, true, false, true, ContactsAccess::none},
};

const std::vector<Row> k_android_rows{
  // Without a work profile all accounts are one pool.
  {Platform::android, Zone::personal, "personal", bulk, "android.no-work-profile", Zone::personal},
  {Platform::android, Zone::personal, "work", bulk, "android.no-work-profile", Zone::work},
  {Platform::android, Zone::personal, "work", bulk, "android.no-work-profile", Zone::work, true, false, false, true, false, false},
  {Platform::android, Zone::personal, "", bulk, "android.no-work-profile", std::nullopt},
  // Work profile, messenger personal: personal contacts in bulk, work contacts by lookup only.
  {Platform::android, Zone::personal, "personal", bulk, "android.same-profile", Zone::personal, true, false, false, true, true},
  {Platform::android, Zone::personal, "work", lookup, "android.cross-profile-lookup", Zone::work, true, false, false, true, true},
  {Platform::android, Zone::personal, "work", hidden, "android.cross-profile-blocked", Zone::work, true, false, false, true, true, false},
  {Platform::android, Zone::personal, "personal", bulk, "android.same-profile", Zone::personal, true, false, false, true, true, false},
  {Platform::android, Zone::personal, "", bulk, "unknown-account", std::nullopt, true, false, false, true, true},
  {Platform::android, Zone::personal, "managed", bulk, "unknown-account", std::nullopt, true, false, false, true, true},
  // Work profile, messenger in it: work contacts only; cross-profile lookup plays no part.
  {Platform::android, Zone::work, "work", bulk, "android.same-profile", Zone::work, true, false, false, true, true},
  {Platform::android, Zone::work, "work", bulk, "android.same-profile", Zone::work, true, false, false, true, true, false},
  {Platform::android, Zone::work, "personal", hidden, "android.work-messenger-personal-contact", Zone::personal, true, false, false, true, true},
  {Platform::android, Zone::work, "personal", hidden, "android.work-messenger-personal-contact", Zone::personal, true, false, false, true, true, false},
  {Platform::android, Zone::work, "", bulk, "unknown-account", std::nullopt, true, false, false, true, true},
  // iOS labels mean nothing on Android.
  {Platform::android, Zone::work, "outlook", bulk, "unknown-account", std::nullopt, true, false, false, true, true},
  {Platform::android, Zone::personal, "work", hidden, "no-contact-access", std::nullopt, true, false, false, true, true, true, ContactsAccess::none},
};

const std::vector<Row> k_unmanaged_rows{
  {Platform::unmanaged, std::nullopt, "", bulk, "unmanaged-device", std::nullopt},
  {Platform::unmanaged, std::nullopt, "managed", bulk, "unmanaged-device", std::nullopt},
  {Platform::unmanaged, std::nullopt, "work", bulk, "unmanaged-device", std::nullopt},
  {Platform::unmanaged, std::nullopt, "", hidden, "no-contact-access", std::nullopt, true, false, false, true, false, true, ContactsAccess::none},
};
// clang-format on

void check_rows(const std::vector<Row>& rows)
{
  for (const auto& row : rows) {
    CAPTURE(describe(row));
    const DeviceProfile profile = profile_for(row);
    const contact::Contact contact = contact_with(row.label);
    const Exposure exposure = expose(profile, contact);
    CHECK(exposure.level == row.level);
    CHECK(exposure.rule == row.rule);
    CHECK(exposure.account == row.account);
    CHECK_FALSE(exposure.reason.en.empty());
    CHECK_FALSE(exposure.reason.de.empty());
    // Outside a what-if, knowing the class changes nothing.
    for (const bool business : {true, false}) {
      const Exposure with_class = expose(profile, contact, business);
      CHECK(with_class.level == exposure.level);
      CHECK(with_class.rule == exposure.rule);
      CHECK(with_class.reason == exposure.reason);
      CHECK(exposure_level(profile, contact, business) == exposure.level);
    }
  }
}

} // namespace

TEST_SUITE("exposure::expose")
{
  TEST_CASE("iOS: every combination of messenger side and account and restriction follows Apple's "
            "MDM rules")
  {
    check_rows(k_ios_rows);
  }

  TEST_CASE("Android: work profile and messenger profile and cross-profile lookup decide as "
            "Android Enterprise documents")
  {
    check_rows(k_android_rows);
  }

  TEST_CASE("a device without EMM exposes every contact unless the messenger has no access")
  {
    check_rows(k_unmanaged_rows);
  }

  TEST_CASE("the reason names the rule in English and German")
  {
    Row row{Platform::ios, Zone::unmanaged, "managed", bulk, "", Zone::managed};
    const auto exposure = expose(profile_for(row), contact_with("managed"));
    CHECK(exposure.reason.en == "iOS: allowOpenFromManagedToUnmanaged is true (the default), so an "
                                "unmanaged messenger reads managed accounts.");
    CHECK(exposure.reason.de == "iOS: allowOpenFromManagedToUnmanaged ist true (Standardwert), "
                                "daher liest ein nicht verwalteter Messenger auch verwaltete "
                                "Accounts.");
    CHECK(exposure.reason.in("de_DE.UTF-8") == exposure.reason.de);
    CHECK(exposure.reason.in("en") == exposure.reason.en);
    CHECK(exposure.reason.in("") == exposure.reason.en);
  }

  TEST_CASE("a residual lookup exposure says that it is not a bulk upload")
  {
    Row row{Platform::android, Zone::personal, "work", lookup, "", Zone::work};
    row.work_profile = true;
    const auto exposure = expose(profile_for(row), contact_with("work"));
    CHECK(exposure.reason.en ==
          "Android work profile: a messenger in the personal profile cannot bulk-read work "
          "contacts, but showWorkContactsInPersonalProfile is allowed (the default), so the user "
          "can look this contact up (search, caller ID): a residual exposure, not a bulk upload.");
  }

  TEST_CASE("an unknown account label is named in the reason and read conservatively")
  {
    Row row{Platform::ios, Zone::unmanaged, "", bulk, "", std::nullopt};
    row.allow_open = false;
    const auto profile = profile_for(row);
    CHECK(expose(profile, contact_with("iCloud")).reason.en ==
          "The account label \"iCloud\" names no account of this device, so it is treated as "
          "being in the unmanaged account, which the messenger reads (the conservative reading).");
    CHECK(expose(profile, contact_with("")).reason.en ==
          "The contact has no account label (its file matches no address book of the profile), "
          "so it is treated as being in the unmanaged account, which the messenger reads (the "
          "conservative reading).");
    Row android{Platform::android, Zone::work, "", bulk, "", std::nullopt};
    android.work_profile = true;
    CHECK(expose(profile_for(android), contact_with("")).reason.de ==
          "Der Kontakt hat keine Account-Angabe (seine Datei gehört zu keinem Adressbuch des "
          "Profils); er wird daher wie ein Kontakt im Arbeitsprofil behandelt, den der Messenger "
          "liest (vorsichtige Annahme).");
  }

  TEST_CASE("iOS 18 limited access: only contacts shared by UID or number are read")
  {
    Row row{Platform::ios, Zone::unmanaged, "", bulk, "", std::nullopt};
    row.access = ContactsAccess::limited;
    DeviceProfile profile = profile_for(row);
    profile.messenger.shared_uids = {"uid-1"};
    profile.messenger.shared_numbers = {"+4915100000011"};

    SUBCASE("shared by UID")
    {
      const auto exposure = expose(profile, contact_with("unmanaged", "uid-1"));
      CHECK(exposure.level == bulk);
      CHECK(exposure.rule == "ios.limited-shared");
      CHECK(exposure.reason.en == "iOS 18 limited access: the user shared this contact with the "
                                  "messenger. iOS: the contact is in an unmanaged account, which "
                                  "an unmanaged messenger reads.");
    }
    SUBCASE("shared by one of its numbers")
    {
      const auto exposure =
          expose(profile, contact_with("unmanaged", "uid-9", {"+49301234567", "+4915100000011"}));
      CHECK(exposure.level == bulk);
      CHECK(exposure.rule == "ios.limited-shared");
    }
    SUBCASE("not shared")
    {
      const auto exposure = expose(profile, contact_with("unmanaged", "uid-2", {"+49301234567"}));
      CHECK(exposure.level == hidden);
      CHECK(exposure.rule == "ios.limited-not-shared");
      CHECK(exposure.account == Zone::unmanaged);
    }
    SUBCASE("an empty UID never matches")
    {
      profile.messenger.shared_uids = {""};
      CHECK(expose(profile, contact_with("unmanaged")).rule == "ios.limited-not-shared");
    }
    SUBCASE("shared, but in a managed account the separation closes")
    {
      profile.ios.allow_open_from_managed_to_unmanaged = false;
      const auto exposure = expose(profile, contact_with("managed", "uid-1"));
      CHECK(exposure.level == hidden);
      CHECK(exposure.rule == "ios.managed-account-separated");
    }
    SUBCASE("shared with a managed messenger")
    {
      profile.messenger.location = Zone::managed;
      CHECK(expose(profile, contact_with("managed", "uid-1")).rule == "ios.limited-shared");
      CHECK(expose(profile, contact_with("managed", "uid-2")).rule == "ios.limited-not-shared");
    }
  }

  TEST_CASE("a what-if that moves business contacts places them by class")
  {
    Row row{Platform::android, Zone::personal, "", bulk, "", std::nullopt};
    row.work_profile = true;
    DeviceProfile profile = profile_for(row);
    profile.what_if = WhatIf{"android-work-profile-personal", {}, {}, Zone::work, false};

    const auto business = expose(profile, contact_with(""), true);
    CHECK(business.level == lookup);
    CHECK(business.account == Zone::work);
    CHECK(business.reason.en.starts_with("What-if: this business contact is assumed moved into "
                                         "the work account or profile. Android work profile:"));
    const auto moved_from_personal = expose(profile, contact_with("personal"), true);
    CHECK(moved_from_personal.account == Zone::work);

    const auto private_unlabelled = expose(profile, contact_with(""), false);
    CHECK(private_unlabelled.level == bulk);
    CHECK(private_unlabelled.account == Zone::personal);
    CHECK(private_unlabelled.rule == "android.same-profile");
    const auto private_labelled = expose(profile, contact_with("work"), false);
    CHECK(private_labelled.account == Zone::work); // A label is kept for private contacts.
    // The level alone, as the what-if counts ask for it, agrees.
    CHECK(exposure_level(profile, contact_with(""), true) == lookup);
    CHECK(exposure_level(profile, contact_with("personal"), true) == lookup);
    CHECK(exposure_level(profile, contact_with(""), false) == bulk);

    // Without the class, the labels decide.
    CHECK(expose(profile, contact_with("")).rule == "unknown-account");
  }

  TEST_CASE("a limited-access what-if shares private contacts only")
  {
    Row row{Platform::ios, Zone::unmanaged, "", bulk, "", std::nullopt};
    row.access = ContactsAccess::limited;
    DeviceProfile profile = profile_for(row);
    profile.what_if = WhatIf{"ios-limited-access", {}, {}, std::nullopt, true};
    CHECK(expose(profile, contact_with("unmanaged"), false).rule == "ios.limited-shared");
    CHECK(expose(profile, contact_with("unmanaged"), true).rule == "ios.limited-not-shared");
    CHECK(expose(profile, contact_with("unmanaged")).rule == "ios.limited-not-shared");
    CHECK(exposure_level(profile, contact_with("unmanaged"), false) == bulk);
    CHECK(exposure_level(profile, contact_with("unmanaged"), true) == hidden);
  }

  TEST_CASE("the level alone agrees with expose() on every sample profile and its what-ifs")
  {
    const std::vector<contact::Contact> contacts{
        contact_with(""),
        contact_with("managed"),
        contact_with("unmanaged"),
        contact_with("outlook"),
        contact_with("personal"),
        contact_with("work"),
        contact_with("elsewhere"),
        contact_with("unmanaged", "private-1"),
        contact_with("managed", "uid-9", {"+49305550022"}),
    };
    std::size_t compared = 0;
    for (const auto& entry : std::filesystem::directory_iterator(exposure_test::k_devices)) {
      if (entry.path().extension() != ".toml") {
        continue;
      }
      CAPTURE(entry.path().filename().string());
      const DeviceProfile base = load_device_profile(entry.path());
      std::vector<DeviceProfile> profiles = alternative_configurations(base);
      profiles.insert(profiles.begin(), base);
      for (const auto& profile : profiles) {
        for (const auto& contact : contacts) {
          for (const bool business : {true, false}) {
            CAPTURE(contact.source.account);
            CAPTURE(business);
            CHECK(exposure_level(profile, contact, business) ==
                  expose(profile, contact, business).level);
            ++compared;
          }
        }
      }
    }
    CHECK(compared > 200);
  }

  TEST_CASE("exposure levels are spelled as serialised")
  {
    for (const auto level : {bulk, lookup, hidden}) {
      CHECK(parse_exposure_level(to_string(level)) == level);
    }
    CHECK(to_string(bulk) == "bulk_upload");
    CHECK(to_string(lookup) == "lookup_only");
    CHECK(to_string(hidden) == "not_visible");
    CHECK_FALSE(parse_exposure_level("bulk").has_value());
  }
}
