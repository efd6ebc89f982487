// SPDX-License-Identifier: MIT
// CSV reader: user-supplied TOML column mappings (docs/csv-mapping.md).
#include "importers/csv/csv_mapping.hpp"
#include "test_importers_csv_support.hpp"

#include <contact_audit/core/error.hpp>

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

using namespace contact_audit;
using csv_test::read_csv;
using csv_test::types_of;

namespace {

// A mapping file in a fresh temporary folder, removed again at the end of the test.
class MappingFile
{
public:
  explicit MappingFile(const std::string& text)
      : m_folder(std::filesystem::temp_directory_path() /
                 ("csv-mapping-test-" + std::to_string(reinterpret_cast<std::uintptr_t>(this))))
  {
    std::filesystem::create_directories(m_folder);
    std::ofstream(path(), std::ios::binary) << text;
  }
  ~MappingFile() { std::filesystem::remove_all(m_folder); }
  MappingFile(const MappingFile&) = delete;
  MappingFile& operator=(const MappingFile&) = delete;

  std::filesystem::path path() const { return m_folder / "mapping.toml"; }
  importers::ReadOptions options() const
  {
    importers::ReadOptions options;
    options.csv_mapping = path();
    return options;
  }

private:
  std::filesystem::path m_folder;
};

std::string parse_error(std::string_view text)
{
  try {
    importers::csv::parse_mapping(text, "m.toml");
  } catch (const InputError& error) {
    return error.what();
  }
  return "(no error)";
}

} // namespace

TEST_SUITE("importers::CsvReader")
{
  TEST_CASE("a mapping file names the field, types and label of each column")
  {
    const MappingFile mapping(
        "[columns]\n"
        "\"Kunde\" = \"organisation\"\n"
        "\"Ansprechpartner\" = \"display_name\"\n"
        "\"Tel. Zentrale\" = { field = \"phone\", types = [\"work\", \"main\"] }\n"
        "\"Handy Außendienst\" = { field = \"phone\", types = [\"Mobil\"], label = \"Außendienst\" "
        "}\n"
        "\"Mail\" = { field = \"email\", types = [\"work\"], preferred = true }\n"
        "\"Gruppe\" = \"category\"\n"
        "\"Notiz\" = \"ignore\"\n");
    const auto result =
        read_csv("Kunde;Ansprechpartner;Tel. Zentrale;Handy Außendienst;Mail;Gruppe;Notiz;Extra\n"
                 "ACME;Eva Muster;030 1;0171 2;eva@acme.de;Lieferant;x;y\n",
                 mapping.options());
    REQUIRE(result.contacts.size() == 1);
    const contact::Contact& contact = result.contacts[0];
    CHECK(contact.organisation == "ACME");
    CHECK(contact.display_name == "Eva Muster");
    REQUIRE(contact.phones.size() == 2);
    CHECK(types_of(contact.phones[0]) == "work main");
    CHECK(types_of(contact.phones[1]) == "cell");
    CHECK(contact.phones[1].label == "Außendienst");
    CHECK(contact.emails.at(0).preferred);
    CHECK(types_of(contact.emails.at(0)) == "work");
    CHECK(contact.categories == std::vector<std::string>{"Lieferant"});
    CHECK(result.stats.detected_profile == "mapping");
    // Without builtin = true, columns the mapping leaves out are unknown.
    CHECK(result.codes() == std::vector<std::string>{"csv.header.unknown-columns"});
    CHECK(result.diagnostics[0].message.starts_with(
        "The header names 1 column that no known address-book format uses: \"Extra\""));
  }

  TEST_CASE("with builtin = true the columns a mapping leaves out use the built-in names")
  {
    const MappingFile mapping(
        "builtin = true\n[columns]\n\"Durchwahl\" = { field = \"phone\", types = [\"work\"] }\n");
    const auto result =
        read_csv("Vorname,Nachname,Durchwahl,Handy\nEva,Roth,-12,0171\n", mapping.options());
    REQUIRE(result.contacts.size() == 1);
    CHECK(result.contacts[0].display_name == "Eva Roth");
    REQUIRE(result.contacts[0].phones.size() == 2);
    CHECK(types_of(result.contacts[0].phones[0]) == "work");
    CHECK(types_of(result.contacts[0].phones[1]) == "cell");
    CHECK(result.diagnostics.empty());
  }

  TEST_CASE("with header = false a mapping names columns by number and the first row is data")
  {
    const MappingFile mapping(
        "header = false\nseparator = \"tab\"\nencoding = \"windows-1252\"\n"
        "[columns]\n1 = \"organisation\"\n2 = { field = \"phone\", types = [\"work\"] }\n"
        "3 = \"email\"\n");
    const auto result = read_csv(
        "M\xfcller GmbH\t030 1\tinfo@mueller.de\nACME\t030 2\tinfo@acme.de\n", mapping.options());
    REQUIRE(result.contacts.size() == 2);
    CHECK(result.contacts[0].organisation == "Müller GmbH");
    CHECK(result.contacts[0].source.line == 1);
    CHECK(types_of(result.contacts[1].phones.at(0)) == "work");
    CHECK(result.stats.detected_encoding == "windows-1252");
    CHECK(result.diagnostics.empty());
  }

  TEST_CASE("columns a mapping names but the file lacks are reported")
  {
    const MappingFile mapping("[columns]\n\"Name\" = \"display_name\"\n\"Telefax\" = \"phone\"\n");
    const auto result = read_csv("Name\nEva\n", mapping.options(), {}, "k.csv");
    REQUIRE(result.contacts.size() == 1);
    REQUIRE(result.diagnostics.size() == 1);
    CHECK(result.diagnostics[0].code == "csv.mapping.missing-columns");
    CHECK(result.diagnostics[0].message ==
          "The mapping file \"" + mapping.path().string() +
              "\" names 1 column that the header row does not have: \"Telefax\"; it was not used.");
  }

  TEST_CASE("a mapping that maps no identifying column throws InputError")
  {
    const MappingFile mapping("[columns]\n\"Notiz\" = \"ignore\"\n");
    CHECK_THROWS_WITH_AS(
        read_csv("Notiz,Name\nx,y\n", mapping.options(), {}, "k.csv"),
        ("k.csv:1: The mapping file \"" + mapping.path().string() +
         "\" maps no column of the header row to a name, organisation, phone number "
         "or e-mail address (columns found: \"Notiz\", \"Name\"); nothing was imported. "
         "Correct the mapping (see docs/csv-mapping.md).")
            .c_str(),
        InputError);
  }

  TEST_CASE("a TOML syntax error is an InputError with file, line and column")
  {
    CHECK(parse_error("[columns]\n\"Name\" = display_name\n").starts_with("m.toml:2:10: "));
  }

  TEST_CASE("every problem of a mapping file is reported at once with its line and column")
  {
    CHECK(parse_error("separator = \"|\"\n"
                      "colour = 1\n"
                      "[columns]\n"
                      "\"A\" = \"phne\"\n"
                      "\"B\" = { field = \"phone\", types = [\"wrk\"] }\n") ==
          "m.toml:1:13: \"separator\" must be \",\", \";\" or \"tab\".\n"
          "m.toml:2:1: The key \"colour\" is not known; use separator, header, builtin, encoding "
          "or [columns].\n"
          "m.toml:4:7: The field \"phne\" is not known; use one of display_name, given, "
          "additional, family, "
          "prefix, suffix, organisation, department, title, role, phone, area_code, email, "
          "category, uid, "
          "address, ignore.\n"
          "m.toml:5:35: This is not a type word; use work, home, cell, fax, pager, voice, main, "
          "text, video, "
          "textphone, car, isdn or other.");
  }

  TEST_CASE("a mapping file that cannot be read is an InputError naming it")
  {
    importers::ReadOptions options;
    options.csv_mapping = "/nonexistent/mapping.toml";
    CHECK_THROWS_WITH_AS(
        read_csv("Name\nA\n", options),
        "/nonexistent/mapping.toml: The CSV mapping file cannot be opened; check that it "
        "exists and is readable.",
        InputError);
  }

  TEST_CASE("the example mapping file in testdata is valid")
  {
    const auto spec =
        importers::csv::load_mapping(CONTACT_AUDIT_TESTDATA "/csv/mapping-example.toml");
    CHECK(spec.columns.size() >= 5);
  }
}
