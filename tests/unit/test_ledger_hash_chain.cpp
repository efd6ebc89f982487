// SPDX-License-Identifier: MIT
// Unit tests of the hash chain: canonical form, tamper detection, erasure, anchors.
#include "test_ledger_fixture.hpp"

#include <contact_audit/core/hash.hpp>
#include <contact_audit/ledger/hash_chain.hpp>
#include <contact_audit/ledger/state.hpp>

#include <doctest/doctest.h>

using namespace ledger_test;

namespace {

constexpr const char* k_drop_triggers =
    "DROP TRIGGER events_no_update; DROP TRIGGER events_no_delete; ";

// A ledger with five events for two subjects.
struct ChainFixture : Fixture
{
  ChainFixture()
  {
    anna = subject("Anna", {"+4915123456701"});
    bernd = subject("Bernd", {"+4915123456702"});
    record(anna, Action::given, "2024-03-05", {"+4915123456701"});
    record(bernd, Action::given, "2024-03-06", {"+4915123456702"});
    record(anna, Action::withdrawn, "2024-06-02", {"+4915123456701"});
    record(bernd, Action::refused, "2024-06-03", {"+4915123456702"});
    record(anna, Action::given, "2024-07-01", {"+4915123456701"});
  }
  std::string anna;
  std::string bernd;
};

// Verifies with one reading thread, and checks that walks split over two and five
// threads (8 and 20 ranges, at most one per event) report exactly the same.
VerifyReport verify(const Store& store, const std::optional<Anchor>& anchor = {})
{
  const auto one = verify_chain(store, anchor, 1);
  CHECK(one.ranges == 1);
  for (const std::size_t threads : {2U, 5U}) {
    CAPTURE(threads);
    const auto split = verify_chain(store, anchor, threads);
    CHECK(split.ranges ==
          std::min<std::uint64_t>(
              threads * 4, std::max<std::uint64_t>(store.head() ? store.head()->event_id : 1, 1)));
    CHECK(split.intact == one.intact);
    CHECK(split.first_bad_event == one.first_bad_event);
    CHECK(split.problem == one.problem);
    CHECK(split.events == one.events);
    CHECK(split.head.has_value() == one.head.has_value());
    if (split.head && one.head) {
      CHECK(split.head->event_id == one.head->event_id);
      CHECK(split.head->hash == one.head->hash);
    }
  }
  return one;
}

} // namespace

TEST_SUITE("ledger::hash_chain")
{
  TEST_CASE("the canonical form lists every covered field in a fixed order, escaped")
  {
    Event event;
    event.id = 3;
    event.subject_id = "s";
    event.purpose = "whatsapp-contact-upload";
    event.action = Action::withdrawn;
    event.effective_at = at("2024-06-02");
    event.recorded_at = at("2024-06-03T10:00:00Z");
    event.method = Method::email;
    event.collected_by = "hr\nline";
    event.source_row = 6;
    event.pii_digest = "d";
    event.numbers = {"+49151"}; // Erasable: not in the canonical form.
    CHECK(canonical_event(event) ==
          "contact-audit-event-v1\nid=3\nsubject=s\npurpose=whatsapp-contact-upload\n"
          "action=withdrawn\neffective_at=1717286400\nrecorded_at=1717408800\nmethod=email\n"
          "expressed_by=\ncollected_by=hr\\nline\nvalid_until=\nnotice_version=\n"
          "notice_language=\nnotice_sha256=\nevidence_sha256=\nsource_file=\nsource_sha256=\n"
          "source_row=6\nform_id=\ntarget_event_id=\npii_digest=d\n");
    CHECK(chain_hash(event, k_genesis_hash) ==
          contact_audit::sha256_hex(canonical_event(event) + "prev=" + std::string(k_genesis_hash) +
                                    "\n"));
  }

  TEST_CASE("an untouched chain verifies and reports its head")
  {
    ChainFixture fixture;
    const auto report = verify(*fixture.store);
    CHECK(report.intact);
    CHECK(report.events == 5);
    REQUIRE(report.head);
    CHECK(report.head->event_id == 5);
    CHECK(report.head->hash == fixture.store->head()->hash);
  }

  TEST_CASE("a changed field names the changed event")
  {
    ChainFixture fixture;
    REQUIRE(sqlite_cli(fixture.path(),
                       std::string(k_drop_triggers) +
                           "UPDATE events SET action = 'given' WHERE id = 3") == 0);
    const auto report = verify(*fixture.store);
    CHECK_FALSE(report.intact);
    CHECK(report.first_bad_event == 3);
    CHECK(report.problem ==
          "Event 3 does not match its hash: its fields were changed, or an event before it was "
          "deleted, inserted or reordered.");
  }

  TEST_CASE("a deleted event is named as missing")
  {
    ChainFixture fixture;
    REQUIRE(sqlite_cli(fixture.path(),
                       std::string(k_drop_triggers) +
                           "DELETE FROM event_numbers WHERE event_id = 3; "
                           "DELETE FROM events WHERE id = 3") == 0);
    const auto report = verify(*fixture.store);
    CHECK(report.first_bad_event == 3);
    CHECK(report.problem == "Event 3 is missing: the ids jump from 2 to 4 (an event was deleted).");
  }

  TEST_CASE("an event inserted by hand with a made-up hash is detected")
  {
    ChainFixture fixture;
    REQUIRE(
        sqlite_cli(
            fixture.path(),
            "INSERT INTO events SELECT 6, subject_id, purpose, 'given', effective_at, "
            "recorded_at, method, expressed_by, collected_by, valid_until, notice_version, "
            "notice_language, notice_sha256, evidence_sha256, source_file, source_sha256, "
            "source_row, form_id, target_event_id, pii_digest, hash FROM events WHERE id = 4") ==
        0);
    const auto report = verify(*fixture.store);
    CHECK(report.first_bad_event == 6);
  }

  TEST_CASE("two swapped events are detected at the first of them")
  {
    ChainFixture fixture;
    // Move event 2 to id 99, event 3 to 2, then 99 to 3: the rows trade places.
    REQUIRE(sqlite_cli(fixture.path(),
                       std::string(k_drop_triggers) + "PRAGMA foreign_keys = OFF; "
                                                      "UPDATE events SET id = 99 WHERE id = 2; "
                                                      "UPDATE events SET id = 2 WHERE id = 3; "
                                                      "UPDATE events SET id = 3 WHERE id = 99") ==
            0);
    const auto report = verify(*fixture.store);
    CHECK(report.first_bad_event == 2);
  }

  TEST_CASE("a changed covered number is detected through the personal-data digest")
  {
    ChainFixture fixture;
    REQUIRE(sqlite_cli(fixture.path(),
                       "UPDATE event_numbers SET e164 = '+4915199999999' WHERE event_id = 1") == 0);
    const auto report = verify(*fixture.store);
    CHECK(report.first_bad_event == 1);
    CHECK(report.problem ==
          "The personal details of event 1 (covered numbers, evidence reference, reason) do not "
          "match its digest: they were changed outside contact-audit.");
  }

  TEST_CASE("erasure removes the personal data and the chain still verifies")
  {
    ChainFixture fixture;
    const auto erased = erase_subject(
        *fixture.store, fixture.anna, "Art. 17 request.", WriteContext{"dpo", "t", {}, {}});
    CHECK(erased.id == 6);
    CHECK(erased.action == Action::erased);
    CHECK_FALSE(fixture.store->find_subject(fixture.anna));
    CHECK(fixture.store->subjects_with_number("+4915123456701").empty());
    for (const auto& event : fixture.store->events_of_subject(fixture.anna)) {
      CHECK(event.numbers.empty());
    }
    const auto report = verify(*fixture.store);
    CHECK(report.intact);
    CHECK(report.events == 6);
    CHECK(state_of_number(*fixture.store, "+4915123456701", k_default_purpose, at("2024-08-01"))
              .status == ConsentStatus::missing);
    CHECK_THROWS_WITH(
        erase_subject(*fixture.store, fixture.anna, "", WriteContext{"dpo", "t", {}, {}}),
        ("The subject " + fixture.anna + " was erased already.").c_str());
  }

  TEST_CASE("personal data deleted without an erased event is detected")
  {
    ChainFixture fixture;
    REQUIRE(sqlite_cli(fixture.path(),
                       "PRAGMA foreign_keys = ON; DELETE FROM event_numbers WHERE "
                       "event_id IN (2, 4); DELETE FROM subjects WHERE id = '" +
                           fixture.bernd + "'") == 0);
    const auto report = verify(*fixture.store);
    CHECK(report.first_bad_event == 2);
    CHECK(report.problem ==
          "The personal data of the subject of event 2 was deleted without an erased event.");
  }

  TEST_CASE("an anchor detects a rewritten chain and deleted tail events")
  {
    ChainFixture fixture;
    const auto head = *fixture.store->head();
    const Anchor anchor{head.event_id, head.hash};
    CHECK(verify(*fixture.store, anchor).intact);
    CHECK(parse_anchor("5:" + head.hash)->event_id == 5);
    CHECK_FALSE(parse_anchor("5:xyz"));
    CHECK_FALSE(parse_anchor("x:" + head.hash));
    REQUIRE(sqlite_cli(fixture.path(),
                       std::string(k_drop_triggers) +
                           "DELETE FROM event_numbers WHERE event_id = 5; "
                           "DELETE FROM events WHERE id = 5") == 0);
    CHECK(verify(*fixture.store).intact); // Without an anchor a cut tail is invisible.
    const auto report = verify(*fixture.store, anchor);
    CHECK(report.first_bad_event == 5);
    CHECK(report.problem ==
          "The anchored event 5 is missing: events were deleted from the end of the chain.");
  }

  TEST_CASE("an unknown action written by hand is reported as the bad event")
  {
    ChainFixture fixture;
    REQUIRE(sqlite_cli(fixture.path(),
                       std::string(k_drop_triggers) +
                           "UPDATE events SET action = 'approved' WHERE id = 4") == 0);
    const auto report = verify(*fixture.store);
    CHECK(report.first_bad_event == 4);
    CHECK(report.problem == "Event 4 holds the unknown action \"approved\".");
  }

  TEST_CASE("a changed event is reported before a later unreadable one")
  {
    // Events are read ahead of the checks; the first problem in id order still wins.
    ChainFixture fixture;
    REQUIRE(sqlite_cli(fixture.path(),
                       std::string(k_drop_triggers) +
                           "UPDATE events SET purpose = 'other' WHERE id = 2; "
                           "UPDATE events SET action = 'approved' WHERE id = 4") == 0);
    const auto report = verify(*fixture.store);
    CHECK_FALSE(report.intact);
    CHECK(report.first_bad_event == 2);
    CHECK(report.events == 2);
  }

  TEST_CASE("a change deep in a long chain is found across the hashing batches")
  {
    Fixture fixture;
    const auto carla = fixture.subject("Carla", {"+4915123456703"});
    fixture.store->write([&] {
      for (int i = 0; i < 5000; ++i) {
        fixture.record(carla,
                       i % 2 == 0 ? Action::given : Action::withdrawn,
                       "2024-03-05",
                       {"+4915123456703"});
      }
    });
    const auto intact = verify(*fixture.store);
    CHECK(intact.intact);
    CHECK(intact.events == 5000);
    REQUIRE(intact.head);
    CHECK(intact.head->event_id == 5000);
    REQUIRE(sqlite_cli(
                fixture.path(),
                "DELETE FROM event_numbers WHERE event_id = 4321; "
                "INSERT INTO event_numbers(event_id, e164) VALUES (4321, '+4915199999999')") == 0);
    const auto report = verify(*fixture.store);
    CHECK_FALSE(report.intact);
    CHECK(report.first_bad_event == 4321);
    CHECK(report.problem.starts_with("The personal details of event 4321"));
  }

  TEST_CASE("a secret changed by hand fails the personal-data check of its subject's events")
  {
    ChainFixture fixture;
    for (const char* secret : {"not-hex", "0123456789ABCDEF0123456789ABCDEF"}) {
      CAPTURE(secret);
      REQUIRE(sqlite_cli(fixture.path(),
                         std::string("UPDATE subjects SET secret = '") + secret + "' WHERE id = '" +
                             fixture.bernd + "'") == 0);
      const auto report = verify(*fixture.store);
      CHECK(report.first_bad_event == 2);
      CHECK(report.problem.starts_with("The personal details of event 2 "));
    }
  }

  TEST_CASE("a writer in another process makes the walk read over one connection, unblocked")
  {
    ChainFixture fixture;
    // A second connection, as another process would hold it, in a write transaction.
    auto writer = open_ledger(fixture.path());
    VerifyReport report;
    writer->write([&] {
      writer->append_event([&] {
        Event draft;
        draft.subject_id = fixture.anna;
        draft.purpose = std::string(k_default_purpose);
        draft.action = Action::withdrawn;
        draft.effective_at = at("2024-08-01");
        draft.recorded_at = draft.effective_at;
        draft.collected_by = "hr";
        return draft;
      }());
      report = verify_chain(*fixture.store, {}, 2);
    });
    CHECK(report.ranges == 1);
    CHECK(report.intact);
    CHECK(report.events == 5); // The uncommitted sixth event is not seen.
    const auto after = verify_chain(*fixture.store, {}, 2);
    CHECK(after.ranges == 6);
    CHECK(after.intact);
    CHECK(after.events == 6);
  }
}
