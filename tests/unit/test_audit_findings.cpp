// SPDX-License-Identifier: MIT
// Unit tests of the order of audit findings and of their reasons.
#include "audit/findings.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <memory>
#include <random>
#include <string>
#include <vector>

using namespace contact_audit::audit;

namespace {

Finding finding(int severity, std::string contact, std::size_t line, std::string file = "book.vcf")
{
  Finding made;
  made.severity = severity;
  made.contact = std::move(contact);
  made.file = std::move(file);
  made.line = line;
  // A payload that must travel with its finding.
  made.remediation = made.contact + "#" + std::to_string(line);
  return made;
}

} // namespace

TEST_SUITE("audit::findings")
{
  TEST_CASE("findings are ordered by severity, then name, then file and line, payload intact")
  {
    // Names that share their first eight bytes, and names that differ early, are
    // short, empty, not ASCII (UTF-8 bytes order above ASCII), 16 bytes and longer,
    // or hold a NUL byte; several files.
    std::vector<std::string> shared_start;
    shared_start.reserve(50);
    for (int i = 0; i < 50; ++i) {
      shared_start.push_back("Kontakt " + std::to_string(i));
    }
    const std::vector<std::string> mixed{"",
                                         "A",
                                         "Ab",
                                         "Abc",
                                         "Zoë",
                                         "Ärger GmbH",
                                         "Müller, Anna",
                                         "Müller, Anne",
                                         "Anna Beispiel",
                                         "Anna Beispielhaft",
                                         "Anna-Maria Schul",
                                         "Anna-Maria Schulz",
                                         "Anna-Maria Schulze",
                                         std::string("Ab\0", 3),
                                         "anna"};
    const std::vector<std::string> files{"b.vcf", "a.vcf", "exports/z.csv", "a.vcf.bak"};
    const std::vector<std::string>& shared = shared_start;
    for (const auto* names : {&shared, &mixed}) {
      Findings findings;
      std::mt19937 random(7);
      for (std::size_t i = 0; i < 2000; ++i) {
        findings.push_back(finding(static_cast<int>(random() % 4) * 10,
                                   (*names)[random() % names->size()],
                                   1 + random() % 300,
                                   files[random() % files.size()]));
      }
      auto expected = findings;
      std::stable_sort(expected.begin(), expected.end(), [](const Finding& a, const Finding& b) {
        if (a.severity != b.severity) {
          return a.severity > b.severity;
        }
        if (a.contact != b.contact) {
          return a.contact < b.contact;
        }
        if (a.file != b.file) {
          return a.file < b.file;
        }
        return a.line < b.line;
      });
      sort_findings(findings);
      REQUIRE(findings.size() == expected.size());
      for (std::size_t i = 0; i < findings.size(); ++i) {
        CAPTURE(i);
        CHECK(findings[i].severity == expected[i].severity);
        CHECK(findings[i].contact == expected[i].contact);
        CHECK(findings[i].file == expected[i].file);
        CHECK(findings[i].line == expected[i].line);
        CHECK(findings[i].remediation == expected[i].remediation);
      }
    }
  }

  TEST_CASE("sorting no findings or one finding changes nothing")
  {
    Findings none;
    sort_findings(none);
    CHECK(none.empty());
    Findings one{finding(20, "Anna", 3)};
    sort_findings(one);
    REQUIRE(one.size() == 1);
    CHECK(one[0].remediation == "Anna#3");
  }
}

TEST_SUITE("audit::reasons")
{
  TEST_CASE("a reason renders its rule's pattern with its evidence in either language")
  {
    const auto pattern = std::make_shared<const LocalisedText>(
        LocalisedText{"Regel email.company-domain (+5): {value} ist eine Firmendomain",
                      "rule email.company-domain (+5): {value} is a company domain"});
    const Reason reason{"email.company-domain", 5, {}, pattern, "j***@acme.de"};
    CHECK(reason.text("en") == "rule email.company-domain (+5): j***@acme.de is a company domain");
    CHECK(reason.text("de") ==
          "Regel email.company-domain (+5): j***@acme.de ist eine Firmendomain");
    CHECK(reason.text().en == reason.text("en"));
    CHECK(reason.text().de == reason.text("de"));
  }

  TEST_CASE("a reason without a pattern shows its rendered text")
  {
    const Reason reason{"review", 0, {"geprüft", "reviewed"}, nullptr, {}};
    CHECK(reason.text("de") == "geprüft");
    CHECK(reason.text("en") == "reviewed");
  }
}

TEST_SUITE("audit::reasons")
{
  TEST_CASE("every finding of a rule shares the rule's one pattern")
  {
    contact_audit::classify::RuleInfo rule;
    rule.id = "org.present";
    rule.weight = 4;
    rule.description_de = "Organisation angegeben: {value}";
    rule.description_en = "organisation given: {value}";
    SharedTexts texts;
    const auto first = texts.pattern(rule);
    const auto second = texts.pattern(rule);
    CHECK(first.get() == second.get());
    CHECK(first->en == "rule org.present (+4): organisation given: {value}");
    CHECK(first->de == "Regel org.present (+4): Organisation angegeben: {value}");
    const Reason reason{rule.id, rule.weight, {}, first, "Acme {value} GmbH"};
    // Evidence that looks like a placeholder is shown as it is.
    CHECK(reason.text("en") == "rule org.present (+4): organisation given: Acme {value} GmbH");
  }

  TEST_CASE("findings share one copy of each exposure reason and remediation text")
  {
    SharedTexts texts;
    const SharedText first = texts.text("Kontakt im Konto.", "Contact in the account.");
    const SharedText second = texts.text("Kontakt im Konto.", "Contact in the account.");
    CHECK(&first.get() == &second.get());
    CHECK(first.in("de") == "Kontakt im Konto.");
    CHECK(first.in("en") == "Contact in the account.");
    // The same English with another German text is not mixed up with it.
    const SharedText other = texts.text("Anderer Text.", "Contact in the account.");
    CHECK(other.in("de") == "Anderer Text.");
    CHECK(&other.get() != &first.get());
    CHECK(SharedText().get().en.empty());
  }
}
