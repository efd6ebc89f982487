// SPDX-License-Identifier: MIT
// CSV reader: the built-in column profiles and tolerant header matching.
#include "test_importers_csv_support.hpp"

#include <doctest/doctest.h>

using namespace contact_audit;
using csv_test::read_csv;
using csv_test::types_of;

namespace {

// "raw:types" of every phone, e.g. "0301:work voice".
std::vector<std::string> phones_of(const contact::Contact& contact)
{
  std::vector<std::string> result;
  for (const contact::Phone& phone : contact.phones) {
    result.push_back(phone.raw + ':' + types_of(phone) +
                     (phone.label.empty() ? "" : " label=" + phone.label) +
                     (phone.preferred ? " pref" : ""));
  }
  return result;
}

std::vector<std::string> emails_of(const contact::Contact& contact)
{
  std::vector<std::string> result;
  for (const contact::Email& email : contact.emails) {
    result.push_back(email.address + ':' + types_of(email) + (email.preferred ? " pref" : ""));
  }
  return result;
}

std::vector<std::string> addresses_of(const contact::Contact& contact)
{
  std::vector<std::string> result;
  for (const contact::Address& address : contact.addresses) {
    result.push_back(types_of(address));
  }
  return result;
}

using Strings = std::vector<std::string>;

} // namespace

TEST_SUITE("importers::CsvReader")
{
  TEST_CASE(
      "Google's old format: numbered groups of any number, ::: values, * labels and system groups")
  {
    const auto result =
        read_csv("Name,Given Name,Family Name,Group Membership,E-mail 1 - Type,E-mail 1 - Value,"
                 "Phone 1 - Type,Phone 1 - Value,Phone 7 - Type,Phone 7 - Value,Address 2 - "
                 "Type,Address 2 - City,"
                 "Organization 1 - Name,Organization 1 - Title,Organization 1 - Department,Website "
                 "1 - Value\n"
                 "Hans Meier,Hans,Meier,Kunden ::: * myContacts ::: * starred,* Work,hans@meier.de,"
                 "Work Fax,0301 ::: 0302,Mobile,0171,* Work,Berlin,Meier "
                 "GmbH,CEO,Vertrieb,https://meier.de\n");
    REQUIRE(result.contacts.size() == 1);
    const contact::Contact& contact = result.contacts[0];
    CHECK(contact.display_name == "Hans Meier");
    CHECK(phones_of(contact) == Strings{"0301:work fax", "0302:work fax", "0171:cell"});
    CHECK(emails_of(contact) == Strings{"hans@meier.de:work"});
    CHECK(addresses_of(contact) == Strings{"work"});
    CHECK(contact.categories == Strings{"Kunden"});
    CHECK(contact.organisation == "Meier GmbH");
    CHECK(contact.title == "CEO");
    CHECK(contact.department == "Vertrieb");
    CHECK(result.stats.detected_profile == "google-old");
    CHECK(result.diagnostics.empty());
  }

  TEST_CASE("Google's new format: Labels, '- Label' columns, organisation columns and free labels")
  {
    const auto result = read_csv(
        "First Name,Middle Name,Last Name,Organization Name,Organization Title,Organization "
        "Department,"
        "Labels,E-mail 1 - Label,E-mail 1 - Value,Phone 1 - Label,Phone 1 - Value,Phone 12 - Label,"
        "Phone 12 - Value,Address 1 - Label,Address 1 - Street\n"
        "Eva,,Schmidt,ACME AG,Einkauf,Zentrale,Lieferanten ::: * myContacts,* "
        "Home,eva@x.de,Piraten,"
        "+49 40 123,* Work,+49 40 999,* Home,Weg 1\n");
    REQUIRE(result.contacts.size() == 1);
    const contact::Contact& contact = result.contacts[0];
    CHECK(contact.display_name == "Eva Schmidt");
    CHECK(phones_of(contact) == Strings{"+49 40 123: label=Piraten", "+49 40 999:work"});
    CHECK(emails_of(contact) == Strings{"eva@x.de:home"});
    CHECK(addresses_of(contact) == Strings{"home"});
    CHECK(contact.categories == Strings{"Lieferanten"});
    CHECK(contact.organisation == "ACME AG");
    CHECK(contact.title == "Einkauf");
    CHECK(contact.department == "Zentrale");
    CHECK(result.stats.detected_profile == "google-new");
  }

  TEST_CASE("Outlook in English: every phone column gets its type")
  {
    const auto result =
        read_csv("\"First Name\",\"Last Name\",\"Company\",\"Job Title\",\"Business "
                 "Phone\",\"Business Phone 2\","
                 "\"Home Phone\",\"Home Phone 2\",\"Mobile Phone\",\"Business Fax\",\"Home "
                 "Fax\",\"Other Fax\","
                 "\"Company Main Phone\",\"Primary Phone\",\"Car Phone\",\"Other "
                 "Phone\",\"Assistant's Phone\","
                 "\"Callback\",\"Radio Phone\",\"ISDN\",\"TTY/TDD "
                 "Phone\",\"Pager\",\"Telex\",\"E-mail Address\","
                 "\"E-mail 2 Address\",\"Categories\",\"Business City\",\"Birthday\"\r\n"
                 "\"John\",\"Smith\",\"Smith "
                 "Ltd\",\"Buyer\",\"01\",\"02\",\"03\",\"04\",\"05\",\"06\",\"07\",\"08\","
                 "\"09\",\"10\",\"11\",\"12\",\"13\",\"14\",\"15\",\"16\",\"17\",\"18\",\"19\",\"j@"
                 "smith.co.uk\","
                 "\"john@home.net\",\"Customers;VIP\",\"London\",\"0/0/00\"\r\n");
    REQUIRE(result.contacts.size() == 1);
    const contact::Contact& contact = result.contacts[0];
    CHECK(contact.display_name == "John Smith");
    CHECK(contact.organisation == "Smith Ltd");
    CHECK(contact.title == "Buyer");
    CHECK(phones_of(contact) == Strings{"01:work voice",
                                        "02:work voice",
                                        "03:home voice",
                                        "04:home voice",
                                        "05:cell",
                                        "06:work fax",
                                        "07:home fax",
                                        "08:other fax",
                                        "09:work main",
                                        "10: pref",
                                        "11:car",
                                        "12:other",
                                        "13:work",
                                        "14:other",
                                        "15:other",
                                        "16:isdn",
                                        "17:textphone",
                                        "18:pager"});
    CHECK(emails_of(contact) == Strings{"j@smith.co.uk:", "john@home.net:"});
    CHECK(contact.categories == Strings{"Customers", "VIP"});
    CHECK(addresses_of(contact) == Strings{"work"});
    CHECK(result.stats.detected_profile == "outlook-en");
    CHECK(result.diagnostics.empty());
  }

  TEST_CASE("Outlook in German: the names of several Outlook versions map to the same fields")
  {
    const std::string row =
        "Herr,Hans,Peter,Meier,Meier GmbH,Vertrieb,Leiter,0301,0302,0171,0172,0300,0399,"
        "0173,0309,0409,0500,0600,0401,0402,h@m.de,hp@x.de,h3@x.de,Kunden,0.0.00,x,y\r\n";
    const std::string common =
        "Anrede,Vorname,Weitere Vornamen,Nachname,Firma,Abteilung,Position,"
        "Telefon geschäftlich,Telefon geschäftlich 2,Mobiltelefon,Mobiltelefon 2,"
        "Telefon Firma,Haupttelefon,Autotelefon,Fax geschäftlich,Fax privat,"
        "Weiteres Telefon,Pager,";
    std::string header;
    SUBCASE("Outlook 2013")
    {
      header = common +
               "Telefon (privat),Telefon (privat 2),E-Mail-Adresse,E-Mail 2: Adresse,"
               "E-Mail 3: Adresse,Kategorien,Geburtstag,Assistent(in),Name des/r Vorgesetzten\r\n";
    }
    SUBCASE("Outlook 2007 and older")
    {
      header = common + "Telefon privat,Telefon privat 2,E-Mail-Adresse,E-Mail 2: Adresse,"
                        "E-Mail 3: Adresse,Kategorien,Geburtstag,Internet-Frei/Gebucht,"
                        "Name des/der Vorgesetzten\r\n";
    }
    const auto result = read_csv(header + row);
    REQUIRE(result.contacts.size() == 1);
    const contact::Contact& contact = result.contacts[0];
    CHECK(contact.display_name == "Hans Peter Meier");
    CHECK(contact.name.prefix == "Herr");
    CHECK(contact.organisation == "Meier GmbH");
    CHECK(contact.department == "Vertrieb");
    CHECK(contact.title == "Leiter");
    CHECK(phones_of(contact) == Strings{"0301:work voice",
                                        "0302:work voice",
                                        "0171:cell",
                                        "0172:cell",
                                        "0300:work main",
                                        "0399: pref",
                                        "0173:car",
                                        "0309:work fax",
                                        "0409:home fax",
                                        "0500:other",
                                        "0600:pager",
                                        "0401:home voice",
                                        "0402:home voice"});
    CHECK(emails_of(contact) == Strings{"h@m.de:", "hp@x.de:", "h3@x.de:"});
    CHECK(contact.categories == Strings{"Kunden"});
    CHECK(result.stats.detected_profile == "outlook-de");
    CHECK(result.diagnostics.empty());
  }

  TEST_CASE("Thunderbird in English: phones, e-mails and organisation")
  {
    const auto result = read_csv(
        "First Name,Last Name,Display Name,Primary Email,Secondary Email,Work Phone,Home Phone,Fax "
        "Number,"
        "Pager Number,Mobile Number,Organization,Department,Job Title,Work City,\r\n"
        "Jo,Bloggs,Jo Bloggs,jo@firm.com,jo@home.net,01,02,03,04,05,Firm,IT,Admin,Leeds,\r\n");
    REQUIRE(result.contacts.size() == 1);
    const contact::Contact& contact = result.contacts[0];
    CHECK(phones_of(contact) ==
          Strings{"01:work voice", "02:home voice", "03:fax", "04:pager", "05:cell"});
    CHECK(emails_of(contact) == Strings{"jo@firm.com: pref", "jo@home.net:"});
    CHECK(contact.organisation == "Firm");
    CHECK(contact.department == "IT");
    CHECK(contact.title == "Admin");
    CHECK(addresses_of(contact) == Strings{"work"});
    CHECK(result.stats.detected_profile == "thunderbird");
  }

  TEST_CASE("Thunderbird in German: the names of its German export")
  {
    const auto result = read_csv(
        "Vorname,Nachname,Anzeigename,Spitzname,Primäre E-Mail-Adresse,Sekundäre E-Mail-Adresse,"
        "Tel. dienstlich,Tel. privat,Fax-Nummer,Pager-Nummer,Mobil-Tel.-Nr.,Privat: "
        "Ort,Arbeitstitel,"
        "Abteilung,Organisation,Benutzerdef. 1,Notizen\n"
        "Uwe,Kurz,Uwe Kurz,uk,uwe@kurz.de,,030 1,030 2,030 3,,0171 4,Köln,Prokurist,Recht,Kurz "
        "AG,,\n");
    REQUIRE(result.contacts.size() == 1);
    const contact::Contact& contact = result.contacts[0];
    CHECK(contact.display_name == "Uwe Kurz");
    CHECK(phones_of(contact) ==
          Strings{"030 1:work voice", "030 2:home voice", "030 3:fax", "0171 4:cell"});
    CHECK(emails_of(contact) == Strings{"uwe@kurz.de: pref"});
    CHECK(contact.title == "Prokurist");
    CHECK(contact.organisation == "Kurz AG");
    CHECK(addresses_of(contact) == Strings{"home"});
    CHECK(result.stats.detected_profile == "thunderbird-de");
    CHECK(result.diagnostics.empty());
  }

  TEST_CASE("Apple-style German tab-separated export")
  {
    const auto result =
        read_csv("Vorname\tNachname\tFirma\tBerufsbezeichnung\tArbeit E-Mail\tPrivat E-Mail\t"
                 "Arbeit Telefon\tPrivat Telefon\tHauptnummer\tMobiltelefon\tPager Nummer\t"
                 "Arbeit Fax\tPrivatadresse Stadt\n"
                 "Max\tMuster\tMusterfirma\tPrüfer\tmax@firma.de\tmax@web.de\t040 1\t040 2\t"
                 "040 3\t0171 4\t040 5\t040 6\tHamburg\n");
    REQUIRE(result.contacts.size() == 1);
    const contact::Contact& contact = result.contacts[0];
    CHECK(phones_of(contact) == Strings{"040 1:work voice",
                                        "040 2:home voice",
                                        "040 3:main",
                                        "0171 4:cell",
                                        "040 5:pager",
                                        "040 6:work fax"});
    CHECK(emails_of(contact) == Strings{"max@firma.de:work", "max@web.de:home"});
    CHECK(contact.title == "Prüfer");
    CHECK(addresses_of(contact) == Strings{"home"});
    CHECK(result.stats.detected_profile == "mac-de");
  }

  TEST_CASE("generic German and English column names")
  {
    SUBCASE("German")
    {
      const auto result = read_csv(
          "Name;Firma;Telefon;Handy;Fax;E-Mail;Position;Abteilung;Gruppe\n"
          "Frau Dr. Roth;Roth KG;0221 1;0160 2;0221 3;roth@kg.de;Inhaberin;GF;Kunden, VIP\n");
      REQUIRE(result.contacts.size() == 1);
      const contact::Contact& contact = result.contacts[0];
      CHECK(contact.display_name == "Frau Dr. Roth");
      CHECK(contact.organisation == "Roth KG");
      CHECK(phones_of(contact) == Strings{"0221 1:", "0160 2:cell", "0221 3:fax"});
      CHECK(contact.title == "Inhaberin");
      CHECK(contact.department == "GF");
      CHECK(contact.categories == Strings{"Kunden", "VIP"});
      CHECK(result.stats.detected_profile == "generic");
    }
    SUBCASE("English")
    {
      const auto result = read_csv(
          "Surname,Firstname,Company,Phone,Mobile,Email\nLee,Ann,Lee Inc,01,02,ann@lee.com\n");
      REQUIRE(result.contacts.size() == 1);
      CHECK(result.contacts[0].display_name == "Ann Lee");
      CHECK(phones_of(result.contacts[0]) == Strings{"01:", "02:cell"});
    }
    SUBCASE("area code and number in two columns are joined")
    {
      const auto result = read_csv("Vorwahl_Tel;Telefonnummer;Name;Vorname\n0190;800;Muster;Max\n");
      REQUIRE(result.contacts.size() == 1);
      CHECK(phones_of(result.contacts[0]) == Strings{"0190 800:"});
      CHECK(result.contacts[0].display_name == "Muster");
    }
    SUBCASE("a CRM export with a contact person and several addresses in one cell")
    {
      const auto result =
          read_csv("customernumber,name,phone,fax,email,cp_givenname,cp_name,cp_mobile1\n"
                   "60014,Gartencenter Röhr,123 1,123 2,\"a@g.de, b@g.de\",Bruno,Röhr,0172 3\n");
      REQUIRE(result.contacts.size() == 1);
      const contact::Contact& contact = result.contacts[0];
      CHECK(contact.display_name == "Gartencenter Röhr");
      CHECK(contact.uid == "60014");
      CHECK(contact.name.given == "Bruno");
      CHECK(phones_of(contact) == Strings{"123 1:", "123 2:fax", "0172 3:cell"});
      CHECK(emails_of(contact) == Strings{"a@g.de:", "b@g.de:"});
    }
  }

  TEST_CASE("header matching ignores case, spaces, punctuation, parentheses and gender endings")
  {
    const auto result = read_csv("VORNAME;nach name;TELEFON  (PRIVAT 2);e-mail 2 : adresse;"
                                 "Weiteres/e Land/Region;Assistent/in;mobil-telefon\n"
                                 "Eva;Roth;030 1;e@r.de;DE;x;0171\n");
    REQUIRE(result.contacts.size() == 1);
    CHECK(result.contacts[0].display_name == "Eva Roth");
    CHECK(phones_of(result.contacts[0]) == Strings{"030 1:home voice", "0171:cell"});
    CHECK(emails_of(result.contacts[0]) == Strings{"e@r.de:"});
    CHECK(addresses_of(result.contacts[0]) == Strings{"other"});
    CHECK(result.diagnostics.empty());
  }
}
