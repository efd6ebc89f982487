// SPDX-License-Identifier: MIT
// SqliteStore's events: appending to the hash chain and the scans that read it back.
#include "event_row.hpp"
#include "sqlite_store.hpp"

#include <contact_audit/ledger/hash_chain.hpp>

#include <algorithm>
#include <array>
#include <vector>

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

template <typename Enum, typename Parse>
std::optional<Enum> optional_enum(const Statement& row, int column, std::int64_t id, Parse parse)
{
  if (row.column_is_null(column)) {
    return std::nullopt;
  }
  const auto text = row.column_text(column);
  const auto value = parse(text);
  if (!value) {
    throw CorruptEventError(id,
                            "Event " + std::to_string(id) + " holds the unknown value \"" +
                                std::string(text) + "\".");
  }
  return value;
}

Event read_event(const Statement& row)
{
  Event event;
  read_event(row, event);
  return event;
}

} // namespace

void read_event(const Statement& row, Event& event)
{
  event.id = row.column_int64(0);
  event.subject_id.assign(row.column_text(1));
  event.purpose.assign(row.column_text(2));
  const auto action = parse_action(row.column_text(3));
  if (!action) {
    throw CorruptEventError(event.id,
                            "Event " + std::to_string(event.id) + " holds the unknown action \"" +
                                std::string(row.column_text(3)) + "\".");
  }
  event.action = *action;
  event.effective_at = to_time(row.column_int64(4));
  event.recorded_at = to_time(row.column_int64(5));
  event.method = optional_enum<Method>(row, 6, event.id, parse_method);
  event.expressed_by = optional_enum<ExpressedBy>(row, 7, event.id, parse_expressed_by);
  event.collected_by.assign(row.column_text(8));
  event.valid_until.reset();
  if (const auto until = row.column_optional_int64(9)) {
    event.valid_until = to_time(*until);
  }
  event.notice_version.assign(row.column_text(10));
  event.notice_language.assign(row.column_text(11));
  event.notice_sha256.assign(row.column_text(12));
  event.evidence_sha256.assign(row.column_text(13));
  event.source_file.assign(row.column_text(14));
  event.source_sha256.assign(row.column_text(15));
  event.source_row = static_cast<std::uint64_t>(row.column_int64(16));
  event.form_id.assign(row.column_text(17));
  event.target_event_id = row.column_optional_int64(18);
  event.pii_digest.assign(row.column_text(19));
  event.hash.assign(row.column_text(20));
  event.evidence_ref.assign(row.column_text(21));
  event.reason.assign(row.column_text(22));
}

Event SqliteStore::append_event(Event draft)
{
  require_transaction("append_event");
  if (!m_cached_head) {
    Use query(statement(Sql::head));
    m_cached_head = query->step()
                        ? ChainHead{query->column_int64(0), std::string(query->column_text(1))}
                        : ChainHead{0, std::string(k_genesis_hash)};
  }
  std::string secret;
  if (draft.subject_id == m_last_subject.first) {
    secret = m_last_subject.second;
  } else {
    Use query(statement(Sql::subject_secret));
    query->bind(1, draft.subject_id);
    if (query->step()) {
      secret = query->column_text(0);
    }
  }
  draft.id = m_cached_head->event_id + 1;
  draft.pii_digest = pii_digest(draft, secret);
  draft.hash = chain_hash(draft, m_cached_head->hash);
  {
    Use insert(statement(Sql::insert_event));
    insert->bind(1, draft.id);
    insert->bind(2, draft.subject_id);
    insert->bind(3, draft.purpose);
    insert->bind(4, to_string(draft.action));
    insert->bind(5, from_time(draft.effective_at));
    insert->bind(6, from_time(draft.recorded_at));
    if (draft.method) {
      insert->bind(7, to_string(*draft.method));
    }
    if (draft.expressed_by) {
      insert->bind(8, to_string(*draft.expressed_by));
    }
    insert->bind(9, draft.collected_by);
    if (draft.valid_until) {
      insert->bind(10, from_time(*draft.valid_until));
    }
    insert->bind(11, draft.notice_version);
    insert->bind(12, draft.notice_language);
    insert->bind(13, draft.notice_sha256);
    insert->bind(14, draft.evidence_sha256);
    insert->bind(15, draft.source_file);
    insert->bind(16, draft.source_sha256);
    insert->bind(17, static_cast<std::int64_t>(draft.source_row));
    insert->bind(18, draft.form_id);
    insert->bind(19, draft.target_event_id);
    insert->bind(20, draft.pii_digest);
    insert->bind(21, draft.hash);
    insert->run();
  }
  for (const auto& e164 : draft.numbers) {
    Use insert(statement(Sql::insert_event_number));
    insert->bind(1, draft.id);
    insert->bind(2, e164);
    insert->run();
  }
  if (!draft.evidence_ref.empty() || !draft.reason.empty()) {
    Use insert(statement(Sql::insert_event_note));
    insert->bind(1, draft.id);
    insert->bind(2, draft.evidence_ref);
    insert->bind(3, draft.reason);
    insert->run();
  }
  m_cached_head = ChainHead{draft.id, draft.hash};
  return draft;
}

std::vector<Event> SqliteStore::read_events(Statement& query) const
{
  std::vector<Event> events;
  while (query.step()) {
    events.push_back(read_event(query));
  }
  query.reset();
  for (auto& event : events) {
    Use numbers(statement(Sql::event_numbers));
    numbers->bind(1, event.id);
    while (numbers->step()) {
      event.numbers.emplace_back(numbers->column_text(0));
    }
  }
  return events;
}

std::optional<Event> SqliteStore::find_event(std::int64_t id) const
{
  auto& query = statement(Sql::find_event);
  query.reset();
  query.bind(1, id);
  auto events = read_events(query);
  if (events.empty()) {
    return std::nullopt;
  }
  return std::move(events.front());
}

std::vector<Event> SqliteStore::events_of_subject(std::string_view subject_id) const
{
  Statement query(m_database,
                  event_select() + " FROM events e LEFT JOIN event_notes n ON n.event_id = e.id "
                                   "WHERE e.subject_id = ?1 ORDER BY e.id");
  query.bind(1, subject_id);
  return read_events(query);
}

std::vector<Event> SqliteStore::events_of_number(std::string_view e164) const
{
  Statement query(
      m_database,
      event_select() +
          " FROM events e LEFT JOIN event_notes n ON n.event_id = e.id "
          "WHERE e.id IN (SELECT event_id FROM event_numbers WHERE e164 = ?1) "
          "OR e.target_event_id IN (SELECT event_id FROM event_numbers WHERE e164 = ?1) "
          "ORDER BY e.id");
  query.bind(1, e164);
  return read_events(query);
}

void SqliteStore::scan_number_events(std::string_view purpose,
                                     Timestamp as_of,
                                     const std::function<void(const NumberEventRow&)>& visit) const
{
  Statement query(
      m_database,
      "SELECT n.e164, e.subject_id, e.id, e.action, e.effective_at, e.valid_until, "
      "e.notice_version, e.method FROM event_numbers n JOIN events e ON e.id = "
      "n.event_id WHERE e.purpose = ?1 AND e.effective_at <= ?2 AND e.recorded_at <= ?2");
  query.bind(1, purpose);
  query.bind(2, from_time(as_of));
  NumberEventRow row;
  while (query.step()) {
    row.e164 = query.column_text(0);
    row.subject_id = query.column_text(1);
    row.event_id = query.column_int64(2);
    const auto action = parse_action(query.column_text(3));
    if (!action) {
      throw CorruptEventError(row.event_id,
                              "Event " + std::to_string(row.event_id) +
                                  " holds an unknown action; run 'contact-audit consent verify'.");
    }
    row.action = *action;
    row.effective_at = to_time(query.column_int64(4));
    row.valid_until.reset();
    if (const auto until = query.column_optional_int64(5)) {
      row.valid_until = to_time(*until);
    }
    row.notice_version = query.column_text(6);
    row.method = query.column_is_null(7) ? std::nullopt : parse_method(query.column_text(7));
    visit(row);
  }
}

std::vector<std::int64_t> SqliteStore::voided_event_ids(Timestamp as_of) const
{
  Statement query(m_database,
                  "SELECT target_event_id FROM events WHERE action = 'voided' AND "
                  "target_event_id IS NOT NULL AND recorded_at <= ?1 AND effective_at <= ?1");
  query.bind(1, from_time(as_of));
  std::vector<std::int64_t> ids;
  while (query.step()) {
    ids.push_back(query.column_int64(0));
  }
  return ids;
}

void SqliteStore::scan_holders(Timestamp as_of,
                               const std::function<void(const HolderRow&)>& visit) const
{
  Statement query(m_database,
                  "SELECT n.e164, n.subject_id, s.relationship FROM subject_numbers n JOIN "
                  "subjects s ON s.id = n.subject_id WHERE n.added_at <= ?1");
  query.bind(1, from_time(as_of));
  HolderRow row;
  while (query.step()) {
    row.e164 = query.column_text(0);
    row.subject_id = query.column_text(1);
    row.relationship =
        query.column_is_null(2) ? std::nullopt : parse_relationship(query.column_text(2));
    visit(row);
  }
}

std::optional<ChainHead> SqliteStore::head() const
{
  Use query(statement(Sql::head));
  if (!query->step()) {
    return std::nullopt;
  }
  return ChainHead{query->column_int64(0), std::string(query->column_text(1))};
}

std::uint64_t SqliteStore::event_count() const
{
  Statement query(m_database, "SELECT count(*) FROM events");
  query.step();
  return static_cast<std::uint64_t>(query.column_int64(0));
}

} // namespace contact_audit::ledger
