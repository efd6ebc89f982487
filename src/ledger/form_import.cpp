// SPDX-License-Identifier: MIT
// Import of HR consent-form CSV files: validate every row, write all or none, idempotently.
#include "form_csv.hpp"

#include <contact_audit/core/atomic_file.hpp>
#include <contact_audit/core/error.hpp>
#include <contact_audit/core/hash.hpp>
#include <contact_audit/core/text.hpp>
#include <contact_audit/ledger/consent_request.hpp>
#include <contact_audit/ledger/form_import.hpp>
#include <contact_audit/ledger/time.hpp>
#include <contact_audit/phone/normaliser.hpp>

#include <algorithm>
#include <fstream>
#include <future>
#include <map>

namespace contact_audit::ledger {
namespace {

using form_csv::Column;

// The normaliser's sentence about `number`, as a clause: "the number ... of region DE".
std::string number_problem(const phone::NormalisedNumber& number)
{
  std::string text = number.issue.empty()
                         ? "its status is " + std::string(phone::to_string(number.status))
                         : number.issue.substr(0, number.issue.find(';'));
  if (!text.empty() && text.back() == '.') {
    text.pop_back();
  }
  if (!text.empty() && text[0] >= 'A' && text[0] <= 'Z') {
    text[0] = static_cast<char>(text[0] - 'A' + 'a');
  }
  return text;
}

// Rows read and checked per batch; the checks of one batch run while the one
// before is written.
constexpr std::size_t k_batch_rows = 4096;

// Thrown inside the write transaction to roll it back when rows were rejected.
struct RollBack
{
};

// Where each column is; phone columns may repeat.
struct Layout
{
  std::map<Column, std::size_t> columns;
  std::vector<std::size_t> phones;
  std::size_t width = 0;

  std::string_view get(const form_csv::Record& record, Column column) const
  {
    const auto found = columns.find(column);
    return found == columns.end() ? std::string_view() : trim(record.fields[found->second]);
  }
};

Layout read_layout(const form_csv::Record& header, const std::filesystem::path& csv)
{
  Layout layout;
  layout.width = header.fields.size();
  std::string problems;
  for (std::size_t i = 0; i < header.fields.size(); ++i) {
    const auto column = form_csv::column_for_header(header.fields[i]);
    if (!column) {
      continue; // Unknown columns (e.g. "Abteilung") are allowed and ignored.
    }
    if (*column == Column::phone) {
      layout.phones.push_back(i);
    } else if (!layout.columns.emplace(*column, i).second) {
      problems += " The column \"" + header.fields[i] + "\" appears twice.";
    }
  }
  if (!layout.columns.contains(Column::name)) {
    problems += " There is no Name column.";
  }
  if (layout.phones.empty()) {
    problems += " There is no Telefon/Phone or Mobil/Mobile column.";
  }
  if (!layout.columns.contains(Column::decision)) {
    problems += " There is no Entscheidung/Decision column.";
  }
  if (!layout.columns.contains(Column::date)) {
    problems += " There is no Datum/Date column.";
  }
  if (!problems.empty()) {
    throw InputError(csv.string() + ":" + std::to_string(header.line) +
                     ": The header is not a consent-form header;" + problems +
                     " Nothing was imported (docs/ledger.md describes the format).");
  }
  return layout;
}

// What one valid row becomes.
struct Row
{
  SubjectDetails details;
  Decision decision;
  Event event; // The checked event; its subject is filled in when written.
  std::string key;
  bool number_derived_key = false;
};

class RowChecker
{
public:
  RowChecker(const std::filesystem::path& csv,
             const FormImportOptions& options,
             const Catalogue& catalogue,
             std::string file_sha256,
             Timestamp now)
      : m_csv(csv),
        m_folder(std::filesystem::weakly_canonical(std::filesystem::absolute(csv)).parent_path()),
        m_catalogue(catalogue), m_normaliser(options.region), m_actor(options.context.actor),
        m_file_sha256(std::move(file_sha256)), m_now(now)
  {
  }

  Result<Row> check(const form_csv::Record& record, const Layout& layout);
  Timestamp now() const { return m_now; }

private:
  Result<std::string> evidence_sha256(std::string_view reference, std::string_view expected) const;
  Diagnostic reject(const form_csv::Record& record, std::string code, std::string message) const
  {
    return Diagnostic{m_csv,
                      record.line,
                      Severity::error,
                      std::move(code),
                      std::move(message) + "; the row was not imported."};
  }

  std::filesystem::path m_csv;
  std::filesystem::path m_folder;
  const Catalogue& m_catalogue;
  phone::Normaliser m_normaliser;
  std::string m_actor;
  std::string m_file_sha256;
  Timestamp m_now;
};

Result<std::string> RowChecker::evidence_sha256(std::string_view reference,
                                                std::string_view expected) const
{
  const auto fail = [&](std::string code, std::string message) {
    return make_unexpected(Diagnostic{{}, 0, Severity::error, std::move(code), std::move(message)});
  };
  const std::filesystem::path relative(reference);
  if (relative.is_absolute()) {
    return fail("ledger.import.evidence-outside",
                "The evidence path \"" + std::string(reference) +
                    "\" must be relative to the folder of the CSV file");
  }
  std::error_code error;
  const auto resolved = std::filesystem::canonical(m_folder / relative, error);
  if (error) {
    return fail("ledger.import.evidence-missing",
                "The evidence file \"" + std::string(reference) + "\" does not exist");
  }
  // canonical() resolves symbolic links, so a link pointing elsewhere fails here too.
  const auto [folder_end, resolved_end] =
      std::mismatch(m_folder.begin(), m_folder.end(), resolved.begin(), resolved.end());
  if (folder_end != m_folder.end() || !std::filesystem::is_regular_file(resolved)) {
    return fail("ledger.import.evidence-outside",
                "The evidence file \"" + std::string(reference) +
                    "\" lies outside the folder of the CSV file or is not a regular file");
  }
  auto sha256 = sha256_file_hex(resolved);
  if (!expected.empty() && to_lower_ascii(expected) != sha256) {
    return fail("ledger.import.evidence-hash",
                "The evidence file \"" + std::string(reference) +
                    "\" does not match the SHA-256 given in the row (the file has " + sha256 + ")");
  }
  return sha256;
}

Result<Row> RowChecker::check(const form_csv::Record& record, const Layout& layout)
{
  if (record.too_long) {
    return make_unexpected(reject(record,
                                  "ledger.import.too-long",
                                  "The row is longer than " +
                                      std::to_string(form_csv::k_max_record_bytes / 1024) +
                                      " KiB, far more than a consent form holds"));
  }
  if (record.raw.find('\0') != std::string_view::npos) {
    return make_unexpected(reject(record,
                                  "ledger.import.nul",
                                  "The row contains NUL bytes, so it is not text (the file may "
                                  "be damaged)"));
  }
  if (record.unterminated_quote) {
    return make_unexpected(reject(record, "ledger.import.quote", "A quoted field is not closed"));
  }
  if (record.fields.size() != layout.width) {
    return make_unexpected(reject(record,
                                  "ledger.import.width",
                                  "The row has " + std::to_string(record.fields.size()) +
                                      " fields but the header has " +
                                      std::to_string(layout.width)));
  }
  Row row;
  row.details.name = layout.get(record, Column::name);
  if (row.details.name.empty()) {
    return make_unexpected(reject(record, "ledger.import.name", "The name is empty"));
  }
  for (const auto index : layout.phones) {
    const auto raw = trim(record.fields[index]);
    if (raw.empty()) {
      continue;
    }
    const auto number = m_normaliser.normalise(raw);
    if (number.status != phone::NumberStatus::valid) {
      return make_unexpected(reject(record,
                                    "ledger.import.number",
                                    "The phone number \"" + phone::mask(raw) +
                                        "\" is not usable: " + number_problem(number)));
    }
    row.details.numbers.push_back(SubjectNumber{number.e164, std::string(raw), m_now});
    row.decision.numbers.push_back(number.e164);
  }
  // A returned request letter may leave the numbers out: its form id names them.
  if (row.details.numbers.empty() && layout.get(record, Column::form_id).empty()) {
    return make_unexpected(
        reject(record, "ledger.import.no-number", "The row has no phone number and no form id"));
  }
  if (const auto email = layout.get(record, Column::email); !email.empty()) {
    if (email.find('@') == std::string_view::npos || email.find(' ') != std::string_view::npos) {
      return make_unexpected(
          reject(record,
                 "ledger.import.email",
                 "The e-mail address \"" + std::string(email) + "\" is not valid"));
    }
    row.details.emails.emplace_back(to_lower_ascii(email));
  }
  const auto decision_text = layout.get(record, Column::decision);
  const auto action = form_csv::parse_decision_word(decision_text);
  if (!action) {
    return make_unexpected(
        reject(record,
               "ledger.import.decision",
               "The decision \"" + std::string(decision_text) +
                   "\" is not known (use erteilt/given, erneuert/renewed, widerrufen/withdrawn, "
                   "abgelehnt/refused, angefragt/requested or zurückgestellt/deferred)"));
  }
  row.decision.action = *action;
  const auto date = parse_timestamp(layout.get(record, Column::date));
  if (!date) {
    return make_unexpected(reject(record,
                                  "ledger.import.date",
                                  "The date \"" + std::string(layout.get(record, Column::date)) +
                                      "\" is not a date (use 2024-06-01 or 01.06.2024)"));
  }
  row.decision.effective_at = *date;
  const struct
  {
    Column column;
    std::string_view what;
  } words[] = {{Column::method, "form"},
               {Column::relationship, "relationship"},
               {Column::expressed_by, "expressed-by value"}};
  for (const auto& [column, what] : words) {
    const auto text = layout.get(record, column);
    if (text.empty()) {
      continue;
    }
    bool known = true;
    if (column == Column::method) {
      row.decision.method = form_csv::parse_method_word(text);
      known = row.decision.method.has_value();
    } else if (column == Column::relationship) {
      row.details.relationship = form_csv::parse_relationship_word(text);
      known = row.details.relationship.has_value();
    } else {
      row.decision.expressed_by = form_csv::parse_expressed_by_word(text);
      known = row.decision.expressed_by.has_value();
    }
    if (!known) {
      return make_unexpected(
          reject(record,
                 "ledger.import.word",
                 "The " + std::string(what) + " \"" + std::string(text) + "\" is not known"));
    }
  }
  if (const auto purpose = layout.get(record, Column::purpose); !purpose.empty()) {
    row.decision.purpose = purpose;
  }
  if (const auto until = layout.get(record, Column::valid_until); !until.empty()) {
    const auto parsed = parse_timestamp(until, DayBoundary::end);
    if (!parsed) {
      return make_unexpected(
          reject(record,
                 "ledger.import.valid-until",
                 "The valid-until date \"" + std::string(until) + "\" is not a date"));
    }
    row.decision.valid_until = *parsed;
  }
  row.decision.notice_version = layout.get(record, Column::notice_version);
  row.decision.notice_language = to_lower_ascii(layout.get(record, Column::notice_language));
  row.decision.form_id = layout.get(record, Column::form_id);
  row.decision.reason = layout.get(record, Column::reason);
  if (const auto evidence = layout.get(record, Column::evidence); !evidence.empty()) {
    auto sha256 = evidence_sha256(evidence, layout.get(record, Column::evidence_sha256));
    if (!sha256) {
      return make_unexpected(reject(record, sha256.error().code, sha256.error().message));
    }
    row.decision.evidence_ref = evidence;
    row.decision.evidence_sha256 = std::move(*sha256);
  }
  row.decision.source_file = m_csv.filename().string();
  row.decision.source_sha256 = m_file_sha256;
  row.decision.source_row = record.line;
  // Validate against the catalogue and the clock now, before anything is written.
  auto event = make_event(m_catalogue, {}, row.decision, m_actor, m_now);
  if (!event) {
    return make_unexpected(
        reject(record,
               event.error().code,
               event.error().message.substr(0, event.error().message.size() - 1)));
  }
  const std::string day = format_date(row.decision.effective_at);
  const std::string action_name(to_string(row.decision.action));
  if (!row.decision.form_id.empty()) {
    row.key =
        "form|" + row.decision.purpose + "|" + row.decision.form_id + "|" + action_name + "|" + day;
  } else {
    std::string numbers;
    for (const auto& number : event->numbers) {
      numbers += number + ",";
    }
    row.key = "row|" + sha256_hex(row.decision.purpose + "|" + numbers + "|" + action_name + "|" +
                                  day + "|" + row.decision.notice_version);
    row.number_derived_key = true;
  }
  row.event = std::move(*event);
  return row;
}

// The subject a valid row belongs to, and whether it was created. A form id
// under which a consent request was sent names the subject (and, when the row
// lists none, the numbers) the letter was for; otherwise the subject is found
// by number and name or by e-mail, or created. Empty when the row has no
// numbers and its form id is no request. Runs inside the import's transaction.
std::optional<std::pair<std::string, bool>> subject_of_row(Store& store, Row& row, Timestamp now)
{
  if (!row.decision.form_id.empty()) {
    if (const auto request =
            find_consent_request(store, row.decision.purpose, row.decision.form_id)) {
      for (const auto& number : row.details.numbers) {
        store.add_subject_number(request->subject_id, number);
      }
      for (const auto& email : row.details.emails) {
        store.add_subject_email(request->subject_id, email);
      }
      if (row.event.numbers.empty()) {
        row.event.numbers = request->numbers;
      }
      return std::pair{request->subject_id, false};
    }
  }
  if (row.details.numbers.empty()) {
    return std::nullopt;
  }
  return find_or_create_subject(store, row.details, now);
}

std::string read_bytes(const std::filesystem::path& csv)
{
  std::ifstream in(csv, std::ios::binary);
  if (!in) {
    throw InputError(csv.string() + ": The file cannot be opened; nothing was imported.");
  }
  // The import holds the file (its hash, the rejected rows' bytes); 8 million rows fit.
  constexpr std::uintmax_t k_max_file_bytes = 512ULL * 1024 * 1024;
  std::error_code error;
  const auto size = std::filesystem::file_size(csv, error);
  if (!error && size > k_max_file_bytes) {
    throw InputError(csv.string() + ": The file is larger than 512 MiB, far larger than a "
                                    "consent-form export; split it. Nothing was imported.");
  }
  std::string bytes;
  if (!error) {
    // One allocation and one read: memory stays at the file's size.
    bytes.resize(static_cast<std::size_t>(size));
    in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    bytes.resize(static_cast<std::size_t>(in.gcount()));
    in.clear(in.rdstate() & ~(std::ios::failbit | std::ios::eofbit));
  }
  bytes.append(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  if (in.bad()) {
    throw InputError(csv.string() + ": The file cannot be read; nothing was imported.");
  }
  return bytes;
}

} // namespace

FormImportSummary import_consent_forms(Store& store,
                                       const std::filesystem::path& csv,
                                       const FormImportOptions& options)
{
  const std::string bytes = read_bytes(csv);
  FormImportSummary summary;
  summary.file_sha256 = sha256_hex(bytes);
  form_csv::Reader reader(bytes);
  form_csv::Record header;
  if (!reader.next(header)) {
    throw InputError(csv.string() + ": The file is empty; nothing was imported.");
  }
  if (header.too_long) {
    throw InputError(csv.string() + ":" + std::to_string(header.line) +
                     ": The header line is longer than " +
                     std::to_string(form_csv::k_max_record_bytes / 1024) +
                     " KiB, so it is not a consent-form header. Nothing was imported.");
  }
  const Layout layout = read_layout(header, csv);
  const Catalogue catalogue(store.notices());
  // Checking a row is mostly libphonenumber: two checkers (each with its own
  // normaliser cache) share every batch, one half each, on two threads.
  const Timestamp now = now_utc();
  RowChecker checker(csv, options, catalogue, summary.file_sha256, now);
  RowChecker second_checker(csv, options, catalogue, summary.file_sha256, now);
  std::string rejects(header.raw);
  if (!rejects.empty() && rejects.back() != '\n' && rejects.back() != '\r') {
    rejects += '\n';
  }
  // Batches of records and their check results, in file order.
  using Checked = std::vector<std::pair<form_csv::Record, Result<Row>>>;
  const auto read_batch = [&reader] {
    std::vector<form_csv::Record> records;
    records.reserve(k_batch_rows);
    form_csv::Record record;
    while (records.size() < k_batch_rows && reader.next(record)) {
      records.push_back(std::move(record));
    }
    return records;
  };
  const auto check_range = [&layout](RowChecker& row_checker,
                                     std::vector<form_csv::Record>& records,
                                     Checked& checked,
                                     std::size_t begin,
                                     std::size_t end) {
    for (std::size_t i = begin; i < end; ++i) {
      checked[i].second = row_checker.check(records[i], layout);
      checked[i].first = std::move(records[i]);
    }
  };
  // Only one batch is checked at a time, so neither checker is used concurrently.
  const auto check_batch = [&](std::vector<form_csv::Record> records) {
    Checked checked(records.size(), {form_csv::Record{}, make_unexpected(Diagnostic{})});
    const std::size_t half = records.size() / 2;
    auto second_half = std::async(std::launch::async, [&] {
      check_range(second_checker, records, checked, half, records.size());
    });
    check_range(checker, records, checked, 0, half);
    second_half.get();
    return checked;
  };
  WriteContext context = options.context;
  context.file = csv.string();
  context.file_sha256 = summary.file_sha256;
  try {
    store.write([&] {
      if (auto previous = store.find_import(summary.file_sha256)) {
        summary.file_already_imported = true;
        summary.previous = std::move(previous);
        return;
      }
      // This thread only writes: SQLite has one writer, so it is the import's
      // critical path. Reading and checking the next batch (libphonenumber,
      // evidence hashes) and freeing the last one run on other threads meanwhile.
      const auto read_and_check = [&] { return check_batch(read_batch()); };
      auto pending = std::async(std::launch::async, read_and_check);
      std::future<void> freeing;
      for (;;) {
        auto batch = pending.get();
        if (batch.empty()) {
          break;
        }
        pending = std::async(std::launch::async, read_and_check);
        for (auto& [record, row] : batch) {
          ++summary.rows;
          if (!row) {
            ++summary.rejected;
            summary.diagnostics.push_back(std::move(row.error()));
            if (options.skip_invalid) { // Kept only for the rejects file.
              rejects += record.raw;
              if (rejects.back() != '\n' && rejects.back() != '\r') {
                rejects += '\n';
              }
            }
            continue;
          }
          if (summary.rejected > 0 && !options.skip_invalid) {
            continue; // Keep checking so every bad row is reported, but write nothing more.
          }
          if (store.has_row_key(row->key)) {
            ++summary.duplicates;
            continue;
          }
          const auto subject = subject_of_row(store, *row, checker.now());
          if (!subject) {
            ++summary.rejected;
            summary.diagnostics.push_back(Diagnostic{
                csv,
                record.line,
                Severity::error,
                "ledger.import.no-number",
                "The row has no phone number and the form id \"" + row->decision.form_id +
                    "\" is not a consent request in the ledger; the row was not imported."});
            rejects += record.raw;
            if (rejects.back() != '\n' && rejects.back() != '\r') {
              rejects += '\n';
            }
            continue;
          }
          const auto& [subject_id, created] = *subject;
          summary.subjects_created += created ? 1 : 0;
          row->event.subject_id = subject_id;
          const auto stored = store.append_event(std::move(row->event));
          store.insert_row_key(row->key, stored.id, subject_id, row->number_derived_key);
          ++summary.imported;
        }
        if (freeing.valid()) {
          freeing.get();
        }
        freeing = std::async(std::launch::async,
                             [written = std::move(batch)]() mutable { written.clear(); });
      }
      if (summary.rejected > 0 && !options.skip_invalid) {
        throw RollBack{};
      }
      store.insert_import(ImportRecord{csv.filename().string(),
                                       summary.file_sha256,
                                       context.actor,
                                       checker.now(),
                                       summary.rows,
                                       summary.imported,
                                       summary.duplicates,
                                       summary.rejected});
      store.append_audit(AuditEntry{0,
                                    checker.now(),
                                    context.actor,
                                    context.command,
                                    context.file,
                                    context.file_sha256,
                                    {},
                                    "Imported " + std::to_string(summary.imported) + " of " +
                                        std::to_string(summary.rows) + " rows (" +
                                        std::to_string(summary.duplicates) + " duplicates, " +
                                        std::to_string(summary.rejected) + " rejected)."});
      summary.written = true;
    });
  } catch (const RollBack&) {
    summary.imported = 0;
    summary.duplicates = 0;
    summary.subjects_created = 0;
    summary.held_back = summary.rows - summary.rejected;
    summary.written = false;
  }
  if (summary.written && options.skip_invalid && !options.rejects_path.empty()) {
    write_file_atomically(options.rejects_path, rejects);
  }
  return summary;
}

} // namespace contact_audit::ledger
