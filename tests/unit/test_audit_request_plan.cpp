// SPDX-License-Identifier: MIT
// Unit tests of plan_consent_requests: findings grouped into the people to ask.
#include <contact_audit/audit/request_plan.hpp>
#include <contact_audit/ledger/time.hpp>

#include <doctest/doctest.h>

using namespace contact_audit;
using audit::plan_consent_requests;

namespace {

audit::NumberRecord number(const std::string& e164, const std::string& state)
{
  return audit::NumberRecord{e164, e164, "mobile", "valid", state, "", "", -1};
}

audit::Finding finding(const std::string& name,
                       std::vector<audit::NumberRecord> numbers,
                       std::vector<std::string> emails = {})
{
  audit::Finding result;
  result.contact = name;
  result.organisation = "Firma " + name;
  result.numbers = std::move(numbers);
  result.emails = std::move(emails);
  return result;
}

audit::AuditResult audit_of(audit::Findings findings)
{
  audit::AuditResult result;
  result.findings = std::move(findings);
  return result;
}

const ledger::Timestamp k_now = *ledger::parse_timestamp("2026-11-25T10:00:00Z");

} // namespace

TEST_SUITE("audit::request_plan")
{
  TEST_CASE("the same person on two devices is asked once, about the numbers of both")
  {
    const auto plan = plan_consent_requests(
        {audit_of({finding("Anna Beispiel", {number("+4915100000001", "missing")})}),
         audit_of({finding("anna beispiel",
                           {number("+4915100000001", "missing"),
                            number("+493000000001", "expired"),
                            number("+493000000002", "valid")})})},
        k_now);
    REQUIRE(plan.groups.size() == 1);
    const auto& group = plan.groups.front();
    CHECK(group.findings == 2);
    CHECK(group.candidate.details.name == "Anna Beispiel");
    CHECK(group.organisation == "Firma Anna Beispiel");
    CHECK(group.candidate.numbers == std::vector<std::string>{"+4915100000001", "+493000000001"});
    // The valid number is kept for finding the ledger subject, but not asked about.
    CHECK(group.candidate.details.numbers.size() == 3);
  }

  TEST_CASE("findings with the same e-mail address are one person, whatever the name")
  {
    const auto plan = plan_consent_requests(
        {audit_of({finding("A. Beispiel", {number("+4915100000001", "missing")}, {"a@x.example"}),
                   finding("Anna B.", {number("+4915100000002", "missing")}, {"A@X.example"})})},
        k_now);
    REQUIRE(plan.groups.size() == 1);
    CHECK(plan.groups[0].candidate.numbers.size() == 2);
    CHECK(plan.groups[0].candidate.details.emails ==
          std::vector<std::string>{"a@x.example", "A@X.example"});
  }

  TEST_CASE("two people sharing an office line are asked separately")
  {
    const auto plan = plan_consent_requests(
        {audit_of({finding("Anna Beispiel", {number("+493000000009", "missing")}),
                   finding("Bert Beispiel", {number("+493000000009", "missing")})})},
        k_now);
    CHECK(plan.groups.size() == 2);
  }

  TEST_CASE("a finding with only an explicit no is not asked again")
  {
    const auto plan =
        plan_consent_requests({audit_of({finding("Karla", {number("+4915100000011", "withdrawn")}),
                                         finding("Rolf", {number("+4915100000012", "refused")}),
                                         finding("Ida", {number("+4915100000013", "pending")})})},
                              k_now);
    CHECK(plan.findings_decided == 2);
    REQUIRE(plan.groups.size() == 1);
    CHECK(plan.groups[0].candidate.details.name == "Ida");
  }

  TEST_CASE("the company e-mail domain rule makes the person a colleague")
  {
    auto colleague = finding("Kai Kollege", {number("+4915100000021", "missing")});
    colleague.reasons.push_back({"email.company-domain", 40, {}, nullptr, {}});
    const auto plan = plan_consent_requests(
        {audit_of({colleague, finding("Cora Kundin", {number("+4915100000022", "missing")})})},
        k_now);
    REQUIRE(plan.groups.size() == 2);
    CHECK(plan.groups[0].candidate.details.relationship == ledger::Relationship::colleague);
    CHECK_FALSE(plan.groups[1].candidate.details.relationship.has_value());
  }

  TEST_CASE("residual lookup-only exposures are not asked about")
  {
    auto result = audit_of({});
    result.residual.push_back(finding("Lena Lookup", {number("+4915100000031", "missing")}));
    CHECK(plan_consent_requests({result}, k_now).groups.empty());
  }
}
