// SPDX-License-Identifier: MIT
// SqliteStore's statements and its rows other than events: notices, subjects, imports, audit log,
// reviews.
#include "event_row.hpp"
#include "sqlite_store.hpp"

namespace contact_audit::ledger {
namespace {

using sqlite::Statement;
using sqlite::Use;

Timestamp to_time(std::int64_t seconds)
{
  return Timestamp{std::chrono::seconds{seconds}};
}
std::int64_t from_time(Timestamp time)
{
  return time.time_since_epoch().count();
}

} // namespace

sqlite::Statement& SqliteStore::statement(Sql which) const
{
  static const std::array<std::string, static_cast<std::size_t>(Sql::count)> k_sql{
      "INSERT INTO subjects(id, name, relationship, secret, created_at) VALUES (?1, ?2, ?3, ?4, "
      "?5)",
      "INSERT OR IGNORE INTO subject_numbers(subject_id, e164, raw, added_at) VALUES (?1, ?2, ?3, "
      "?4)",
      "INSERT OR IGNORE INTO subject_emails(subject_id, email) VALUES (?1, ?2)",
      "SELECT name, relationship, secret, created_at FROM subjects WHERE id = ?1",
      "SELECT e164, raw, added_at FROM subject_numbers WHERE subject_id = ?1 ORDER BY added_at, "
      "e164",
      "SELECT email FROM subject_emails WHERE subject_id = ?1 ORDER BY email",
      "SELECT subject_id FROM subject_numbers WHERE e164 = ?1 ORDER BY subject_id",
      "SELECT subject_id FROM subject_emails WHERE email = ?1 ORDER BY subject_id",
      "SELECT secret FROM subjects WHERE id = ?1",
      "SELECT id, hash FROM events ORDER BY id DESC LIMIT 1",
      "INSERT INTO events(id, subject_id, purpose, action, effective_at, recorded_at, method, "
      "expressed_by, collected_by, valid_until, notice_version, notice_language, notice_sha256, "
      "evidence_sha256, source_file, source_sha256, source_row, form_id, target_event_id, "
      "pii_digest, hash) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, "
      "?16, ?17, ?18, ?19, ?20, ?21)",
      "INSERT INTO event_numbers(event_id, e164) VALUES (?1, ?2)",
      "INSERT INTO event_notes(event_id, evidence_ref, reason) VALUES (?1, ?2, ?3)",
      event_select() +
          " FROM events e LEFT JOIN event_notes n ON n.event_id = e.id WHERE e.id = ?1",
      "SELECT e164 FROM event_numbers WHERE event_id = ?1 ORDER BY e164",
      "SELECT 1 FROM import_rows WHERE row_key = ?1",
      "INSERT INTO import_rows(row_key, event_id, subject_id, number_derived) VALUES (?1, ?2, ?3, "
      "?4)",
      "SELECT event_id FROM import_rows WHERE row_key = ?1",
      "INSERT INTO audit_log(at, actor, command, file, file_sha256, subject_id, summary) VALUES "
      "(?1, ?2, ?3, ?4, ?5, ?6, ?7)",
  };
  auto& slot = m_statements[static_cast<std::size_t>(which)];
  if (!slot) {
    slot = std::make_unique<Statement>(m_database, k_sql[static_cast<std::size_t>(which)]);
  }
  return *slot;
}

std::vector<Notice> SqliteStore::notices() const
{
  Statement query(m_database,
                  "SELECT purpose, version, language, title, accepted, controller, recipient, "
                  "data_transmitted, legal_basis, third_country_transfer, retention, withdrawal, "
                  "reconfirm_after_months, text, text_sha256 FROM notices "
                  "ORDER BY purpose, CAST(version AS INTEGER), version, language");
  std::vector<Notice> notices;
  while (query.step()) {
    Notice notice;
    notice.purpose = query.column_text(0);
    notice.version = query.column_text(1);
    notice.language = query.column_text(2);
    notice.title = query.column_text(3);
    notice.accepted = query.column_int64(4) != 0;
    notice.controller = query.column_text(5);
    notice.recipient = query.column_text(6);
    notice.data_transmitted = query.column_text(7);
    notice.legal_basis = query.column_text(8);
    notice.third_country_transfer = query.column_text(9);
    notice.retention = query.column_text(10);
    notice.withdrawal = query.column_text(11);
    notice.reconfirm_after_months = static_cast<int>(query.column_int64(12));
    notice.text = query.column_text(13);
    notice.text_sha256 = query.column_text(14);
    notices.push_back(std::move(notice));
  }
  return notices;
}

void SqliteStore::insert_notice(const Notice& notice)
{
  require_transaction("insert_notice");
  Statement insert(m_database,
                   "INSERT INTO notices(purpose, version, language, title, accepted, controller, "
                   "recipient, data_transmitted, legal_basis, third_country_transfer, retention, "
                   "withdrawal, reconfirm_after_months, text, text_sha256) VALUES (?1, ?2, ?3, ?4, "
                   "?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)");
  insert.bind(1, notice.purpose);
  insert.bind(2, notice.version);
  insert.bind(3, notice.language);
  insert.bind(4, notice.title);
  insert.bind(5, std::int64_t{notice.accepted ? 1 : 0});
  insert.bind(6, notice.controller);
  insert.bind(7, notice.recipient);
  insert.bind(8, notice.data_transmitted);
  insert.bind(9, notice.legal_basis);
  insert.bind(10, notice.third_country_transfer);
  insert.bind(11, notice.retention);
  insert.bind(12, notice.withdrawal);
  insert.bind(13, std::int64_t{notice.reconfirm_after_months});
  insert.bind(14, notice.text);
  insert.bind(15, notice.text_sha256);
  insert.run();
}

void SqliteStore::insert_subject(const Subject& subject)
{
  require_transaction("insert_subject");
  {
    Use insert(statement(Sql::insert_subject));
    insert->bind(1, subject.id);
    insert->bind(2, subject.name);
    if (subject.relationship) {
      insert->bind(3, to_string(*subject.relationship));
    }
    insert->bind(4, subject.secret);
    insert->bind(5, from_time(subject.created_at));
    insert->run();
  }
  m_last_subject = {subject.id, subject.secret};
  for (const auto& number : subject.numbers) {
    add_subject_number(subject.id, number);
  }
  for (const auto& email : subject.emails) {
    add_subject_email(subject.id, email);
  }
}

void SqliteStore::add_subject_number(std::string_view subject_id, const SubjectNumber& number)
{
  require_transaction("add_subject_number");
  Use insert(statement(Sql::insert_subject_number));
  insert->bind(1, subject_id);
  insert->bind(2, number.e164);
  insert->bind(3, number.raw);
  insert->bind(4, from_time(number.added_at));
  insert->run();
}

void SqliteStore::add_subject_email(std::string_view subject_id, std::string_view email)
{
  require_transaction("add_subject_email");
  Use insert(statement(Sql::insert_subject_email));
  insert->bind(1, subject_id);
  insert->bind(2, email);
  insert->run();
}

std::optional<Subject> SqliteStore::find_subject(std::string_view subject_id) const
{
  Subject subject;
  {
    Use query(statement(Sql::find_subject));
    query->bind(1, subject_id);
    if (!query->step()) {
      return std::nullopt;
    }
    subject.id = subject_id;
    subject.name = query->column_text(0);
    if (!query->column_is_null(1)) {
      subject.relationship = parse_relationship(query->column_text(1));
    }
    subject.secret = query->column_text(2);
    subject.created_at = to_time(query->column_int64(3));
  }
  {
    Use query(statement(Sql::find_subject_numbers));
    query->bind(1, subject_id);
    while (query->step()) {
      subject.numbers.push_back(SubjectNumber{std::string(query->column_text(0)),
                                              std::string(query->column_text(1)),
                                              to_time(query->column_int64(2))});
    }
  }
  Use query(statement(Sql::find_subject_emails));
  query->bind(1, subject_id);
  while (query->step()) {
    subject.emails.emplace_back(query->column_text(0));
  }
  return subject;
}

std::vector<std::string> SqliteStore::subjects_with_number(std::string_view e164) const
{
  Use query(statement(Sql::subjects_with_number));
  query->bind(1, e164);
  std::vector<std::string> ids;
  while (query->step()) {
    ids.emplace_back(query->column_text(0));
  }
  return ids;
}

std::vector<std::string> SqliteStore::subjects_with_email(std::string_view email) const
{
  Use query(statement(Sql::subjects_with_email));
  query->bind(1, email);
  std::vector<std::string> ids;
  while (query->step()) {
    ids.emplace_back(query->column_text(0));
  }
  return ids;
}

void SqliteStore::erase_subject(std::string_view subject_id)
{
  require_transaction("erase_subject");
  m_last_subject = {};
  static constexpr std::array<std::string_view, 4> k_erase{
      "DELETE FROM event_numbers WHERE event_id IN (SELECT id FROM events WHERE subject_id = ?1)",
      "DELETE FROM event_notes WHERE event_id IN (SELECT id FROM events WHERE subject_id = ?1)",
      "DELETE FROM import_rows WHERE subject_id = ?1 AND number_derived = 1",
      "DELETE FROM subjects WHERE id = ?1",
  };
  for (const auto sql : k_erase) {
    Statement erase(m_database, sql);
    erase.bind(1, subject_id);
    erase.run();
  }
}

std::optional<ImportRecord> SqliteStore::find_import(std::string_view file_sha256) const
{
  Statement query(m_database,
                  "SELECT file_name, actor, at, rows, imported, duplicates, rejected FROM imports "
                  "WHERE file_sha256 = ?1");
  query.bind(1, file_sha256);
  if (!query.step()) {
    return std::nullopt;
  }
  ImportRecord record;
  record.file_sha256 = file_sha256;
  record.file_name = query.column_text(0);
  record.actor = query.column_text(1);
  record.at = to_time(query.column_int64(2));
  record.rows = static_cast<std::uint64_t>(query.column_int64(3));
  record.imported = static_cast<std::uint64_t>(query.column_int64(4));
  record.duplicates = static_cast<std::uint64_t>(query.column_int64(5));
  record.rejected = static_cast<std::uint64_t>(query.column_int64(6));
  return record;
}

void SqliteStore::insert_import(const ImportRecord& record)
{
  require_transaction("insert_import");
  Statement insert(m_database,
                   "INSERT INTO imports(file_sha256, file_name, actor, at, rows, imported, "
                   "duplicates, rejected) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
  insert.bind(1, record.file_sha256);
  insert.bind(2, record.file_name);
  insert.bind(3, record.actor);
  insert.bind(4, from_time(record.at));
  insert.bind(5, static_cast<std::int64_t>(record.rows));
  insert.bind(6, static_cast<std::int64_t>(record.imported));
  insert.bind(7, static_cast<std::int64_t>(record.duplicates));
  insert.bind(8, static_cast<std::int64_t>(record.rejected));
  insert.run();
}

bool SqliteStore::has_row_key(std::string_view key) const
{
  Use query(statement(Sql::has_row_key));
  query->bind(1, key);
  return query->step();
}

std::optional<std::int64_t> SqliteStore::row_key_event(std::string_view key) const
{
  Use query(statement(Sql::row_key_event));
  query->bind(1, key);
  if (!query->step()) {
    return std::nullopt;
  }
  return query->column_int64(0);
}

void SqliteStore::insert_row_key(std::string_view key,
                                 std::int64_t event_id,
                                 std::string_view subject_id,
                                 bool number_derived)
{
  require_transaction("insert_row_key");
  Use insert(statement(Sql::insert_row_key));
  insert->bind(1, key);
  insert->bind(2, event_id);
  insert->bind(3, subject_id);
  insert->bind(4, std::int64_t{number_derived ? 1 : 0});
  insert->run();
}

void SqliteStore::append_audit(const AuditEntry& entry)
{
  require_transaction("append_audit");
  Use insert(statement(Sql::insert_audit));
  insert->bind(1, from_time(entry.at));
  insert->bind(2, entry.actor);
  insert->bind(3, entry.command);
  insert->bind(4, entry.file);
  insert->bind(5, entry.file_sha256);
  insert->bind(6, entry.subject_id);
  insert->bind(7, entry.summary);
  insert->run();
}

std::vector<AuditEntry> SqliteStore::audit_entries() const
{
  Statement query(m_database,
                  "SELECT id, at, actor, command, file, file_sha256, subject_id, summary FROM "
                  "audit_log ORDER BY id");
  std::vector<AuditEntry> entries;
  while (query.step()) {
    entries.push_back(AuditEntry{query.column_int64(0),
                                 to_time(query.column_int64(1)),
                                 std::string(query.column_text(2)),
                                 std::string(query.column_text(3)),
                                 std::string(query.column_text(4)),
                                 std::string(query.column_text(5)),
                                 std::string(query.column_text(6)),
                                 std::string(query.column_text(7))});
  }
  return entries;
}

void SqliteStore::append_review(const ReviewRecord& record)
{
  require_transaction("append_review");
  Statement insert(m_database,
                   "INSERT INTO reviews(key_kind, key, decision, by, at, reason) VALUES (?1, ?2, "
                   "?3, ?4, ?5, ?6)");
  insert.bind(1, to_string(record.key_kind));
  insert.bind(2, record.key);
  if (record.decision) {
    insert.bind(3, to_string(*record.decision));
  }
  insert.bind(4, record.by);
  insert.bind(5, from_time(record.at));
  insert.bind(6, record.reason);
  insert.run();
}

std::vector<ReviewRecord> SqliteStore::review_records() const
{
  Statement query(m_database,
                  "SELECT id, key_kind, key, decision, by, at, reason FROM reviews ORDER BY id");
  std::vector<ReviewRecord> records;
  while (query.step()) {
    ReviewRecord record;
    record.id = query.column_int64(0);
    record.key_kind = parse_review_key_kind(query.column_text(1)).value_or(ReviewKeyKind::e164);
    record.key = query.column_text(2);
    if (!query.column_is_null(3)) {
      record.decision = parse_review_decision(query.column_text(3));
    }
    record.by = query.column_text(4);
    record.at = to_time(query.column_int64(5));
    record.reason = query.column_text(6);
    records.push_back(std::move(record));
  }
  return records;
}

} // namespace contact_audit::ledger
