// SPDX-License-Identifier: MIT
#include "json_stream.hpp"

#include <Poco/JSONString.h>

namespace contact_audit::report {

// Escaped into a string first and written at once: Poco's stream overload
// writes character by character, which dominated the time of large reports.
void JsonStream::write_string(const std::string& text)
{
  const std::string escaped = Poco::toJSON(text, Poco::JSON_WRAP_STRINGS);
  m_out.write(escaped.data(), static_cast<std::streamsize>(escaped.size()));
}

void JsonStream::new_line()
{
  m_indent.assign(m_has_element.size() + 1, ' ');
  m_indent.front() = '\n';
  m_out.write(m_indent.data(), static_cast<std::streamsize>(m_indent.size()));
}

// A value directly after its key goes on the key's line; an array element gets a
// line of its own after the separator.
void JsonStream::begin_value()
{
  if (m_after_key) {
    m_after_key = false;
    return;
  }
  if (!m_has_element.empty()) {
    if (m_has_element.back()) {
      m_out.put(',');
    }
    m_has_element.back() = true;
    new_line();
  }
}

void JsonStream::open(char bracket)
{
  begin_value();
  m_out.put(bracket);
  m_has_element.push_back(false);
}

void JsonStream::close(char bracket)
{
  const bool had_element = m_has_element.back();
  m_has_element.pop_back();
  if (had_element) {
    new_line();
  }
  m_out.put(bracket);
}

void JsonStream::begin_object()
{
  open('{');
}

void JsonStream::end_object()
{
  close('}');
}

void JsonStream::begin_array()
{
  open('[');
}

void JsonStream::end_array()
{
  close(']');
}

void JsonStream::key(std::string_view name)
{
  begin_value();
  write_string(std::string(name));
  m_out.write(": ", 2);
  m_after_key = true;
}

void JsonStream::value(const std::string& text)
{
  begin_value();
  write_string(text);
}

void JsonStream::value(bool flag)
{
  begin_value();
  m_out << (flag ? "true" : "false");
}

void JsonStream::value(std::int64_t number)
{
  begin_value();
  m_out << number;
}

void JsonStream::value(std::uint64_t number)
{
  begin_value();
  m_out << number;
}

} // namespace contact_audit::report
