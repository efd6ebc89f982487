// SPDX-License-Identifier: MIT
// Unit tests of alternative_configurations(): which alternatives a device gets, and what they
// change.
#include "test_exposure_support.hpp"

#include <contact_audit/exposure/exposure.hpp>
#include <contact_audit/exposure/what_if.hpp>

#include <doctest/doctest.h>

#include <algorithm>
#include <set>

using namespace contact_audit;
using namespace contact_audit::exposure;
using namespace exposure_test;

namespace {

std::vector<std::string> ids(const std::vector<DeviceProfile>& alternatives)
{
  std::vector<std::string> result;
  for (const auto& alternative : alternatives) {
    result.push_back(alternative.what_if->id);
  }
  return result;
}

const DeviceProfile& find(const std::vector<DeviceProfile>& alternatives, std::string_view id)
{
  const auto found = std::find_if(
      alternatives.begin(), alternatives.end(), [&](const auto& p) { return p.what_if->id == id; });
  REQUIRE(found != alternatives.end());
  return *found;
}

using Ids = std::vector<std::string>;

// A business and a private contact in each account of `profile`'s books (one per book);
// returns how many business contacts each configuration uploads in bulk.
std::size_t business_uploads(const DeviceProfile& profile)
{
  std::size_t count = 0;
  for (const auto& book : profile.address_books) {
    contact::Contact contact;
    contact.source.account = book.source == BookSource::outlook
                                 ? "outlook"
                                 : (book.account ? std::string(to_string(*book.account)) : "");
    const bool business = book.name.find("compan") != std::string::npos ||
                          book.name.find("Exchange") != std::string::npos ||
                          book.name.find("Outlook") != std::string::npos;
    if (business && expose(profile, contact, true).level == ExposureLevel::bulk_upload) {
      ++count;
    }
  }
  return count;
}

} // namespace

TEST_SUITE("exposure::alternative_configurations")
{
  TEST_CASE("each example device gets its meaningful alternatives and only those")
  {
    const std::vector<std::pair<std::string, Ids>> expected{
        {"ios-unmanaged-default.toml",
         {"ios-separated", "ios-messenger-managed", "ios-limited-access"}},
        {"ios-separated.toml", {"ios-messenger-managed", "ios-limited-access"}},
        {"ios-managed-whatsapp.toml", {"ios-separated", "ios-limited-access"}},
        {"ios18-limited.toml", {"ios-separated", "ios-messenger-managed"}},
        {"ios-outlook.toml",
         {"ios-messenger-managed", "ios-limited-access", "ios-outlook-contact-sync-blocked"}},
        {"android-no-work-profile.toml",
         {"android-work-profile-personal",
          "android-work-profile-personal-no-lookup",
          "android-work-profile-work"}},
        {"android-work-profile-personal-whatsapp.toml",
         {"android-messenger-work", "android-cross-profile-lookup-off"}},
        {"android-work-profile-work-whatsapp.toml", {"android-messenger-personal"}},
        {"unmanaged.toml", {"android-work-profile-personal", "ios-separated"}},
    };
    for (const auto& [file, want] : expected) {
      CAPTURE(file);
      const auto profile = load_device_profile(k_devices / file);
      CHECK(ids(alternative_configurations(profile)) == want);
    }
  }

  TEST_CASE("every alternative is named and described in English and German and keeps the device")
  {
    const auto profile = load_device_profile(k_devices / "ios-outlook.toml");
    std::set<std::string> seen;
    for (const auto& alternative : alternative_configurations(profile)) {
      REQUIRE(alternative.what_if.has_value());
      const auto& what_if = *alternative.what_if;
      CAPTURE(what_if.id);
      CHECK(seen.insert(what_if.id).second);
      CHECK_FALSE(what_if.name.en.empty());
      CHECK_FALSE(what_if.name.de.empty());
      CHECK_FALSE(what_if.description.en.empty());
      CHECK_FALSE(what_if.description.de.empty());
      CHECK(alternative.id == profile.id);
      CHECK(alternative.address_books.size() == profile.address_books.size());
      CHECK(alternative.file == profile.file);
    }
  }

  TEST_CASE("iOS: the separated alternative closes managed accounts to an unmanaged messenger")
  {
    const auto base = load_device_profile(k_devices / "ios-managed-whatsapp.toml");
    const auto alternatives = alternative_configurations(base);
    const auto& separated = find(alternatives, "ios-separated");
    CHECK(separated.messenger.location == Zone::unmanaged);
    CHECK_FALSE(separated.ios.allow_open_from_managed_to_unmanaged);
    CHECK_FALSE(separated.ios.allow_unmanaged_to_read_managed_contacts);
    CHECK_FALSE(
        separated.what_if->business_contacts_moved_to.has_value()); // A managed book exists.
    CHECK(separated.what_if->name.en == "iOS: messenger unmanaged, managed accounts closed");
    // ios-messenger-unmanaged would equal ios-separated here, so it is left out.
    CHECK(ids(alternatives) == Ids{"ios-separated", "ios-limited-access"});
    const auto& limited = find(alternatives, "ios-limited-access");
    CHECK(limited.messenger.contacts_access == ContactsAccess::limited);
    CHECK(limited.what_if->shares_private_contacts_only);
    CHECK(limited.messenger.location == Zone::managed);
  }

  TEST_CASE("iOS without a managed book: the separated alternative assumes business contacts moved")
  {
    auto base = parse_profile(R"([device]
id = "iphone"
platform = "ios"
[messenger]
id = "whatsapp"
location = "unmanaged"
[[address_book]]
name = "iCloud"
account = "unmanaged"
)");
    const auto alternatives = alternative_configurations(base);
    const auto& separated = find(alternatives, "ios-separated");
    CHECK(separated.what_if->business_contacts_moved_to == Zone::managed);
    CHECK(separated.what_if->description.en.ends_with(
        " Business contacts are assumed moved into a managed (MDM-installed) account."));
    CHECK(separated.what_if->description.de.ends_with(
        " Geschäftliche Kontakte gelten als in einen verwalteten (per MDM eingerichteten) Account "
        "verschoben."));
  }

  TEST_CASE("Android: the work-profile alternatives switch it on with the messenger on either side")
  {
    const auto base = load_device_profile(k_devices / "android-no-work-profile.toml");
    const auto alternatives = alternative_configurations(base);
    const auto& personal = find(alternatives, "android-work-profile-personal");
    CHECK(personal.android.work_profile);
    CHECK(personal.android.show_work_contacts_in_personal_profile);
    CHECK(personal.messenger.location == Zone::personal);
    CHECK_FALSE(personal.what_if->business_contacts_moved_to.has_value()); // "work" book exists.
    const auto& no_lookup = find(alternatives, "android-work-profile-personal-no-lookup");
    CHECK_FALSE(no_lookup.android.show_work_contacts_in_personal_profile);
    const auto& work = find(alternatives, "android-work-profile-work");
    CHECK(work.messenger.location == Zone::work);
    CHECK(work.android.work_profile);

    const auto with_profile =
        load_device_profile(k_devices / "android-work-profile-personal-whatsapp.toml");
    const auto lookup_off =
        find(alternative_configurations(with_profile), "android-cross-profile-lookup-off");
    CHECK_FALSE(lookup_off.android.show_work_contacts_in_personal_profile);
    CHECK(lookup_off.messenger.location == Zone::personal);
  }

  TEST_CASE("an unmanaged device gets an Android work profile and iOS separation with contacts "
            "moved by class")
  {
    const auto base = load_device_profile(k_devices / "unmanaged.toml");
    const auto alternatives = alternative_configurations(base);
    const auto& android = find(alternatives, "android-work-profile-personal");
    CHECK(android.platform == Platform::android);
    CHECK(android.android.work_profile);
    CHECK(android.messenger.location == Zone::personal);
    CHECK(android.what_if->business_contacts_moved_to == Zone::work);
    CHECK(android.what_if->name.de == "Android-Arbeitsprofil, Messenger privat");
    const auto& ios = find(alternatives, "ios-separated");
    CHECK(ios.platform == Platform::ios);
    CHECK(ios.messenger.location == Zone::unmanaged);
    CHECK(ios.what_if->business_contacts_moved_to == Zone::managed);

    contact::Contact contact; // Unlabelled, as on the unmanaged device.
    CHECK(expose(base, contact, true).level == ExposureLevel::bulk_upload);
    CHECK(expose(android, contact, true).level == ExposureLevel::lookup_only);
    CHECK(expose(android, contact, false).level == ExposureLevel::bulk_upload);
    CHECK(expose(ios, contact, true).level == ExposureLevel::not_visible);
    CHECK(expose(ios, contact, false).level == ExposureLevel::bulk_upload);
  }

  TEST_CASE("a messenger without contacts access has no alternatives")
  {
    auto base = load_device_profile(k_devices / "ios-unmanaged-default.toml");
    base.messenger.contacts_access = ContactsAccess::none;
    CHECK(alternative_configurations(base).empty());
  }

  TEST_CASE("counting business uploads under each alternative shows which fix removes them")
  {
    const auto base = load_device_profile(k_devices / "ios-unmanaged-default.toml");
    CHECK(business_uploads(base) == 1);
    const auto alternatives = alternative_configurations(base);
    CHECK(business_uploads(find(alternatives, "ios-separated")) == 0);
    CHECK(business_uploads(find(alternatives, "ios-messenger-managed")) == 1);
    CHECK(business_uploads(find(alternatives, "ios-limited-access")) == 0);

    const auto outlook = load_device_profile(k_devices / "ios-outlook.toml");
    CHECK(business_uploads(outlook) == 1); // Separated, but Outlook's contacts are unmanaged.
    CHECK(business_uploads(
              find(alternative_configurations(outlook), "ios-outlook-contact-sync-blocked")) == 0);

    const auto android = load_device_profile(k_devices / "android-no-work-profile.toml");
    CHECK(business_uploads(android) == 1);
    const auto android_alternatives = alternative_configurations(android);
    CHECK(business_uploads(find(android_alternatives, "android-work-profile-personal")) == 0);
    CHECK(business_uploads(find(android_alternatives, "android-work-profile-work")) == 1);
  }
}
