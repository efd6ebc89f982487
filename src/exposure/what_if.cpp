// SPDX-License-Identifier: MIT
// alternative_configurations(): the other EMM settings a DPO could choose for the same device.
#include <contact_audit/exposure/what_if.hpp>

#include <algorithm>

namespace contact_audit::exposure {

namespace {

bool has_book_in(const DeviceProfile& profile, Zone zone)
{
  return std::any_of(profile.address_books.begin(),
                     profile.address_books.end(),
                     [zone](const AddressBook& book) { return book.account == zone; });
}

// What decides exposure; assumptions and selections are not compared.
bool same_configuration(const DeviceProfile& a, const DeviceProfile& b)
{
  return a.platform == b.platform && a.messenger.location == b.messenger.location &&
         a.messenger.contacts_access == b.messenger.contacts_access && a.ios == b.ios &&
         a.android == b.android;
}

const LocalisedText k_moved_to_managed{
    " Business contacts are assumed moved into a managed (MDM-installed) account.",
    " Geschäftliche Kontakte gelten als in einen verwalteten (per MDM eingerichteten) Account "
    "verschoben."};
const LocalisedText k_moved_to_work{
    " Business contacts are assumed moved into the work profile.",
    " Geschäftliche Kontakte gelten als ins Arbeitsprofil verschoben."};

class Alternatives
{
public:
  explicit Alternatives(const DeviceProfile& base) : m_base(base) {}

  // A copy of the base profile to change; add() names it.
  DeviceProfile copy() const { return m_base; }

  void add(DeviceProfile alternative, WhatIf what_if)
  {
    if (what_if.business_contacts_moved_to) {
      const auto& moved =
          *what_if.business_contacts_moved_to == Zone::work ? k_moved_to_work : k_moved_to_managed;
      what_if.description.en += moved.en;
      what_if.description.de += moved.de;
    }
    alternative.what_if = std::move(what_if);
    const auto same = [&](const DeviceProfile& other) {
      return same_configuration(alternative, other);
    };
    if (!same(m_base) && std::none_of(m_result.begin(), m_result.end(), same)) {
      m_result.push_back(std::move(alternative));
    }
  }

  std::vector<DeviceProfile> take() { return std::move(m_result); }

private:
  const DeviceProfile& m_base;
  std::vector<DeviceProfile> m_result;
};

WhatIf ios_separated(const DeviceProfile& base)
{
  WhatIf what_if{"ios-separated",
                 {"iOS: messenger unmanaged, managed accounts closed",
                  "iOS: Messenger nicht verwaltet, verwaltete Accounts gesperrt"},
                 {"The messenger is an unmanaged app and the MDM sets "
                  "allowOpenFromManagedToUnmanaged = false and allowUnmanagedToReadManagedContacts "
                  "= false, so it reads unmanaged accounts only.",
                  "Der Messenger ist eine nicht verwaltete App, und das MDM setzt "
                  "allowOpenFromManagedToUnmanaged = false und "
                  "allowUnmanagedToReadManagedContacts = false; er liest daher nur nicht "
                  "verwaltete Accounts."},
                 std::nullopt,
                 false};
  if (base.platform != Platform::ios || !has_book_in(base, Zone::managed)) {
    what_if.business_contacts_moved_to = Zone::managed;
  }
  return what_if;
}

void add_ios_separated(Alternatives& alternatives, const DeviceProfile& base)
{
  DeviceProfile separated = alternatives.copy();
  separated.platform = Platform::ios;
  separated.messenger.location = Zone::unmanaged;
  separated.ios.allow_open_from_managed_to_unmanaged = false;
  separated.ios.allow_unmanaged_to_read_managed_contacts = false;
  alternatives.add(std::move(separated), ios_separated(base));
}

void add_ios(Alternatives& alternatives, const DeviceProfile& base)
{
  add_ios_separated(alternatives, base);
  DeviceProfile flipped = alternatives.copy();
  if (base.messenger.location == Zone::managed) {
    flipped.messenger.location = Zone::unmanaged;
    alternatives.add(
        std::move(flipped),
        {"ios-messenger-unmanaged",
         {"iOS: messenger as unmanaged app", "iOS: Messenger als nicht verwaltete App"},
         {"The messenger is installed as an unmanaged app; the restrictions stay as "
          "they are.",
          "Der Messenger wird als nicht verwaltete App installiert; die "
          "Einschränkungen bleiben, wie sie sind."},
         std::nullopt,
         false});
  } else {
    flipped.messenger.location = Zone::managed;
    alternatives.add(std::move(flipped),
                     {"ios-messenger-managed",
                      {"iOS: messenger as managed app", "iOS: Messenger als verwaltete App"},
                      {"The messenger is installed as a managed app (through the MDM); a managed "
                       "app reads managed and unmanaged accounts.",
                       "Der Messenger wird als verwaltete App (über das MDM) installiert; eine "
                       "verwaltete App liest verwaltete und nicht verwaltete Accounts."},
                      std::nullopt,
                      false});
  }
  if (base.messenger.contacts_access == ContactsAccess::full) {
    DeviceProfile limited = alternatives.copy();
    limited.messenger.contacts_access = ContactsAccess::limited;
    alternatives.add(std::move(limited),
                     {"ios-limited-access",
                      {"iOS 18: limited contacts access", "iOS 18: eingeschränkter Kontaktzugriff"},
                      {"The user shares only selected contacts with the messenger (iOS 18 and "
                       "later); assumed: the private contacts only.",
                       "Der Nutzer gibt dem Messenger nur ausgewählte Kontakte frei (ab iOS 18); "
                       "angenommen: nur die privaten Kontakte."},
                      std::nullopt,
                      true});
  }
  const bool outlook =
      std::any_of(base.address_books.begin(),
                  base.address_books.end(),
                  [](const AddressBook& book) { return book.source == BookSource::outlook; });
  if (outlook && base.ios.outlook_contact_sync) {
    DeviceProfile blocked = alternatives.copy();
    blocked.ios.outlook_contact_sync = false;
    alternatives.add(
        std::move(blocked),
        {"ios-outlook-contact-sync-blocked",
         {"iOS: Outlook contact sync blocked", "iOS: Outlook-Kontaktsynchronisierung gesperrt"},
         {"Intune app protection stops Outlook for iOS from saving contacts into the "
          "Contacts app (contactSyncBlocked = true).",
          "Der Intune-App-Schutz hindert Outlook für iOS daran, Kontakte in die "
          "Kontakte-App zu speichern (contactSyncBlocked = true)."},
         std::nullopt,
         false});
  }
}

// The work-profile alternatives of an Android device without one, or of an unmanaged device.
void add_work_profile(Alternatives& alternatives, const DeviceProfile& base)
{
  std::optional<Zone> moved;
  if (base.platform != Platform::android || !has_book_in(base, Zone::work)) {
    moved = Zone::work;
  }
  DeviceProfile personal = alternatives.copy();
  personal.platform = Platform::android;
  personal.android.work_profile = true;
  personal.messenger.location = Zone::personal;
  DeviceProfile no_lookup = personal;
  no_lookup.android.show_work_contacts_in_personal_profile = false;
  DeviceProfile work = personal;
  work.messenger.location = Zone::work;
  alternatives.add(
      std::move(personal),
      {"android-work-profile-personal",
       {"Android work profile, messenger personal", "Android-Arbeitsprofil, Messenger privat"},
       {"A work profile holds the business accounts and the messenger stays in the "
        "personal profile, so it bulk-reads personal contacts only.",
        "Ein Arbeitsprofil enthält die geschäftlichen Accounts, der Messenger bleibt "
        "im privaten Profil und liest daher nur private Kontakte."},
       moved,
       false});
  if (base.platform != Platform::android) {
    return; // An unmanaged device gets the usual fix only, besides "ios-separated".
  }
  alternatives.add(std::move(no_lookup),
                   {"android-work-profile-personal-no-lookup",
                    {"Android work profile, messenger personal, no cross-profile lookup",
                     "Android-Arbeitsprofil, Messenger privat, ohne profilübergreifende Suche"},
                    {"As with the messenger in the personal profile, and "
                     "showWorkContactsInPersonalProfile is disallowed, so work contacts cannot "
                     "even be looked up.",
                     "Wie mit dem Messenger im privaten Profil, zusätzlich ist "
                     "showWorkContactsInPersonalProfile nicht erlaubt; Arbeitskontakte lassen sich "
                     "nicht einmal nachschlagen."},
                    moved,
                    false});
  alternatives.add(std::move(work),
                   {"android-work-profile-work",
                    {"Android work profile, messenger in the work profile",
                     "Android-Arbeitsprofil, Messenger im Arbeitsprofil"},
                    {"The messenger is installed in the work profile and reads the work "
                     "contacts only.",
                     "Der Messenger wird im Arbeitsprofil installiert und liest nur die "
                     "Arbeitskontakte."},
                    moved,
                    false});
}

void add_android(Alternatives& alternatives, const DeviceProfile& base)
{
  if (!base.android.work_profile) {
    add_work_profile(alternatives, base);
    return;
  }
  DeviceProfile flipped = alternatives.copy();
  const bool personal = base.messenger.location != Zone::work;
  flipped.messenger.location = personal ? Zone::work : Zone::personal;
  alternatives.add(std::move(flipped),
                   personal ? WhatIf{"android-messenger-work",
                                     {"Android: messenger in the work profile",
                                      "Android: Messenger im Arbeitsprofil"},
                                     {"The messenger is installed in the work profile and reads "
                                      "the work contacts only.",
                                      "Der Messenger wird im Arbeitsprofil installiert und liest "
                                      "nur die Arbeitskontakte."},
                                     std::nullopt,
                                     false}
                            : WhatIf{"android-messenger-personal",
                                     {"Android: messenger in the personal profile",
                                      "Android: Messenger im privaten Profil"},
                                     {"The messenger is installed in the personal profile and "
                                      "bulk-reads personal contacts only.",
                                      "Der Messenger wird im privaten Profil installiert und liest "
                                      "nur private Kontakte."},
                                     std::nullopt,
                                     false});
  if (personal && base.android.show_work_contacts_in_personal_profile) {
    DeviceProfile no_lookup = alternatives.copy();
    no_lookup.android.show_work_contacts_in_personal_profile = false;
    alternatives.add(std::move(no_lookup),
                     {"android-cross-profile-lookup-off",
                      {"Android: cross-profile contact lookup off",
                       "Android: profilübergreifende Kontaktsuche aus"},
                      {"showWorkContactsInPersonalProfile is disallowed, so the personal-profile "
                       "messenger cannot even look work contacts up.",
                       "showWorkContactsInPersonalProfile ist nicht erlaubt; der Messenger im "
                       "privaten Profil kann Arbeitskontakte nicht einmal nachschlagen."},
                      std::nullopt,
                      false});
  }
}

} // namespace

std::vector<DeviceProfile> alternative_configurations(const DeviceProfile& profile)
{
  if (profile.messenger.contacts_access == ContactsAccess::none) {
    return {};
  }
  Alternatives alternatives(profile);
  switch (profile.platform) {
  case Platform::ios:
    add_ios(alternatives, profile);
    break;
  case Platform::android:
    add_android(alternatives, profile);
    break;
  case Platform::unmanaged:
    add_work_profile(alternatives, profile);
    add_ios_separated(alternatives, profile);
    break;
  }
  return alternatives.take();
}

} // namespace contact_audit::exposure
