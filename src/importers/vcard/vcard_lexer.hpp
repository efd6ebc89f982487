// SPDX-License-Identifier: MIT
// Turns the physical lines of a vCard file into content lines (unfolded, QP soft breaks joined).
#pragma once

#include "../charset.hpp"

#include <cstddef>
#include <string>
#include <string_view>

namespace contact_audit::importers::vcard {

// One content line ("property") as written, before its parameters and value are decoded.
struct RawProperty
{
  std::string group;  // "item1" of "item1.TEL"; empty when there is none.
  std::string name;   // Upper-cased property name: "TEL", "X-ABLABEL".
  std::string params; // The text between the name and the value colon, without the first ';'.
  std::string value;  // The raw value (still quoted-printable, charset bytes, escapes).
  std::size_t line = 0;
  // The value was not collected because nobody reads it (PHOTO, NOTE, ...): `value`
  // then holds at most the first bytes of the first line, enough to recognise an AGENT card.
  bool value_skipped = false;
  bool too_long = false;            // A line or the value exceeded its limit; drop the property.
  bool dangling_soft_break = false; // Quoted-printable soft break with no line to continue it.
};

enum class LineKind
{
  property,     // A usable content line.
  no_colon,     // No ':' anywhere: not a content line.
  invalid_name, // Has a ':' but does not start with a property name.
};

// Decides whether the value of a property (by upper-case name) is collected.
using CollectPredicate = bool (*)(std::string_view upper_name);

// Reads content lines from `lines`. RFC 6350 §3.2 unfolding for every version,
// vCard 2.1 quoted-printable soft breaks, and values nobody reads are skipped
// without being held in memory. Never throws for bad content.
class PropertyLexer
{
public:
  // `max_value_bytes` bounds a collected value; longer ones are flagged `too_long`.
  PropertyLexer(LineReader& lines, CollectPredicate collect, std::size_t max_value_bytes);

  // Read the next content line into `property` (its strings are reused) and say
  // in `kind` whether it is usable. Empty lines are skipped. False at the end.
  bool next(RawProperty& property, LineKind& kind);

private:
  bool take_first_line(RawProperty& property, bool& truncated);
  std::size_t read_name(RawProperty& property) const;
  LineKind skip_value(RawProperty& property,
                      std::string_view head_params,
                      std::size_t first_colon,
                      bool quoted_printable);
  LineKind collect_value(RawProperty& property,
                         std::size_t name_end,
                         std::size_t first_colon,
                         bool quoted_printable);
  bool take_line(std::string& line, std::size_t& number, bool& truncated);
  void put_back(std::string& line, std::size_t number, bool truncated);
  bool next_continuation(std::string& line, bool& truncated);
  bool next_backslash_continuation(std::string& line, bool& truncated);
  // The helpers below take `logical` null when the value is skipped, not collected.
  void append(std::string* logical, std::string_view piece, bool truncated, RawProperty& property);
  char join_soft_breaks(std::string* logical, RawProperty& property);
  void read_rest(std::string* logical, RawProperty& property, bool quoted_printable);
  void skip_base64_lines();

  LineReader& m_lines;
  CollectPredicate m_collect;
  std::size_t m_max_value_bytes;
  std::string m_line; // The property being read; grows into its unfolded content line.
  std::string m_cont; // A continuation line being read.
  std::string m_peek; // A line read ahead that belongs to the next property.
  std::size_t m_peek_number = 0;
  bool m_peek_truncated = false;
  bool m_has_peek = false;
};

// True when `line` is BEGIN:VCARD or END:VCARD (any case, surrounding blanks allowed).
bool is_card_boundary(std::string_view line);

} // namespace contact_audit::importers::vcard
