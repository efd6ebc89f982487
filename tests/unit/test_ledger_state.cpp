// SPDX-License-Identifier: MIT
// Unit tests of the consent state machine: as-of times, expiry, voiding, shared numbers, index.
#include "test_ledger_fixture.hpp"

#include <contact_audit/ledger/state.hpp>

#include <doctest/doctest.h>

using namespace ledger_test;

namespace {

constexpr const char* k_anna = "+4915123456701";
constexpr const char* k_office = "+493023125001";

ConsentStatus status_at(Fixture& fixture, const char* e164, const char* when)
{
  return state_of_number(*fixture.store, e164, k_default_purpose, at(when)).status;
}

} // namespace

TEST_SUITE("ledger::state")
{
  TEST_CASE("a number without any record is missing")
  {
    Fixture fixture;
    const auto state = state_of_number(*fixture.store, k_anna, k_default_purpose, at("2024-06-01"));
    CHECK(state.status == ConsentStatus::missing);
    CHECK(state.subjects.empty());
  }

  TEST_CASE("a number held by a subject without any decision is missing")
  {
    Fixture fixture;
    fixture.subject("Anna", {k_anna});
    const auto state = state_of_number(*fixture.store, k_anna, k_default_purpose, at("2024-06-01"));
    CHECK(state.status == ConsentStatus::missing);
    REQUIRE(state.subjects.size() == 1);
    CHECK(state.subjects[0].explanation == "No consent decision covers this number.");
  }

  TEST_CASE("consent given on an accepted notice is valid from its effective date on")
  {
    Fixture fixture;
    const auto anna = fixture.subject("Anna", {k_anna});
    fixture.record(anna, Action::given, "2024-03-05", {k_anna});
    CHECK(status_at(fixture, k_anna, "2024-03-04T23:59:59Z") == ConsentStatus::missing);
    CHECK(status_at(fixture, k_anna, "2024-03-05") == ConsentStatus::valid);
    CHECK(status_at(fixture, k_anna, "2025-03-05") == ConsentStatus::valid);
  }

  TEST_CASE("a withdrawal after the audit date does not change the state as of that date")
  {
    Fixture fixture;
    const auto anna = fixture.subject("Anna", {k_anna});
    fixture.record(anna, Action::given, "2024-03-05", {k_anna});
    fixture.record(anna, Action::withdrawn, "2024-06-02", {k_anna});
    CHECK(status_at(fixture, k_anna, "2024-06-01") == ConsentStatus::valid);
    CHECK(status_at(fixture, k_anna, "2024-06-02") == ConsentStatus::withdrawn);
    const auto state = state_of_number(*fixture.store, k_anna, k_default_purpose, at("2024-07-01"));
    CHECK(state.subjects.at(0).explanation == "Consent was withdrawn on 2024-06-02.");
  }

  TEST_CASE("an event recorded after as_of is ignored even when it took effect before")
  {
    Fixture fixture;
    const auto anna = fixture.subject("Anna", {k_anna});
    fixture.record(anna, Action::given, "2024-03-05", {k_anna});
    // Withdrawn by letter on 1 June, but only entered on 20 June.
    fixture.record(anna, Action::withdrawn, "2024-06-01", {k_anna}, "2024-06-20T09:00:00Z");
    CHECK(status_at(fixture, k_anna, "2024-06-10") == ConsentStatus::valid);
    CHECK(status_at(fixture, k_anna, "2024-06-20T09:00:00Z") == ConsentStatus::withdrawn);
  }

  TEST_CASE("consent given again after a withdrawal is valid again")
  {
    Fixture fixture;
    const auto anna = fixture.subject("Anna", {k_anna});
    fixture.record(anna, Action::given, "2024-03-05", {k_anna});
    fixture.record(anna, Action::withdrawn, "2024-06-02", {k_anna});
    fixture.record(anna, Action::given, "2024-09-01", {k_anna});
    CHECK(status_at(fixture, k_anna, "2024-08-31") == ConsentStatus::withdrawn);
    CHECK(status_at(fixture, k_anna, "2024-09-01") == ConsentStatus::valid);
  }

  TEST_CASE("consent expires after valid_until and a renewal makes it valid again")
  {
    Fixture fixture;
    const auto anna = fixture.subject("Anna", {k_anna});
    Event draft;
    draft.subject_id = anna;
    draft.purpose = std::string(k_default_purpose);
    draft.action = Action::given;
    draft.effective_at = at("2022-01-10");
    draft.recorded_at = draft.effective_at;
    draft.notice_version = "1";
    draft.valid_until = at("2024-01-10T23:59:59Z");
    draft.numbers = {k_anna};
    fixture.append(draft);
    CHECK(status_at(fixture, k_anna, "2024-01-10") == ConsentStatus::valid);
    CHECK(status_at(fixture, k_anna, "2024-01-11") == ConsentStatus::expired);
    const auto state = state_of_number(*fixture.store, k_anna, k_default_purpose, at("2024-02-01"));
    CHECK(state.subjects.at(0).explanation ==
          "Consent given on 2022-01-10 expired on 2024-01-10; it must be renewed.");
    fixture.record(anna, Action::renewed, "2024-02-01", {k_anna});
    CHECK(status_at(fixture, k_anna, "2024-02-01") == ConsentStatus::valid);
  }

  TEST_CASE("an expired event ends the consent before its valid_until")
  {
    Fixture fixture;
    const auto anna = fixture.subject("Anna", {k_anna});
    fixture.record(anna, Action::given, "2024-03-05", {k_anna});
    fixture.record(anna, Action::expired, "2024-05-01", {k_anna});
    CHECK(status_at(fixture, k_anna, "2024-05-01") == ConsentStatus::expired);
  }

  TEST_CASE("make_event sets valid_until from the notice's re-confirmation period")
  {
    Decision decision;
    decision.effective_at = at("2024-02-29");
    decision.notice_version = "1";
    decision.numbers = {k_anna};
    const auto event = make_event(builtin_catalogue(), "s", decision, "hr", at("2024-06-01"));
    REQUIRE(event);
    REQUIRE(event->valid_until);
    CHECK(format_timestamp(*event->valid_until) == "2026-02-28T00:00:00Z");
    CHECK(event->notice_language == "de");
    CHECK(event->notice_sha256 ==
          builtin_catalogue().find(k_default_purpose, "1", "de")->text_sha256);
  }

  TEST_CASE("make_event refuses future dates, missing or unknown notices and unknown purposes")
  {
    Decision decision;
    decision.effective_at = at("2024-06-02");
    decision.notice_version = "1";
    const auto now = at("2024-06-01");
    auto future = make_event(builtin_catalogue(), "s", decision, "hr", now);
    REQUIRE_FALSE(future);
    CHECK(future.error().message == "The date 2024-06-02 lies in the future.");
    decision.effective_at = at("2024-05-01");
    decision.notice_version.clear();
    auto missing = make_event(builtin_catalogue(), "s", decision, "hr", now);
    REQUIRE_FALSE(missing);
    CHECK(missing.error().code == "ledger.decision.notice-missing");
    decision.notice_version = "7";
    auto unknown = make_event(builtin_catalogue(), "s", decision, "hr", now);
    REQUIRE_FALSE(unknown);
    CHECK(unknown.error().message ==
          "The notice version \"7\" is not in the catalogue of purpose whatsapp-contact-upload.");
    decision.action = Action::refused;
    decision.notice_version.clear();
    CHECK(make_event(builtin_catalogue(), "s", decision, "hr", now));
    decision.purpose = "fax-upload";
    CHECK(make_event(builtin_catalogue(), "s", decision, "hr", now).error().code ==
          "ledger.decision.purpose");
  }

  TEST_CASE("a voided withdrawal restores the earlier consent, from the time of the void on")
  {
    Fixture fixture;
    const auto anna = fixture.subject("Anna", {k_anna});
    fixture.record(anna, Action::given, "2024-03-05", {k_anna});
    const auto wrong = fixture.record(anna, Action::withdrawn, "2024-06-02", {k_anna});
    Event void_draft;
    void_draft.subject_id = anna;
    void_draft.purpose = std::string(k_default_purpose);
    void_draft.action = Action::voided;
    void_draft.effective_at = at("2024-06-05");
    void_draft.recorded_at = at("2024-06-05");
    void_draft.target_event_id = wrong.id;
    void_draft.reason = "Entered for the wrong person.";
    fixture.append(void_draft);
    CHECK(status_at(fixture, k_anna, "2024-06-03") == ConsentStatus::withdrawn);
    CHECK(status_at(fixture, k_anna, "2024-06-05") == ConsentStatus::valid);
  }

  TEST_CASE("void_event refuses to void a void or to void twice")
  {
    Fixture fixture;
    const auto anna = fixture.subject("Anna", {k_anna});
    const auto given = fixture.record(anna, Action::given, "2024-03-05", {k_anna});
    const WriteContext context{"dpo", "test", {}, {}};
    const auto voided = void_event(*fixture.store, given.id, "Wrong form.", context);
    CHECK(voided.target_event_id == given.id);
    CHECK_THROWS_WITH(void_event(*fixture.store, given.id, "Again.", context),
                      "Event 1 was already voided by event 2.");
    CHECK_THROWS_WITH(void_event(*fixture.store, voided.id, "No.", context),
                      "Event 2 is an voided event and cannot be voided.");
    CHECK_THROWS_WITH(void_event(*fixture.store, 99, "No.", context),
                      "There is no event 99 in the ledger.");
    CHECK(status_at(fixture, k_anna, "2099-01-01") == ConsentStatus::missing);
  }

  TEST_CASE("refusals, requests, deferrals, revocations and invalidations map to their states")
  {
    const std::pair<Action, ConsentStatus> cases[] = {
        {Action::refused, ConsentStatus::refused},
        {Action::requested, ConsentStatus::pending},
        {Action::deferred, ConsentStatus::pending},
        {Action::revoked, ConsentStatus::revoked},
        {Action::invalidated, ConsentStatus::invalidated},
    };
    for (const auto& [action, status] : cases) {
      CAPTURE(to_string(action));
      Fixture fixture;
      const auto anna = fixture.subject("Anna", {k_anna});
      fixture.record(anna, action, "2024-03-05", {k_anna});
      CHECK(status_at(fixture, k_anna, "2024-03-06") == status);
    }
  }

  TEST_CASE("consent on a notice version that is not accepted is invalidated")
  {
    Fixture fixture;
    auto notices = builtin_catalogue().notices();
    for (auto& notice : notices) {
      notice.version = "0";
      notice.accepted = false;
    }
    install_catalogue(*fixture.store, Catalogue(notices), WriteContext{"dpo", "test", {}, {}});
    const auto anna = fixture.subject("Anna", {k_anna});
    Event draft;
    draft.subject_id = anna;
    draft.purpose = std::string(k_default_purpose);
    draft.action = Action::given;
    draft.effective_at = at("2024-03-05");
    draft.recorded_at = draft.effective_at;
    draft.notice_version = "0";
    draft.numbers = {k_anna};
    fixture.append(draft);
    const auto state = state_of_number(*fixture.store, k_anna, k_default_purpose, at("2024-04-01"));
    CHECK(state.status == ConsentStatus::invalidated);
    CHECK(state.subjects.at(0).explanation ==
          "Consent given on 2024-03-05 refers to notice version 0, which is not accepted.");
  }

  TEST_CASE("of two events on the same effective date the later recorded one wins")
  {
    Fixture fixture;
    const auto anna = fixture.subject("Anna", {k_anna});
    fixture.record(anna, Action::withdrawn, "2024-03-05", {k_anna});
    fixture.record(anna, Action::given, "2024-03-05", {k_anna});
    CHECK(status_at(fixture, k_anna, "2024-03-06") == ConsentStatus::valid);
  }

  TEST_CASE("a number shared by two subjects is valid only when both consented")
  {
    Fixture fixture;
    const auto anna = fixture.subject("Anna", {k_office});
    const auto bernd = fixture.subject("Bernd", {k_office});
    fixture.record(anna, Action::given, "2024-03-05", {k_office});
    auto state = state_of_number(*fixture.store, k_office, k_default_purpose, at("2024-04-01"));
    CHECK(state.status == ConsentStatus::missing);
    REQUIRE(state.subjects.size() == 2);
    fixture.record(bernd, Action::given, "2024-04-02", {k_office});
    CHECK(status_at(fixture, k_office, "2024-04-02") == ConsentStatus::valid);
    fixture.record(bernd, Action::withdrawn, "2024-05-01", {k_office});
    state = state_of_number(*fixture.store, k_office, k_default_purpose, at("2024-05-01"));
    CHECK(state.status == ConsentStatus::withdrawn);
    const auto& anna_state =
        state.subjects[0].subject_id == anna ? state.subjects[0] : state.subjects[1];
    CHECK(anna_state.status == ConsentStatus::valid);
  }

  TEST_CASE("a colleague's verbal consent is valid but flagged; a customer's is not flagged")
  {
    Fixture fixture;
    const auto clara = fixture.subject("Clara", {k_office}, Relationship::colleague);
    const auto anna = fixture.subject("Anna", {k_anna}, Relationship::customer);
    for (const auto& [subject, number] : {std::pair{clara, k_office}, std::pair{anna, k_anna}}) {
      Event draft;
      draft.subject_id = subject;
      draft.purpose = std::string(k_default_purpose);
      draft.action = Action::given;
      draft.effective_at = at("2024-03-05");
      draft.recorded_at = draft.effective_at;
      draft.notice_version = "1";
      draft.method = Method::verbal;
      draft.numbers = {number};
      fixture.append(draft);
    }
    const auto colleague =
        state_of_number(*fixture.store, k_office, k_default_purpose, at("2024-04-01"));
    CHECK(colleague.status == ConsentStatus::valid);
    CHECK(colleague.colleague_verbal);
    const auto customer =
        state_of_number(*fixture.store, k_anna, k_default_purpose, at("2024-04-01"));
    CHECK(customer.status == ConsentStatus::valid);
    CHECK_FALSE(customer.colleague_verbal);
  }

  TEST_CASE("a number added to a subject later does not inherit the subject's consent")
  {
    Fixture fixture;
    const auto anna = fixture.subject("Anna", {k_anna});
    fixture.record(anna, Action::given, "2024-03-05", {k_anna});
    fixture.store->write([&] {
      fixture.store->add_subject_number(anna,
                                        SubjectNumber{k_office, "030 23125001", at("2024-05-01")});
    });
    CHECK(status_at(fixture, k_anna, "2024-06-01") == ConsentStatus::valid);
    CHECK(status_at(fixture, k_office, "2024-06-01") == ConsentStatus::missing);
    CHECK(state_of_number(*fixture.store, k_office, k_default_purpose, at("2024-04-01"))
              .subjects.empty());
  }

  TEST_CASE("the overall verdict prefers an explicit no over weaker states")
  {
    using S = ConsentStatus;
    CHECK(combine_statuses({}) == S::missing);
    CHECK(combine_statuses({S::valid, S::valid}) == S::valid);
    CHECK(combine_statuses({S::valid, S::missing}) == S::missing);
    CHECK(combine_statuses({S::pending, S::withdrawn, S::expired}) == S::withdrawn);
    CHECK(combine_statuses({S::expired, S::refused}) == S::refused);
    CHECK(combine_statuses({S::invalidated, S::expired}) == S::invalidated);
  }

  TEST_CASE("the preloaded index gives the same verdicts as single queries, as of any time")
  {
    Fixture fixture;
    const auto anna = fixture.subject("Anna", {k_anna, k_office});
    const auto bernd = fixture.subject("Bernd", {k_office});
    const auto clara = fixture.subject("Clara", {"+4915123456703"}, Relationship::colleague);
    fixture.record(anna, Action::given, "2024-03-05", {k_anna, k_office});
    fixture.record(bernd, Action::given, "2024-03-06", {k_office});
    fixture.record(anna, Action::withdrawn, "2024-06-02", {k_anna}, "2024-06-10");
    fixture.record(clara, Action::requested, "2024-03-01", {"+4915123456703"});
    const auto wrong = fixture.record(bernd, Action::refused, "2024-04-01", {k_office});
    Event void_draft;
    void_draft.subject_id = bernd;
    void_draft.purpose = std::string(k_default_purpose);
    void_draft.action = Action::voided;
    void_draft.effective_at = at("2024-04-02");
    void_draft.recorded_at = at("2024-04-02");
    void_draft.target_event_id = wrong.id;
    fixture.append(void_draft);
    for (const char* when :
         {"2024-03-05", "2024-04-01", "2024-04-03", "2024-06-05", "2024-06-11"}) {
      CAPTURE(when);
      const auto index = load_consent_index(*fixture.store, k_default_purpose, at(when));
      for (const char* number : {k_anna, k_office, "+4915123456703", "+4930999999"}) {
        CAPTURE(number);
        CHECK(index.lookup(number) == status_at(fixture, number, when));
      }
    }
    const auto index = load_consent_index(*fixture.store, k_default_purpose, at("2024-06-11"));
    CHECK(index.lookup(k_anna) == ConsentStatus::withdrawn);
    CHECK(index.lookup(k_office) == ConsentStatus::valid);
    CHECK(index.find(k_office)->subjects == 2);
    CHECK(index.find("+4930999999") == nullptr);
    CHECK(index.size() == 3);
    CHECK(index.head()->event_id == 6);
  }

  TEST_CASE("the consent index keeps thousands of numbers and texts that are not E.164 apart")
  {
    Fixture fixture;
    // Numbers that differ only in their last digits, so that the table must grow and
    // neighbouring keys must not be confused; a text that is no E.164 number (a
    // ledger edited by hand) is kept as it is.
    std::vector<std::string> numbers;
    for (int i = 0; i < 3000; ++i) {
      numbers.push_back("+49151" + std::to_string(30000000 + i));
    }
    const auto dora = fixture.subject("Dora", {"+4915130000000"});
    fixture.store->write([&] {
      for (int i = 0; i < 3000; i += 2) {
        fixture.record(dora, Action::given, "2024-03-05", {numbers[i]});
      }
    });
    const auto odd = fixture.subject("Emil", {"+049 30 1234"});
    fixture.record(odd, Action::refused, "2024-03-05", {"+049 30 1234"});
    const auto index = load_consent_index(*fixture.store, k_default_purpose, at("2024-06-01"));
    CHECK(index.size() == 1501);
    for (int i = 0; i < 3000; ++i) {
      CAPTURE(numbers[i]);
      CHECK(index.lookup(numbers[i]) ==
            (i % 2 == 0 ? ConsentStatus::valid : ConsentStatus::missing));
    }
    CHECK(index.find(numbers[1]) == nullptr);
    CHECK(index.lookup("+049 30 1234") == ConsentStatus::refused);
    CHECK(index.lookup("+4930 1234") == ConsentStatus::missing);
    CHECK(index.lookup("") == ConsentStatus::missing);
    CHECK(index.lookup("+") == ConsentStatus::missing);
  }
}
