// SPDX-License-Identifier: MIT
// End-to-end: `contact-audit classify` on the labelled set, its outputs, and rule-file errors.
#include "run_binary.hpp"

#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <doctest/doctest.h>

#include <filesystem>
#include <tuple>

namespace fs = std::filesystem;

namespace {

const fs::path k_shipped_rules = e2e::testdata("../rules/classify");

Poco::JSON::Object::Ptr parse_json(const std::string& text)
{
  Poco::JSON::Parser parser;
  return parser.parse(text).extract<Poco::JSON::Object::Ptr>();
}

// A rules directory with the shipped files and the labelled set's company file.
fs::path company_rules(const e2e::TempDir& dir)
{
  const auto rules = dir.path() / "rules";
  fs::create_directories(rules);
  for (const auto& entry : fs::directory_iterator(k_shipped_rules)) {
    fs::copy_file(entry.path(), rules / entry.path().filename());
  }
  fs::copy_file(e2e::testdata("classify/rules/company.toml"), rules / "company.toml");
  return rules;
}

Poco::JSON::Object::Ptr entry_named(const Poco::JSON::Object::Ptr& document,
                                    const std::string& name)
{
  const auto contacts = document->getArray("contacts");
  for (unsigned i = 0; i < contacts->size(); ++i) {
    const auto entry = contacts->getObject(i);
    if (entry->getObject("contact")->getValue<std::string>("display_name") == name) {
      return entry;
    }
  }
  FAIL("no contact named " << name);
  return nullptr;
}

std::vector<std::string> rule_ids(const Poco::JSON::Object::Ptr& entry)
{
  std::vector<std::string> ids;
  const auto rules = entry->getArray("rules");
  for (unsigned i = 0; i < rules->size(); ++i) {
    ids.push_back(rules->getObject(i)->getValue<std::string>("id"));
  }
  return ids;
}

} // namespace

TEST_SUITE("e2e classify")
{
  TEST_CASE("JSON output: every contact classified with its rules, and the counts add up")
  {
    const e2e::TempDir dir;
    const auto rules = company_rules(dir);
    const auto result = e2e::run({"classify",
                                  "--format",
                                  "json",
                                  "--lang",
                                  "en",
                                  "--rules",
                                  rules.string(),
                                  e2e::testdata("classify/iphone-sales.vcf"),
                                  "work=" + e2e::testdata("classify/work-profile.vcf").string()});
    REQUIRE_MESSAGE(result.exit_code == 0, result.err);
    const auto document = parse_json(result.out);
    const auto summary = document->getObject("summary");
    CHECK(summary->getValue<int>("contacts") == 87);
    CHECK(summary->getValue<int>("contacts") == summary->getValue<int>("business") +
                                                    summary->getValue<int>("private") +
                                                    summary->getValue<int>("unknown"));
    CHECK(summary->getValue<int>("treated_as_business") ==
          summary->getValue<int>("business") + summary->getValue<int>("unknown"));
    CHECK(document->getArray("contacts")->size() == 87);
    CHECK(document->getObject("rules")->getValue<std::string>("sha256").size() == 64);
    CHECK(document->getObject("rules")->getArray("files")->size() == 5);
    CHECK(document->getObject("rules")->getObject("policy")->getValue<std::string>("unknown_as") ==
          "business");

    const auto jana = entry_named(document, "Jana Mueller");
    CHECK(jana->getValue<std::string>("class") == "business");
    CHECK(jana->getValue<int>("score") == 22);
    CHECK(rule_ids(jana) == std::vector<std::string>{"org.present",
                                                     "title.present",
                                                     "tel.work-typed",
                                                     "email.work-typed",
                                                     "email.company-domain",
                                                     "tel.company-range"});
    CHECK(jana->getArray("rules")->getObject(4)->getValue<std::string>("evidence") ==
          "rule email.company-domain (+6): j***@nordlicht-logistik.de is a company domain");
    CHECK(jana->getArray("rules")->getObject(5)->getValue<std::string>("evidence") ==
          "rule tel.company-range (+6): +49421****014 is in the company's own number range");

    const auto mama = entry_named(document, "Mama");
    CHECK(mama->getValue<std::string>("class") == "private");
    CHECK(mama->getValue<std::string>("treated_as") == "private");

    const auto jonas = entry_named(document, "Jonas");
    CHECK(jonas->getValue<std::string>("class") == "unknown");
    CHECK(jonas->getValue<std::string>("treated_as") == "business");

    const auto marek = entry_named(document, "Marek Wozniak");
    CHECK(rule_ids(marek) == std::vector<std::string>{"tel.mobile-only", "account.managed"});
    CHECK(marek->getValue<std::string>("class") == "business");
  }

  TEST_CASE("table output with --explain and --lang de: reasons under each contact, German summary")
  {
    const e2e::TempDir dir;
    const auto book =
        dir.write("book.vcf",
                  "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Klaus Weiß\r\nORG:Elektro Weiß\r\n"
                  "TEL;TYPE=CELL:0151 23456789\r\nEMAIL:elektro-weiss@t-online.de\r\n"
                  "END:VCARD\r\nBEGIN:VCARD\r\nVERSION:3.0\r\nFN:Oma\r\n"
                  "TEL;TYPE=HOME:0421 3456789\r\nEND:VCARD\r\n");
    const auto result = e2e::run({"classify",
                                  "--explain",
                                  "--lang",
                                  "de",
                                  "--rules",
                                  k_shipped_rules.string(),
                                  book.string()});
    REQUIRE_MESSAGE(result.exit_code == 0, result.err);
    CHECK(result.out.find("Klaus Weiß") != std::string::npos);
    CHECK(result.out.find("    Regel org.present (+4): Organisation angegeben: Elektro Weiß\n") !=
          std::string::npos);
    CHECK(result.out.find("    Regel email.freemail (-1): e***@t-online.de ist eine "
                          "Freemail- oder Provider-Adresse\n") != std::string::npos);
    CHECK(result.out.find("    Regel tel.home-typed (-1): Telefonnummer als privat gekennzeichnet: "
                          "+49421****789\n") != std::string::npos);
    CHECK(result.out.find("2 Kontakte eingeordnet: 1 geschäftlich, 1 privat, 0 unbekannt "
                          "(behandelt als geschäftlich).") != std::string::npos);
  }

  TEST_CASE("numbers and e-mail addresses are masked unless --reveal")
  {
    const e2e::TempDir dir;
    const auto book = dir.write("book.vcf",
                                "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Lena\r\n"
                                "TEL;TYPE=CELL:0151 23456789\r\nEND:VCARD\r\n"
                                "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Tom\r\n"
                                "EMAIL;TYPE=HOME:tom.berger@gmx.de\r\nEND:VCARD\r\n");
    auto result = e2e::run({"classify",
                            "--explain",
                            "--lang",
                            "en",
                            "--rules",
                            k_shipped_rules.string(),
                            book.string()});
    CHECK(result.out.find("+4915123456789") == std::string::npos);
    CHECK(result.out.find("+49151*****789") != std::string::npos);
    CHECK(result.out.find("tom.berger") == std::string::npos);
    CHECK(result.out.find("rule email.freemail (-1): t***@gmx.de is a freemail or "
                          "internet-provider address") != std::string::npos);
    result = e2e::run({"classify",
                       "--explain",
                       "--reveal",
                       "--lang",
                       "en",
                       "--rules",
                       k_shipped_rules.string(),
                       book.string()});
    CHECK(result.out.find("rule tel.mobile-only (-1): only mobile numbers and nothing else that "
                          "points to a business contact (+4915123456789)") != std::string::npos);
    CHECK(result.out.find("rule email.freemail (-1): tom.berger@gmx.de is a freemail or "
                          "internet-provider address") != std::string::npos);
  }

  TEST_CASE("CSV output: one row per contact, rule ids with weights, summary on stderr")
  {
    const e2e::TempDir dir;
    const auto rules = company_rules(dir);
    const auto result = e2e::run({"classify",
                                  "--format",
                                  "csv",
                                  "--explain",
                                  "--lang",
                                  "en",
                                  "--rules",
                                  rules.string(),
                                  e2e::testdata("classify/thunderbird-office.csv")});
    REQUIRE_MESSAGE(result.exit_code == 0, result.err);
    CHECK(result.out.rfind("file,line,record,uid,name,organisation,numbers,class,treated_as,score,"
                           "reviewed,rules,reasons\r\n",
                           0) == 0);
    CHECK(std::count(result.out.begin(), result.out.end(), '\n') == 26);
    CHECK(result.out.find("email.customer-domain(+6)") != std::string::npos);
    CHECK(result.err.find("Classified 25 contacts: ") != std::string::npos);
  }

  TEST_CASE("every problem of a broken rule file is reported with file:line:column, exit 2")
  {
    const e2e::TempDir dir;
    const auto rules = dir.path() / "rules";
    fs::create_directories(rules);
    fs::copy_file(k_shipped_rules / "signals.toml", rules / "signals.toml");
    fs::copy_file(k_shipped_rules / "freemail.toml", rules / "freemail.toml");
    fs::copy_file(k_shipped_rules / "words.toml", rules / "words.toml");
    dir.write("rules/zz-company.toml",
              "[lists]\ncompany_domain = [\"acme.de\"]\n\n"
              "[[rule]]\nid = \"org.present\"\nmatch = \"field\"\n"
              "fields = [\"organisation\"]\npattern = \"(\"\nweight = 1\n"
              "description_de = \"x\"\ndescription_en = \"x\"\n");
    const auto book = dir.write("book.vcf", "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:A\r\nEND:VCARD\r\n");
    const auto result = e2e::run({"classify", "--rules", rules.string(), book.string()});
    CHECK(result.exit_code == 2);
    const auto file = (rules / "zz-company.toml").string();
    CHECK(result.err.find("contact-audit: error: The rule files in \"" + rules.string() +
                          "\" have 3 problems; nothing was classified:\n") != std::string::npos);
    CHECK(result.err.find("  " + file +
                          ":8:11: The regular expression \"(\" in \"pattern\" is "
                          "not valid: ") != std::string::npos);
    CHECK(result.err.find("  " + file +
                          ":5:6: The rule id \"org.present\" is already used at "
                          "signals.toml:") != std::string::npos);
    CHECK(result.err.find("  " + file +
                          ":2:1: The list \"company_domain\" is not used by any rule; "
                          "check its name or remove it.") != std::string::npos);
    CHECK(result.out.empty());
  }

  TEST_CASE("a missing rule directory, an unknown format or language: exit 2")
  {
    const e2e::TempDir dir;
    const auto book = dir.write("book.vcf", "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:A\r\nEND:VCARD\r\n");
    auto result = e2e::run({"classify", "--rules", (dir.path() / "none").string(), book.string()});
    CHECK(result.exit_code == 2);
    CHECK(result.err.find("does not exist or is not a directory") != std::string::npos);
    result = e2e::run(
        {"classify", "--format", "xml", "--rules", k_shipped_rules.string(), book.string()});
    CHECK(result.exit_code == 2);
    CHECK(result.err ==
          "contact-audit: error: The format \"xml\" is not known; use table, json or csv.\n");
    result = e2e::run({"classify", "--lang", "fr", book.string()});
    CHECK(result.exit_code == 2);
    CHECK(result.err == "contact-audit: error: The language \"fr\" is not known; use de or en.\n");
  }

  TEST_CASE("without --rules the rules of the source tree (or the installed ones) are used")
  {
    const e2e::TempDir dir;
    const auto book = dir.write("book.vcf",
                                "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Mama\r\n"
                                "TEL;TYPE=CELL:0151 23456789\r\nEND:VCARD\r\n");
    const auto result = e2e::run({"classify", "--format", "json", book.string()});
    REQUIRE_MESSAGE(result.exit_code == 0, result.err);
    CHECK(parse_json(result.out)->getObject("summary")->getValue<int>("private") == 1);
  }

  TEST_CASE("--reviews-from-ledger: reviewed decisions win over the rules, conflicts are business")
  {
    const e2e::TempDir dir;
    const auto ledger = (dir.path() / "ledger.sqlite").string();
    const auto book = dir.write("book.vcf",
                                "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Lena\r\nORG:Acme\r\n"
                                "TEL;TYPE=CELL:0151 23456789\r\nEND:VCARD\r\n"
                                "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Max\r\n"
                                "TEL;TYPE=CELL:0151 23456780\r\nTEL;TYPE=WORK:030 1234567\r\n"
                                "END:VCARD\r\n");
    for (const auto& [number, decision, reason] :
         std::vector<std::tuple<std::string, std::string, std::string>>{
             {"0151 23456789", "private", "his sister"},
             {"0151 23456780", "private", "private mobile"},
             {"030 1234567", "business", "office line"}}) {
      const auto set = e2e::run({"review",
                                 "set",
                                 number,
                                 decision,
                                 "--reason",
                                 reason,
                                 "--ledger",
                                 ledger,
                                 "--by",
                                 "dpo"});
      REQUIRE_MESSAGE(set.exit_code == 0, set.err);
    }
    auto result = e2e::run({"classify",
                            "--format",
                            "json",
                            "--lang",
                            "en",
                            "--rules",
                            k_shipped_rules.string(),
                            "--reviews-from-ledger",
                            "--ledger",
                            ledger,
                            book.string()});
    REQUIRE_MESSAGE(result.exit_code == 0, result.err);
    const auto document = parse_json(result.out);
    const auto lena = entry_named(document, "Lena");
    CHECK(lena->getValue<std::string>("class") == "private");
    CHECK(lena->getValue<bool>("reviewed"));
    CHECK(lena->getValue<int>("score") == 4);
    const auto evidence =
        lena->getArray("reviews")->getObject(0)->getValue<std::string>("evidence");
    CHECK(evidence.rfind("review (override): decided private by dpo on ", 0) == 0);
    CHECK(evidence.find(" (number +49151*****789): his sister") != std::string::npos);
    const auto max = entry_named(document, "Max");
    CHECK(max->getValue<std::string>("class") == "business");
    CHECK(max->getValue<bool>("conflict"));
    CHECK(max->getArray("reviews")->size() == 2);
    CHECK(document->getObject("summary")->getValue<int>("reviewed") == 2);

    result = e2e::run({"classify",
                       "--rules",
                       k_shipped_rules.string(),
                       "--reviews-from-ledger",
                       "--ledger",
                       (dir.path() / "none.sqlite").string(),
                       book.string()});
    CHECK(result.exit_code == 2);
  }

  TEST_CASE("--help describes the command and exits 0")
  {
    const auto result = e2e::run({"classify", "--help"});
    CHECK(result.exit_code == 0);
    CHECK(result.out.find("Usage: contact-audit classify FILE... [options]") != std::string::npos);
    CHECK(result.out.find("--explain") != std::string::npos);
  }
}
