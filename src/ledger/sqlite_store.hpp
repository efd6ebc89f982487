// SPDX-License-Identifier: MIT
// SqliteStore: the Store implementation over one SQLite file (schema in sqlite_schema.cpp).
#pragma once

#include "sqlite.hpp"

#include <contact_audit/ledger/store.hpp>

#include <array>
#include <memory>

namespace contact_audit::ledger {

// The SQL of the current schema and of each migration step (sqlite_schema.cpp).
int current_schema_version();
// Statements that take schema version `from` to `from + 1`.
const char* migration_sql(int from);

class SqliteStore final : public Store
{
public:
  SqliteStore(const std::filesystem::path& path, const StoreOptions& options);

  void write(const std::function<void()>& work) override;
  std::filesystem::path location() const override { return m_database.path(); }
  std::string ledger_id() const override { return m_ledger_id; }
  int schema_version() const override { return m_schema_version; }

  std::vector<Notice> notices() const override;
  void insert_notice(const Notice& notice) override;

  void insert_subject(const Subject& subject) override;
  void add_subject_number(std::string_view subject_id, const SubjectNumber& number) override;
  void add_subject_email(std::string_view subject_id, std::string_view email) override;
  std::optional<Subject> find_subject(std::string_view subject_id) const override;
  std::vector<std::string> subjects_with_number(std::string_view e164) const override;
  std::vector<std::string> subjects_with_email(std::string_view email) const override;
  void erase_subject(std::string_view subject_id) override;

  Event append_event(Event draft) override;
  std::optional<Event> find_event(std::int64_t id) const override;
  std::vector<Event> events_of_subject(std::string_view subject_id) const override;
  std::vector<Event> events_of_number(std::string_view e164) const override;
  void scan_chain(std::size_t parts,
                  const std::function<void(const std::vector<ChainPart>&)>& plan,
                  const std::function<void(const ChainPart&, const Event&, std::string_view)>&
                      visit) const override;
  void scan_number_events(std::string_view purpose,
                          Timestamp as_of,
                          const std::function<void(const NumberEventRow&)>& visit) const override;
  std::vector<std::int64_t> voided_event_ids(Timestamp as_of) const override;
  void scan_holders(Timestamp as_of,
                    const std::function<void(const HolderRow&)>& visit) const override;
  std::optional<ChainHead> head() const override;
  std::uint64_t event_count() const override;

  std::optional<ImportRecord> find_import(std::string_view file_sha256) const override;
  void insert_import(const ImportRecord& record) override;
  bool has_row_key(std::string_view key) const override;
  std::optional<std::int64_t> row_key_event(std::string_view key) const override;
  void insert_row_key(std::string_view key,
                      std::int64_t event_id,
                      std::string_view subject_id,
                      bool number_derived) override;

  void append_audit(const AuditEntry& entry) override;
  std::vector<AuditEntry> audit_entries() const override;

  void append_review(const ReviewRecord& record) override;
  std::vector<ReviewRecord> review_records() const override;

private:
  // Every statement the store prepares, once, on first use.
  enum class Sql : std::uint8_t
  {
    insert_subject,
    insert_subject_number,
    insert_subject_email,
    find_subject,
    find_subject_numbers,
    find_subject_emails,
    subjects_with_number,
    subjects_with_email,
    subject_secret,
    head,
    insert_event,
    insert_event_number,
    insert_event_note,
    find_event,
    event_numbers,
    has_row_key,
    insert_row_key,
    row_key_event,
    insert_audit,
    count,
  };
  sqlite::Statement& statement(Sql which) const;
  // Busy timeout, foreign keys, durability and the page cache of one connection.
  void configure(sqlite::Database& database) const;
  // Up to `count` more connections to the ledger, each in a read transaction on
  // one and the same snapshot; none when another process holds the write lock
  // (sqlite_store_chain.cpp).
  std::vector<std::unique_ptr<sqlite::Database>> open_snapshot_readers(std::size_t count) const;
  void require_transaction(std::string_view what) const;
  void enable_wal();
  void migrate();
  std::vector<Event> read_events(sqlite::Statement& statement) const;

  StoreOptions m_options;
  mutable sqlite::Database m_database;
  mutable std::array<std::unique_ptr<sqlite::Statement>, static_cast<std::size_t>(Sql::count)>
      m_statements;
  std::string m_ledger_id;
  int m_schema_version = 0;
  int m_transaction_depth = 0;
  std::optional<ChainHead> m_cached_head; // Valid inside a write transaction only.
  // The subject inserted last and its secret: an import appends its event next.
  std::pair<std::string, std::string> m_last_subject;
};

} // namespace contact_audit::ledger
