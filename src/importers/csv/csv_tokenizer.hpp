// SPDX-License-Identifier: MIT
// RFC 4180 record splitter over a TextSource, with bounded memory for hostile input.
#pragma once

#include "../charset.hpp"

#include <array>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace contact_audit::importers::csv {

// Bounds that keep memory and time flat whatever the input holds.
struct CsvLimits
{
  std::size_t max_record_bytes = 1024 * 1024; // Raw text of one record (row).
  std::size_t max_cells = 16384;              // Cells kept per record; the rest are counted.
  std::size_t sample_bytes = 64 * 1024;       // Text looked at to choose the separator.
  std::size_t sample_records = 64;            // Records looked at to choose the separator.
};

// One record as split by the tokenizer. The views stay valid until the next call to next().
struct CsvRecord
{
  std::vector<std::string_view> cells;
  std::size_t first_line = 0;      // Physical line (1-based) where the record starts.
  std::size_t cells_dropped = 0;   // Non-empty cells past CsvLimits::max_cells.
  std::size_t quote_open_line = 0; // Not 0: a quote opened on this line never closed.
  bool too_long = false;           // The record exceeded max_record_bytes; no cells kept.
  char resplit_separator = '\0';   // Not 0: the row was split with this separator instead.
  std::string_view text() const { return m_text; }

private:
  friend class CsvTokenizer;
  std::string_view m_text; // All cell contents back to back (for quick scans).
};

// Separator chosen from a sample: the candidate (comma, semicolon, tab) whose
// multi-cell records agree most often on one cell count, then the larger count.
struct SeparatorChoice
{
  char separator = ',';
  std::size_t columns = 0; // The agreed cell count; 0 when no candidate split anything.
};

// Choose the separator for `sample`, looking at up to `max_records` records.
// `complete` says whether `sample` holds the whole input (else a cut last record is ignored).
SeparatorChoice choose_separator(std::string_view sample, std::size_t max_records, bool complete);

// Splits text into records: quoted fields may hold separators, doubled quotes
// and line breaks (CRLF, LF or CR alone); CRLF, LF and CR end a record.
// Blank lines are skipped. NUL bytes are dropped and counted. Not thread-safe.
class CsvTokenizer
{
public:
  CsvTokenizer(TextSource& source, const CsvLimits& limits);

  // Read the sample (without consuming it) and choose the separator.
  SeparatorChoice detect_separator();
  // Use `separator`; when `columns` > 1, a record that comes out as a single cell
  // but splits with another candidate separator is split with that one instead.
  void set_separator(char separator, std::size_t columns);

  // The next non-blank record; false at the end of the input. Throws IoError
  // when the stream fails.
  bool next(CsvRecord& record);

  std::size_t nul_bytes() const { return m_nul_bytes; }
  std::size_t first_nul_line() const { return m_first_nul_line; }

private:
  enum class State
  {
    field_start,
    unquoted,
    quoted,
    quote_in_quoted,
  };
  enum class Step
  {
    need_more,
    record_end,
  };

  bool refill();
  void begin_record();
  Step scan();
  void scan_plain();
  void use_separator(char separator);
  Step scan_field_start(char c);
  Step scan_unquoted();
  Step scan_quoted();
  Step scan_quote_in_quoted(char c);
  Step end_of_line(char c);
  bool skip_to_line_end();
  void end_field();
  void append(const char* data, std::size_t size);
  void count_break(char c);
  void drop_nul();
  bool parse_record();
  void enforce_limits();
  void restart_record(char separator, bool line_mode);
  void finish(CsvRecord& record);
  void try_resplit();

  TextSource& m_source;
  CsvLimits m_limits;
  std::string m_chunk;
  std::string m_buffer;  // Raw text; kept from the current record's start.
  std::size_t m_pos = 0; // Next character to scan in m_buffer.
  std::size_t m_record_start = 0;
  bool m_eof = false;

  char m_separator = ',';          // The file's separator.
  char m_active = ',';             // The separator of the record being parsed.
  std::array<bool, 256> m_stops{}; // Characters that end an unquoted stretch of text.
  std::size_t m_columns = 0;
  std::size_t m_line_mode_until = 0; // Text before this offset is re-read in line mode.
  State m_state = State::field_start;
  bool m_line_mode = false; // Recovery: a line break ends a quoted field too.
  bool m_too_long = false;
  bool m_started = false;  // The record has at least one character.
  std::size_t m_line = 1;  // Line of m_buffer[m_pos].
  bool m_after_cr = false; // The last character consumed was CR.
  std::size_t m_record_line = 1;
  bool m_record_after_cr = false;
  std::size_t m_quote_line = 0;
  std::size_t m_unterminated_line = 0;
  char m_resplit = '\0';

  std::string m_text;                                       // Cell contents back to back.
  std::vector<std::pair<std::size_t, std::size_t>> m_spans; // Offset and size in m_text.
  std::size_t m_field_start = 0;
  std::size_t m_cells_dropped = 0;
  std::size_t m_nul_bytes = 0;
  std::size_t m_first_nul_line = 0;
};

} // namespace contact_audit::importers::csv
