// SPDX-License-Identifier: MIT
// Reading a device profile's [ios], [android] and [[address_book]] tables, with their
// contradictions.
#include "device_profile_reader.hpp"

#include <contact_audit/core/text.hpp>

#include <algorithm>
#include <array>
#include <set>

namespace contact_audit::exposure::detail {

namespace {

constexpr std::array<std::string_view, 4> k_ios_keys{"allowOpenFromManagedToUnmanaged",
                                                     "allowUnmanagedToReadManagedContacts",
                                                     "allowManagedToWriteUnmanagedContacts",
                                                     "outlook_contact_sync"};
constexpr std::array<std::string_view, 2> k_android_keys{"work_profile",
                                                         "showWorkContactsInPersonalProfile"};
constexpr std::array<std::string_view, 4> k_book_keys{"name", "account", "source", "files"};

// A platform table ([ios], [android]) on a device of another platform.
void check_platform_table(ProfileReader& reader, const toml::table& table, Platform owner)
{
  if (!reader.platform || *reader.platform == owner) {
    return;
  }
  const std::string name(to_string(owner));
  reader.check.error(table.source(),
                     '[' + name + "] applies to platform \"" + name +
                         "\" only, but this device's platform is \"" +
                         std::string(to_string(*reader.platform)) + "\"; remove [" + name +
                         "] or change the platform.");
}

// Set `target` from the boolean `key` of `table` when it is there.
void read_bool(const ProfileReader& reader,
               const toml::table& table,
               std::string_view where,
               std::string_view key,
               bool& target)
{
  if (const auto value = reader.check.boolean(table, key, where)) {
    target = *value;
  }
}

std::string book_label(const toml::table& book, std::size_t index)
{
  if (const auto* name = book.get_as<std::string>("name");
      name != nullptr && !name->get().empty()) {
    return "[[address_book]] \"" + name->get() + '"';
  }
  return "[[address_book]] #" + std::to_string(index + 1);
}

void read_account(ProfileReader& reader,
                  const toml::table& table,
                  const std::string& where,
                  AddressBook& book)
{
  auto& check = reader.check;
  const toml::node* node = table.get("account");
  const auto text = check.string(table, "account", where);
  const auto platform = reader.platform;
  if (!platform) {
    book.account = text ? parse_zone(*text) : std::nullopt;
    return;
  }
  if (*platform == Platform::unmanaged) {
    if (node != nullptr) {
      check.error(node->source(),
                  "account in " + where +
                      " does not apply to platform \"unmanaged\" (no EMM separates accounts "
                      "there); remove it.");
    }
    return;
  }
  if (book.source == BookSource::outlook && *platform == Platform::ios) {
    // Contacts that Outlook for iOS saves into the Contacts app are not marked managed
    // (MicrosoftDocs/OfficeDocs-Exchange #236): the account is unmanaged whatever is written.
    if (text && *text != "unmanaged") {
      check.error(node->source(),
                  "account = \"" + *text + "\" in " + where +
                      " contradicts source = \"outlook\": contacts that Outlook for iOS saves into "
                      "the Contacts app are in an unmanaged account; remove account or set it to "
                      "\"unmanaged\".");
    }
    book.account = Zone::unmanaged;
    return;
  }
  if (node == nullptr) {
    check.missing(table,
                  "account",
                  where,
                  zone_choices(*platform) + " on platform \"" + std::string(to_string(*platform)) +
                      '"');
    return;
  }
  if (!text) {
    return;
  }
  const auto zone = parse_zone(*text);
  if (!zone || !zone_fits(*platform, *zone)) {
    check.error(node->source(),
                "account = \"" + *text + "\" in " + where + " is not " +
                    (zone ? "possible on platform \"" + std::string(to_string(*platform)) + '"'
                          : std::string("known")) +
                    "; use " + zone_choices(*platform) + '.');
    return;
  }
  book.account = zone;
}

void read_files(ProfileReader& reader,
                const toml::table& table,
                const std::string& where,
                AddressBook& book)
{
  auto files = reader.check.strings(table, "files", where, true);
  if (!files) {
    return;
  }
  const toml::node* node = table.get("files");
  if (files->empty()) {
    reader.check.error(node->source(), "files in " + where + " must name at least one file.");
  }
  for (const auto& pattern : *files) {
    if (trim(pattern).empty()) {
      reader.check.error(node->source(), "files in " + where + " contains an empty file name.");
      return;
    }
  }
  book.files = std::move(*files);
}

AddressBook read_book(ProfileReader& reader, const toml::table& table, std::size_t index)
{
  auto& check = reader.check;
  const std::string where = book_label(table, index);
  check.check_keys(table, where, k_book_keys);
  AddressBook book;
  book.line = table.source().begin.line;
  if (auto name = check.string(table, "name", where)) {
    book.name = std::move(*name);
    if (trim(book.name).empty()) {
      check.error(table.get("name")->source(), "name in " + where + " must not be empty.");
    }
  } else if (table.get("name") == nullptr) {
    check.missing(table, "name", where, "shown in reports");
  }
  constexpr std::array<std::string_view, 2> source_names{"native", "outlook"};
  book.source = check
                    .enumeration<BookSource>(
                        table, "source", where, parse_book_source, quoted_choices(source_names))
                    .value_or(BookSource::native);
  if (book.source == BookSource::outlook && reader.platform && *reader.platform != Platform::ios) {
    check.error(table.get("source")->source(),
                "source = \"outlook\" in " + where +
                    " applies to platform \"ios\" only (contacts that Outlook for iOS saves into "
                    "the Contacts app).");
  }
  read_account(reader, table, where, book);
  read_files(reader, table, where, book);
  return book;
}

} // namespace

void ProfileReader::warn(const toml::source_region& where, std::string code, std::string message)
{
  warnings.report(
      {check.file(), where.begin.line, Severity::warning, std::move(code), std::move(message)});
}

bool is_plain_id(std::string_view id)
{
  return !id.empty() && id.front() != '-' && std::all_of(id.begin(), id.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
  });
}

bool zone_fits(Platform platform, Zone zone)
{
  switch (platform) {
  case Platform::ios:
    return zone == Zone::managed || zone == Zone::unmanaged;
  case Platform::android:
    return zone == Zone::personal || zone == Zone::work;
  case Platform::unmanaged:
    break;
  }
  return false;
}

std::string zone_choices(Platform platform)
{
  return platform == Platform::android ? "\"personal\" or \"work\""
                                       : "\"managed\" or \"unmanaged\"";
}

void read_android(ProfileReader& reader, const toml::table& root)
{
  const toml::table* table = reader.check.table(root, "android", "the profile");
  if (table == nullptr) {
    return;
  }
  check_platform_table(reader, *table, Platform::android);
  reader.check.check_keys(*table, "[android]", k_android_keys);
  auto& android = reader.profile.android;
  read_bool(reader, *table, "[android]", "work_profile", android.work_profile);
  read_bool(reader,
            *table,
            "[android]",
            "showWorkContactsInPersonalProfile",
            android.show_work_contacts_in_personal_profile);
  if (!android.work_profile && table->get("showWorkContactsInPersonalProfile") != nullptr) {
    reader.warn(table->get("showWorkContactsInPersonalProfile")->source(),
                "device.android.no-effect",
                "showWorkContactsInPersonalProfile has no effect without a work profile "
                "(work_profile = false); it was ignored.");
  }
}

void read_ios(ProfileReader& reader, const toml::table& root)
{
  const toml::table* table = reader.check.table(root, "ios", "the profile");
  if (table == nullptr) {
    return;
  }
  check_platform_table(reader, *table, Platform::ios);
  reader.check.check_keys(*table, "[ios]", k_ios_keys);
  auto& ios = reader.profile.ios;
  read_bool(reader,
            *table,
            "[ios]",
            "allowOpenFromManagedToUnmanaged",
            ios.allow_open_from_managed_to_unmanaged);
  read_bool(reader,
            *table,
            "[ios]",
            "allowUnmanagedToReadManagedContacts",
            ios.allow_unmanaged_to_read_managed_contacts);
  read_bool(reader,
            *table,
            "[ios]",
            "allowManagedToWriteUnmanagedContacts",
            ios.allow_managed_to_write_unmanaged_contacts);
  read_bool(reader, *table, "[ios]", "outlook_contact_sync", ios.outlook_contact_sync);
  if (!ios.allow_open_from_managed_to_unmanaged) {
    return;
  }
  // Apple, com.apple.applicationaccess: "If allowOpenFromManagedToUnmanaged is true, this
  // restriction has no effect." (both contact restrictions, iOS 12+).
  for (const std::string_view key :
       {"allowUnmanagedToReadManagedContacts", "allowManagedToWriteUnmanagedContacts"}) {
    const auto* value = table->get_as<bool>(key);
    if (value != nullptr && value->get()) {
      reader.warn(value->source(),
                  "device.ios.no-effect",
                  std::string(key) +
                      " = true has no effect while allowOpenFromManagedToUnmanaged is true "
                      "(Apple: \"If allowOpenFromManagedToUnmanaged is true, this restriction "
                      "has no effect.\"); it was ignored.");
    }
  }
}

void read_books(ProfileReader& reader, const toml::table& root)
{
  const toml::array* books = reader.check.table_array(root, "address_book", "the profile");
  if (books == nullptr) {
    return;
  }
  std::set<std::string> names;
  for (std::size_t i = 0; i < books->size(); ++i) {
    const toml::table& table = *books->get(i)->as_table();
    AddressBook book = read_book(reader, table, i);
    if (!book.name.empty() && !names.insert(book.name).second) {
      reader.check.error(table.get("name")->source(),
                         "The address book name \"" + book.name +
                             "\" is used twice; give each [[address_book]] its own name.");
    }
    reader.profile.address_books.push_back(std::move(book));
  }
}

} // namespace contact_audit::exposure::detail
