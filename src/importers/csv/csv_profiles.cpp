// SPDX-License-Identifier: MIT
// Built-in column profiles: the header names of Google, Outlook, Thunderbird and Apple exports.
#include "csv_columns.hpp"

#include <contact_audit/core/text.hpp>

#include <span>
#include <unordered_map>

namespace contact_audit::importers::csv {

namespace {

// One header name of a profile. `spec` lists canonical type words, plus "pref"
// for the preferred entry; for address columns the words also name the group.
struct Alias
{
  std::string_view name;
  Field field;
  std::string_view spec = {};
};

using F = Field;

// Google Contacts, export format used until about 2023 (research/importers.md §1.1).
// clang-format off
constexpr Alias k_google_old[] = {
    {"Name", F::display_name}, {"Given Name", F::given}, {"Additional Name", F::additional},
    {"Family Name", F::family}, {"Yomi Name", F::ignore}, {"Given Name Yomi", F::ignore},
    {"Additional Name Yomi", F::ignore}, {"Family Name Yomi", F::ignore},
    {"Name Prefix", F::prefix}, {"Name Suffix", F::suffix}, {"Initials", F::ignore},
    {"Nickname", F::ignore}, {"Short Name", F::ignore}, {"Maiden Name", F::ignore},
    {"Birthday", F::ignore}, {"Gender", F::ignore}, {"Location", F::ignore},
    {"Billing Information", F::ignore}, {"Directory Server", F::ignore}, {"Mileage", F::ignore},
    {"Occupation", F::role}, {"Hobby", F::ignore}, {"Sensitivity", F::ignore},
    {"Priority", F::ignore}, {"Subject", F::ignore}, {"Notes", F::ignore}, {"Language", F::ignore},
    {"Photo", F::ignore}, {"Group Membership", F::category},
};

// Google Contacts, export format since about 2023 (research/importers.md §1.2).
constexpr Alias k_google_new[] = {
    {"First Name", F::given}, {"Middle Name", F::additional}, {"Last Name", F::family},
    {"Phonetic First Name", F::ignore}, {"Phonetic Middle Name", F::ignore},
    {"Phonetic Last Name", F::ignore}, {"Name Prefix", F::prefix}, {"Name Suffix", F::suffix},
    {"Nickname", F::ignore}, {"File As", F::ignore}, {"Organization Name", F::organisation},
    {"Organization Title", F::title}, {"Organization Department", F::department},
    {"Birthday", F::ignore}, {"Notes", F::ignore}, {"Photo", F::ignore}, {"Labels", F::category},
};

// Outlook "Comma Separated Values" export, English (research/importers.md §1.3).
constexpr Alias k_outlook_en[] = {
    {"Title", F::prefix}, {"First Name", F::given}, {"Middle Name", F::additional},
    {"Last Name", F::family}, {"Suffix", F::suffix}, {"Company", F::organisation},
    {"Department", F::department}, {"Job Title", F::title}, {"Business Street", F::address, "work"},
    {"Business Street 2", F::address, "work"}, {"Business Street 3", F::address, "work"},
    {"Business City", F::address, "work"}, {"Business State", F::address, "work"},
    {"Business Postal Code", F::address, "work"}, {"Business Country/Region", F::address, "work"},
    {"Business Country", F::address, "work"}, {"Business Address PO Box", F::address, "work"},
    {"Home Street", F::address, "home"}, {"Home Street 2", F::address, "home"},
    {"Home Street 3", F::address, "home"}, {"Home City", F::address, "home"},
    {"Home State", F::address, "home"}, {"Home Postal Code", F::address, "home"},
    {"Home Country/Region", F::address, "home"}, {"Home Country", F::address, "home"},
    {"Home Address PO Box", F::address, "home"}, {"Other Street", F::address, "other"},
    {"Other Street 2", F::address, "other"}, {"Other Street 3", F::address, "other"},
    {"Other City", F::address, "other"}, {"Other State", F::address, "other"},
    {"Other Postal Code", F::address, "other"}, {"Other Country/Region", F::address, "other"},
    {"Other Country", F::address, "other"}, {"Other Address PO Box", F::address, "other"},
    {"Assistant's Phone", F::phone, "work"}, {"Business Fax", F::phone, "work fax"},
    {"Business Phone", F::phone, "work voice"}, {"Business Phone 2", F::phone, "work voice"},
    {"Callback", F::phone, "other"}, {"Car Phone", F::phone, "car"},
    {"Company Main Phone", F::phone, "work main"}, {"Home Fax", F::phone, "home fax"},
    {"Home Phone", F::phone, "home voice"}, {"Home Phone 2", F::phone, "home voice"},
    {"ISDN", F::phone, "isdn"}, {"Mobile Phone", F::phone, "cell"},
    {"Other Fax", F::phone, "other fax"}, {"Other Phone", F::phone, "other"},
    {"Pager", F::phone, "pager"}, {"Primary Phone", F::phone, "pref"},
    {"Radio Phone", F::phone, "other"}, {"TTY/TDD Phone", F::phone, "textphone"},
    {"Telex", F::ignore}, {"Account", F::ignore}, {"Anniversary", F::ignore},
    {"Assistant's Name", F::ignore}, {"Billing Information", F::ignore}, {"Birthday", F::ignore},
    {"Categories", F::category}, {"Children", F::ignore}, {"Directory Server", F::ignore},
    {"E-mail Address", F::email}, {"E-mail Type", F::ignore}, {"E-mail Display Name", F::ignore},
    {"E-mail 2 Address", F::email}, {"E-mail 2 Type", F::ignore},
    {"E-mail 2 Display Name", F::ignore}, {"E-mail 3 Address", F::email},
    {"E-mail 3 Type", F::ignore}, {"E-mail 3 Display Name", F::ignore}, {"Gender", F::ignore},
    {"Government ID Number", F::ignore}, {"Hobby", F::ignore}, {"Initials", F::ignore},
    {"Internet Free Busy", F::ignore}, {"Keywords", F::ignore}, {"Language", F::ignore},
    {"Location", F::ignore}, {"Manager's Name", F::ignore}, {"Mileage", F::ignore},
    {"Notes", F::ignore}, {"Office Location", F::ignore}, {"Organizational ID Number", F::ignore},
    {"Priority", F::ignore}, {"Private", F::ignore}, {"Profession", F::role},
    {"Referred By", F::ignore}, {"Sensitivity", F::ignore}, {"Spouse", F::ignore},
    {"User 1", F::ignore}, {"User 2", F::ignore}, {"User 3", F::ignore}, {"User 4", F::ignore},
    {"Web Page", F::ignore},
};

// Outlook export, German: the names of Outlook 2007 and 2013 and of older
// versions (research/importers.md §1.4); parentheses and "/r" endings fold away.
constexpr Alias k_outlook_de[] = {
    {"Anrede", F::prefix}, {"Vorname", F::given}, {"Weitere Vornamen", F::additional},
    {"Nachname", F::family}, {"Suffix", F::suffix}, {"Firma", F::organisation},
    {"Abteilung", F::department}, {"Position", F::title},
    {"Straße geschäftlich", F::address, "work"}, {"Straße geschäftlich 2", F::address, "work"},
    {"Straße geschäftlich 3", F::address, "work"}, {"Ort geschäftlich", F::address, "work"},
    {"Region geschäftlich", F::address, "work"}, {"Postleitzahl geschäftlich", F::address, "work"},
    {"Land/Region geschäftlich", F::address, "work"}, {"Land geschäftlich", F::address, "work"},
    {"Postfach geschäftlich", F::address, "work"}, {"Straße privat", F::address, "home"},
    {"Straße privat 2", F::address, "home"}, {"Straße privat 3", F::address, "home"},
    {"Ort privat", F::address, "home"}, {"Bundesland/Kanton privat", F::address, "home"},
    {"Postleitzahl privat", F::address, "home"}, {"Land/Region privat", F::address, "home"},
    {"Land privat", F::address, "home"}, {"Postfach privat", F::address, "home"},
    {"Weitere Straße", F::address, "other"}, {"Weitere Straße 2", F::address, "other"},
    {"Weitere Straße 3", F::address, "other"}, {"Weiterer Ort", F::address, "other"},
    {"Weiteres/r Bundesland/Kanton", F::address, "other"},
    {"Weitere Postleitzahl", F::address, "other"}, {"Weiteres/e Land/Region", F::address, "other"},
    {"Weiteres Postfach", F::address, "other"}, {"Telefon Assistent", F::phone, "work"},
    {"Fax geschäftlich", F::phone, "work fax"}, {"Telefon geschäftlich", F::phone, "work voice"},
    {"Telefon geschäftlich 2", F::phone, "work voice"}, {"Rückmeldung", F::phone, "other"},
    {"Autotelefon", F::phone, "car"}, {"Telefon Firma", F::phone, "work main"},
    {"Fax privat", F::phone, "home fax"}, {"Telefon (privat)", F::phone, "home voice"},
    {"Telefon (privat 2)", F::phone, "home voice"}, {"ISDN", F::phone, "isdn"},
    {"Mobiltelefon", F::phone, "cell"}, {"Mobiltelefon 2", F::phone, "cell"},
    {"Weiteres Fax", F::phone, "other fax"}, {"Weiteres Telefon", F::phone, "other"},
    {"Pager", F::phone, "pager"}, {"Haupttelefon", F::phone, "pref"},
    {"Telefon für Hörbehinderte", F::phone, "textphone"}, {"Funkruf", F::phone, "other"},
    {"Telex", F::ignore}, {"Abrechnungsinformation", F::ignore}, {"Assistent(in)", F::ignore},
    {"Name Assistent", F::ignore}, {"Benutzer 1", F::ignore}, {"Benutzer 2", F::ignore},
    {"Benutzer 3", F::ignore}, {"Benutzer 4", F::ignore}, {"Beruf", F::role}, {"Büro", F::ignore},
    {"E-Mail-Adresse", F::email}, {"E-Mail-Typ", F::ignore},
    {"E-Mail: Angezeigter Name", F::ignore}, {"E-Mail 2: Adresse", F::email},
    {"E-Mail 2: Typ", F::ignore}, {"E-Mail 2: Angezeigter Name", F::ignore},
    {"E-Mail 3: Adresse", F::email}, {"E-Mail 3: Typ", F::ignore},
    {"E-Mail 3: Angezeigter Name", F::ignore}, {"Empfohlen von", F::ignore},
    {"Geburtstag", F::ignore}, {"Geschlecht", F::ignore}, {"Hobby", F::ignore},
    {"Initialen", F::ignore}, {"Internet Frei/Gebucht", F::ignore}, {"Jahrestag", F::ignore},
    {"Kategorien", F::category}, {"Kinder", F::ignore}, {"Konto", F::ignore},
    {"Name des/der Vorgesetzten", F::ignore}, {"Notizen", F::ignore},
    {"Organisationsnr.", F::ignore}, {"Ort", F::ignore}, {"Partner", F::ignore},
    {"Priorität", F::ignore}, {"Privat", F::ignore}, {"Reisekilometer", F::ignore},
    {"Sozialversicherungsnr.", F::ignore}, {"Regierungsnr.", F::ignore}, {"Sprache", F::ignore},
    {"Stichwörter", F::ignore}, {"Vertraulichkeit", F::ignore}, {"Verzeichnisserver", F::ignore},
    {"Webseite", F::ignore},
};

// Thunderbird export, English (mozilla/releases-comm-central export.csv).
constexpr Alias k_thunderbird[] = {
    {"First Name", F::given}, {"Last Name", F::family}, {"Display Name", F::display_name},
    {"Nickname", F::ignore}, {"Primary Email", F::email, "pref"}, {"Secondary Email", F::email},
    {"Screen Name", F::ignore}, {"Work Phone", F::phone, "work voice"},
    {"Home Phone", F::phone, "home voice"}, {"Fax Number", F::phone, "fax"},
    {"Pager Number", F::phone, "pager"}, {"Mobile Number", F::phone, "cell"},
    {"Home Address", F::address, "home"}, {"Home Address 2", F::address, "home"},
    {"Home City", F::address, "home"}, {"Home State", F::address, "home"},
    {"Home ZipCode", F::address, "home"}, {"Home Country", F::address, "home"},
    {"Work Address", F::address, "work"}, {"Work Address 2", F::address, "work"},
    {"Work City", F::address, "work"}, {"Work State", F::address, "work"},
    {"Work ZipCode", F::address, "work"}, {"Work Country", F::address, "work"},
    {"Job Title", F::title}, {"Department", F::department}, {"Organization", F::organisation},
    {"Web Page 1", F::ignore}, {"Web Page 2", F::ignore}, {"Birth Year", F::ignore},
    {"Birth Month", F::ignore}, {"Birth Day", F::ignore}, {"Custom 1", F::ignore},
    {"Custom 2", F::ignore}, {"Custom 3", F::ignore}, {"Custom 4", F::ignore}, {"Notes", F::ignore},
};

// Thunderbird export, German locale (the names of its de importMsgs.properties).
constexpr Alias k_thunderbird_de[] = {
    {"Vorname", F::given}, {"Nachname", F::family}, {"Anzeigename", F::display_name},
    {"Spitzname", F::ignore}, {"Primäre E-Mail-Adresse", F::email, "pref"},
    {"Sekundäre E-Mail-Adresse", F::email}, {"Messenger-Name", F::ignore},
    {"Tel. dienstlich", F::phone, "work voice"}, {"Tel. privat", F::phone, "home voice"},
    {"Fax-Nummer", F::phone, "fax"}, {"Pager-Nummer", F::phone, "pager"},
    {"Mobil-Tel.-Nr.", F::phone, "cell"}, {"Privat: Adresse", F::address, "home"},
    {"Privat: Adresse 2", F::address, "home"}, {"Privat: Ort", F::address, "home"},
    {"Privat: Bundesland", F::address, "home"}, {"Privat: PLZ", F::address, "home"},
    {"Privat: Land", F::address, "home"}, {"Dienstlich: Adresse", F::address, "work"},
    {"Dienstlich: Adresse 2", F::address, "work"}, {"Dienstlich: Ort", F::address, "work"},
    {"Dienstlich: Bundesland", F::address, "work"}, {"Dienstlich: PLZ", F::address, "work"},
    {"Dienstlich: Land", F::address, "work"}, {"Arbeitstitel", F::title},
    {"Abteilung", F::department}, {"Organisation", F::organisation}, {"Webseite 1", F::ignore},
    {"Webseite 2", F::ignore}, {"Geburtsjahr", F::ignore}, {"Geburtsmonat", F::ignore},
    {"Geburtstag", F::ignore}, {"Benutzerdef. 1", F::ignore}, {"Benutzerdef. 2", F::ignore},
    {"Benutzerdef. 3", F::ignore}, {"Benutzerdef. 4", F::ignore}, {"Notizen", F::ignore},
};

// Apple-style tab-separated German export (tine20 adb_mac_import.csv).
constexpr Alias k_mac_de[] = {
    {"Vorname", F::given}, {"Ausspracheform Vorname", F::ignore}, {"Nachname", F::family},
    {"Ausspracheform Nachname", F::ignore}, {"Zweiter Vorname", F::additional},
    {"Titel", F::prefix}, {"Suffix", F::suffix}, {"Spitzname", F::ignore},
    {"Firma", F::organisation}, {"Abteilung", F::department}, {"Berufsbezeichnung", F::title},
    {"Arbeitsadresse Land", F::address, "work"}, {"Arbeitsadresse Strasse", F::address, "work"},
    {"Arbeitsadresse Stadt", F::address, "work"}, {"Arbeitsadresse Bundesland", F::address, "work"},
    {"Arbeitsadresse PLZ", F::address, "work"}, {"Privatadresse Land", F::address, "home"},
    {"Privatadresse Strasse", F::address, "home"}, {"Privatadresse Stadt", F::address, "home"},
    {"Privatadresse Bundesland", F::address, "home"}, {"Privatadresse PLZ", F::address, "home"},
    {"Andere Adr. Strasse", F::address, "other"}, {"Andere Adr. Stadt", F::address, "other"},
    {"Andere Adr. Bundesland", F::address, "other"}, {"Andere Adr. PLZ", F::address, "other"},
    {"Andere Adr. Land", F::address, "other"}, {"Arbeit E-Mail", F::email, "work"},
    {"Privat E-Mail", F::email, "home"}, {"Andere E-Mail", F::email, "other"},
    {"Arbeit Telefon", F::phone, "work voice"}, {"Privat Telefon", F::phone, "home voice"},
    {"Hauptnummer", F::phone, "main"}, {"Mobiltelefon", F::phone, "cell"},
    {"Pager Nummer", F::phone, "pager"}, {"Andere Telefonnummer", F::phone, "other"},
    {"Arbeit Fax", F::phone, "work fax"}, {"Privat Fax", F::phone, "home fax"},
    {"Arbeit AIM", F::ignore}, {"Privat AIM", F::ignore}, {"Arbeit Jabber", F::ignore},
    {"Privat Jabber", F::ignore}, {"Arbeit MSN", F::ignore}, {"Privat MSN", F::ignore},
    {"Arbeit Yahoo", F::ignore}, {"Privat Yahoo", F::ignore}, {"Arbeit ICQ", F::ignore},
    {"Privat ICQ", F::ignore}, {"Homepage", F::ignore}, {"Notizen", F::ignore},
    {"Geburtstag", F::ignore},
};

// Common German and English column names of hand-made and CRM files (tine20's
// own export and lx-office customers included).
constexpr Alias k_generic[] = {
    {"Name", F::display_name}, {"Display Name", F::display_name}, {"Anzeigename", F::display_name},
    {"Full Name", F::display_name}, {"Vollständiger Name", F::display_name}, {"Vorname", F::given},
    {"First Name", F::given}, {"Firstname", F::given}, {"Given Name", F::given},
    {"Nachname", F::family}, {"Familienname", F::family}, {"Last Name", F::family},
    {"Lastname", F::family}, {"Surname", F::family}, {"Family Name", F::family},
    {"Zweiter Vorname", F::additional}, {"Middle Name", F::additional}, {"Anrede", F::prefix},
    {"Salutation", F::prefix}, {"Titel", F::prefix}, {"Title", F::title},
    {"Firma", F::organisation}, {"Unternehmen", F::organisation}, {"Company", F::organisation},
    {"Organisation", F::organisation}, {"Organization", F::organisation},
    {"Firmenname", F::organisation}, {"Abteilung", F::department}, {"Department", F::department},
    {"Position", F::title}, {"Funktion", F::title}, {"Job Title", F::title},
    {"Berufsbezeichnung", F::title}, {"Rolle", F::role}, {"Role", F::role}, {"Beruf", F::role},
    {"Telefon", F::phone}, {"Tel", F::phone}, {"Telefonnummer", F::phone}, {"Phone", F::phone},
    {"Phone Number", F::phone}, {"Telephone", F::phone}, {"Festnetz", F::phone, "voice"},
    {"Telefon geschäftlich", F::phone, "work voice"},
    {"Telefon dienstlich", F::phone, "work voice"}, {"Tel. dienstlich", F::phone, "work voice"},
    {"Telefon privat", F::phone, "home voice"}, {"Tel. privat", F::phone, "home voice"},
    {"Work Phone", F::phone, "work voice"}, {"Business Phone", F::phone, "work voice"},
    {"Home Phone", F::phone, "home voice"}, {"Mobil", F::phone, "cell"},
    {"Handy", F::phone, "cell"}, {"Mobilnummer", F::phone, "cell"},
    {"Handynummer", F::phone, "cell"}, {"Mobiltelefon", F::phone, "cell"},
    {"Mobile", F::phone, "cell"}, {"Mobile Phone", F::phone, "cell"}, {"Cell", F::phone, "cell"},
    {"Cell Phone", F::phone, "cell"}, {"Fax", F::phone, "fax"}, {"Telefax", F::phone, "fax"},
    {"Vorwahl", F::area_code}, {"Vorwahl Tel", F::area_code}, {"Vorwahl Telefon", F::area_code},
    {"Area Code", F::area_code}, {"E-Mail", F::email}, {"Email", F::email}, {"Mail", F::email},
    {"E-Mail-Adresse", F::email}, {"Email Address", F::email}, {"E-mail Address", F::email},
    {"Mailadresse", F::email}, {"Kategorie", F::category}, {"Kategorien", F::category},
    {"Gruppe", F::category}, {"Gruppen", F::category}, {"Category", F::category},
    {"Categories", F::category}, {"Group", F::category}, {"Groups", F::category},
    {"Tags", F::category}, {"Labels", F::category}, {"Kundennummer", F::uid}, {"Kundennr.", F::uid},
    {"Customer Number", F::uid}, {"UID", F::uid}, {"Straße", F::address}, {"Street", F::address},
    {"PLZ", F::address}, {"Postleitzahl", F::address}, {"Zip", F::address}, {"Zipcode", F::address},
    {"Postal Code", F::address}, {"Ort", F::address}, {"Stadt", F::address}, {"City", F::address},
    {"Land", F::address}, {"Country", F::address}, {"Adresse", F::address}, {"Address", F::address},
    {"Notiz", F::ignore}, {"Notizen", F::ignore}, {"Notes", F::ignore}, {"Bemerkung", F::ignore},
    {"Geburtstag", F::ignore}, {"Birthday", F::ignore}, {"Website", F::ignore},
    {"Webseite", F::ignore}, {"Homepage", F::ignore}, {"URL", F::ignore},
    // tine20's own field names.
    {"n_fn", F::display_name}, {"n_given", F::given}, {"n_middle", F::additional},
    {"n_family", F::family}, {"n_prefix", F::prefix}, {"n_suffix", F::suffix},
    {"n_fileas", F::ignore}, {"org_name", F::organisation}, {"org_unit", F::department},
    {"role", F::role}, {"salutation", F::prefix}, {"tel_work", F::phone, "work voice"},
    {"tel_cell", F::phone, "cell"}, {"tel_cell_private", F::phone, "home cell"},
    {"tel_fax", F::phone, "work fax"}, {"tel_fax_home", F::phone, "home fax"},
    {"tel_home", F::phone, "home voice"}, {"tel_car", F::phone, "car"},
    {"tel_assistent", F::phone, "work"}, {"tel_other", F::phone, "other"},
    {"tel_pager", F::phone, "pager"}, {"tel_prefer", F::phone, "pref"},
    {"email_home", F::email, "home"}, {"adr_one_street", F::address, "work"},
    {"adr_one_street2", F::address, "work"}, {"adr_one_locality", F::address, "work"},
    {"adr_one_postalcode", F::address, "work"}, {"adr_one_region", F::address, "work"},
    {"adr_one_countryname", F::address, "work"}, {"adr_two_street", F::address, "home"},
    {"adr_two_street2", F::address, "home"}, {"adr_two_locality", F::address, "home"},
    {"adr_two_postalcode", F::address, "home"}, {"adr_two_region", F::address, "home"},
    {"adr_two_countryname", F::address, "home"}, {"tags", F::category}, {"note", F::ignore},
    {"bday", F::ignore}, {"room", F::ignore}, {"assistent", F::ignore}, {"url_home", F::ignore},
    {"adr_one_lon", F::ignore}, {"adr_one_lat", F::ignore}, {"adr_two_lon", F::ignore},
    {"adr_two_lat", F::ignore}, {"calendar_uri", F::ignore}, {"freebusy_uri", F::ignore},
    {"geo", F::ignore}, {"container_id", F::ignore}, {"pubkey", F::ignore}, {"tz", F::ignore},
    {"type", F::ignore}, {"account_id", F::ignore},
    // lx-office customer export: the row is a customer, cp_* its contact person.
    {"customernumber", F::uid}, {"greeting", F::prefix}, {"department_1", F::department},
    {"zipcode", F::address}, {"cp_givenname", F::given}, {"cp_name", F::family},
    {"cp_phone1", F::phone, "work voice"}, {"cp_phone2", F::phone, "work voice"},
    {"cp_fax", F::phone, "work fax"}, {"cp_mobile1", F::phone, "cell"},
    {"cp_mobile2", F::phone, "cell"}, {"cp_email", F::email, "work"}, {"cp_greeting", F::ignore},
    {"cp_title", F::ignore}, {"cp_position", F::title}, {"cp_abteilung", F::department},
};
// clang-format on

struct ProfileTable
{
  std::string_view name;
  std::span<const Alias> aliases;
};

constexpr ProfileTable k_profiles[] = {
    {"google-old", k_google_old},
    {"google-new", k_google_new},
    {"outlook-en", k_outlook_en},
    {"outlook-de", k_outlook_de},
    {"thunderbird", k_thunderbird},
    {"thunderbird-de", k_thunderbird_de},
    {"mac-de", k_mac_de},
    {"generic", k_generic},
};

ColumnRole role_from_alias(const Alias& alias)
{
  ColumnRole role;
  role.field = alias.field;
  for (const std::string_view word : split(alias.spec, ' ')) {
    if (word == "pref") {
      role.preferred = true;
    } else if (!word.empty()) {
      role.types.emplace_back(word);
    }
  }
  if (alias.field == Field::address) {
    role.group = std::string(alias.spec);
  }
  return role;
}

// A profile's aliases by normalised name; the first alias of a name wins.
struct CompiledProfile
{
  std::vector<std::pair<std::string, ColumnRole>> entries;
  std::unordered_map<std::string, std::size_t> index;
};

const std::vector<CompiledProfile>& compiled_profiles()
{
  static const std::vector<CompiledProfile> compiled = [] {
    std::vector<CompiledProfile> result;
    for (const ProfileTable& table : k_profiles) {
      CompiledProfile profile;
      for (const Alias& alias : table.aliases) {
        std::string key = normalise_header_name(alias.name);
        if (profile.index.emplace(key, profile.entries.size()).second) {
          profile.entries.emplace_back(std::move(key), role_from_alias(alias));
        }
      }
      result.push_back(std::move(profile));
    }
    return result;
  }();
  return compiled;
}

} // namespace

const std::vector<std::string_view>& profile_names()
{
  static const std::vector<std::string_view> names = [] {
    std::vector<std::string_view> result;
    for (const ProfileTable& table : k_profiles) {
      result.push_back(table.name);
    }
    return result;
  }();
  return names;
}

const ColumnRole* find_profile_column(std::size_t profile, std::string_view key)
{
  const CompiledProfile& compiled = compiled_profiles().at(profile);
  if (const auto found = compiled.index.find(std::string(key)); found != compiled.index.end()) {
    return &compiled.entries[found->second].second;
  }
  if (key.find("\xEF\xBF\xBD") == std::string_view::npos) {
    return nullptr;
  }
  for (const auto& [alias_key, role] : compiled.entries) {
    if (fuzzy_name_match(key, alias_key)) {
      return &role;
    }
  }
  return nullptr;
}

} // namespace contact_audit::importers::csv
