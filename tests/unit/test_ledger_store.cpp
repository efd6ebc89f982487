// SPDX-License-Identifier: MIT
// Unit tests of the SQLite store (permissions, schema, concurrency, catalogue) and reviews.
#include "test_ledger_fixture.hpp"

#include <contact_audit/core/error.hpp>
#include <contact_audit/ledger/hash_chain.hpp>
#include <contact_audit/ledger/review_store.hpp>

#include <doctest/doctest.h>

#include <sys/stat.h>
#include <thread>

using namespace ledger_test;

namespace {

unsigned mode_of(const std::filesystem::path& path)
{
  struct stat info
  {
  };
  REQUIRE(::stat(path.c_str(), &info) == 0);
  return info.st_mode & 0777U;
}

} // namespace

TEST_SUITE("ledger::Store")
{
  TEST_CASE("a new ledger and its folder are readable by the owner only")
  {
    Fixture fixture;
    const auto nested = fixture.dir() / "new" / "ledger.sqlite";
    const mode_t previous = ::umask(022);
    {
      auto store = open_ledger(nested);
      const auto subject = fixture.subject("Anna", {"+4915123456701"});
      static_cast<void>(subject);
    }
    ::umask(previous);
    CHECK(mode_of(nested) == 0600);
    CHECK(mode_of(nested.parent_path()) == 0700);
    CHECK(mode_of(fixture.path()) == 0600);
    CHECK(mode_of(fixture.path().string() + "-wal") == 0600);
  }

  TEST_CASE("the schema version is kept in user_version and the ledger id survives reopening")
  {
    Fixture fixture;
    CHECK(fixture.store->schema_version() == 3);
    const auto id = fixture.store->ledger_id();
    CHECK(id.size() == 36);
    fixture.store = open_ledger(fixture.path());
    CHECK(fixture.store->ledger_id() == id);
  }

  TEST_CASE("opening a version 2 ledger indexes only number-derived import keys by subject")
  {
    Fixture fixture;
    fixture.store.reset();
    // Version 2 indexed every import key by subject.
    REQUIRE(sqlite_cli(fixture.path(),
                       "DROP INDEX import_rows_by_subject; CREATE INDEX import_rows_by_subject ON "
                       "import_rows(subject_id); PRAGMA user_version = 2;") == 0);
    CHECK(sqlite_query(fixture.path(),
                       "SELECT sql FROM sqlite_master WHERE name = 'import_rows_by_subject'") ==
          "CREATE INDEX import_rows_by_subject ON import_rows(subject_id)\n");
    fixture.store = open_ledger(fixture.path());
    CHECK(fixture.store->schema_version() == 3);
    CHECK(sqlite_query(fixture.path(), "PRAGMA user_version") == "3\n");
    CHECK(sqlite_query(fixture.path(),
                       "SELECT sql FROM sqlite_master WHERE name = 'import_rows_by_subject'") ==
          "CREATE INDEX import_rows_by_subject ON import_rows(subject_id) WHERE number_derived = "
          "1\n");
  }

  TEST_CASE("a ledger written by a newer program is refused")
  {
    Fixture fixture;
    fixture.store.reset();
    REQUIRE(sqlite_cli(fixture.path(), "PRAGMA user_version = 99") == 0);
    CHECK_THROWS_WITH_AS(open_ledger(fixture.path()),
                         (fixture.path().string() +
                          ": The ledger has schema version 99, newer than this program's 3; "
                          "update contact-audit.")
                             .c_str(),
                         contact_audit::IoError);
  }

  TEST_CASE("a missing ledger is an input error when it must exist")
  {
    Fixture fixture;
    StoreOptions options;
    options.must_exist = true;
    CHECK_THROWS_AS(open_ledger(fixture.dir() / "none.sqlite", options), contact_audit::InputError);
    CHECK_FALSE(std::filesystem::exists(fixture.dir() / "none.sqlite"));
  }

  TEST_CASE("events cannot be updated or deleted with plain SQL")
  {
    Fixture fixture;
    const auto anna = fixture.subject("Anna", {"+4915123456701"});
    fixture.record(anna, Action::given, "2024-03-05", {"+4915123456701"});
    CHECK(sqlite_cli(fixture.path(), "UPDATE events SET action = 'refused'") != 0);
    CHECK(sqlite_cli(fixture.path(), "DELETE FROM events") != 0);
    CHECK(fixture.store->event_count() == 1);
  }

  TEST_CASE("a write transaction that throws leaves nothing behind")
  {
    Fixture fixture;
    CHECK_THROWS_AS(fixture.store->write([&] {
      fixture.subject("Anna", {"+4915123456701"});
      throw contact_audit::InputError("stop");
    }),
                    contact_audit::InputError);
    CHECK(fixture.store->subjects_with_number("+4915123456701").empty());
  }

  TEST_CASE("writes outside a transaction are refused")
  {
    Fixture fixture;
    CHECK_THROWS_AS(fixture.store->add_subject_email("x", "a@example.com"), contact_audit::IoError);
  }

  TEST_CASE("two connections writing at once lose no events and keep the chain intact")
  {
    Fixture fixture;
    const auto anna = fixture.subject("Anna", {"+4915123456701"});
    const auto writer = [&](int offset) {
      auto store = open_store(fixture.path());
      for (int i = 0; i < 100; ++i) {
        Event draft;
        draft.subject_id = anna;
        draft.purpose = std::string(k_default_purpose);
        draft.action = (i + offset) % 2 == 0 ? Action::given : Action::withdrawn;
        draft.effective_at = at("2024-03-05");
        draft.recorded_at = draft.effective_at;
        draft.notice_version = "1";
        draft.numbers = {"+4915123456701"};
        store->write([&] { store->append_event(draft); });
      }
    };
    std::thread first(writer, 0);
    std::thread second(writer, 1);
    first.join();
    second.join();
    CHECK(fixture.store->event_count() == 200);
    CHECK(verify_chain(*fixture.store).intact);
  }

  TEST_CASE("a ledger can be opened and read while another connection holds the write lock")
  {
    Fixture fixture;
    const auto anna = fixture.subject("Anna", {"+4915123456701"});
    fixture.record(anna, Action::given, "2024-03-05", {"+4915123456701"});
    StoreOptions impatient;
    impatient.busy_timeout = std::chrono::milliseconds(50);
    impatient.lock_wait_limit = std::chrono::milliseconds(100);
    fixture.store->write([&] {
      fixture.record(anna, Action::withdrawn, "2024-06-01", {"+4915123456701"});
      auto reader = open_ledger(fixture.path(), impatient);
      CHECK(reader->event_count() == 1); // The open transaction is not visible yet.
      CHECK_THROWS_WITH_AS(reader->write([] {}),
                           doctest::Contains("The ledger is locked by another writer"),
                           contact_audit::IoError);
    });
    CHECK(open_ledger(fixture.path())->event_count() == 2);
  }

  TEST_CASE("the built-in notices are installed once and cannot be changed")
  {
    Fixture fixture;
    const auto stored = fixture.store->notices();
    CHECK(stored.size() == builtin_catalogue().notices().size());
    fixture.store = open_ledger(fixture.path());
    CHECK(fixture.store->notices().size() == stored.size());
    auto changed = builtin_catalogue().notices();
    changed.front().text += " Changed.";
    changed.front().text_sha256 = "0";
    CHECK_THROWS_WITH_AS(install_catalogue(*fixture.store, Catalogue(changed), WriteContext{}),
                         "The notice whatsapp-contact-upload version 1 (de) is already in the "
                         "ledger with other content; notices never change, so publish the new "
                         "text as a new version.",
                         contact_audit::InputError);
  }

  TEST_CASE("the default path honours CONTACT_AUDIT_LEDGER, then XDG_DATA_HOME, then HOME")
  {
    const std::string saved_ledger =
        std::getenv("CONTACT_AUDIT_LEDGER") ? std::getenv("CONTACT_AUDIT_LEDGER") : "";
    ::setenv("CONTACT_AUDIT_LEDGER", "/srv/ledger.sqlite", 1);
    CHECK(default_ledger_path() == "/srv/ledger.sqlite");
    ::unsetenv("CONTACT_AUDIT_LEDGER");
    ::setenv("XDG_DATA_HOME", "/data", 1);
    CHECK(default_ledger_path() == "/data/contact-audit/ledger.sqlite");
    ::unsetenv("XDG_DATA_HOME");
    ::setenv("HOME", "/home/dpo", 1);
    CHECK(default_ledger_path() == "/home/dpo/.local/share/contact-audit/ledger.sqlite");
    if (!saved_ledger.empty()) {
      ::setenv("CONTACT_AUDIT_LEDGER", saved_ledger.c_str(), 1);
    }
  }
}

TEST_SUITE("ledger::review_store")
{
  TEST_CASE("a review can be set, replaced and unset; the list follows the records as of any time")
  {
    Fixture fixture;
    ::setenv("CONTACT_AUDIT_NOW", "2024-05-01T10:00:00Z", 1);
    set_review(*fixture.store,
               ReviewKeyKind::e164,
               "+493023125001",
               ReviewDecision::business,
               "dpo",
               "Switchboard of a supplier.");
    ::setenv("CONTACT_AUDIT_NOW", "2024-05-02T10:00:00Z", 1);
    set_review(*fixture.store,
               ReviewKeyKind::uid,
               "urn:uuid:1",
               ReviewDecision::private_,
               "dpo",
               "Family member.");
    set_review(*fixture.store,
               ReviewKeyKind::e164,
               "+493023125001",
               ReviewDecision::private_,
               "dpo",
               "Actually the neighbour.");
    ::setenv("CONTACT_AUDIT_NOW", "2024-05-03T10:00:00Z", 1);
    CHECK(unset_review(*fixture.store, ReviewKeyKind::uid, "urn:uuid:1", "dpo", "Mistake."));
    CHECK_FALSE(unset_review(*fixture.store, ReviewKeyKind::uid, "urn:uuid:1", "dpo", "Again."));
    ::unsetenv("CONTACT_AUDIT_NOW");

    auto reviews = list_reviews(*fixture.store, at("2024-05-01T12:00:00Z"));
    REQUIRE(reviews.size() == 1);
    CHECK(reviews[0].decision == ReviewDecision::business);
    reviews = list_reviews(*fixture.store, at("2024-05-02T12:00:00Z"));
    REQUIRE(reviews.size() == 2);
    CHECK(reviews[0].key == "+493023125001");
    CHECK(reviews[0].decision == ReviewDecision::private_);
    CHECK(reviews[0].reason == "Actually the neighbour.");
    CHECK(reviews[1].key_kind == ReviewKeyKind::uid);
    reviews = list_reviews(*fixture.store, at("2024-06-01"));
    REQUIRE(reviews.size() == 1);
    CHECK(reviews[0].by == "dpo");
    CHECK(fixture.store->review_records().size() == 4);
  }

  TEST_CASE("a review needs an E.164 number, an actor and a reason")
  {
    Fixture fixture;
    CHECK_THROWS_WITH(
        set_review(
            *fixture.store, ReviewKeyKind::e164, "030 123", ReviewDecision::business, "dpo", "x"),
        "A reviewed number must be in E.164 form (+4930123456).");
    CHECK_THROWS_WITH(
        set_review(*fixture.store, ReviewKeyKind::uid, "u1", ReviewDecision::business, "", "x"),
        "A review needs the person who made it (--by).");
    CHECK_THROWS_WITH(
        set_review(*fixture.store, ReviewKeyKind::uid, "u1", ReviewDecision::business, "dpo", " "),
        "A review needs a reason (--reason).");
    CHECK(to_string(ReviewDecision::private_) == "private");
    CHECK(parse_review_decision("private") == ReviewDecision::private_);
  }
}
