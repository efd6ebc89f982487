// SPDX-License-Identifier: MIT
// JsonStream: writes JSON straight to a stream, for documents too large to build as a tree.
#pragma once

#include <cstdint>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace contact_audit::report {

// Writes objects, arrays and values in order, laid out like Poco's Stringifier
// with indent 1 (one key per line), so a streamed document reads like one built
// as a Poco::JSON::Object. Strings are escaped by Poco::toJSON. The
// caller keeps the nesting balanced; a key is followed by exactly one value.
class JsonStream
{
public:
  explicit JsonStream(std::ostream& out) : m_out(out) {}

  void begin_object();
  void end_object();
  void begin_array();
  void end_array();
  void key(std::string_view name);

  void value(const std::string& text);
  void value(const char* text) { value(std::string(text)); }
  void value(bool flag);
  void value(int number) { value(static_cast<std::int64_t>(number)); }
  void value(std::int64_t number);
  void value(std::uint64_t number);

  template <typename Value> void field(std::string_view name, const Value& item)
  {
    key(name);
    value(item);
  }

private:
  void begin_value();
  void write_string(const std::string& text);
  void new_line();
  void open(char bracket);
  void close(char bracket);

  std::ostream& m_out;
  // One entry per open object or array: whether it has an element yet.
  std::vector<bool> m_has_element;
  bool m_after_key = false;
  std::string m_indent; // A newline and the current indentation, reused.
};

} // namespace contact_audit::report
