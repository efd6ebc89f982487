// SPDX-License-Identifier: MIT
// Shared setup of the ledger unit tests: a fresh ledger in a temporary folder, events by hand.
#pragma once

#include "test_command.hpp"

#include <contact_audit/ledger/consent.hpp>
#include <contact_audit/ledger/store.hpp>
#include <contact_audit/ledger/time.hpp>

#include <cstdlib>
#include <filesystem>
#include <memory>
#include <random>
#include <string>
#include <unistd.h>

namespace ledger_test {

using namespace contact_audit::ledger;

inline Timestamp at(const char* text)
{
  return *parse_timestamp(text);
}

// Run `sql` on `database` with the sqlite3 command-line shell; returns its exit status.
inline int sqlite_cli(const std::filesystem::path& database, const std::string& sql)
{
  const std::string command = "sqlite3 '" + database.string() + "' \"" + sql + "\" >/dev/null 2>&1";
  return std::system(command.c_str());
}

// What the sqlite3 command-line shell prints for `sql` on `database`.
inline std::string sqlite_query(const std::filesystem::path& database, const std::string& sql)
{
  using contact_audit::test::shell_quote;
  return contact_audit::test::run_command("sqlite3 " + shell_quote(database.string()) + " " +
                                          shell_quote(sql) + " 2>&1")
      .output;
}

// Sets "now" ($CONTACT_AUDIT_NOW) for the lifetime of the guard.
class FixedNow
{
public:
  explicit FixedNow(const char* now) { ::setenv("CONTACT_AUDIT_NOW", now, 1); }
  ~FixedNow() { ::unsetenv("CONTACT_AUDIT_NOW"); }
  FixedNow(const FixedNow&) = delete;
  FixedNow& operator=(const FixedNow&) = delete;
};

// A ledger in its own temporary folder, removed afterwards.
class Fixture
{
public:
  Fixture()
  {
    std::random_device random;
    m_dir = std::filesystem::temp_directory_path() /
            ("ca-ledger-" + std::to_string(::getpid()) + "-" + std::to_string(random()));
    std::filesystem::create_directories(m_dir);
    store = open_ledger(path());
  }
  ~Fixture()
  {
    store.reset();
    std::error_code ignored;
    std::filesystem::remove_all(m_dir, ignored);
  }
  Fixture(const Fixture&) = delete;
  Fixture& operator=(const Fixture&) = delete;

  std::filesystem::path path() const { return m_dir / "ledger.sqlite"; }
  const std::filesystem::path& dir() const { return m_dir; }

  // A subject holding `numbers` since 2000-01-01.
  std::string subject(const std::string& name,
                      const std::vector<std::string>& numbers,
                      std::optional<Relationship> relationship = {},
                      const char* added = "2000-01-01")
  {
    SubjectDetails details;
    details.name = name;
    details.relationship = relationship;
    for (const auto& number : numbers) {
      details.numbers.push_back(SubjectNumber{number, number, at(added)});
    }
    std::string id;
    store->write([&] { id = create_subject(*store, details, at(added)); });
    return id;
  }

  // Append an event with full control over its times; notice version "1" for consents.
  Event record(const std::string& subject_id,
               Action action,
               const char* effective,
               const std::vector<std::string>& numbers,
               const char* recorded = nullptr)
  {
    Event draft;
    draft.subject_id = subject_id;
    draft.purpose = std::string(k_default_purpose);
    draft.action = action;
    draft.effective_at = at(effective);
    draft.recorded_at = recorded != nullptr ? at(recorded) : draft.effective_at;
    draft.collected_by = "hr";
    draft.numbers = numbers;
    if (action == Action::given || action == Action::renewed) {
      draft.notice_version = "1";
      draft.notice_language = "de";
    }
    return append(draft);
  }

  Event append(Event draft)
  {
    Event stored;
    store->write([&] { stored = store->append_event(draft); });
    return stored;
  }

  std::unique_ptr<Store> store;

private:
  std::filesystem::path m_dir;
};

} // namespace ledger_test
