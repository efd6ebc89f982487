// SPDX-License-Identifier: MIT
// Fuzz target: the device profile loader (TOML text to a validated DeviceProfile), then
// the what-if alternatives and expose() for contacts from every kind of account.
#include "fuzz_support.hpp"

#include <contact_audit/core/diagnostic.hpp>
#include <contact_audit/core/error.hpp>
#include <contact_audit/exposure/device_profile.hpp>
#include <contact_audit/exposure/exposure.hpp>
#include <contact_audit/exposure/what_if.hpp>

#include <array>
#include <string>

using namespace contact_audit;

namespace {

void check_names(const exposure::DeviceProfile& profile)
{
  fuzz::require(exposure::parse_platform(exposure::to_string(profile.platform)) == profile.platform,
                "the platform is spelled as it is parsed");
  fuzz::require(exposure::parse_contacts_access(exposure::to_string(
                    profile.messenger.contacts_access)) == profile.messenger.contacts_access,
                "the contacts access is spelled as it is parsed");
  for (const auto& book : profile.address_books) {
    fuzz::require(exposure::parse_book_source(exposure::to_string(book.source)) == book.source,
                  "a book source is spelled as it is parsed");
    fuzz::require(book.line >= 1, "an address book has its line");
  }
}

void check_exposure(const exposure::DeviceProfile& profile)
{
  static const std::array<std::string, 7> accounts = {
      "", "managed", "unmanaged", "outlook", "personal", "work", "elsewhere"};
  contact::Contact contact;
  contact.display_name = "Jana";
  for (const auto& account : accounts) {
    contact.source.account = account;
    for (const bool business : {true, false}) {
      const auto result = exposure::expose(profile, contact, business);
      fuzz::require(!result.rule.empty(), "every exposure names its rule");
      fuzz::require(exposure::parse_exposure_level(exposure::to_string(result.level)) ==
                        result.level,
                    "the exposure level is spelled as it is parsed");
    }
  }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  CollectingSink warnings;
  exposure::DeviceProfile profile;
  try {
    profile = exposure::parse_device_profile(text, "devices/fuzz.toml", warnings);
  } catch (const InputError& error) {
    // The documented refusal lists every problem, one "file:line:column: sentence" each.
    fuzz::require(std::string_view(error.what()).starts_with("devices/fuzz.toml"),
                  "each problem names the profile");
    return 0;
  }
  fuzz::require(warnings.count(Severity::error) == 0, "warnings are warnings");
  fuzz::require(!profile.id.empty(), "a valid profile has an id");
  check_names(profile);
  check_exposure(profile);
  for (const auto& alternative : exposure::alternative_configurations(profile)) {
    fuzz::require(alternative.what_if.has_value(), "an alternative says which it is");
    check_names(alternative);
    check_exposure(alternative);
  }
  return 0;
}
