// SPDX-License-Identifier: MIT
// The streaming CSV address-book reader: header to layout, then one row to one contact.
#include "csv_reader.hpp"

#include "csv_columns.hpp"
#include "csv_mapping.hpp"
#include "csv_messages.hpp"
#include "csv_row.hpp"

#include <contact_audit/core/error.hpp>
#include <contact_audit/core/text.hpp>

#include <algorithm>
#include <deque>

namespace contact_audit::importers {

namespace csv {

namespace {

constexpr std::size_t k_headerless_sample_rows = 20;
constexpr std::size_t k_headerless_sample_bytes = 1024 * 1024;
constexpr std::string_view k_replacement = "\xEF\xBF\xBD"; // U+FFFD
constexpr std::string_view k_bom = "\xEF\xBB\xBF";

// A record read ahead (files without header) that must outlive the tokenizer's buffer.
struct OwnedRecord
{
  CsvRecord meta;
  std::vector<std::string> cells;
};

OwnedRecord own(const CsvRecord& record)
{
  OwnedRecord owned;
  owned.cells.assign(record.cells.begin(), record.cells.end());
  owned.meta.first_line = record.first_line;
  owned.meta.cells_dropped = record.cells_dropped;
  owned.meta.quote_open_line = record.quote_open_line;
  owned.meta.too_long = record.too_long;
  owned.meta.resplit_separator = record.resplit_separator;
  return owned;
}

bool is_blank(const CsvRecord& record)
{
  return !record.too_long && record.cells.size() <= 1 &&
         (record.cells.empty() || trim(record.cells.front()).empty());
}

bool all_empty(const std::vector<std::string_view>& cells)
{
  return std::all_of(
      cells.begin(), cells.end(), [](std::string_view cell) { return trim(cell).empty(); });
}

class CsvReader final : public ContactReader
{
public:
  CsvReader(std::unique_ptr<std::istream> input,
            std::filesystem::path file,
            const ReadOptions& options,
            const CsvLimits& limits);

  std::optional<contact::Contact> next(DiagnosticSink& sink) override;
  const ReaderStats& stats() const override { return m_stats; }

private:
  void open_source(std::unique_ptr<std::istream> input, const std::string& encoding);
  void read_header();
  bool try_headerless();
  bool pull();
  void note_damage();
  std::optional<contact::Contact> convert(DiagnosticSink& sink);
  bool reject_broken_record(DiagnosticSink& sink);
  void finish(DiagnosticSink& sink);
  void report(DiagnosticSink& sink,
              std::size_t line,
              Severity severity,
              std::string code,
              std::string message);
  void defer(std::size_t line, Severity severity, std::string code, std::string message);

  std::filesystem::path m_file;
  std::string m_account;
  CsvLimits m_limits;
  std::optional<MappingSpec> m_mapping;
  std::unique_ptr<TextSource> m_source;
  std::unique_ptr<CsvTokenizer> m_tokenizer;
  HeaderLayout m_layout;
  std::unique_ptr<RowBuilder> m_builder;
  CsvRecord m_record;
  std::deque<OwnedRecord> m_queue;
  OwnedRecord m_current;               // The queued record m_record points into.
  std::vector<std::string> m_repaired; // Cells of m_record with invalid UTF-8 replaced.
  std::vector<Diagnostic> m_pending;   // Found before the first call to next().
  ReaderStats m_stats;
  std::size_t m_rows = 0;
  std::size_t m_header_line = 0;
  char m_separator = ',';
  TextDamage m_replacement;
  TextDamage m_double_encoded;
  TextDamage m_invalid_utf8;
  bool m_done = false;
};

CsvReader::CsvReader(std::unique_ptr<std::istream> input,
                     std::filesystem::path file,
                     const ReadOptions& options,
                     const CsvLimits& limits)
    : m_file(std::move(file)), m_account(options.account), m_limits(limits)
{
  if (!options.csv_mapping.empty()) {
    m_mapping = load_mapping(options.csv_mapping);
  }
  open_source(std::move(input),
              !options.encoding.empty() || !m_mapping ? options.encoding : m_mapping->encoding);
  m_tokenizer = std::make_unique<CsvTokenizer>(*m_source, m_limits);
  SeparatorChoice separator = m_tokenizer->detect_separator();
  if (m_mapping && m_mapping->separator != '\0' && m_mapping->separator != separator.separator) {
    separator = {m_mapping->separator, 0};
  }
  m_tokenizer->set_separator(separator.separator, separator.columns);
  m_separator = separator.separator;
  read_header();
  m_builder = std::make_unique<RowBuilder>(m_layout);
}

void CsvReader::open_source(std::unique_ptr<std::istream> input, const std::string& encoding)
{
  try {
    m_source = std::make_unique<TextSource>(std::move(input), encoding, true);
  } catch (const InputError& error) {
    throw InputError(m_file.string() + ": " + error.what());
  }
  m_stats.detected_encoding = m_source->encoding().name;
}

void CsvReader::read_header()
{
  if (!m_tokenizer->next(m_record)) {
    defer(
        0, Severity::info, "csv.file.empty", "The file holds no rows; there is nothing to import.");
    return;
  }
  note_damage();
  m_header_line = m_record.first_line;
  if (m_record.too_long) {
    // Nothing of it was kept, so it cannot name columns; say why instead of "no columns".
    throw InputError(format(Diagnostic{m_file,
                                       m_record.first_line,
                                       Severity::error,
                                       "csv.header.too-long",
                                       header_too_long_message(m_limits.max_record_bytes)}));
  }
  if (m_mapping && !m_mapping->has_header) {
    m_layout = layout_from_positions(*m_mapping, m_record.cells.size());
    m_queue.push_back(own(m_record));
  } else {
    std::vector<std::string> names(m_record.cells.begin(), m_record.cells.end());
    if (!names.empty() && names.front().starts_with(k_bom)) {
      names.front().erase(0, k_bom.size()); // A BOM the encoding layer did not take.
    }
    m_layout = resolve_header(names, m_mapping ? &*m_mapping : nullptr);
    if (!has_identifying_column(m_layout) && !try_headerless()) {
      throw InputError(
          format(Diagnostic{m_file,
                            m_record.first_line,
                            Severity::error,
                            "csv.header.unmappable",
                            unmappable_header_message(names, m_mapping ? &*m_mapping : nullptr)}));
    }
    if (m_record.quote_open_line != 0 && m_layout.profile != "headerless") {
      defer(m_record.quote_open_line,
            Severity::warning,
            "csv.quote.unterminated",
            unterminated_quote_message(m_limits.max_record_bytes));
    }
    if (m_record.cells_dropped > 0 && m_layout.profile != "headerless") {
      defer(m_record.first_line,
            Severity::warning,
            "csv.header.too-many-columns",
            too_many_cells_message(m_limits.max_cells, m_record.cells_dropped, true));
      m_stats.properties_dropped += m_record.cells_dropped;
    }
  }
  m_stats.detected_profile = m_layout.profile;
  if (!m_layout.unknown_columns.empty()) {
    defer(m_header_line,
          Severity::warning,
          "csv.header.unknown-columns",
          unknown_columns_message(m_layout.unknown_columns));
  }
  if (!m_layout.missing_mapped_columns.empty()) {
    defer(0,
          Severity::warning,
          "csv.mapping.missing-columns",
          missing_mapped_message(m_layout.missing_mapped_columns, m_mapping->file));
  }
}

bool CsvReader::try_headerless()
{
  const bool data_like =
      std::any_of(m_record.cells.begin(), m_record.cells.end(), [](std::string_view cell) {
        return looks_like_email(cell) || looks_like_phone(cell);
      });
  if (m_mapping || !data_like) {
    return false;
  }
  // Read a few rows ahead to see what each column holds; they are returned as contacts later.
  std::vector<std::vector<std::string>> sample;
  std::size_t bytes = 0;
  for (;;) {
    if (!is_blank(m_record)) {
      m_queue.push_back(own(m_record));
      sample.push_back(m_queue.back().cells);
      bytes += m_record.text().size();
    }
    if (sample.size() == k_headerless_sample_rows || bytes >= k_headerless_sample_bytes ||
        !m_tokenizer->next(m_record)) {
      break;
    }
    note_damage();
  }
  auto layout = infer_layout(sample);
  if (!layout) {
    return false;
  }
  m_layout = std::move(*layout);
  defer(m_queue.front().meta.first_line,
        Severity::info,
        "csv.header.missing",
        headerless_message(m_layout));
  return true;
}

bool CsvReader::pull()
{
  if (m_queue.empty()) {
    if (!m_tokenizer || !m_tokenizer->next(m_record)) {
      return false;
    }
    note_damage();
    return true;
  }
  m_current = std::move(m_queue.front());
  m_queue.pop_front();
  m_record = m_current.meta;
  m_record.cells.assign(m_current.cells.begin(), m_current.cells.end());
  return true;
}

void CsvReader::note_damage()
{
  const std::string_view text = m_record.text();
  if (text.find(k_replacement) != std::string_view::npos) {
    for (const std::string_view cell : m_record.cells) {
      m_replacement.add(cell.find(k_replacement) != std::string_view::npos ? 1 : 0,
                        m_record.first_line);
    }
  }
  if (text.find('\xC3') != std::string_view::npos) {
    for (const std::string_view cell : m_record.cells) {
      m_double_encoded.add(looks_like_double_encoded_utf8(cell) ? 1 : 0, m_record.first_line);
    }
  }
  if (is_valid_utf8(text)) {
    return;
  }
  // Bytes that are not UTF-8 in a file read as UTF-8 (a forced or wrongly
  // detected encoding): replace them, so every later stage gets valid text.
  m_repaired.clear();
  for (const std::string_view cell : m_record.cells) {
    const bool cell_valid = is_valid_utf8(cell);
    m_repaired.push_back(cell_valid ? std::string(cell) : replace_invalid_utf8(cell));
    m_invalid_utf8.add(cell_valid ? 0 : 1, m_record.first_line);
  }
  m_record.cells.assign(m_repaired.begin(), m_repaired.end());
}

std::optional<contact::Contact> CsvReader::next(DiagnosticSink& sink)
{
  for (Diagnostic& diagnostic : m_pending) {
    sink.report(std::move(diagnostic));
  }
  m_pending.clear();
  while (!m_done && pull()) {
    if (is_blank(m_record)) {
      continue; // A line of nothing but spaces is a blank line, not a row.
    }
    ++m_rows;
    if (auto contact = convert(sink)) {
      return contact;
    }
  }
  if (!m_done) {
    finish(sink);
  }
  return std::nullopt;
}

bool CsvReader::reject_broken_record(DiagnosticSink& sink)
{
  const CsvRecord& record = m_record;
  if (record.quote_open_line != 0) {
    report(sink,
           record.quote_open_line,
           Severity::warning,
           "csv.quote.unterminated",
           unterminated_quote_message(m_limits.max_record_bytes));
  }
  if (record.too_long) {
    report(sink,
           record.first_line,
           Severity::error,
           "csv.row.too-long",
           too_long_message(m_limits.max_record_bytes));
    ++m_stats.contacts_rejected;
    return true;
  }
  if (record.resplit_separator != '\0') {
    report(sink,
           record.first_line,
           Severity::warning,
           "csv.row.mixed-separators",
           mixed_separators_message(m_separator, record.resplit_separator));
  }
  if (record.cells_dropped > 0) {
    report(sink,
           record.first_line,
           Severity::warning,
           "csv.row.too-many-cells",
           too_many_cells_message(m_limits.max_cells, record.cells_dropped, false));
    m_stats.properties_dropped += record.cells_dropped;
  }
  return false;
}

std::optional<contact::Contact> CsvReader::convert(DiagnosticSink& sink)
{
  if (reject_broken_record(sink)) {
    return std::nullopt;
  }
  const std::size_t line = m_record.first_line;
  contact::Contact contact;
  if (const std::size_t extra = m_builder->build(m_record.cells, line, contact); extra > 0) {
    report(sink, line, Severity::warning, "csv.row.extra-cells", extra_cells_message(extra));
    m_stats.properties_dropped += extra;
  }
  if (!is_identifiable(contact)) {
    if (all_empty(m_record.cells)) {
      report(
          sink, line, Severity::warning, "csv.row.empty", "The row has no values; it was skipped.");
    } else {
      report(sink,
             line,
             Severity::error,
             "csv.row.empty-contact",
             "The row has no name, organisation, phone number or e-mail address; it was skipped.");
    }
    ++m_stats.contacts_rejected;
    return std::nullopt;
  }
  contact.source = {m_file, line, m_rows, m_account};
  ++m_stats.contacts_read;
  return contact;
}

void CsvReader::finish(DiagnosticSink& sink)
{
  m_done = true;
  if (m_invalid_utf8.values > 0) {
    report(sink,
           m_invalid_utf8.first_line,
           Severity::warning,
           "csv.encoding.invalid-utf8",
           invalid_utf8_message(m_invalid_utf8.values));
  }
  if (m_replacement.values > 0) {
    report(sink,
           m_replacement.first_line,
           Severity::warning,
           "csv.encoding.mojibake",
           mojibake_message(m_replacement.values));
  }
  if (m_double_encoded.values > 0) {
    report(sink,
           m_double_encoded.first_line,
           Severity::warning,
           "csv.encoding.double-encoded",
           double_encoded_message(m_double_encoded.values));
  }
  if (m_tokenizer && m_tokenizer->nul_bytes() > 0) {
    report(sink,
           m_tokenizer->first_nul_line(),
           Severity::warning,
           "csv.encoding.nul-bytes",
           nul_bytes_message(m_tokenizer->nul_bytes()));
  }
}

void CsvReader::report(DiagnosticSink& sink,
                       std::size_t line,
                       Severity severity,
                       std::string code,
                       std::string message)
{
  sink.report(Diagnostic{m_file, line, severity, std::move(code), std::move(message)});
}

void CsvReader::defer(std::size_t line, Severity severity, std::string code, std::string message)
{
  m_pending.push_back(Diagnostic{m_file, line, severity, std::move(code), std::move(message)});
}

} // namespace

std::unique_ptr<ContactReader> make_reader(std::unique_ptr<std::istream> input,
                                           std::filesystem::path file,
                                           const ReadOptions& options,
                                           const CsvLimits& limits)
{
  return std::make_unique<CsvReader>(std::move(input), std::move(file), options, limits);
}

} // namespace csv

std::unique_ptr<ContactReader> make_csv_reader(std::unique_ptr<std::istream> input,
                                               std::filesystem::path file,
                                               const ReadOptions& options)
{
  return csv::make_reader(std::move(input), std::move(file), options, csv::CsvLimits{});
}

} // namespace contact_audit::importers
