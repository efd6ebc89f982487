// SPDX-License-Identifier: MIT
// The character level of the CSV tokenizer: RFC 4180 states, line counting, cell storage.
#include "csv_tokenizer.hpp"

namespace contact_audit::importers::csv {

CsvTokenizer::Step CsvTokenizer::scan()
{
  while (m_pos < m_buffer.size()) {
    if (m_too_long) {
      if (skip_to_line_end()) {
        return end_of_line(m_buffer[m_pos]);
      }
      return Step::need_more;
    }
    if (m_state == State::field_start || m_state == State::unquoted) {
      scan_plain();
      if (m_pos == m_buffer.size()) {
        return Step::need_more;
      }
    }
    Step step = Step::need_more;
    switch (m_state) {
    case State::field_start:
      step = scan_field_start(m_buffer[m_pos]);
      break;
    case State::unquoted:
      step = scan_unquoted();
      break;
    case State::quoted:
      step = scan_quoted();
      break;
    case State::quote_in_quoted:
      step = scan_quote_in_quoted(m_buffer[m_pos]);
      break;
    }
    if (step == Step::record_end) {
      return step;
    }
  }
  return Step::need_more;
}

void CsvTokenizer::scan_plain()
{
  // The hot path: unquoted cells, most of them empty, with no per-character
  // state changes. Quotes at a field start, line breaks and NUL bytes are left
  // to the general state machine.
  const char* data = m_buffer.data();
  const std::size_t end = m_buffer.size();
  std::size_t pos = m_pos;
  for (;;) {
    if (m_state == State::field_start) {
      if (pos == end) {
        break;
      }
      const char c = data[pos];
      if (c == '"' || c == '\r' || c == '\n' || c == '\0') {
        break;
      }
      m_started = true;
      m_after_cr = false;
      m_state = State::unquoted;
    }
    const std::size_t start = pos;
    while (pos < end && !m_stops[static_cast<unsigned char>(data[pos])]) {
      ++pos;
    }
    append(data + start, pos - start);
    if (pos == end || data[pos] != m_active) {
      break;
    }
    ++pos;
    end_field();
    m_state = State::field_start;
  }
  m_pos = pos;
}

CsvTokenizer::Step CsvTokenizer::scan_field_start(char c)
{
  if (c == '\n' && m_after_cr && !m_started) {
    ++m_pos; // The LF of a CRLF that ended the previous record.
    m_after_cr = false;
    m_record_start = m_pos;
    m_record_after_cr = false;
    return Step::need_more;
  }
  if (c == '\r' || c == '\n') {
    return end_of_line(c);
  }
  if (c == '\0') {
    drop_nul();
    return Step::need_more;
  }
  m_started = true;
  m_after_cr = false;
  if (c == '"') {
    ++m_pos;
    m_state = State::quoted;
    m_quote_line = m_line;
  } else if (c == m_active) {
    ++m_pos;
    end_field();
  } else {
    m_state = State::unquoted;
  }
  return Step::need_more;
}

CsvTokenizer::Step CsvTokenizer::scan_unquoted()
{
  const char* data = m_buffer.data();
  const std::size_t end = m_buffer.size();
  const std::size_t start = m_pos;
  while (m_pos < end) {
    const char c = data[m_pos];
    if (c == m_active || c == '\r' || c == '\n' || c == '\0') {
      break;
    }
    ++m_pos;
  }
  append(data + start, m_pos - start);
  if (m_pos == end) {
    return Step::need_more;
  }
  const char c = data[m_pos];
  if (c == m_active) {
    ++m_pos;
    m_after_cr = false;
    end_field();
    m_state = State::field_start;
    return Step::need_more;
  }
  if (c == '\0') {
    drop_nul();
    return Step::need_more;
  }
  return end_of_line(c);
}

CsvTokenizer::Step CsvTokenizer::scan_quoted()
{
  const char* data = m_buffer.data();
  const std::size_t end = m_buffer.size();
  const std::size_t start = m_pos;
  while (m_pos < end) {
    const char c = data[m_pos];
    if (c == '"' || c == '\r' || c == '\n' || c == '\0') {
      break;
    }
    ++m_pos;
  }
  append(data + start, m_pos - start);
  if (m_pos == end) {
    return Step::need_more;
  }
  const char c = data[m_pos];
  if (c == '"') {
    ++m_pos;
    m_after_cr = false;
    m_state = State::quote_in_quoted;
  } else if (c == '\0') {
    drop_nul();
  } else if (m_line_mode) {
    return end_of_line(c);
  } else {
    // RFC 4180 §2.6: line breaks inside a quoted field belong to the field.
    count_break(c);
    m_text += c;
    ++m_pos;
  }
  return Step::need_more;
}

CsvTokenizer::Step CsvTokenizer::scan_quote_in_quoted(char c)
{
  if (c == '"') {
    append(&c, 1); // RFC 4180 §2.7: "" is a literal quote.
    ++m_pos;
    m_state = State::quoted;
  } else if (c == m_active) {
    ++m_pos;
    end_field();
    m_state = State::field_start;
  } else if (c == '\r' || c == '\n') {
    return end_of_line(c);
  } else if (c == '\0') {
    drop_nul();
  } else {
    // Text after a closing quote ("abc"def) is kept as part of the field, as
    // spreadsheet programs do, rather than starting a new cell.
    m_state = State::unquoted;
  }
  return Step::need_more;
}

CsvTokenizer::Step CsvTokenizer::end_of_line(char c)
{
  if (m_started && !m_too_long) {
    end_field();
  }
  ++m_pos;
  count_break(c);
  return Step::record_end;
}

bool CsvTokenizer::skip_to_line_end()
{
  const std::size_t end = m_buffer.size();
  while (m_pos < end && m_buffer[m_pos] != '\r' && m_buffer[m_pos] != '\n') {
    ++m_pos;
  }
  m_after_cr = false;
  return m_pos < end;
}

void CsvTokenizer::end_field()
{
  const std::size_t size = m_text.size() - m_field_start;
  if (m_spans.size() >= m_limits.max_cells) {
    if (size > 0) {
      ++m_cells_dropped;
    }
    m_text.resize(m_field_start);
  } else {
    m_spans.emplace_back(m_field_start, size);
  }
  m_field_start = m_text.size();
}

void CsvTokenizer::append(const char* data, std::size_t size)
{
  if (size > 0) {
    m_text.append(data, size);
    m_after_cr = false;
  }
}

void CsvTokenizer::count_break(char c)
{
  // CRLF, LF and CR alone each end one physical line.
  if (c == '\r') {
    ++m_line;
    m_after_cr = true;
  } else {
    if (!m_after_cr) {
      ++m_line;
    }
    m_after_cr = false;
  }
}

void CsvTokenizer::drop_nul()
{
  ++m_nul_bytes;
  if (m_first_nul_line == 0) {
    m_first_nul_line = m_line;
  }
  ++m_pos;
}

} // namespace contact_audit::importers::csv
