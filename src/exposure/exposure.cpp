// SPDX-License-Identifier: MIT
// expose(): the EMM semantics of docs/device-profiles.md, one documented rule per case.
#include "enum_names.hpp"

#include <contact_audit/exposure/exposure.hpp>

#include <algorithm>

namespace contact_audit::exposure {

namespace {

constexpr std::array<std::string_view, 3> k_level_names{
    "bulk_upload", "lookup_only", "not_visible"};

// Where a contact sits on the device, from its account label (and a what-if's assumptions).
struct Placement
{
  std::optional<Zone> account;
  bool outlook = false;
  LocalisedText note; // Prepended to the reason when an assumption placed the contact.
};

// Builds the answer of a rule. Without texts it leaves the rule id and reason empty:
// the what-if counts ask for the level of every contact under every alternative, and
// spelling out sentences nobody reads would cost more than the decision itself.
struct Maker
{
  bool texts = true;

  Exposure operator()(ExposureLevel level,
                      std::string_view rule,
                      std::string_view en,
                      std::string_view de) const
  {
    if (!texts) {
      return {level, {}, {}, std::nullopt};
    }
    return {level, std::string(rule), {std::string(en), std::string(de)}, std::nullopt};
  }
};

Zone private_side(Platform platform)
{
  return platform == Platform::android ? Zone::personal : Zone::unmanaged;
}

Placement place(const DeviceProfile& profile,
                const contact::Contact& contact,
                std::optional<bool> business,
                const Maker& make)
{
  Placement placement;
  const std::string& label = contact.source.account;
  const bool moves = profile.what_if && profile.what_if->business_contacts_moved_to && business;
  if (moves && *business) {
    placement.account = profile.what_if->business_contacts_moved_to;
    if (!make.texts) {
      return placement;
    }
    placement.note = {"What-if: this business contact is assumed moved into the " +
                          std::string(to_string(*placement.account)) + " account or profile. ",
                      "Was-wäre-wenn: Dieser geschäftliche Kontakt gilt als in den Bereich \"" +
                          std::string(to_string(*placement.account)) + "\" verschoben. "};
    return placement;
  }
  if (profile.platform == Platform::ios && label == "outlook") {
    placement.account = Zone::unmanaged;
    placement.outlook = true;
    return placement;
  }
  const auto zone = parse_zone(label);
  const bool fits =
      zone &&
      ((profile.platform == Platform::ios &&
        (*zone == Zone::managed || *zone == Zone::unmanaged)) ||
       (profile.platform == Platform::android && (*zone == Zone::personal || *zone == Zone::work)));
  if (fits) {
    placement.account = zone;
  } else if (moves) {
    placement.account = private_side(profile.platform);
    if (make.texts) {
      placement.note = {"What-if: this private contact is assumed to stay in the " +
                            std::string(to_string(*placement.account)) + " account or profile. ",
                        "Was-wäre-wenn: Dieser private Kontakt gilt als im Bereich \"" +
                            std::string(to_string(*placement.account)) + "\" verbleibend. "};
    }
  }
  return placement;
}

Exposure
unknown_account(const DeviceProfile& profile, const contact::Contact& contact, const Maker& make)
{
  if (!make.texts) {
    return make(ExposureLevel::bulk_upload, {}, {}, {});
  }
  const std::string& label = contact.source.account;
  std::string side_en = "unmanaged account";
  std::string side_de = "nicht verwalteten Account";
  if (profile.platform == Platform::android) {
    const bool work = profile.messenger.location == Zone::work;
    side_en = work ? "work profile" : "personal profile";
    side_de = work ? "Arbeitsprofil" : "privaten Profil";
  }
  const std::string what_en =
      label.empty() ? "The contact has no account label (its file matches "
                      "no address book of the profile)"
                    : "The account label \"" + label + "\" names no account of this device";
  const std::string what_de = label.empty() ? "Der Kontakt hat keine Account-Angabe (seine Datei "
                                              "gehört zu keinem Adressbuch des Profils)"
                                            : "Die Account-Angabe \"" + label +
                                                  "\" bezeichnet keinen Account dieses Geräts";
  return make(ExposureLevel::bulk_upload,
              "unknown-account",
              what_en + ", so it is treated as being in the " + side_en +
                  ", which the messenger reads (the conservative reading).",
              what_de + "; er wird daher wie ein Kontakt im " + side_de +
                  " behandelt, den der Messenger liest (vorsichtige Annahme).");
}

Exposure ios_rule(const DeviceProfile& profile, const Placement& placement, const Maker& make)
{
  const auto& ios = profile.ios;
  if (profile.messenger.location == Zone::managed) {
    return make(ExposureLevel::bulk_upload,
                "ios.managed-messenger",
                "iOS: the messenger is a managed app, and a managed app reads managed and "
                "unmanaged accounts (allowManagedToWriteUnmanagedContacts concerns writing only).",
                "iOS: Der Messenger ist eine verwaltete App; verwaltete Apps lesen verwaltete und "
                "nicht verwaltete Accounts (allowManagedToWriteUnmanagedContacts betrifft nur das "
                "Schreiben).");
  }
  if (placement.account == Zone::unmanaged && placement.outlook) {
    return make(ExposureLevel::bulk_upload,
                "ios.outlook-unmanaged-account",
                "iOS: Outlook for iOS saved this contact into the Contacts app, where it is in an "
                "unmanaged account that an unmanaged messenger reads.",
                "iOS: Outlook für iOS hat diesen Kontakt in die Kontakte-App gespeichert; dort "
                "liegt er in einem nicht verwalteten Account, den ein nicht verwalteter Messenger "
                "liest.");
  }
  if (placement.account == Zone::unmanaged) {
    return make(ExposureLevel::bulk_upload,
                "ios.unmanaged-account",
                "iOS: the contact is in an unmanaged account, which an unmanaged messenger reads.",
                "iOS: Der Kontakt liegt in einem nicht verwalteten Account, den ein nicht "
                "verwalteter Messenger liest.");
  }
  if (ios.allow_open_from_managed_to_unmanaged) {
    return make(ExposureLevel::bulk_upload,
                "ios.open-from-managed-allowed",
                "iOS: allowOpenFromManagedToUnmanaged is true (the default), so an unmanaged "
                "messenger reads managed accounts.",
                "iOS: allowOpenFromManagedToUnmanaged ist true (Standardwert), daher liest ein "
                "nicht verwalteter Messenger auch verwaltete Accounts.");
  }
  if (ios.allow_unmanaged_to_read_managed_contacts) {
    return make(ExposureLevel::bulk_upload,
                "ios.unmanaged-read-managed-allowed",
                "iOS: allowOpenFromManagedToUnmanaged is false, but "
                "allowUnmanagedToReadManagedContacts is true, so an unmanaged messenger reads "
                "managed accounts.",
                "iOS: allowOpenFromManagedToUnmanaged ist false, aber "
                "allowUnmanagedToReadManagedContacts ist true, daher liest ein nicht verwalteter "
                "Messenger verwaltete Accounts.");
  }
  return make(ExposureLevel::not_visible,
              "ios.managed-account-separated",
              "iOS: allowOpenFromManagedToUnmanaged and allowUnmanagedToReadManagedContacts are "
              "false, so an unmanaged messenger cannot read managed accounts.",
              "iOS: allowOpenFromManagedToUnmanaged und allowUnmanagedToReadManagedContacts sind "
              "false, daher kann ein nicht verwalteter Messenger verwaltete Accounts nicht lesen.");
}

Exposure android_rule(const DeviceProfile& profile, const Placement& placement, const Maker& make)
{
  const Zone messenger = profile.messenger.location.value_or(Zone::personal);
  if (placement.account == messenger) {
    if (messenger == Zone::work) {
      return make(ExposureLevel::bulk_upload,
                  "android.same-profile",
                  "Android work profile: the messenger and the contact are both in the work "
                  "profile, so the messenger reads it.",
                  "Android-Arbeitsprofil: Messenger und Kontakt liegen beide im Arbeitsprofil, "
                  "daher liest der Messenger ihn.");
    }
    return make(ExposureLevel::bulk_upload,
                "android.same-profile",
                "Android work profile: the messenger and the contact are both in the personal "
                "profile, so the messenger reads it.",
                "Android-Arbeitsprofil: Messenger und Kontakt liegen beide im privaten Profil, "
                "daher liest der Messenger ihn.");
  }
  if (messenger == Zone::work) {
    return make(ExposureLevel::not_visible,
                "android.work-messenger-personal-contact",
                "Android work profile: the messenger is in the work profile, which cannot read "
                "contacts of the personal profile.",
                "Android-Arbeitsprofil: Der Messenger liegt im Arbeitsprofil, das Kontakte des "
                "privaten Profils nicht lesen kann.");
  }
  if (profile.android.show_work_contacts_in_personal_profile) {
    return make(
        ExposureLevel::lookup_only,
        "android.cross-profile-lookup",
        "Android work profile: a messenger in the personal profile cannot bulk-read work "
        "contacts, but showWorkContactsInPersonalProfile is allowed (the default), so the "
        "user can look this contact up (search, caller ID): a residual exposure, not a "
        "bulk upload.",
        "Android-Arbeitsprofil: Ein Messenger im privaten Profil kann Arbeitskontakte nicht "
        "gesammelt lesen, aber showWorkContactsInPersonalProfile ist erlaubt "
        "(Standardwert), daher kann der Kontakt nachgeschlagen werden (Suche, Anrufer-ID): "
        "ein Restrisiko, kein Massen-Upload.");
  }
  return make(ExposureLevel::not_visible,
              "android.cross-profile-blocked",
              "Android work profile: the messenger is in the personal profile and "
              "showWorkContactsInPersonalProfile is disallowed, so it cannot see work contacts.",
              "Android-Arbeitsprofil: Der Messenger liegt im privaten Profil und "
              "showWorkContactsInPersonalProfile ist nicht erlaubt, daher sieht er keine "
              "Arbeitskontakte.");
}

Exposure platform_rule(const DeviceProfile& profile,
                       const contact::Contact& contact,
                       const Placement& placement,
                       const Maker& make)
{
  switch (profile.platform) {
  case Platform::unmanaged:
    return make(ExposureLevel::bulk_upload,
                "unmanaged-device",
                "Device without EMM: nothing separates the address books, so the messenger reads "
                "them all.",
                "Gerät ohne EMM: Nichts trennt die Adressbücher, daher liest der Messenger alle.");
  case Platform::ios:
    if (profile.messenger.location != Zone::managed && !placement.account) {
      return unknown_account(profile, contact, make);
    }
    return ios_rule(profile, placement, make);
  case Platform::android:
    if (!profile.android.work_profile) {
      return make(ExposureLevel::bulk_upload,
                  "android.no-work-profile",
                  "Android without a work profile: all accounts are in one profile, so the "
                  "messenger reads them all.",
                  "Android ohne Arbeitsprofil: Alle Accounts liegen in einem Profil, daher liest "
                  "der Messenger sie alle.");
    }
    if (!placement.account) {
      return unknown_account(profile, contact, make);
    }
    return android_rule(profile, placement, make);
  }
  return unknown_account(profile, contact, make);
}

// iOS 18 limited access: the user picked the contacts; a contact counts as shared when its
// UID or one of its numbers (E.164) is in the profile's selection.
bool is_shared(const DeviceProfile& profile,
               const contact::Contact& contact,
               std::optional<bool> business)
{
  if (profile.what_if && profile.what_if->shares_private_contacts_only && business) {
    return !*business;
  }
  const auto& install = profile.messenger;
  const auto listed = [](const std::vector<std::string>& list, const std::string& value) {
    return !value.empty() && std::find(list.begin(), list.end(), value) != list.end();
  };
  if (listed(install.shared_uids, contact.uid)) {
    return true;
  }
  return std::any_of(contact.phones.begin(), contact.phones.end(), [&](const auto& phone) {
    return listed(install.shared_numbers, phone.number.e164);
  });
}

Exposure decide(const DeviceProfile& profile,
                const contact::Contact& contact,
                std::optional<bool> business,
                const Maker& make)
{
  if (profile.messenger.contacts_access == ContactsAccess::none) {
    return make(ExposureLevel::not_visible,
                "no-contact-access",
                "The messenger has no access to the contacts (contacts_access = \"none\").",
                "Der Messenger hat keinen Zugriff auf die Kontakte (contacts_access = \"none\").");
  }
  const Placement placement = place(profile, contact, business, make);
  Exposure exposure;
  if (placement.outlook && profile.platform == Platform::ios && !profile.ios.outlook_contact_sync) {
    exposure = make(ExposureLevel::not_visible,
                    "ios.outlook-contact-sync-blocked",
                    "iOS: Outlook may not save contacts into the Contacts app (Intune app "
                    "protection contactSyncBlocked), so this Outlook contact is not on the device "
                    "for the messenger.",
                    "iOS: Outlook darf keine Kontakte in die Kontakte-App speichern (Intune-App-"
                    "Schutz contactSyncBlocked), daher liegt dieser Outlook-Kontakt nicht im "
                    "Adressbuch, das der Messenger liest.");
  } else {
    exposure = platform_rule(profile, contact, placement, make);
  }
  exposure.account = placement.account;
  const bool limited = profile.platform == Platform::ios &&
                       profile.messenger.contacts_access == ContactsAccess::limited;
  if (limited && exposure.level != ExposureLevel::not_visible) {
    if (!is_shared(profile, contact, business)) {
      exposure = make(ExposureLevel::not_visible,
                      "ios.limited-not-shared",
                      "iOS 18 limited access: the user did not share this contact with the "
                      "messenger.",
                      "iOS 18, eingeschränkter Zugriff: Der Kontakt wurde für den Messenger nicht "
                      "freigegeben.");
      exposure.account = placement.account;
    } else if (make.texts) {
      exposure.rule = "ios.limited-shared";
      exposure.reason.en = "iOS 18 limited access: the user shared this contact with the "
                           "messenger. " +
                           exposure.reason.en;
      exposure.reason.de = "iOS 18, eingeschränkter Zugriff: Der Kontakt wurde für den Messenger "
                           "freigegeben. " +
                           exposure.reason.de;
    }
  }
  if (!placement.note.en.empty()) {
    exposure.reason.en.insert(0, placement.note.en);
    exposure.reason.de.insert(0, placement.note.de);
  }
  return exposure;
}

} // namespace

std::string_view to_string(ExposureLevel level)
{
  return detail::enum_name(k_level_names, level);
}

std::optional<ExposureLevel> parse_exposure_level(std::string_view text)
{
  return detail::parse_enum<ExposureLevel>(k_level_names, text);
}

Exposure expose(const DeviceProfile& profile, const contact::Contact& contact)
{
  return decide(profile, contact, std::nullopt, Maker{});
}

Exposure expose(const DeviceProfile& profile, const contact::Contact& contact, bool business)
{
  return decide(profile, contact, business, Maker{});
}

ExposureLevel
exposure_level(const DeviceProfile& profile, const contact::Contact& contact, bool business)
{
  return decide(profile, contact, business, Maker{false}).level;
}

} // namespace contact_audit::exposure
