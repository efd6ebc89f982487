// SPDX-License-Identifier: MIT
// Unit tests of consent requests: form ids, `requested` events once, returned forms by form id.
#include "test_ledger_fixture.hpp"

#include <contact_audit/core/error.hpp>
#include <contact_audit/ledger/consent_request.hpp>
#include <contact_audit/ledger/form_import.hpp>
#include <contact_audit/ledger/state.hpp>

#include <doctest/doctest.h>

#include <fstream>
#include <regex>

using namespace ledger_test;

namespace {

const Notice& notice_de()
{
  const Notice* notice = latest_notice(builtin_catalogue(), k_default_purpose, "de");
  REQUIRE(notice != nullptr);
  return *notice;
}

RequestOptions request_options(const char* now)
{
  RequestOptions options;
  options.notice = &notice_de();
  options.now = at(now);
  options.context = WriteContext{"dpo", "contact-audit consent request", {}, {}};
  return options;
}

RequestCandidate candidate(const std::string& name,
                           const std::vector<std::string>& held,
                           const std::vector<std::string>& ask,
                           const std::vector<std::string>& emails = {})
{
  RequestCandidate result;
  result.details.name = name;
  for (const auto& number : held) {
    result.details.numbers.push_back(SubjectNumber{number, number, at("2026-11-01")});
  }
  result.details.emails = emails;
  result.numbers = ask;
  return result;
}

std::size_t requested_events(const Store& store, const std::string& subject_id)
{
  std::size_t count = 0;
  for (const auto& event : store.events_of_subject(subject_id)) {
    count += event.action == Action::requested ? 1 : 0;
  }
  return count;
}

FormImportSummary import_csv(Fixture& fixture, const std::string& name, const std::string& text)
{
  const auto path = fixture.dir() / name;
  std::ofstream(path, std::ios::binary) << text;
  FormImportOptions options;
  options.context = WriteContext{"hr", "contact-audit consent import", {}, {}};
  return import_consent_forms(*fixture.store, path, options);
}

} // namespace

TEST_SUITE("ledger::consent_request")
{
  TEST_CASE("the form id depends only on subject, purpose and notice version")
  {
    const auto id = request_form_id("0190c0de-0000-7000-8000-000000000001", k_default_purpose, "1");
    CHECK(std::regex_match(id, std::regex("CR-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}")));
    CHECK(id == request_form_id("0190c0de-0000-7000-8000-000000000001", k_default_purpose, "1"));
    CHECK(id != request_form_id("0190c0de-0000-7000-8000-000000000002", k_default_purpose, "1"));
    CHECK(id != request_form_id("0190c0de-0000-7000-8000-000000000001", k_default_purpose, "2"));
  }

  TEST_CASE("the latest accepted notice in the language is chosen")
  {
    const auto notice = [](const char* version, const char* language, bool accepted = true) {
      Notice result;
      result.purpose = "p";
      result.version = version;
      result.language = language;
      result.accepted = accepted;
      return result;
    };
    const Catalogue catalogue(
        {notice("2", "de"), notice("10", "de"), notice("11", "de", false), notice("12", "en")});
    REQUIRE(latest_notice(catalogue, "p", "de") != nullptr);
    CHECK(latest_notice(catalogue, "p", "de")->version == "10");
    CHECK(latest_notice(catalogue, "p", "fr") == nullptr);
  }

  TEST_CASE("a new person becomes a subject with one requested event, recorded only once")
  {
    Fixture fixture;
    const std::vector candidates{candidate(
        "Nina Neu", {"+4915112345601", "+4930901820"}, {"+4915112345601"}, {"nina@example.com"})};
    const auto first = record_consent_requests(
        *fixture.store, candidates, request_options("2026-11-25T10:00:00Z"));
    REQUIRE(first.size() == 1);
    CHECK(first[0].subject_created);
    CHECK(first[0].recorded_now);
    CHECK(first[0].numbers == std::vector<std::string>{"+4915112345601"});
    CHECK(first[0].requested_at == at("2026-11-25T00:00:00Z")); // The letter's day.
    const auto subject = fixture.store->find_subject(first[0].subject_id);
    REQUIRE(subject.has_value());
    CHECK(subject->name == "Nina Neu");
    // Only the number asked about: the other one may be someone else's consented line.
    REQUIRE(subject->numbers.size() == 1);
    CHECK(subject->numbers[0].e164 == "+4915112345601");
    CHECK(subject->emails == std::vector<std::string>{"nina@example.com"});
    const auto event = fixture.store->find_event(first[0].event_id);
    REQUIRE(event.has_value());
    CHECK(event->action == Action::requested);
    CHECK(event->form_id == first[0].form_id);
    CHECK(event->notice_version == notice_de().version);
    CHECK(event->notice_sha256 == notice_de().text_sha256);
    CHECK(event->numbers == std::vector<std::string>{"+4915112345601"});

    const auto again = record_consent_requests(
        *fixture.store, candidates, request_options("2026-11-28T10:00:00Z"));
    REQUIRE(again.size() == 1);
    CHECK_FALSE(again[0].subject_created);
    CHECK_FALSE(again[0].recorded_now);
    CHECK(again[0].subject_id == first[0].subject_id);
    CHECK(again[0].form_id == first[0].form_id);
    CHECK(again[0].event_id == first[0].event_id);
    CHECK(requested_events(*fixture.store, first[0].subject_id) == 1);
    CHECK(state_of_number(
              *fixture.store, "+4915112345601", k_default_purpose, at("2026-11-28T10:00:00Z"))
              .status == ConsentStatus::pending);
  }

  TEST_CASE("asking a person does not make someone else's consented shared line non-compliant")
  {
    Fixture fixture;
    const FixedNow now("2026-11-25T10:00:00Z");
    const auto office = fixture.subject("Zentrale", {"+4930901830"});
    Decision consent;
    consent.action = Action::given;
    consent.effective_at = at("2026-10-01");
    consent.notice_version = notice_de().version;
    consent.numbers = {"+4930901830"};
    fixture.store->write([&] {
      auto event = make_event(builtin_catalogue(), office, consent, "hr", at("2026-10-02"));
      REQUIRE(event.has_value());
      record_event(*fixture.store, *event, WriteContext{"hr", "test", {}, {}});
    });
    const auto requests = record_consent_requests(
        *fixture.store,
        {candidate("Anna Neu", {"+4930901830", "+4915112345607"}, {"+4915112345607"})},
        request_options("2026-11-25T10:00:00Z"));
    REQUIRE(requests.size() == 1);
    CHECK(requests[0].subject_created);
    CHECK(state_of_number(
              *fixture.store, "+4930901830", k_default_purpose, at("2026-11-25T10:00:00Z"))
              .status == ConsentStatus::valid);
    CHECK(fixture.store->subjects_with_number("+4930901830") == std::vector<std::string>{office});
  }

  TEST_CASE("numbers the person has decided on are not asked about again")
  {
    Fixture fixture;
    const auto id = fixture.subject("Rolf Nein", {"+4915112345602", "+4915112345603"});
    Decision refusal;
    refusal.action = Action::refused;
    refusal.effective_at = at("2026-10-01");
    refusal.numbers = {"+4915112345602"};
    fixture.store->write([&] {
      auto event = make_event(builtin_catalogue(), id, refusal, "hr", at("2026-10-02"));
      REQUIRE(event.has_value());
      record_event(*fixture.store, *event, WriteContext{"hr", "test", {}, {}});
    });
    const auto requests = record_consent_requests(*fixture.store,
                                                  {candidate("Rolf Nein",
                                                             {"+4915112345602", "+4915112345603"},
                                                             {"+4915112345602", "+4915112345603"})},
                                                  request_options("2026-11-25T10:00:00Z"));
    REQUIRE(requests.size() == 1);
    CHECK(requests[0].subject_id == id);
    CHECK(requests[0].decided == std::vector<std::string>{"+4915112345602"});
    CHECK(requests[0].numbers == std::vector<std::string>{"+4915112345603"});
    CHECK(fixture.store->find_event(requests[0].event_id)->numbers ==
          std::vector<std::string>{"+4915112345603"});
  }

  TEST_CASE("a request is found by its form id; an unknown form id finds nothing")
  {
    Fixture fixture;
    const auto requests =
        record_consent_requests(*fixture.store,
                                {candidate("Ida Form", {"+4915112345604"}, {"+4915112345604"})},
                                request_options("2026-11-25T10:00:00Z"));
    const auto found = find_consent_request(*fixture.store, k_default_purpose, requests[0].form_id);
    REQUIRE(found.has_value());
    CHECK(found->subject_id == requests[0].subject_id);
    CHECK(found->numbers == std::vector<std::string>{"+4915112345604"});
    CHECK_FALSE(find_consent_request(*fixture.store, k_default_purpose, "CR-0000-0000-0000-0000"));
    CHECK_FALSE(find_consent_request(*fixture.store, "other-purpose", requests[0].form_id));
  }

  TEST_CASE("a returned form without numbers covers the numbers of its request")
  {
    Fixture fixture;
    const FixedNow now("2026-11-26T09:00:00Z");
    const auto requests = record_consent_requests(*fixture.store,
                                                  {candidate("Dr. Ida Form",
                                                             {"+4915112345605", "+4930901821"},
                                                             {"+4915112345605", "+4930901821"})},
                                                  request_options("2026-11-25T10:00:00Z"));
    // HR types the name differently: the form id, not the name, decides the subject.
    const auto summary = import_csv(fixture,
                                    "returned.csv",
                                    "Name;Telefon;Entscheidung;Datum;Formular-ID;Textversion\n"
                                    "Ida Form;;erteilt;25.11.2026;" +
                                        requests[0].form_id + ";1\n");
    CHECK(summary.written);
    CHECK(summary.imported == 1);
    CHECK(summary.subjects_created == 0);
    const auto events = fixture.store->events_of_subject(requests[0].subject_id);
    REQUIRE(events.size() == 2);
    CHECK(events.back().action == Action::given);
    CHECK(events.back().numbers == std::vector<std::string>{"+4915112345605", "+4930901821"});
    for (const char* number : {"+4915112345605", "+4930901821"}) {
      CHECK(state_of_number(*fixture.store, number, k_default_purpose, at("2026-11-26T09:00:00Z"))
                .status == ConsentStatus::valid);
    }
  }

  TEST_CASE("a row without numbers whose form id is no request is rejected with its line")
  {
    Fixture fixture;
    const FixedNow now("2026-11-26T09:00:00Z");
    const auto summary = import_csv(fixture,
                                    "unknown.csv",
                                    "Name;Telefon;Entscheidung;Datum;Formular-ID;Textversion\n"
                                    "Ida Form;;erteilt;25.11.2026;CR-0000-0000-0000-0000;1\n");
    CHECK_FALSE(summary.written);
    CHECK(summary.rejected == 1);
    REQUIRE(summary.diagnostics.size() == 1);
    CHECK(summary.diagnostics[0].line == 2);
    CHECK(summary.diagnostics[0].message ==
          "The row has no phone number and the form id \"CR-0000-0000-0000-0000\" is not a "
          "consent request in the ledger; the row was not imported.");
    CHECK(summary.rows ==
          summary.imported + summary.duplicates + summary.rejected + summary.held_back);
  }

  TEST_CASE("a pending request without this form id is asked again under it")
  {
    Fixture fixture;
    const auto id = fixture.subject("Olaf Alt", {"+4915112345606"});
    Decision request;
    request.action = Action::requested;
    request.effective_at = at("2026-10-01");
    request.numbers = {"+4915112345606"};
    fixture.store->write([&] {
      auto event = make_event(builtin_catalogue(), id, request, "hr", at("2026-10-02"));
      REQUIRE(event.has_value());
      record_event(*fixture.store, *event, WriteContext{"hr", "test", {}, {}});
    });
    const auto requests =
        record_consent_requests(*fixture.store,
                                {candidate("Olaf Alt", {"+4915112345606"}, {"+4915112345606"})},
                                request_options("2026-11-25T10:00:00Z"));
    CHECK(requests[0].recorded_now);
    CHECK(find_consent_request(*fixture.store, k_default_purpose, requests[0].form_id));
  }
}
