// SPDX-License-Identifier: MIT
// Reviewed decisions: they win over the rules, by UID or by number; conflicts are business.
#include <contact_audit/classify/classifier.hpp>

#include <doctest/doctest.h>

using namespace contact_audit;
using namespace contact_audit::classify;
using contact::Contact;

namespace {

RuleSet org_rule()
{
  std::vector<RuleProblem> problems;
  auto rules = parse_rule_sources({{"r.toml",
                                    "[[rule]]\nid = \"org.present\"\nmatch = \"field\"\n"
                                    "fields = [\"organisation\"]\nweight = 4\n"
                                    "description_de = \"Organisation: {value}\"\n"
                                    "description_en = \"organisation: {value}\"\n"}},
                                  problems);
  REQUIRE(rules.has_value());
  return std::move(*rules);
}

Override decision(OverrideKeyKind kind,
                  std::string key,
                  Classification decided,
                  std::string reason = "checked with HR")
{
  return {kind, std::move(key), decided, "dpo", "2026-11-20", std::move(reason)};
}

Contact with_phone(std::string e164)
{
  Contact contact;
  contact::Phone phone;
  phone.raw = e164;
  phone.number.e164 = std::move(e164);
  phone.number.type = phone::NumberType::mobile;
  contact.phones.push_back(std::move(phone));
  return contact;
}

} // namespace

TEST_SUITE("classify::Overrides")
{
  TEST_CASE("a decision for a number wins over the rules and says so")
  {
    const auto rules = org_rule();
    Overrides overrides;
    REQUIRE(overrides
                .add(decision(OverrideKeyKind::e164,
                              "+4915112345678",
                              Classification::private_,
                              "his private mobile"))
                .has_value());
    auto contact = with_phone("+4915112345678");
    contact.organisation = "Acme GmbH";
    const auto verdict = Classifier(rules, overrides).classify(contact);
    CHECK(verdict.classification == Classification::private_);
    CHECK(verdict.treated_as == Classification::private_);
    CHECK(verdict.overridden);
    CHECK_FALSE(verdict.conflict);
    CHECK(verdict.score == 4); // The rules still run, for the record.
    CHECK(
        explain(verdict, Language::en) ==
        std::vector<std::string>{"review (override): decided private by dpo on 2026-11-20 (number "
                                 "+49151*****678): his private mobile",
                                 "rule org.present (+4): organisation: Acme GmbH"});
    CHECK(explain(verdict, Language::de).front() ==
          "Prüfung (Übersteuerung): als privat entschieden von dpo am 2026-11-20 (Nummer "
          "+49151*****678): his private mobile");
  }

  TEST_CASE("a decision for a UID wins over the rules")
  {
    const auto rules = org_rule();
    Overrides overrides;
    REQUIRE(overrides.add(decision(OverrideKeyKind::uid, "card-7", Classification::business))
                .has_value());
    auto contact = with_phone("+4915112345678");
    contact.uid = "card-7";
    const auto verdict = Classifier(rules, overrides).classify(contact);
    CHECK(verdict.classification == Classification::business);
    CHECK(explain(verdict, Language::en).front() ==
          "review (override): decided business by dpo on 2026-11-20 (contact UID card-7): "
          "checked with HR");
  }

  TEST_CASE("two numbers with different decisions: business, with both reasons")
  {
    const auto rules = org_rule();
    Overrides overrides;
    REQUIRE(overrides
                .add(decision(OverrideKeyKind::e164,
                              "+4915112345678",
                              Classification::private_,
                              "private mobile"))
                .has_value());
    REQUIRE(overrides
                .add(decision(
                    OverrideKeyKind::e164, "+49301234567", Classification::business, "office line"))
                .has_value());
    auto contact = with_phone("+4915112345678");
    contact.phones.push_back(with_phone("+49301234567").phones.front());
    const auto verdict = Classifier(rules, overrides).classify(contact);
    CHECK(verdict.classification == Classification::business);
    CHECK(verdict.conflict);
    const auto lines = explain(verdict, Language::en, true);
    REQUIRE(lines.size() == 3);
    CHECK(lines[0] == "review (override): decided private by dpo on 2026-11-20 (number "
                      "+4915112345678): private mobile");
    CHECK(lines[1] == "review (override): decided business by dpo on 2026-11-20 (number "
                      "+49301234567): office line");
    CHECK(lines[2] == "review (override): the reviewed decisions disagree; business applies (the "
                      "conservative reading)");
  }

  TEST_CASE("the same decision reached twice is listed once, agreeing decisions are no conflict")
  {
    const auto rules = org_rule();
    Overrides overrides;
    REQUIRE(
        overrides.add(decision(OverrideKeyKind::e164, "+4915112345678", Classification::private_))
            .has_value());
    REQUIRE(
        overrides.add(decision(OverrideKeyKind::uid, "u1", Classification::private_)).has_value());
    auto contact = with_phone("+4915112345678");
    contact.phones.push_back(contact.phones.front());
    contact.uid = "u1";
    const auto verdict = Classifier(rules, overrides).classify(contact);
    CHECK(verdict.overrides.size() == 2);
    CHECK(verdict.overrides.front()->key == "u1");
    CHECK_FALSE(verdict.conflict);
    CHECK(verdict.classification == Classification::private_);
  }

  TEST_CASE("a later decision for the same key replaces the earlier one")
  {
    Overrides overrides;
    REQUIRE(
        overrides.add(decision(OverrideKeyKind::uid, "u1", Classification::private_)).has_value());
    REQUIRE(
        overrides.add(decision(OverrideKeyKind::uid, "u1", Classification::business)).has_value());
    CHECK(overrides.size() == 1);
    CHECK(overrides.find_uid("u1")->decision == Classification::business);
    CHECK(overrides.find_e164("u1") == nullptr);
  }

  TEST_CASE("invalid decisions are rejected with a message and not added")
  {
    Overrides overrides;
    auto result = overrides.add(decision(OverrideKeyKind::uid, "u1", Classification::unknown));
    REQUIRE_FALSE(result.has_value());
    CHECK(result.error().code == "review.invalid");
    CHECK(result.error().message ==
          "A reviewed decision must be business or private, not unknown; it was not applied.");
    result =
        overrides.add(decision(OverrideKeyKind::e164, "015112345678", Classification::business));
    REQUIRE_FALSE(result.has_value());
    CHECK(result.error().message ==
          "The reviewed decision for \"015******678\" is not keyed by an E.164 number (\"+\" and 2 "
          "to 15 digits); it was not applied.");
    result = overrides.add(decision(OverrideKeyKind::uid, "", Classification::business));
    REQUIRE_FALSE(result.has_value());
    CHECK(result.error().message ==
          "A reviewed decision has an empty uid key; it was not applied.");
    CHECK(overrides.empty());
    CHECK(parse_override_key_kind("e164") == OverrideKeyKind::e164);
    CHECK(parse_override_key_kind("phone") == std::nullopt);
  }

  TEST_CASE("without overrides nothing is marked as reviewed")
  {
    const auto rules = org_rule();
    const Overrides overrides;
    const auto verdict = Classifier(rules, overrides).classify(with_phone("+4915112345678"));
    CHECK_FALSE(verdict.overridden);
    CHECK(verdict.overrides.empty());
    CHECK(verdict.classification == Classification::unknown);
  }
}
