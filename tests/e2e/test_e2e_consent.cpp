// SPDX-License-Identifier: MIT
// End-to-end tests of `contact-audit consent ...` and `review ...` on testdata/consent.
#include "run_binary.hpp"

#include <doctest/doctest.h>

#include <cstdlib>
#include <fstream>
#include <regex>
#include <sys/stat.h>
#include <thread>

namespace fs = std::filesystem;

namespace {

// Every case runs with "now" fixed, so consents from 2024 have not expired yet.
struct ConsentCase
{
  ConsentCase() { now("2024-12-01T08:00:00Z"); }
  // Moves "now" for the commands run after this call.
  static void now(const char* time) { ::setenv("CONTACT_AUDIT_NOW", time, 1); }
  ~ConsentCase() { ::unsetenv("CONTACT_AUDIT_NOW"); }
  ConsentCase(const ConsentCase&) = delete;
  ConsentCase& operator=(const ConsentCase&) = delete;

  e2e::Run consent(std::vector<std::string> arguments) const
  {
    arguments.insert(arguments.begin(), "consent");
    arguments.push_back("--ledger");
    arguments.push_back(ledger().string());
    return e2e::run(arguments);
  }
  fs::path ledger() const { return dir.path() / "ledger" / "ledger.sqlite"; }

  e2e::TempDir dir;
};

std::string testdata(const char* name)
{
  return e2e::testdata(std::string("consent/") + name).string();
}

unsigned mode_of(const fs::path& path)
{
  struct stat info
  {
  };
  REQUIRE(::stat(path.c_str(), &info) == 0);
  return info.st_mode & 0777U;
}

std::string subject_of(const std::string& output)
{
  std::smatch match;
  REQUIRE(std::regex_search(output, match, std::regex("subject ([0-9a-f-]{36})")));
  return match[1];
}

} // namespace

TEST_SUITE("e2e consent")
{
  TEST_CASE("importing German forms records every row and a second import adds nothing")
  {
    ConsentCase test;
    auto run = test.consent({"import", testdata("formulare.csv"), "--by", "hr"});
    CHECK(run.exit_code == 0);
    CHECK(
        run.out.find("5 rows: 5 imported, 0 already in the ledger, 0 rejected (4 new subjects).") !=
        std::string::npos);
    run = test.consent({"import", testdata("formulare.csv"), "--by", "hr"});
    CHECK(run.exit_code == 0);
    CHECK(run.out.find("was already imported on 2024-12-01T08:00:00Z by hr; nothing was added.") !=
          std::string::npos);
    run = test.consent({"verify"});
    CHECK(run.exit_code == 0);
    CHECK(run.out.starts_with("Verified 5 events in "));
  }

  TEST_CASE("the ledger file is created readable by the owner only")
  {
    ConsentCase test;
    REQUIRE(test.consent({"import", testdata("forms-en.csv"), "--by", "hr"}).exit_code == 0);
    CHECK(mode_of(test.ledger()) == 0600);
    CHECK(mode_of(test.ledger().parent_path()) == 0700);
  }

  TEST_CASE("a file with bad rows writes nothing, exits 2 and names every bad line")
  {
    ConsentCase test;
    const auto csv = testdata("formulare-fehler.csv");
    const auto run = test.consent({"import", csv, "--by", "hr"});
    CHECK(run.exit_code == 2);
    CHECK(run.err.find(csv + ":3: The phone number \"015* *234\" is not usable") !=
          std::string::npos);
    CHECK(run.err.find(csv + ":4: The decision \"vielleicht\" is not known") != std::string::npos);
    CHECK(run.err.find(csv + ":9: The evidence file \"../sample/phone-anna.vcf\" lies outside") !=
          std::string::npos);
    CHECK(run.err.find("7 of 9 rows are invalid; nothing was imported.") != std::string::npos);
    CHECK(run.out.find(
              "9 rows: 0 imported, 0 already in the ledger, 7 rejected, 2 valid but held back.") !=
          std::string::npos);
    const auto show = test.consent({"show", "030 23125010"});
    CHECK(show.exit_code == 0);
    CHECK(show.out.find(": missing") != std::string::npos);
    CHECK(show.out.find("No subject in the ledger holds this number.") != std::string::npos);
  }

  TEST_CASE(
      "with --skip-invalid the valid rows land and the rejects file holds the bad rows unchanged")
  {
    ConsentCase test;
    const auto rejects = test.dir.path() / "rejects.csv";
    const auto csv = testdata("formulare-fehler.csv");
    const auto run = test.consent(
        {"import", csv, "--by", "hr", "--skip-invalid", "--rejects", rejects.string()});
    CHECK(run.exit_code == 0);
    CHECK(
        run.out.find("9 rows: 2 imported, 0 already in the ledger, 7 rejected (2 new subjects).") !=
        std::string::npos);
    std::istringstream original(e2e::read_file(csv));
    std::string line;
    std::string expected;
    for (int number = 1; std::getline(original, line); ++number) {
      if (number == 1 || (number >= 3 && number <= 9)) {
        expected += line + "\n";
      }
    }
    CHECK(e2e::read_file(rejects) == expected);
    CHECK(mode_of(rejects) == 0600);
    CHECK(test.consent({"import", csv, "--by", "hr", "--skip-invalid"}).exit_code == 2);
  }

  TEST_CASE("a withdrawal shows as withdrawn from its date on, the consent before it as valid")
  {
    ConsentCase test;
    ConsentCase::now("2024-03-05T10:00:00Z");
    auto run = test.consent({"grant",
                             "0151 23456701",
                             "--name",
                             "Anna Beispiel",
                             "--notice-version",
                             "1",
                             "--method",
                             "paper",
                             "--date",
                             "2024-03-05",
                             "--by",
                             "hr"});
    REQUIRE(run.exit_code == 0);
    CHECK(run.out.find("Recorded event 1: given for +49151*****701") != std::string::npos);
    CHECK(run.out.find("valid until 2026-03-05.") != std::string::npos);
    ConsentCase::now("2024-06-01T10:00:00Z");
    run = test.consent({"withdraw", "+4915123456701", "--method", "email", "--by", "hr"});
    REQUIRE(run.exit_code == 0);
    ConsentCase::now("2024-12-01T08:00:00Z");
    run = test.consent({"show", "0151/23456701"});
    CHECK(run.out.starts_with(
        "+49151*****701  whatsapp-contact-upload  as of 2024-12-01T08:00:00Z: withdrawn\n"));
    CHECK(run.out.find("Consent was withdrawn on 2024-06-01.") != std::string::npos);
    run = test.consent({"show", "0151 23456701", "--as-of", "2024-05-31", "--reveal"});
    CHECK(run.out.starts_with(
        "+4915123456701  whatsapp-contact-upload  as of 2024-05-31T23:59:59Z: valid\n"));
    run = test.consent({"history", "0151 23456701"});
    CHECK(run.out.find("2 event(s).") != std::string::npos);
  }

  TEST_CASE("erasure removes the personal data, verify still passes and the export holds none")
  {
    ConsentCase test;
    const auto grant = test.consent({"grant",
                                     "0151 23456701",
                                     "--name",
                                     "Anna Beispiel",
                                     "--email",
                                     "anna@example.com",
                                     "--notice-version",
                                     "1",
                                     "--date",
                                     "2024-03-05",
                                     "--by",
                                     "hr"});
    REQUIRE(grant.exit_code == 0);
    const auto subject = subject_of(grant.out);
    auto run = test.consent({"export", subject});
    CHECK(run.exit_code == 0);
    CHECK(run.out.find("Anna Beispiel") != std::string::npos);
    CHECK(run.out.find("\"dpv:hasConsentStatus\": \"dpv:ConsentGiven\"") != std::string::npos);
    run = test.consent({"erase", subject, "--by", "dpo", "--reason", "Art. 17 request"});
    CHECK(run.exit_code == 0);
    CHECK(run.out == "Erased the personal data of subject " + subject + " (event 2).\n");
    run = test.consent({"verify"});
    CHECK(run.exit_code == 0);
    CHECK(run.out.find("Verified 2 events") != std::string::npos);
    run = test.consent({"export", subject});
    CHECK(run.exit_code == 0);
    CHECK(run.out.find("\"erased\": true") != std::string::npos);
    for (const char* personal : {"Anna", "anna@", "+49151", "23456701"}) {
      CAPTURE(personal);
      CHECK(run.out.find(personal) == std::string::npos);
    }
    CHECK(test.consent({"show", "0151 23456701"}).out.find(": missing") != std::string::npos);
    const auto log = test.consent({"log"});
    CHECK(log.out.find("contact-audit consent grant 015* *****701 --name *** --email *** "
                       "--notice-version 1 --date 2024-03-05 --by hr") != std::string::npos);
    CHECK(log.out.find("Anna") == std::string::npos);
  }

  TEST_CASE("an event changed with the sqlite3 shell is named by verify, which exits 1")
  {
    ConsentCase test;
    REQUIRE(test.consent({"import", testdata("formulare.csv"), "--by", "hr"}).exit_code == 0);
    const std::string command = "sqlite3 '" + test.ledger().string() +
                                "' \"DROP TRIGGER events_no_update; UPDATE events SET "
                                "effective_at = effective_at + 1 WHERE id = 3\"";
    REQUIRE(std::system(command.c_str()) == 0);
    const auto run = test.consent({"verify"});
    CHECK(run.exit_code == 1);
    CHECK(run.err.find("Event 3 does not match its hash") != std::string::npos);
    CHECK(run.out == "Checked 3 events; the first bad one is event 3.\n");
  }

  TEST_CASE("two imports running at the same time both land completely")
  {
    ConsentCase test;
    std::vector<fs::path> files;
    for (int file = 0; file < 2; ++file) {
      std::string csv = "Name;Telefon;Entscheidung;Datum;Formular-ID;Textversion\n";
      for (int row = 0; row < 1500; ++row) {
        const int id = file * 10000 + row;
        csv += "Person " + std::to_string(id) + ";+49 151 2" + std::to_string(1000000 + id) +
               ";erteilt;05.03.2024;C-" + std::to_string(id) + ";1\n";
      }
      files.push_back(test.dir.write("batch" + std::to_string(file) + ".csv", csv));
    }
    // Neither ledger file exists yet: the two processes race on creating it, then on writing.
    e2e::Run first;
    e2e::Run second;
    std::thread one([&] { first = test.consent({"import", files[0].string(), "--by", "a"}); });
    std::thread two([&] { second = test.consent({"import", files[1].string(), "--by", "b"}); });
    one.join();
    two.join();
    CHECK(first.exit_code == 0);
    CHECK(second.exit_code == 0);
    CHECK(first.err == "");
    CHECK(second.err == "");
    const auto run = test.consent({"verify"});
    CHECK(run.exit_code == 0);
    CHECK(run.out.starts_with("Verified 3000 events"));
  }

  TEST_CASE("a colleague's verbal consent is recorded with a § 26(2) BDSG warning")
  {
    ConsentCase test;
    const auto run = test.consent({"grant",
                                   "030 23125003",
                                   "--relationship",
                                   "colleague",
                                   "--method",
                                   "verbal",
                                   "--notice-version",
                                   "1",
                                   "--date",
                                   "2024-03-15",
                                   "--by",
                                   "hr"});
    CHECK(run.exit_code == 0);
    CHECK(run.err.find("§ 26(2) BDSG") != std::string::npos);
    CHECK(test.consent({"show", "030 23125003"})
              .out.find("[flag: colleague consent given verbally") != std::string::npos);
  }

  TEST_CASE("a consent without notice version and a bad number are input errors")
  {
    ConsentCase test;
    auto run = test.consent({"grant", "030 23125003", "--by", "hr"});
    CHECK(run.exit_code == 2);
    CHECK(run.err == "contact-audit: error: A consent needs the version of the notice text the "
                     "person was shown.\n");
    run = test.consent({"grant", "0151 1234", "--notice-version", "1", "--by", "hr"});
    CHECK(run.exit_code == 2);
    CHECK(run.err.find("\"015* *234\" is not a usable phone number") != std::string::npos);
    CHECK(test.consent({"frobnicate"}).exit_code == 2);
  }

  TEST_CASE("reviews are set, listed with masked numbers and unset")
  {
    ConsentCase test;
    const auto review = [&](std::vector<std::string> arguments) {
      arguments.insert(arguments.begin(), "review");
      arguments.push_back("--ledger");
      arguments.push_back(test.ledger().string());
      return e2e::run(arguments);
    };
    CHECK(
        review(
            {"set", "030 23125001", "business", "--reason", "Supplier switchboard", "--by", "dpo"})
            .exit_code == 0);
    CHECK(review({"set", "urn:uid:7", "private", "--uid", "--reason", "Family", "--by", "dpo"})
              .exit_code == 0);
    auto run = review({"list"});
    CHECK(run.out ==
          "e164  +49302****001  business  by dpo at 2024-12-01T08:00:00Z  Supplier switchboard\n"
          "uid  urn:uid:7  private  by dpo at 2024-12-01T08:00:00Z  Family\n"
          "2 review(s).\n");
    CHECK(review({"unset", "urn:uid:7", "--uid", "--reason", "Mistake", "--by", "dpo"}).exit_code ==
          0);
    CHECK(review({"list"}).out.find("1 review(s).") != std::string::npos);
    CHECK(review({"unset", "urn:uid:7", "--uid", "--reason", "Again", "--by", "dpo"}).exit_code ==
          2);
  }
}
