// SPDX-License-Identifier: MIT
// Unit tests of device-profile loading: the examples, the defaults, and every kind of mistake.
#include "test_exposure_support.hpp"

#include <contact_audit/exposure/device_profile.hpp>

#include <doctest/doctest.h>

#include <algorithm>

using namespace contact_audit;
using namespace contact_audit::exposure;
using namespace exposure_test;

namespace {

std::string broken(const std::string& name)
{
  return (k_devices / "broken" / name).string();
}

const char* const k_minimal_ios = R"([device]
id = "iphone"
platform = "ios"

[messenger]
id = "whatsapp"
location = "unmanaged"
)";

} // namespace

TEST_SUITE("exposure::load_device_profile")
{
  TEST_CASE("every example profile in testdata/devices loads")
  {
    std::size_t count = 0;
    for (const auto& entry : fs::directory_iterator(k_devices)) {
      if (entry.path().extension() != ".toml") {
        continue;
      }
      CAPTURE(entry.path().string());
      CollectingSink warnings;
      const auto profile = load_device_profile(entry.path(), warnings);
      CHECK(profile.messenger.id == "whatsapp");
      CHECK_FALSE(profile.address_books.empty());
      CHECK(warnings.diagnostics().empty());
      ++count;
    }
    CHECK(count == 9);
  }

  TEST_CASE("an example profile is read completely")
  {
    const auto profile = load_device_profile(k_devices / "ios-unmanaged-default.toml");
    CHECK(profile.id == "ios-default");
    CHECK(profile.name == "iPhone 15, Vertrieb");
    CHECK(profile.owner == "Anna Beispiel");
    CHECK(profile.platform == Platform::ios);
    CHECK(profile.messenger.location == Zone::unmanaged);
    CHECK(profile.messenger.id_line == 11);
    CHECK(profile.messenger.id_column == 6);
    REQUIRE(profile.address_books.size() == 2);
    CHECK(profile.address_books[0].name == "Exchange (company)");
    CHECK(profile.address_books[0].account == Zone::managed);
    CHECK(profile.address_books[0].files == std::vector<std::string>{"exports/company.vcf"});
    CHECK(profile.address_books[0].line == 14);
    CHECK(profile.address_books[1].account == Zone::unmanaged);
    CHECK(profile.file == k_devices / "ios-unmanaged-default.toml");
    CHECK_FALSE(profile.what_if.has_value());

    const auto limited = load_device_profile(k_devices / "ios18-limited.toml");
    CHECK(limited.messenger.contacts_access == ContactsAccess::limited);
    CHECK(limited.messenger.shared_uids == std::vector<std::string>{"private-1"});
    CHECK(limited.messenger.shared_numbers == std::vector<std::string>{"+49305550022"});

    const auto outlook = load_device_profile(k_devices / "ios-outlook.toml");
    CHECK(outlook.address_books[0].source == BookSource::outlook);
    CHECK(outlook.address_books[0].account == Zone::unmanaged); // Forced, not written.

    const auto android = load_device_profile(k_devices / "android-work-profile-work-whatsapp.toml");
    CHECK(android.android.work_profile);
    CHECK(android.android.show_work_contacts_in_personal_profile);
    CHECK(android.messenger.location == Zone::work);

    const auto unmanaged = load_device_profile(k_devices / "unmanaged.toml");
    CHECK(unmanaged.platform == Platform::unmanaged);
    CHECK_FALSE(unmanaged.messenger.location.has_value());
    CHECK_FALSE(unmanaged.address_books[0].account.has_value());
  }

  TEST_CASE("keys left out take Apple's and Google's documented defaults")
  {
    const auto profile = parse_profile(k_minimal_ios);
    CHECK(profile.name == "iphone");
    CHECK(profile.owner.empty());
    CHECK(profile.ios.allow_open_from_managed_to_unmanaged);
    CHECK_FALSE(profile.ios.allow_unmanaged_to_read_managed_contacts);
    CHECK_FALSE(profile.ios.allow_managed_to_write_unmanaged_contacts);
    CHECK(profile.ios.outlook_contact_sync);
    CHECK_FALSE(profile.android.work_profile);
    CHECK(profile.android.show_work_contacts_in_personal_profile);
    CHECK(profile.messenger.contacts_access == ContactsAccess::full);
    CHECK(profile.address_books.empty());
  }

  TEST_CASE("misspelt keys are all reported at once with their positions")
  {
    const auto path = broken("unknown-keys.toml");
    CHECK(load_error(path) ==
          path + ": The device profile is invalid (4 errors); fix it and run again.\n" + path +
              ":2:1: The required key platform is missing in [device] (\"ios\", \"android\" or "
              "\"unmanaged\").\n" +
              path +
              ":4:1: Unknown key \"platfrom\" in [device]; the keys allowed there are id, name, "
              "owner, platform.\n" +
              path +
              ":9:1: Unknown key \"acess\" in [messenger]; the keys allowed there are id, "
              "location, contacts_access, shared_uids, shared_numbers.\n" +
              path +
              ":12:1: Unknown key \"allowOpenFromManagedToUnmanged\" in [ios]; the keys allowed "
              "there are allowOpenFromManagedToUnmanaged, allowUnmanagedToReadManagedContacts, "
              "allowManagedToWriteUnmanagedContacts, outlook_contact_sync.");
  }

  TEST_CASE("values of the wrong type are reported at the value")
  {
    const auto path = broken("wrong-types.toml");
    CHECK(load_error(path) ==
          path + ": The device profile is invalid (3 errors); fix it and run again.\n" + path +
              ":3:6: id in [device] must be a string in quotes, not an integer.\n" + path +
              ":11:35: allowOpenFromManagedToUnmanaged in [ios] must be a boolean (true or false), "
              "not a string.\n" +
              path +
              ":16:33: files in [[address_book]] \"Exchange\" must be a list of strings; element 2 "
              "is an integer.");
  }

  TEST_CASE("an iOS profile with Android settings or a work location or account is rejected")
  {
    const auto path = broken("ios-contradictions.toml");
    CHECK(load_error(path) ==
          path + ": The device profile is invalid (4 errors); fix it and run again.\n" + path +
              ":8:12: location = \"work\" in [messenger] is not possible on platform \"ios\"; use "
              "\"managed\" or \"unmanaged\".\n" +
              path +
              ":10:1: [android] applies to platform \"android\" only, but this device's platform "
              "is \"ios\"; remove [android] or change the platform.\n" +
              path +
              ":15:11: account = \"work\" in [[address_book]] \"Exchange\" is not possible on "
              "platform \"ios\"; use \"managed\" or \"unmanaged\".\n" +
              path +
              ":20:11: account = \"managed\" in [[address_book]] \"Outlook\" contradicts source = "
              "\"outlook\": contacts that Outlook for iOS saves into the Contacts app are in an "
              "unmanaged account; remove account or set it to \"unmanaged\".");
  }

  TEST_CASE("an Android profile with iOS settings or a missing work profile or limited access is "
            "rejected")
  {
    const auto path = broken("android-contradictions.toml");
    CHECK(load_error(path) ==
          path + ": The device profile is invalid (5 errors); fix it and run again.\n" + path +
              ":8:12: location = \"work\" in [messenger] needs a work profile, but [android] does "
              "not set work_profile = true; set it or use \"personal\".\n" +
              path +
              ":9:19: contacts_access = \"limited\" in [messenger] exists on iOS 18 and later "
              "only, but this device's platform is \"android\"; use \"full\" or \"none\".\n" +
              path +
              ":11:1: [ios] applies to platform \"ios\" only, but this device's platform is "
              "\"android\"; remove [ios] or change the platform.\n" +
              path +
              ":16:11: account = \"managed\" in [[address_book]] \"Exchange\" is not possible on "
              "platform \"android\"; use \"personal\" or \"work\".\n" +
              path +
              ":20:10: source = \"outlook\" in [[address_book]] \"Outlook\" applies to platform "
              "\"ios\" only (contacts that Outlook for iOS saves into the Contacts app).");
  }

  TEST_CASE("a device without EMM takes no install location or accounts or platform tables")
  {
    const auto path = broken("unmanaged-with-accounts.toml");
    CHECK(load_error(path) ==
          path + ": The device profile is invalid (3 errors); fix it and run again.\n" + path +
              ":8:12: location in [messenger] does not apply to platform \"unmanaged\" (no EMM "
              "separates apps there); remove it.\n" +
              path +
              ":10:1: [android] applies to platform \"android\" only, but this device's platform "
              "is \"unmanaged\"; remove [android] or change the platform.\n" +
              path +
              ":15:11: account in [[address_book]] \"Phone\" does not apply to platform "
              "\"unmanaged\" (no EMM separates accounts there); remove it.");
  }

  TEST_CASE("limited access without a selection is rejected")
  {
    const auto path = broken("limited-without-selection.toml");
    CHECK(load_error(path) ==
          path + ": The device profile is invalid (1 error); fix it and run again.\n" + path +
              ":9:19: contacts_access = \"limited\" in [messenger] needs the contacts the user "
              "shared: list them in shared_uids or shared_numbers (or use \"none\" when nothing is "
              "shared).");
  }

  TEST_CASE("unknown values and a bad messenger id and numbers not in E.164 and duplicate books "
            "are rejected")
  {
    const auto path = broken("bad-values.toml");
    CHECK(load_error(path) ==
          path + ": The device profile is invalid (6 errors); fix it and run again.\n" + path +
              ":4:12: platform = \"iso\" in [device] is not known; use \"ios\", \"android\" or "
              "\"unmanaged\".\n" +
              path +
              ":7:6: id = \"Whats App\" in [messenger] must be a plain name of lowercase letters, "
              "digits and \"-\", as in rules/messengers/<id>.toml.\n" +
              path +
              ":8:19: contacts_access = \"some\" in [messenger] is not known; use \"full\", "
              "\"limited\" or \"none\".\n" +
              path +
              ":9:19: shared_numbers in [messenger]: \"0151 1234567\" is not in E.164 form (\"+\", "
              "country code and number, digits only, e.g. \"+4915112345678\").\n" +
              path +
              ":13:9: files in [[address_book]] \"Exchange\" must name at least one file.\n" +
              path +
              ":16:8: The address book name \"Exchange\" is used twice; give each [[address_book]] "
              "its own name.");
  }

  TEST_CASE("an empty profile lacks [device] and [messenger]")
  {
    const auto path = broken("empty.toml");
    CHECK(load_error(path) ==
          path + ": The device profile is invalid (2 errors); fix it and run again.\n" + path +
              ":1:1: The required table [device] is missing in the profile (id and platform).\n" +
              path +
              ":1:1: The required table [messenger] is missing in the profile (id and location).");
  }

  TEST_CASE("a TOML syntax error stops reading at its position")
  {
    const auto path = broken("syntax.toml");
    CHECK(load_error(path) ==
          path + ":2:12: The device profile is not valid TOML (Error while parsing string: "
                 "unescaped control characters other than TAB (U+0009) are explicitly "
                 "prohibited); nothing was read from it.");
  }

  TEST_CASE("a missing file or a folder is an input error naming the path")
  {
    const auto missing = k_devices / "no-such-profile.toml";
    CHECK(load_error(missing) == missing.string() +
                                     ": The device profile cannot be read (No such file or "
                                     "directory).");
    CHECK(load_error(k_devices) ==
          k_devices.string() + ": The device profile cannot be read (it is a folder).");
  }

  TEST_CASE("missing keys that a platform needs are reported at their table")
  {
    CHECK(profile_error("[device]\nid = \"p\"\nplatform = \"android\"\n\n[messenger]\nid = "
                        "\"whatsapp\"\n\n[[address_book]]\nname = \"Google\"\n") ==
          "profile.toml: The device profile is invalid (2 errors); fix it and run again.\n"
          "profile.toml:5:1: The required key location is missing in [messenger] (\"personal\" or "
          "\"work\" on platform \"android\").\n"
          "profile.toml:8:1: The required key account is missing in [[address_book]] \"Google\" "
          "(\"personal\" or \"work\" on platform \"android\").");
    CHECK(profile_error("[device]\nplatform = \"unmanaged\"\n[messenger]\n[[address_book]]\n") ==
          "profile.toml: The device profile is invalid (3 errors); fix it and run again.\n"
          "profile.toml:1:1: The required key id is missing in [device] (a name for the device in "
          "reports).\n"
          "profile.toml:3:1: The required key id is missing in [messenger] (e.g. \"whatsapp\").\n"
          "profile.toml:4:1: The required key name is missing in [[address_book]] #1 (shown in "
          "reports).");
  }

  TEST_CASE("tables in the wrong shape are reported")
  {
    CHECK(
        profile_error("address_book = { name = \"x\" }\nios = 1\n" + std::string(k_minimal_ios)) ==
        "profile.toml: The device profile is invalid (2 errors); fix it and run again.\n"
        "profile.toml:1:16: address_book in the profile must be a list of tables "
        "([[address_book]]), not a table.\n"
        "profile.toml:2:7: ios in the profile must be a table ([ios]), not an integer.");
    CHECK(profile_error(std::string(k_minimal_ios) + "[[address_book]]\nname = \"\"\naccount = "
                                                     "\"managed\"\nfiles = \" \"\n") ==
          "profile.toml: The device profile is invalid (2 errors); fix it and run again.\n"
          "profile.toml:9:8: name in [[address_book]] #1 must not be empty.\n"
          "profile.toml:11:9: files in [[address_book]] #1 contains an empty file name.");
  }

  TEST_CASE(
      "a selection without limited access is rejected and one given as a string is a type error")
  {
    CHECK(profile_error(std::string(k_minimal_ios) + "shared_uids = [\"a\"]\n") ==
          "profile.toml: The device profile is invalid (1 error); fix it and run again.\n"
          "profile.toml:8:1: shared_uids in [messenger] applies only with contacts_access = "
          "\"limited\"; remove it or set contacts_access = \"limited\".");
    CHECK(profile_error(std::string(k_minimal_ios) + "shared_uids = 3\n") ==
          "profile.toml: The device profile is invalid (2 errors); fix it and run again.\n"
          "profile.toml:8:1: shared_uids in [messenger] applies only with contacts_access = "
          "\"limited\"; remove it or set contacts_access = \"limited\".\n"
          "profile.toml:8:15: shared_uids in [messenger] must be a list of strings, not an "
          "integer.");
    CHECK(profile_error(std::string(k_minimal_ios) +
                        "contacts_access = \"limited\"\nshared_uids = \"a\"\n") ==
          "profile.toml: The device profile is invalid (1 error); fix it and run again.\n"
          "profile.toml:9:15: shared_uids in [messenger] must be a list of strings, not a string.");
  }

  TEST_CASE("settings without effect are kept and reported as warnings")
  {
    CollectingSink warnings;
    const auto profile = parse_device_profile(
        std::string(k_minimal_ios) + "[ios]\nallowUnmanagedToReadManagedContacts = true\n"
                                     "allowManagedToWriteUnmanagedContacts = true\n",
        "profile.toml",
        warnings);
    CHECK(profile.ios.allow_unmanaged_to_read_managed_contacts);
    REQUIRE(warnings.diagnostics().size() == 2);
    const auto& first = warnings.diagnostics()[0];
    CHECK(first.severity == Severity::warning);
    CHECK(first.code == "device.ios.no-effect");
    CHECK(format(first) ==
          "profile.toml:9: allowUnmanagedToReadManagedContacts = true has no effect while "
          "allowOpenFromManagedToUnmanaged is true (Apple: \"If allowOpenFromManagedToUnmanaged "
          "is true, this restriction has no effect.\"); it was ignored.");
    CHECK(warnings.diagnostics()[1].line == 10);

    CollectingSink android;
    (void)parse_device_profile("[device]\nid = \"p\"\nplatform = \"android\"\n[messenger]\nid = "
                               "\"whatsapp\"\nlocation = \"personal\"\n[android]\n"
                               "showWorkContactsInPersonalProfile = false\n",
                               "profile.toml",
                               android);
    REQUIRE(android.diagnostics().size() == 1);
    CHECK(format(android.diagnostics()[0]) ==
          "profile.toml:8: showWorkContactsInPersonalProfile has no effect without a work profile "
          "(work_profile = false); it was ignored.");
  }

  TEST_CASE("a rejected profile reports errors only and no warnings")
  {
    CollectingSink warnings;
    CHECK_THROWS_AS(
        (void)parse_device_profile("[device]\nid = \"p\"\nplatform = \"ios\"\n[messenger]\nid = "
                                   "\"whatsapp\"\nlocation = \"x\"\n[ios]\n"
                                   "allowUnmanagedToReadManagedContacts = true\n",
                                   "profile.toml",
                                   warnings),
        InputError);
    CHECK(warnings.diagnostics().empty());
  }

  TEST_CASE("an Android device without a work profile may label a business account work")
  {
    const auto profile = load_device_profile(k_devices / "android-no-work-profile.toml");
    CHECK_FALSE(profile.android.work_profile);
    CHECK(profile.address_books[0].account == Zone::work);
  }

  TEST_CASE("enums are spelled as serialised")
  {
    for (const auto platform : {Platform::ios, Platform::android, Platform::unmanaged}) {
      CHECK(parse_platform(to_string(platform)) == platform);
    }
    for (const auto zone : {Zone::managed, Zone::unmanaged, Zone::personal, Zone::work}) {
      CHECK(parse_zone(to_string(zone)) == zone);
    }
    for (const auto access :
         {ContactsAccess::full, ContactsAccess::limited, ContactsAccess::none}) {
      CHECK(parse_contacts_access(to_string(access)) == access);
    }
    CHECK(parse_book_source("outlook") == BookSource::outlook);
    CHECK(to_string(BookSource::native) == "native");
    CHECK_FALSE(parse_platform("iOS").has_value());
    CHECK_FALSE(parse_zone("").has_value());
  }
}
