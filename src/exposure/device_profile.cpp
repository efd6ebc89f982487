// SPDX-License-Identifier: MIT
// Reading and validating device profiles: the [device] and [messenger] tables and the entry points.
#include "device_profile_reader.hpp"
#include "enum_names.hpp"

#include <contact_audit/core/text.hpp>

#include <algorithm>

namespace contact_audit::exposure {

namespace {

constexpr std::array<std::string_view, 3> k_platform_names{"ios", "android", "unmanaged"};
constexpr std::array<std::string_view, 4> k_zone_names{"managed", "unmanaged", "personal", "work"};
constexpr std::array<std::string_view, 3> k_access_names{"full", "limited", "none"};
constexpr std::array<std::string_view, 2> k_source_names{"native", "outlook"};

constexpr std::array<std::string_view, 5> k_root_keys{
    "device", "messenger", "ios", "android", "address_book"};
constexpr std::array<std::string_view, 4> k_device_keys{"id", "name", "owner", "platform"};
constexpr std::array<std::string_view, 5> k_messenger_keys{
    "id", "location", "contacts_access", "shared_uids", "shared_numbers"};

// E.164: "+", a country code that does not start with 0, at most 15 digits in all.
bool is_e164(std::string_view number)
{
  if (number.size() < 3 || number.size() > 16 || number[0] != '+' || number[1] == '0') {
    return false;
  }
  return std::all_of(number.begin() + 1, number.end(), [](char c) { return c >= '0' && c <= '9'; });
}

void read_device(detail::ProfileReader& reader, const toml::table& root)
{
  auto& check = reader.check;
  const toml::table* device = check.table(root, "device", "the profile");
  if (device == nullptr) {
    if (root.get("device") == nullptr) {
      check.missing(root, "[device]", "the profile", "id and platform");
    }
    return;
  }
  check.check_keys(*device, "[device]", k_device_keys);
  if (auto id = check.string(*device, "id", "[device]")) {
    if (trim(*id).empty()) {
      check.error(device->get("id")->source(), "id in [device] must not be empty.");
    }
    reader.profile.id = std::move(*id);
  } else if (device->get("id") == nullptr) {
    check.missing(*device, "id", "[device]", "a name for the device in reports");
  }
  reader.profile.name = check.string(*device, "name", "[device]").value_or(reader.profile.id);
  reader.profile.owner = check.string(*device, "owner", "[device]").value_or("");
  reader.platform = check.enumeration<Platform>(
      *device, "platform", "[device]", parse_platform, detail::quoted_choices(k_platform_names));
  if (reader.platform) {
    reader.profile.platform = *reader.platform;
  } else if (device->get("platform") == nullptr) {
    check.missing(*device, "platform", "[device]", detail::quoted_choices(k_platform_names));
  }
}

void read_location(detail::ProfileReader& reader, const toml::table& messenger)
{
  auto& check = reader.check;
  const toml::node* node = messenger.get("location");
  if (!reader.platform) {
    reader.profile.messenger.location = check.enumeration<Zone>(
        messenger, "location", "[messenger]", parse_zone, detail::quoted_choices(k_zone_names));
    return;
  }
  const Platform platform = *reader.platform;
  if (platform == Platform::unmanaged) {
    if (node != nullptr) {
      check.error(node->source(),
                  "location in [messenger] does not apply to platform \"unmanaged\" (no EMM "
                  "separates apps there); remove it.");
    }
    return;
  }
  const std::string choices = detail::zone_choices(platform);
  if (node == nullptr) {
    check.missing(messenger,
                  "location",
                  "[messenger]",
                  choices + " on platform \"" + std::string(to_string(platform)) + '"');
    return;
  }
  const auto text = check.string(messenger, "location", "[messenger]");
  if (!text) {
    return;
  }
  const auto zone = parse_zone(*text);
  if (!zone || !detail::zone_fits(platform, *zone)) {
    check.error(node->source(),
                "location = \"" + *text + "\" in [messenger] is not " +
                    (zone ? "possible on platform \"" + std::string(to_string(platform)) + '"'
                          : std::string("known")) +
                    "; use " + choices + '.');
    return;
  }
  if (*zone == Zone::work && !reader.profile.android.work_profile) {
    check.error(node->source(),
                "location = \"work\" in [messenger] needs a work profile, but [android] does not "
                "set work_profile = true; set it or use \"personal\".");
  }
  reader.profile.messenger.location = zone;
}

void read_shared(detail::ProfileReader& reader, const toml::table& messenger)
{
  auto& check = reader.check;
  auto& install = reader.profile.messenger;
  install.shared_uids =
      check.strings(messenger, "shared_uids", "[messenger]").value_or(std::vector<std::string>{});
  install.shared_numbers = check.strings(messenger, "shared_numbers", "[messenger]")
                               .value_or(std::vector<std::string>{});
  if (const toml::array* numbers = messenger["shared_numbers"].as_array()) {
    for (const auto& element : *numbers) {
      const auto* number = element.as_string();
      if (number != nullptr && !is_e164(number->get())) {
        check.error(element.source(),
                    "shared_numbers in [messenger]: \"" + number->get() +
                        "\" is not in E.164 form (\"+\", country code and number, digits only, "
                        "e.g. \"+4915112345678\").");
      }
    }
  }
  const bool limited = install.contacts_access == ContactsAccess::limited;
  // With an invalid contacts_access (already reported) the selection cannot be judged.
  const auto* access = messenger.get_as<std::string>("contacts_access");
  const bool access_known = messenger.get("contacts_access") == nullptr ||
                            (access != nullptr && parse_contacts_access(access->get()).has_value());
  for (const std::string_view key : {"shared_uids", "shared_numbers"}) {
    if (!limited && access_known && messenger.get(key) != nullptr) {
      check.error(check.key_region(messenger, key),
                  std::string(key) +
                      " in [messenger] applies only with contacts_access = \"limited\"; remove it "
                      "or set contacts_access = \"limited\".");
    }
  }
  // Off iOS, "limited" itself is the error; asking for a selection too would only add noise.
  const bool ios_or_unknown = !reader.platform || *reader.platform == Platform::ios;
  if (limited && ios_or_unknown && messenger.get("shared_uids") == nullptr &&
      messenger.get("shared_numbers") == nullptr) {
    check.error(messenger.get("contacts_access")->source(),
                "contacts_access = \"limited\" in [messenger] needs the contacts the user shared: "
                "list them in shared_uids or shared_numbers (or use \"none\" when nothing is "
                "shared).");
  }
}

void read_messenger(detail::ProfileReader& reader, const toml::table& root)
{
  auto& check = reader.check;
  const toml::table* messenger = check.table(root, "messenger", "the profile");
  if (messenger == nullptr) {
    if (root.get("messenger") == nullptr) {
      check.missing(root, "[messenger]", "the profile", "id and location");
    }
    return;
  }
  check.check_keys(*messenger, "[messenger]", k_messenger_keys);
  auto& install = reader.profile.messenger;
  if (auto id = check.string(*messenger, "id", "[messenger]")) {
    const auto& where = messenger->get("id")->source().begin;
    install.id_line = where.line;
    install.id_column = where.column;
    if (!detail::is_plain_id(*id)) {
      check.error(messenger->get("id")->source(),
                  "id = \"" + *id +
                      "\" in [messenger] must be a plain name of lowercase letters, digits and "
                      "\"-\", as in rules/messengers/<id>.toml.");
    }
    install.id = std::move(*id);
  } else if (messenger->get("id") == nullptr) {
    check.missing(*messenger, "id", "[messenger]", "e.g. \"whatsapp\"");
  }
  read_location(reader, *messenger);
  install.contacts_access = check
                                .enumeration<ContactsAccess>(*messenger,
                                                             "contacts_access",
                                                             "[messenger]",
                                                             parse_contacts_access,
                                                             detail::quoted_choices(k_access_names))
                                .value_or(ContactsAccess::full);
  if (install.contacts_access == ContactsAccess::limited && reader.platform &&
      *reader.platform != Platform::ios) {
    check.error(messenger->get("contacts_access")->source(),
                "contacts_access = \"limited\" in [messenger] exists on iOS 18 and later only, but "
                "this device's platform is \"" +
                    std::string(to_string(*reader.platform)) + "\"; use \"full\" or \"none\".");
  }
  read_shared(reader, *messenger);
}

DeviceProfile
parse_checked(std::string_view text, const std::filesystem::path& file, DiagnosticSink& warnings)
{
  detail::TomlChecker check(file, "device profile");
  const toml::table root = check.parse_text(text);
  DeviceProfile profile;
  profile.file = file;
  detail::ProfileReader reader{check, warnings, profile, std::nullopt};
  check.check_keys(root, "the profile", k_root_keys);
  // The platform decides what the other tables may say, and [android] whether "work" exists.
  read_device(reader, root);
  detail::read_android(reader, root);
  detail::read_ios(reader, root);
  read_messenger(reader, root);
  detail::read_books(reader, root);
  check.throw_if_errors();
  return profile;
}

// Warnings are kept until the profile proved valid, so a rejected file reports errors only.
class HoldingSink final : public DiagnosticSink
{
public:
  void report(Diagnostic diagnostic) override { held.push_back(std::move(diagnostic)); }
  std::vector<Diagnostic> held;
};

} // namespace

std::string_view to_string(Platform platform)
{
  return detail::enum_name(k_platform_names, platform);
}
std::optional<Platform> parse_platform(std::string_view text)
{
  return detail::parse_enum<Platform>(k_platform_names, text);
}
std::string_view to_string(Zone zone)
{
  return detail::enum_name(k_zone_names, zone);
}
std::optional<Zone> parse_zone(std::string_view text)
{
  return detail::parse_enum<Zone>(k_zone_names, text);
}
std::string_view to_string(ContactsAccess access)
{
  return detail::enum_name(k_access_names, access);
}
std::optional<ContactsAccess> parse_contacts_access(std::string_view text)
{
  return detail::parse_enum<ContactsAccess>(k_access_names, text);
}
std::string_view to_string(BookSource source)
{
  return detail::enum_name(k_source_names, source);
}
std::optional<BookSource> parse_book_source(std::string_view text)
{
  return detail::parse_enum<BookSource>(k_source_names, text);
}

DeviceProfile parse_device_profile(std::string_view text,
                                   const std::filesystem::path& file,
                                   DiagnosticSink& warnings)
{
  HoldingSink holding;
  DeviceProfile profile = parse_checked(text, file, holding);
  for (auto& diagnostic : holding.held) {
    warnings.report(std::move(diagnostic));
  }
  return profile;
}

DeviceProfile load_device_profile(const std::filesystem::path& path, DiagnosticSink& warnings)
{
  return parse_device_profile(detail::read_text_file(path, "device profile"), path, warnings);
}

DeviceProfile load_device_profile(const std::filesystem::path& path)
{
  CollectingSink ignored;
  return load_device_profile(path, ignored);
}

} // namespace contact_audit::exposure
