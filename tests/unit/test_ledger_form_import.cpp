// SPDX-License-Identifier: MIT
// Unit tests of the consent-form CSV import: formats, atomicity, idempotency, rejects, evidence.
#include "test_ledger_fixture.hpp"

#include <contact_audit/core/error.hpp>
#include <contact_audit/core/hash.hpp>
#include <contact_audit/ledger/form_import.hpp>
#include <contact_audit/ledger/hash_chain.hpp>
#include <contact_audit/ledger/state.hpp>

#include <doctest/doctest.h>

#include <fstream>
#include <sys/stat.h>

using namespace ledger_test;
namespace fs = std::filesystem;

namespace {

const fs::path k_testdata = fs::path(CONTACT_AUDIT_TESTDATA) / "consent";

FormImportOptions options(bool skip_invalid = false, fs::path rejects = {})
{
  FormImportOptions result;
  result.context = WriteContext{"hr", "contact-audit consent import", {}, {}};
  result.skip_invalid = skip_invalid;
  result.rejects_path = std::move(rejects);
  return result;
}

fs::path write(const Fixture& fixture, const std::string& name, const std::string& content)
{
  const auto path = fixture.dir() / name;
  std::ofstream(path, std::ios::binary) << content;
  return path;
}

std::string read(const fs::path& path)
{
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), {}};
}

ConsentStatus status_now(Fixture& fixture, const char* e164)
{
  return state_of_number(*fixture.store, e164, k_default_purpose, at("2024-12-31")).status;
}

} // namespace

TEST_SUITE("ledger::form_import")
{
  TEST_CASE("German forms are imported with their evidence, decisions and relationships")
  {
    Fixture fixture;
    const FixedNow now("2024-12-01T08:00:00Z");
    const auto summary =
        import_consent_forms(*fixture.store, k_testdata / "formulare.csv", options());
    CHECK(summary.rows == 5);
    CHECK(summary.imported == 5);
    CHECK(summary.rejected == 0);
    CHECK(summary.subjects_created == 4);
    CHECK(summary.written);
    CHECK(status_now(fixture, "+4915123456701") == ConsentStatus::withdrawn);
    CHECK(status_now(fixture, "+493023125001") == ConsentStatus::withdrawn);
    CHECK(status_now(fixture, "+4915123456702") == ConsentStatus::valid);
    CHECK(status_now(fixture, "+493023125004") == ConsentStatus::refused);
    const auto clara =
        state_of_number(*fixture.store, "+493023125003", k_default_purpose, at("2024-12-31"));
    CHECK(clara.status == ConsentStatus::valid);
    CHECK(clara.colleague_verbal);
    const auto bernd =
        state_of_number(*fixture.store, "+4915123456702", k_default_purpose, at("2024-12-31"));
    const auto& event = *bernd.subjects.at(0).deciding_event;
    CHECK(event.evidence_ref == "nachweise/F-2024-002.txt");
    CHECK(event.evidence_sha256 ==
          contact_audit::sha256_file_hex(k_testdata / "nachweise/F-2024-002.txt"));
    CHECK(event.source_file == "formulare.csv");
    CHECK(event.source_row == 3);
    CHECK(event.form_id == "F-2024-002");
    CHECK(event.method == Method::web_form);
    CHECK(format_timestamp(*event.valid_until) == "2026-03-12T00:00:00Z");
    const auto subject = fixture.store->find_subject(bernd.subjects[0].subject_id);
    CHECK(subject->name == "Bernd Muster");
    CHECK(subject->relationship == Relationship::supplier);
    CHECK(subject->emails == std::vector<std::string>{"bernd.muster@example.org"});
    CHECK(subject->numbers.at(0).raw == "+49 151 23456702");
    CHECK(verify_chain(*fixture.store).intact);
  }

  TEST_CASE("English headers, comma separator and quoted fields are read")
  {
    Fixture fixture;
    const FixedNow now("2024-12-01T08:00:00Z");
    const auto summary =
        import_consent_forms(*fixture.store, k_testdata / "forms-en.csv", options());
    CHECK(summary.imported == 3);
    CHECK(status_now(fixture, "+493023125005") == ConsentStatus::valid);
    const auto erik =
        state_of_number(*fixture.store, "+493023125006", k_default_purpose, at("2024-12-31"));
    CHECK(erik.status == ConsentStatus::refused);
    CHECK(erik.subjects.at(0).deciding_event->reason ==
          "Does not use WhatsApp, asked us not to, \"thanks\"");
    CHECK(status_now(fixture, "+4915123456707") == ConsentStatus::pending);
  }

  TEST_CASE("a windows-1252 file with CRLF line ends is converted")
  {
    Fixture fixture;
    const auto summary =
        import_consent_forms(*fixture.store, k_testdata / "formulare-cp1252.csv", options());
    CHECK(summary.imported == 2);
    const auto ids = fixture.store->subjects_with_number("+493023125020");
    REQUIRE(ids.size() == 1);
    CHECK(fixture.store->find_subject(ids[0])->name == "Jürgen Größe");
  }

  TEST_CASE("importing the same file again adds nothing and says so")
  {
    Fixture fixture;
    import_consent_forms(*fixture.store, k_testdata / "formulare.csv", options());
    const auto events = fixture.store->event_count();
    const auto again =
        import_consent_forms(*fixture.store, k_testdata / "formulare.csv", options());
    CHECK(again.file_already_imported);
    CHECK(again.previous->imported == 5);
    CHECK(again.previous->actor == "hr");
    CHECK(fixture.store->event_count() == events);
  }

  TEST_CASE("the same rows in another file are counted as duplicates")
  {
    Fixture fixture;
    const std::string header = "Name;Telefon;Entscheidung;Datum;Formular-ID;Textversion\n";
    const auto first = write(fixture,
                             "a.csv",
                             header + "Anna;030 23125001;erteilt;05.03.2024;F-1;1\n"
                                      "Bernd;030 23125002;erteilt;06.03.2024;;1\n");
    const auto second = write(fixture,
                              "b.csv",
                              header + "Anna;030 23125001;erteilt;05.03.2024;F-1;1\n"
                                       "Bernd;030 23125002;erteilt;06.03.2024;;1\n"
                                       "Anna;030 23125001;widerrufen;01.06.2024;F-1;\n");
    CHECK(import_consent_forms(*fixture.store, first, options()).imported == 2);
    const auto summary = import_consent_forms(*fixture.store, second, options());
    CHECK(summary.rows == 3);
    CHECK(summary.duplicates == 2);
    CHECK(summary.imported == 1);
    CHECK(summary.subjects_created == 0);
    CHECK(fixture.store->event_count() == 3);
  }

  TEST_CASE("a file with bad rows reports each with its line and writes nothing")
  {
    Fixture fixture;
    const auto csv = k_testdata / "formulare-fehler.csv";
    const auto summary = import_consent_forms(*fixture.store, csv, options());
    CHECK_FALSE(summary.written);
    CHECK(summary.rows == 9);
    CHECK(summary.rejected == 7);
    CHECK(summary.held_back == 2);
    CHECK(summary.imported + summary.duplicates + summary.rejected + summary.held_back ==
          summary.rows);
    CHECK(fixture.store->event_count() == 0);
    CHECK(fixture.store->subjects_with_number("+493023125010").empty());
    std::vector<std::string> lines;
    for (const auto& diagnostic : summary.diagnostics) {
      lines.push_back(contact_audit::format(diagnostic).substr(csv.string().size()));
    }
    REQUIRE(lines.size() == 7);
    CHECK(lines[0].starts_with(":3: The phone number \"015* *234\" is not usable: "));
    CHECK(lines[1] == ":4: The decision \"vielleicht\" is not known (use erteilt/given, "
                      "erneuert/renewed, widerrufen/withdrawn, abgelehnt/refused, "
                      "angefragt/requested or zurückgestellt/deferred); the row was not imported.");
    CHECK(lines[2] == ":5: The date 2099-01-01 lies in the future; the row was not imported.");
    CHECK(lines[3] == ":6: A consent needs the version of the notice text the person was shown; "
                      "the row was not imported.");
    CHECK(lines[4] == ":7: The notice version \"7\" is not in the catalogue of purpose "
                      "whatsapp-contact-upload; the row was not imported.");
    CHECK(lines[5] == ":8: The evidence file \"nachweise/gibt-es-nicht.pdf\" does not exist; the "
                      "row was not imported.");
    CHECK(lines[6] == ":9: The evidence file \"../sample/phone-anna.vcf\" lies outside the folder "
                      "of the CSV file or is not a regular file; the row was not imported.");
  }

  TEST_CASE("with skip-invalid the valid rows land and the rejected rows are written unchanged")
  {
    Fixture fixture;
    const auto rejects = fixture.dir() / "rejects.csv";
    const auto csv = k_testdata / "formulare-fehler.csv";
    const auto summary = import_consent_forms(*fixture.store, csv, options(true, rejects));
    CHECK(summary.written);
    CHECK(summary.imported == 2);
    CHECK(summary.rejected == 7);
    CHECK(summary.imported + summary.duplicates + summary.rejected == summary.rows);
    const std::string original = read(csv);
    std::string expected;
    std::size_t line = 0;
    std::size_t start = 0;
    while (start < original.size()) {
      const auto end = original.find('\n', start) + 1;
      ++line;
      if (line == 1 || (line >= 3 && line <= 9)) {
        expected += original.substr(start, end - start);
      }
      start = end;
    }
    CHECK(read(rejects) == expected);
    struct stat info
    {
    };
    REQUIRE(::stat(rejects.c_str(), &info) == 0);
    CHECK((info.st_mode & 0777U) == 0600);
  }

  TEST_CASE("evidence with a wrong hash or behind a symbolic link out of the folder is rejected")
  {
    Fixture fixture;
    fs::create_directories(fixture.dir() / "scans");
    write(fixture, "scans/ok.txt", "signed");
    write(fixture, "outside.txt", "secret");
    fs::create_directories(fixture.dir() / "forms");
    fs::create_symlink(fixture.dir() / "outside.txt", fixture.dir() / "forms" / "link.txt");
    const auto csv = write(fixture,
                           "forms/f.csv",
                           "Name;Telefon;Entscheidung;Datum;Textversion;Nachweis;Nachweis-SHA256\n"
                           "A;030 23125001;erteilt;05.03.2024;1;link.txt;\n"
                           "B;030 23125002;erteilt;05.03.2024;1;/etc/passwd;\n"
                           "C;030 23125003;erteilt;05.03.2024;1;../scans/ok.txt;\n");
    auto summary = import_consent_forms(*fixture.store, csv, options());
    REQUIRE(summary.diagnostics.size() == 3);
    CHECK(summary.diagnostics[0].code == "ledger.import.evidence-outside");
    CHECK(summary.diagnostics[1].message ==
          "The evidence path \"/etc/passwd\" must be relative to the folder of the CSV file; the "
          "row was not imported.");
    CHECK(summary.diagnostics[2].code == "ledger.import.evidence-outside");
    const auto good = write(fixture,
                            "scans/f.csv",
                            "Name;Telefon;Entscheidung;Datum;Textversion;Nachweis;Nachweis-SHA256\n"
                            "A;030 23125001;erteilt;05.03.2024;1;ok.txt;" +
                                std::string(64, '0') + "\n");
    summary = import_consent_forms(*fixture.store, good, options());
    REQUIRE(summary.diagnostics.size() == 1);
    CHECK(summary.diagnostics[0].code == "ledger.import.evidence-hash");
  }

  TEST_CASE("a header without the required columns is an input error naming all of them")
  {
    Fixture fixture;
    const auto csv = write(fixture, "x.csv", "Vorname;Abteilung\nAnna;Einkauf\n");
    CHECK_THROWS_WITH_AS(import_consent_forms(*fixture.store, csv, options()),
                         (csv.string() + ":1: The header is not a consent-form header; There is no "
                                         "Name column. There is no Telefon/Phone or Mobil/Mobile "
                                         "column. There is no Entscheidung/Decision column. There "
                                         "is no Datum/Date column. Nothing was imported "
                                         "(docs/ledger.md describes the format).")
                             .c_str(),
                         contact_audit::InputError);
  }

  TEST_CASE("a quoted field across lines keeps the line numbers of later rows right")
  {
    Fixture fixture;
    const auto csv = write(fixture,
                           "q.csv",
                           "Name,Phone,Decision,Date,Notice version,Reason\n"
                           "Anna,+49 30 23125001,given,2024-03-05,1,\"line one\nline two\"\n"
                           "Bernd,+49 30 23125002,maybe,2024-03-05,1,\n"
                           "Clara,+49 30 23125003,given,2024-03-05\n");
    const auto summary = import_consent_forms(*fixture.store, csv, options());
    REQUIRE(summary.diagnostics.size() == 2);
    CHECK(summary.diagnostics[0].line == 4);
    CHECK(summary.diagnostics[1].line == 5);
    CHECK(summary.diagnostics[1].message ==
          "The row has 4 fields but the header has 6; the row was not imported.");
  }
}
