// SPDX-License-Identifier: MIT
// Unit tests of the order of audit findings.
#include "audit/findings.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <random>
#include <string>
#include <vector>

using namespace contact_audit::audit;

namespace {

Finding finding(int severity, std::string contact, std::size_t line)
{
  Finding made;
  made.severity = severity;
  made.contact = std::move(contact);
  made.file = "book.vcf";
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
    Findings findings;
    std::mt19937 random(7);
    for (std::size_t i = 0; i < 2000; ++i) {
      findings.push_back(finding(static_cast<int>(random() % 4) * 10,
                                 "Kontakt " + std::to_string(random() % 50),
                                 1 + random() % 300));
    }
    auto expected = findings;
    std::stable_sort(expected.begin(), expected.end(), [](const Finding& a, const Finding& b) {
      if (a.severity != b.severity) {
        return a.severity > b.severity;
      }
      if (a.contact != b.contact) {
        return a.contact < b.contact;
      }
      return a.line < b.line;
    });
    sort_findings(findings);
    REQUIRE(findings.size() == expected.size());
    for (std::size_t i = 0; i < findings.size(); ++i) {
      CAPTURE(i);
      CHECK(findings[i].severity == expected[i].severity);
      CHECK(findings[i].contact == expected[i].contact);
      CHECK(findings[i].line == expected[i].line);
      CHECK(findings[i].remediation == expected[i].remediation);
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
