// SPDX-License-Identifier: MIT
// The SQLite schema of the ledger and its migrations (docs/ledger.md "Schema").
#include "sqlite_store.hpp"

namespace contact_audit::ledger {
namespace {

// Version 1. Personal data lives in subjects, subject_numbers, subject_emails,
// event_numbers and event_notes, which erasure deletes; events hold only
// pseudonymous ids and digests and are append-only (the triggers stop
// accidental changes; `consent verify` detects deliberate ones).
constexpr const char* k_schema_v1 = R"sql(
CREATE TABLE meta(
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE notices(
  purpose TEXT NOT NULL,
  version TEXT NOT NULL,
  language TEXT NOT NULL,
  title TEXT NOT NULL,
  accepted INTEGER NOT NULL,
  controller TEXT NOT NULL,
  recipient TEXT NOT NULL,
  data_transmitted TEXT NOT NULL,
  legal_basis TEXT NOT NULL,
  third_country_transfer TEXT NOT NULL,
  retention TEXT NOT NULL,
  withdrawal TEXT NOT NULL,
  reconfirm_after_months INTEGER NOT NULL,
  text TEXT NOT NULL,
  text_sha256 TEXT NOT NULL,
  PRIMARY KEY (purpose, version, language)
) WITHOUT ROWID;

CREATE TABLE subjects(
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  relationship TEXT,
  secret TEXT NOT NULL,
  created_at INTEGER NOT NULL
) WITHOUT ROWID;

CREATE TABLE subject_numbers(
  subject_id TEXT NOT NULL REFERENCES subjects(id) ON DELETE CASCADE,
  e164 TEXT NOT NULL,
  raw TEXT NOT NULL,
  added_at INTEGER NOT NULL,
  PRIMARY KEY (subject_id, e164)
) WITHOUT ROWID;
CREATE INDEX subject_numbers_by_e164 ON subject_numbers(e164);

CREATE TABLE subject_emails(
  subject_id TEXT NOT NULL REFERENCES subjects(id) ON DELETE CASCADE,
  email TEXT NOT NULL,
  PRIMARY KEY (subject_id, email)
) WITHOUT ROWID;
CREATE INDEX subject_emails_by_email ON subject_emails(email);

CREATE TABLE events(
  id INTEGER PRIMARY KEY,
  subject_id TEXT NOT NULL,
  purpose TEXT NOT NULL,
  action TEXT NOT NULL,
  effective_at INTEGER NOT NULL,
  recorded_at INTEGER NOT NULL,
  method TEXT,
  expressed_by TEXT,
  collected_by TEXT NOT NULL,
  valid_until INTEGER,
  notice_version TEXT NOT NULL,
  notice_language TEXT NOT NULL,
  notice_sha256 TEXT NOT NULL,
  evidence_sha256 TEXT NOT NULL,
  source_file TEXT NOT NULL,
  source_sha256 TEXT NOT NULL,
  source_row INTEGER NOT NULL,
  form_id TEXT NOT NULL,
  target_event_id INTEGER,
  pii_digest TEXT NOT NULL,
  hash TEXT NOT NULL
);
CREATE INDEX events_by_subject ON events(subject_id);
CREATE INDEX events_by_target ON events(target_event_id) WHERE target_event_id IS NOT NULL;
CREATE TRIGGER events_no_update BEFORE UPDATE ON events
  BEGIN SELECT RAISE(ABORT, 'ledger events are append-only'); END;
CREATE TRIGGER events_no_delete BEFORE DELETE ON events
  BEGIN SELECT RAISE(ABORT, 'ledger events are append-only'); END;

CREATE TABLE event_numbers(
  event_id INTEGER NOT NULL REFERENCES events(id),
  e164 TEXT NOT NULL,
  PRIMARY KEY (event_id, e164)
) WITHOUT ROWID;
CREATE INDEX event_numbers_by_e164 ON event_numbers(e164);

CREATE TABLE event_notes(
  event_id INTEGER PRIMARY KEY REFERENCES events(id),
  evidence_ref TEXT NOT NULL,
  reason TEXT NOT NULL
);

CREATE TABLE imports(
  file_sha256 TEXT PRIMARY KEY,
  file_name TEXT NOT NULL,
  actor TEXT NOT NULL,
  at INTEGER NOT NULL,
  rows INTEGER NOT NULL,
  imported INTEGER NOT NULL,
  duplicates INTEGER NOT NULL,
  rejected INTEGER NOT NULL
) WITHOUT ROWID;

CREATE TABLE import_rows(
  row_key TEXT PRIMARY KEY,
  event_id INTEGER NOT NULL REFERENCES events(id),
  subject_id TEXT NOT NULL,
  number_derived INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX import_rows_by_subject ON import_rows(subject_id);

CREATE TABLE audit_log(
  id INTEGER PRIMARY KEY,
  at INTEGER NOT NULL,
  actor TEXT NOT NULL,
  command TEXT NOT NULL,
  file TEXT NOT NULL,
  file_sha256 TEXT NOT NULL,
  subject_id TEXT NOT NULL,
  summary TEXT NOT NULL
);
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
  BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
  BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;

CREATE TABLE reviews(
  id INTEGER PRIMARY KEY,
  key_kind TEXT NOT NULL,
  key TEXT NOT NULL,
  decision TEXT,
  by TEXT NOT NULL,
  at INTEGER NOT NULL,
  reason TEXT NOT NULL
);
CREATE INDEX reviews_by_key ON reviews(key_kind, key);
CREATE TRIGGER reviews_no_update BEFORE UPDATE ON reviews
  BEGIN SELECT RAISE(ABORT, 'reviews are append-only'); END;
CREATE TRIGGER reviews_no_delete BEFORE DELETE ON reviews
  BEGIN SELECT RAISE(ABORT, 'reviews are append-only'); END;
)sql";

// Version 2: the history of `contact-audit batch` runs (docs/batch.md). Findings
// are keyed by a salted hash of device and number (run_history.cpp), so the
// history holds no phone numbers; the salt is kept in meta ("batch_key_salt").
constexpr const char* k_schema_v2 = R"sql(
CREATE TABLE batch_runs(
  id INTEGER PRIMARY KEY,
  started_at INTEGER NOT NULL,
  finished_at INTEGER NOT NULL,
  as_of INTEGER NOT NULL,
  folder TEXT NOT NULL,
  config_sha256 TEXT NOT NULL,
  inputs INTEGER NOT NULL,
  devices INTEGER NOT NULL,
  devices_failed INTEGER NOT NULL,
  contacts INTEGER NOT NULL,
  numbers_uploaded INTEGER NOT NULL,
  non_compliant_contacts INTEGER NOT NULL,
  non_compliant_numbers INTEGER NOT NULL,
  exit_code INTEGER NOT NULL
);
CREATE INDEX batch_runs_by_start ON batch_runs(started_at);

CREATE TABLE batch_run_findings(
  run_id INTEGER NOT NULL REFERENCES batch_runs(id),
  key TEXT NOT NULL,
  device_id TEXT NOT NULL,
  consent_state TEXT NOT NULL,
  PRIMARY KEY (run_id, key)
) WITHOUT ROWID;
)sql";

// Version 3: only number-derived import keys are looked up by subject (erasure
// deletes them), so only they are indexed by subject. Form-id keys, nearly every
// key of an HR import, no longer add an index entry per row.
constexpr const char* k_schema_v3 = R"sql(
DROP INDEX import_rows_by_subject;
CREATE INDEX import_rows_by_subject ON import_rows(subject_id) WHERE number_derived = 1;
)sql";

} // namespace

int current_schema_version()
{
  return 3;
}

const char* migration_sql(int from)
{
  switch (from) {
  case 0:
    return k_schema_v1;
  case 1:
    return k_schema_v2;
  case 2:
    return k_schema_v3;
  default:
    return "";
  }
}

} // namespace contact_audit::ledger
