// SPDX-License-Identifier: MIT
// RunHistory over the ledger's SQLite file: tables batch_runs and batch_run_findings (schema v2).
#include "random.hpp"
#include "sqlite.hpp"

#include <contact_audit/core/hash.hpp>
#include <contact_audit/ledger/consent.hpp>
#include <contact_audit/ledger/run_history.hpp>
#include <contact_audit/ledger/store.hpp>

#include <algorithm>

namespace contact_audit::ledger {
namespace {

constexpr std::string_view k_salt_key = "batch_key_salt";

std::int64_t seconds(Timestamp time)
{
  return time.time_since_epoch().count();
}

Timestamp timestamp(std::int64_t value)
{
  return Timestamp(std::chrono::seconds(value));
}

std::uint64_t count(const sqlite::Statement& statement, int column)
{
  return static_cast<std::uint64_t>(statement.column_int64(column));
}

} // namespace

struct RunHistory::Impl
{
  explicit Impl(const std::filesystem::path& path) : database(path)
  {
    database.set_busy_timeout(std::chrono::milliseconds(10'000));
  }
  sqlite::Database database;
};

RunHistory::RunHistory(std::unique_ptr<Impl> impl) : m_impl(std::move(impl)) {}
RunHistory::~RunHistory() = default;
RunHistory::RunHistory(RunHistory&&) noexcept = default;
RunHistory& RunHistory::operator=(RunHistory&&) noexcept = default;

std::string RunHistory::key_salt()
{
  auto& database = m_impl->database;
  sqlite::Statement find(database, "SELECT value FROM meta WHERE key = ?1");
  find.bind(1, k_salt_key);
  if (find.step()) {
    return std::string(find.column_text(0));
  }
  find.reset();
  sqlite::Transaction transaction(database);
  // INSERT OR IGNORE: another run may have created the salt in the meantime.
  sqlite::Statement insert(database, "INSERT OR IGNORE INTO meta(key, value) VALUES (?1, ?2)");
  insert.bind(1, k_salt_key);
  insert.bind(2, random_hex(32));
  insert.run();
  transaction.commit();
  find.bind(1, k_salt_key);
  find.step();
  return std::string(find.column_text(0));
}

std::vector<BatchRun> RunHistory::recent_runs(std::size_t limit) const
{
  sqlite::Statement select(
      m_impl->database,
      "SELECT id, started_at, finished_at, as_of, folder, config_sha256, inputs, devices, "
      "devices_failed, contacts, numbers_uploaded, non_compliant_contacts, "
      "non_compliant_numbers, exit_code FROM batch_runs ORDER BY id DESC LIMIT ?1");
  select.bind(1, static_cast<std::int64_t>(limit));
  std::vector<BatchRun> runs;
  while (select.step()) {
    BatchRun run;
    run.id = select.column_int64(0);
    run.started_at = timestamp(select.column_int64(1));
    run.finished_at = timestamp(select.column_int64(2));
    run.as_of = timestamp(select.column_int64(3));
    run.folder = std::string(select.column_text(4));
    run.config_sha256 = std::string(select.column_text(5));
    run.inputs = count(select, 6);
    run.devices = count(select, 7);
    run.devices_failed = count(select, 8);
    run.contacts = count(select, 9);
    run.numbers_uploaded = count(select, 10);
    run.non_compliant_contacts = count(select, 11);
    run.non_compliant_numbers = count(select, 12);
    run.exit_code = static_cast<int>(select.column_int64(13));
    runs.push_back(std::move(run));
  }
  return runs;
}

void RunHistory::for_each_finding_of_run(
    std::int64_t run_id, const std::function<void(const BatchFinding&)>& visit) const
{
  sqlite::Statement select(m_impl->database,
                           "SELECT key, device_id, consent_state FROM batch_run_findings "
                           "WHERE run_id = ?1 ORDER BY key");
  select.bind(1, run_id);
  BatchFinding finding;
  while (select.step()) {
    finding.key.assign(select.column_text(0));
    finding.device_id.assign(select.column_text(1));
    finding.consent_state.assign(select.column_text(2));
    visit(finding);
  }
}

std::vector<BatchFinding> RunHistory::findings_of_run(std::int64_t run_id) const
{
  std::vector<BatchFinding> findings;
  for_each_finding_of_run(run_id,
                          [&](const BatchFinding& finding) { findings.push_back(finding); });
  return findings;
}

std::int64_t RunHistory::record_run(const BatchRun& run, const std::vector<BatchFinding>& findings)
{
  auto& database = m_impl->database;
  sqlite::Transaction transaction(database);
  sqlite::Statement insert(
      database,
      "INSERT INTO batch_runs(started_at, finished_at, as_of, folder, config_sha256, inputs, "
      "devices, devices_failed, contacts, numbers_uploaded, non_compliant_contacts, "
      "non_compliant_numbers, exit_code) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, "
      "?12, ?13)");
  insert.bind(1, seconds(run.started_at));
  insert.bind(2, seconds(run.finished_at));
  insert.bind(3, seconds(run.as_of));
  insert.bind(4, run.folder);
  insert.bind(5, run.config_sha256);
  const std::uint64_t figures[] = {run.inputs,
                                   run.devices,
                                   run.devices_failed,
                                   run.contacts,
                                   run.numbers_uploaded,
                                   run.non_compliant_contacts,
                                   run.non_compliant_numbers};
  int index = 6;
  for (const auto figure : figures) {
    insert.bind(index++, static_cast<std::int64_t>(figure));
  }
  insert.bind(13, static_cast<std::int64_t>(run.exit_code));
  insert.run();
  sqlite::Statement last(database, "SELECT last_insert_rowid()");
  last.step();
  const std::int64_t id = last.column_int64(0);
  sqlite::Statement add(database,
                        "INSERT OR IGNORE INTO batch_run_findings(run_id, key, device_id, "
                        "consent_state) VALUES (?1, ?2, ?3, ?4)");
  // In key order: the keys are hashes, and appending to the b-tree in order is
  // several times faster than inserting at random places.
  std::vector<const BatchFinding*> ordered;
  ordered.reserve(findings.size());
  for (const auto& finding : findings) {
    ordered.push_back(&finding);
  }
  std::sort(ordered.begin(), ordered.end(), [](const BatchFinding* a, const BatchFinding* b) {
    return a->key < b->key;
  });
  for (const BatchFinding* found : ordered) {
    const auto& finding = *found;
    add.reset();
    add.bind(1, id);
    add.bind(2, finding.key);
    add.bind(3, finding.device_id);
    add.bind(4, finding.consent_state);
    add.run();
  }
  transaction.commit();
  return id;
}

std::size_t RunHistory::prune_runs_before(Timestamp cutoff)
{
  auto& database = m_impl->database;
  sqlite::Transaction transaction(database);
  sqlite::Statement findings(database,
                             "DELETE FROM batch_run_findings WHERE run_id IN "
                             "(SELECT id FROM batch_runs WHERE started_at < ?1)");
  findings.bind(1, seconds(cutoff));
  findings.run();
  sqlite::Statement runs(database, "DELETE FROM batch_runs WHERE started_at < ?1");
  runs.bind(1, seconds(cutoff));
  runs.run();
  sqlite::Statement changes(database, "SELECT changes()");
  changes.step();
  const auto removed = static_cast<std::size_t>(changes.column_int64(0));
  transaction.commit();
  return removed;
}

RunHistory open_run_history(const std::filesystem::path& ledger_path)
{
  // open_ledger creates the file or migrates it to the schema with the batch tables.
  open_ledger(ledger_path);
  return RunHistory(std::make_unique<RunHistory::Impl>(ledger_path));
}

std::string finding_key(std::string_view salt, std::string_view device_id, std::string_view e164)
{
  std::string text(salt);
  text.push_back('\0');
  text.append(device_id);
  text.push_back('\0');
  text.append(e164);
  return sha256_hex(text);
}

} // namespace contact_audit::ledger
