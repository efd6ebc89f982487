// SPDX-License-Identifier: MIT
// RFC 4180 record splitter: a resumable state machine over chunks of decoded text.
#include "csv_tokenizer.hpp"

#include <algorithm>
#include <array>

namespace contact_audit::importers::csv {

namespace {

constexpr std::array<char, 3> k_separators{',', ';', '\t'};

} // namespace

CsvTokenizer::CsvTokenizer(TextSource& source, const CsvLimits& limits)
    : m_source(source), m_limits(limits)
{
  use_separator(m_separator);
}

SeparatorChoice CsvTokenizer::detect_separator()
{
  while (m_buffer.size() - m_pos < m_limits.sample_bytes && refill()) {
  }
  const std::string_view available = std::string_view(m_buffer).substr(m_pos);
  const std::string_view sample = available.substr(0, m_limits.sample_bytes);
  return choose_separator(
      sample, m_limits.sample_records, m_eof && sample.size() == available.size());
}

void CsvTokenizer::set_separator(char separator, std::size_t columns)
{
  m_separator = separator;
  m_columns = columns;
  use_separator(separator);
}

void CsvTokenizer::use_separator(char separator)
{
  m_stops[static_cast<unsigned char>(m_active)] = false;
  m_active = separator;
  for (const char stop : {'\r', '\n', '\0', separator}) {
    m_stops[static_cast<unsigned char>(stop)] = true;
  }
}

bool CsvTokenizer::refill()
{
  if (m_eof) {
    return false;
  }
  // Text before the current record is done with; the record itself stays so it
  // can be parsed again (unterminated quote, mixed separators).
  if (m_record_start > 0) {
    m_buffer.erase(0, m_record_start);
    m_pos -= m_record_start;
    m_line_mode_until = m_line_mode_until > m_record_start ? m_line_mode_until - m_record_start : 0;
    m_record_start = 0;
  }
  while (m_source.read(m_chunk)) {
    if (!m_chunk.empty()) {
      m_buffer += m_chunk;
      return true;
    }
  }
  m_eof = true;
  return false;
}

bool CsvTokenizer::next(CsvRecord& record)
{
  for (;;) {
    begin_record();
    if (!parse_record()) {
      return false;
    }
    if (!m_started) {
      continue; // A blank line is no record.
    }
    if (m_columns > 1 && m_spans.size() == 1 && !m_too_long && m_unterminated_line == 0) {
      try_resplit();
    }
    finish(record);
    return true;
  }
}

void CsvTokenizer::begin_record()
{
  m_record_start = m_pos;
  m_record_line = m_line;
  m_record_after_cr = m_after_cr;
  m_unterminated_line = 0;
  m_quote_line = 0;
  m_resplit = '\0';
  restart_record(m_separator, m_pos < m_line_mode_until);
}

void CsvTokenizer::restart_record(char separator, bool line_mode)
{
  m_pos = m_record_start;
  m_line = m_record_line;
  m_after_cr = m_record_after_cr;
  use_separator(separator);
  m_line_mode = line_mode;
  m_state = State::field_start;
  m_started = false;
  m_too_long = false;
  m_text.clear();
  m_spans.clear();
  m_field_start = 0;
  m_cells_dropped = 0;
}

bool CsvTokenizer::parse_record()
{
  for (;;) {
    if (m_pos == m_buffer.size() && !refill()) {
      if (m_state == State::quoted && !m_line_mode) {
        // The quote never closed: read the rest again with quotes ending at line breaks.
        m_unterminated_line = m_quote_line;
        m_line_mode_until = m_buffer.size();
        restart_record(m_active, true);
        continue;
      }
      if (!m_started) {
        return false;
      }
      end_field();
      return true;
    }
    if (scan() == Step::record_end) {
      if (m_pos - m_record_start > m_limits.max_record_bytes && !m_too_long) {
        m_too_long = true; // Ended within one chunk, but too long all the same.
        m_text.clear();
        m_spans.clear();
      }
      return true;
    }
    enforce_limits();
  }
}

void CsvTokenizer::enforce_limits()
{
  if (m_too_long) {
    m_record_start = m_pos; // Nothing of this record is parsed again; let refill() drop it.
    return;
  }
  if (m_pos - m_record_start <= m_limits.max_record_bytes) {
    return;
  }
  if (m_state == State::quoted && !m_line_mode) {
    // A quoted field this long almost always is a quote that never closes:
    // re-read what was swallowed with line breaks ending quoted fields, so the
    // rows behind it are not lost.
    m_unterminated_line = m_quote_line;
    m_line_mode_until = m_pos;
    restart_record(m_active, true);
    return;
  }
  m_too_long = true;
  m_text.clear();
  m_spans.clear();
  m_field_start = 0;
  m_record_start = m_pos;
}

void CsvTokenizer::try_resplit()
{
  const std::string_view raw(m_buffer.data() + m_record_start, m_pos - m_record_start);
  char best = '\0';
  std::size_t best_count = 0;
  for (const char candidate : k_separators) {
    const auto count = static_cast<std::size_t>(std::count(raw.begin(), raw.end(), candidate));
    if (candidate != m_separator && count > best_count) {
      best = candidate;
      best_count = count;
    }
  }
  if (best_count == 0) {
    return;
  }
  // A file that mixes separators (Thunderbird's tab_comma_mixed.csv): this row
  // only splits with another candidate, so use that one for this row.
  restart_record(best, m_line_mode);
  m_resplit = best;
  parse_record();
  use_separator(m_separator);
}

void CsvTokenizer::finish(CsvRecord& record)
{
  record.cells.clear();
  const std::string_view text(m_text);
  for (const auto& [offset, size] : m_spans) {
    record.cells.push_back(text.substr(offset, size));
  }
  record.first_line = m_record_line;
  record.cells_dropped = m_cells_dropped;
  record.quote_open_line = m_unterminated_line;
  record.too_long = m_too_long;
  record.resplit_separator = m_resplit;
  record.m_text = text;
}

} // namespace contact_audit::importers::csv
