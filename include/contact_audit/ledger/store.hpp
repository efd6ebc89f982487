// SPDX-License-Identifier: MIT
// Store: the storage interface of the consent ledger (SQLite now, PostgreSQL possible later).
#pragma once

#include <contact_audit/core/error.hpp>
#include <contact_audit/ledger/catalogue.hpp>
#include <contact_audit/ledger/review_store.hpp>
#include <contact_audit/ledger/types.hpp>

#include <chrono>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace contact_audit::ledger {

// An event row whose stored values cannot be read back (e.g. an unknown
// action): the ledger was changed outside contact-audit.
class CorruptEventError : public IoError
{
public:
  CorruptEventError(std::int64_t event_id, const std::string& message)
      : IoError(message), m_event_id(event_id)
  {
  }
  std::int64_t event_id() const { return m_event_id; }

private:
  std::int64_t m_event_id;
};

// One (number, event) pair as the consent index reads it.
struct NumberEventRow
{
  std::string_view e164;
  std::string_view subject_id;
  std::int64_t event_id = 0;
  Action action = Action::given;
  Timestamp effective_at{};
  std::optional<Timestamp> valid_until;
  std::string_view notice_version;
  std::optional<Method> method;
};

// One of the consecutive id ranges a chain walk is split into (Store::scan_chain).
struct ChainPart
{
  std::size_t index = 0;
  std::int64_t first_id = 1; // The first range also holds any event below it (ids must start at 1).
  std::int64_t last_id = 0;  // The last range also holds any event above it.
  // The stored hash of event first_id - 1: the genesis hash for the first range,
  // empty when that event is missing.
  std::string previous_hash;
};

// One number held by a subject, with the subject's relationship.
struct HolderRow
{
  std::string_view e164;
  std::string_view subject_id;
  std::optional<Relationship> relationship;
};

// The storage of one ledger. Every method throws IoError when the database
// fails (the message carries the database's own text). Methods that change
// data must run inside write(); reads may run anywhere. A Store is used by
// one thread at a time; other processes may use the same ledger concurrently.
class Store
{
public:
  virtual ~Store() = default;

  // Run `work` in one write transaction: everything it writes is committed
  // when it returns and rolled back when it throws (the exception propagates).
  // Waits for concurrent writers (busy timeout, then retries with back-off);
  // throws IoError naming the ledger when the lock cannot be had. A nested
  // call joins the outer transaction.
  virtual void write(const std::function<void()>& work) = 0;

  virtual std::filesystem::path location() const = 0;
  // Random id of this ledger, fixed at creation.
  virtual std::string ledger_id() const = 0;
  virtual int schema_version() const = 0;

  // Notice catalogue: immutable rows keyed by purpose, version and language.
  virtual std::vector<Notice> notices() const = 0;
  virtual void insert_notice(const Notice& notice) = 0;

  // Subjects (the erasable personal data).
  virtual void insert_subject(const Subject& subject) = 0;
  // Adds the number unless the subject has it already.
  virtual void add_subject_number(std::string_view subject_id, const SubjectNumber& number) = 0;
  virtual void add_subject_email(std::string_view subject_id, std::string_view email) = 0;
  virtual std::optional<Subject> find_subject(std::string_view subject_id) const = 0;
  virtual std::vector<std::string> subjects_with_number(std::string_view e164) const = 0;
  virtual std::vector<std::string> subjects_with_email(std::string_view email) const = 0;
  // Deletes the subject, its numbers, e-mails, the erasable details of its
  // events and number-derived import keys. Events themselves stay.
  virtual void erase_subject(std::string_view subject_id) = 0;

  // Append `draft` to the chain: assigns id, pii_digest and hash (hash_chain.hpp)
  // and stores its erasable details. `recorded_at` is taken from `draft`.
  // Returns the stored event.
  virtual Event append_event(Event draft) = 0;
  virtual std::optional<Event> find_event(std::int64_t id) const = 0;
  virtual std::vector<Event> events_of_subject(std::string_view subject_id) const = 0;
  // Events whose scope includes `e164`, plus the events that void them; id order.
  virtual std::vector<Event> events_of_number(std::string_view e164) const = 0;
  // Every event in id order with its erasable details and the subject's
  // secret (empty when erased), for verification. The chain is split into up
  // to `parts` consecutive id ranges (ChainPart), read at the same time on
  // threads of their own, all from one snapshot of the ledger; fewer when the
  // chain is short or another process is writing at that moment. `plan` is
  // called once with the ranges before the first visit. `visit` runs on the
  // range's thread, in id order within the range, concurrently with the other
  // ranges. An exception from `visit` or from reading a range stops that range
  // only; when all have ended, the one of the lowest range is rethrown.
  virtual void
  scan_chain(std::size_t parts,
             const std::function<void(const std::vector<ChainPart>& ranges)>& plan,
             const std::function<void(const ChainPart& range,
                                      const Event& event,
                                      std::string_view subject_secret)>& visit) const = 0;
  // Every (number, event) pair of `purpose` with effective_at and recorded_at <= `as_of`.
  virtual void
  scan_number_events(std::string_view purpose,
                     Timestamp as_of,
                     const std::function<void(const NumberEventRow&)>& visit) const = 0;
  // Ids of events voided by a `voided` event recorded (and effective) at or before `as_of`.
  virtual std::vector<std::int64_t> voided_event_ids(Timestamp as_of) const = 0;
  // Every number held by a subject at `as_of`.
  virtual void scan_holders(Timestamp as_of,
                            const std::function<void(const HolderRow&)>& visit) const = 0;
  virtual std::optional<ChainHead> head() const = 0;
  virtual std::uint64_t event_count() const = 0;

  // Import bookkeeping for idempotency.
  virtual std::optional<ImportRecord> find_import(std::string_view file_sha256) const = 0;
  virtual void insert_import(const ImportRecord& record) = 0;
  virtual bool has_row_key(std::string_view key) const = 0;
  // The event recorded under `key`; empty when the key is unknown.
  virtual std::optional<std::int64_t> row_key_event(std::string_view key) const = 0;
  // `number_derived`: the key is computed from phone numbers and is deleted on erasure.
  virtual void insert_row_key(std::string_view key,
                              std::int64_t event_id,
                              std::string_view subject_id,
                              bool number_derived) = 0;

  virtual void append_audit(const AuditEntry& entry) = 0;
  virtual std::vector<AuditEntry> audit_entries() const = 0;

  virtual void append_review(const ReviewRecord& record) = 0;
  virtual std::vector<ReviewRecord> review_records() const = 0;
};

struct StoreOptions
{
  std::chrono::milliseconds busy_timeout{10'000};
  // Total time a write transaction keeps retrying after busy timeouts.
  std::chrono::milliseconds lock_wait_limit{120'000};
  // Refuse to create a missing ledger (read-only commands).
  bool must_exist = false;
};

// Open (creating, mode 0600, in a 0700 directory) the SQLite ledger at `path`,
// migrating its schema to the current version. Throws InputError when
// `must_exist` and the file is missing, IoError when it cannot be opened or
// is not a ledger (schema newer than this program).
std::unique_ptr<Store> open_store(const std::filesystem::path& path,
                                  const StoreOptions& options = {});

// $CONTACT_AUDIT_LEDGER, else ${XDG_DATA_HOME:-$HOME/.local/share}/contact-audit/ledger.sqlite.
// Throws InputError when neither HOME nor XDG_DATA_HOME is set.
std::filesystem::path default_ledger_path();

} // namespace contact_audit::ledger
