// SPDX-License-Identifier: MIT
// Content-line reader for vCard: unfolding, quoted-printable soft breaks and skipped blobs.
#include "vcard_lexer.hpp"

#include <contact_audit/core/text.hpp>

#include <algorithm>

namespace contact_audit::importers::vcard {
namespace {

// What an AGENT value needs to be recognised; skipped values keep no more than this.
constexpr std::size_t k_skipped_value_prefix = 64;

bool is_name_char(char c)
{
  // RFC 6350 §3.3: names are ALPHA / DIGIT / "-"; '_' and '/' are tolerated because
  // exporters write them (sabre/vobject's forgiving mode allows the same).
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
         c == '_' || c == '/';
}

bool is_blank(char c)
{
  return c == ' ' || c == '\t';
}

bool is_base64_char(char c)
{
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' ||
         c == '/' || c == '=';
}

char upper(char c)
{
  return (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
}

// `word` is upper case; a first-letter scan keeps this cheap on every parameter list.
bool icontains(std::string_view text, std::string_view word)
{
  for (std::size_t i = 0; i + word.size() <= text.size(); ++i) {
    if (upper(text[i]) != word.front()) {
      continue;
    }
    std::size_t matched = 1;
    while (matched < word.size() && upper(text[i + matched]) == word[matched]) {
      ++matched;
    }
    if (matched == word.size()) {
      return true;
    }
  }
  return false;
}

// The colon that ends the parameters: the first one outside a double-quoted
// parameter value (RFC 6350 §3.3 allows ':' inside quotes). An unbalanced quote
// falls back to the first colon so one stray '"' cannot swallow the value.
std::size_t find_value_colon(std::string_view text, std::size_t from)
{
  const std::size_t colon = text.find(':', from);
  const std::size_t quote = text.find('"', from);
  if (quote == std::string_view::npos || quote > colon) {
    return colon; // The common case: no quoted parameter value before the colon.
  }
  bool quoted = false;
  for (std::size_t i = quote; i < text.size(); ++i) {
    if (text[i] == '"') {
      quoted = !quoted;
    } else if (text[i] == ':' && !quoted) {
      return i;
    }
  }
  return colon;
}

} // namespace

bool is_card_boundary(std::string_view line)
{
  const std::string_view text = trim(line);
  return iequals_ascii(text, "BEGIN:VCARD") || iequals_ascii(text, "END:VCARD");
}

PropertyLexer::PropertyLexer(LineReader& lines,
                             CollectPredicate collect,
                             std::size_t max_value_bytes)
    : m_lines(lines), m_collect(collect), m_max_value_bytes(max_value_bytes)
{
}

bool PropertyLexer::take_line(std::string& line, std::size_t& number, bool& truncated)
{
  if (m_has_peek) {
    line.swap(m_peek);
    number = m_peek_number;
    truncated = m_peek_truncated;
    m_has_peek = false;
    return true;
  }
  if (!m_lines.next(line, number)) {
    return false;
  }
  truncated = m_lines.last_line_truncated();
  return true;
}

void PropertyLexer::put_back(std::string& line, std::size_t number, bool truncated)
{
  m_peek.swap(line);
  m_peek_number = number;
  m_peek_truncated = truncated;
  m_has_peek = true;
}

bool PropertyLexer::next_continuation(std::string& line, bool& truncated)
{
  std::size_t number = 0;
  for (;;) {
    if (!take_line(line, number, truncated)) {
      return false;
    }
    // "CR CR LF" files put an empty line between a line and its continuation.
    if (line.empty()) {
      continue;
    }
    // RFC 6350 §3.2 / RFC 2425 §5.8.1: a line that starts with a space or tab
    // continues the previous line; the line break and that one blank are removed.
    if (is_blank(line.front())) {
      return true;
    }
    put_back(line, number, truncated);
    return false;
  }
}

bool PropertyLexer::next_backslash_continuation(std::string& line, bool& truncated)
{
  std::size_t number = 0;
  if (!take_line(line, number, truncated)) {
    return false;
  }
  // Only a line that cannot be a property of its own is taken as the rest of the value.
  if (!line.empty() && !is_blank(line.front()) && line.find(':') == std::string::npos) {
    return true;
  }
  put_back(line, number, truncated);
  return false;
}

void PropertyLexer::append(std::string* logical,
                           std::string_view piece,
                           bool truncated,
                           RawProperty& property)
{
  if (logical == nullptr) {
    return;
  }
  property.too_long = property.too_long || truncated;
  if (property.too_long || logical->size() + piece.size() > m_max_value_bytes) {
    property.too_long = true;
    return;
  }
  logical->append(piece);
}

char PropertyLexer::join_soft_breaks(std::string* logical, RawProperty& property)
{
  // vCard 2.1 §2.1.3 / RFC 2045 §6.7 rule 5: a quoted-printable line that ends in '='
  // continues on the next line, which has no leading blank and may start with anything.
  char last = '=';
  while (last == '=') {
    std::size_t number = 0;
    bool truncated = false;
    if (!take_line(m_cont, number, truncated)) {
      property.dangling_soft_break = true;
      return '\0';
    }
    // A card boundary is never a continuation: keeping the cards in step matters more.
    if (is_card_boundary(m_cont)) {
      put_back(m_cont, number, truncated);
      property.dangling_soft_break = true;
      return '\0';
    }
    if (logical != nullptr && !property.too_long && !logical->empty() && logical->back() == '=') {
      logical->pop_back();
    }
    append(logical, m_cont, truncated, property);
    last = m_cont.empty() ? '\0' : m_cont.back();
  }
  return last;
}

void PropertyLexer::skip_base64_lines()
{
  // vCard 2.1 §2.1.3: a BASE64 value ends with an empty line; some writers also leave
  // out the leading blank on its lines (AOSP v21_base64_no_2_crlf). Such lines have no
  // colon and only base64 letters, so they can never be a property of their own.
  std::size_t number = 0;
  bool truncated = false;
  while (take_line(m_cont, number, truncated)) {
    if (m_cont.empty()) {
      return;
    }
    if (!std::all_of(m_cont.begin(), m_cont.end(), is_base64_char)) {
      put_back(m_cont, number, truncated);
      return;
    }
  }
}

void PropertyLexer::read_rest(std::string* logical, RawProperty& property, bool quoted_printable)
{
  char last = m_line.empty() ? '\0' : m_line.back();
  for (;;) {
    if (quoted_printable && last == '=') {
      last = join_soft_breaks(logical, property);
    }
    bool truncated = false;
    if (next_continuation(m_cont, truncated)) {
      append(logical, std::string_view(m_cont).substr(1), truncated, property);
      last = m_cont.back();
      continue;
    }
    // vCard 2.1 writers end a line with '\' when a value goes on in the next line
    // (AOSP v21_adr_multiple_line); the break becomes a newline in the value.
    if (last == '\\' && next_backslash_continuation(m_cont, truncated)) {
      if (logical != nullptr && !property.too_long && !logical->empty()) {
        logical->back() = '\n';
      }
      append(logical, m_cont, truncated, property);
      last = m_cont.back();
      continue;
    }
    return;
  }
}

bool PropertyLexer::take_first_line(RawProperty& property, bool& truncated)
{
  std::size_t number = 0;
  std::size_t start = 0;
  do {
    if (!take_line(m_line, number, truncated)) {
      return false;
    }
    // A blank-indented line with nothing before it to continue is read as a line of its own.
    start = 0;
    while (start < m_line.size() && is_blank(m_line[start])) {
      ++start;
    }
  } while (start == m_line.size());
  m_line.erase(0, start);
  property.group.clear();
  property.name.clear();
  property.params.clear();
  property.value.clear();
  property.line = number;
  property.value_skipped = false;
  property.too_long = false;
  property.dangling_soft_break = false;
  return true;
}

std::size_t PropertyLexer::read_name(RawProperty& property) const
{
  // RFC 6350 §3.3: contentline = [group "."] name *(";" param) ":" value
  const std::string_view text = m_line;
  std::size_t end = 0;
  std::size_t dot = std::string_view::npos;
  while (end < text.size() && (is_name_char(text[end]) || text[end] == '.')) {
    dot = text[end] == '.' ? end : dot;
    ++end;
  }
  const std::size_t name_begin = dot == std::string_view::npos ? 0 : dot + 1;
  if (end == name_begin || end == text.size() || (text[end] != ';' && text[end] != ':')) {
    return std::string_view::npos;
  }
  if (dot != std::string_view::npos) {
    property.group.assign(text.substr(0, dot));
  }
  property.name.assign(text.substr(name_begin, end - name_begin));
  std::transform(property.name.begin(), property.name.end(), property.name.begin(), upper);
  return end;
}

LineKind PropertyLexer::skip_value(RawProperty& property,
                                   std::string_view head_params,
                                   std::size_t first_colon,
                                   bool quoted_printable)
{
  property.value_skipped = true;
  if (first_colon != std::string_view::npos) {
    property.value.assign(std::string_view(m_line).substr(first_colon + 1, k_skipped_value_prefix));
  }
  const bool base64 = icontains(head_params, "BASE64") || icontains(head_params, "ENCODING=B");
  read_rest(nullptr, property, quoted_printable);
  if (base64) {
    skip_base64_lines();
  }
  return first_colon == std::string_view::npos ? LineKind::no_colon : LineKind::property;
}

LineKind PropertyLexer::collect_value(RawProperty& property,
                                      std::size_t name_end,
                                      std::size_t first_colon,
                                      bool quoted_printable)
{
  const std::size_t first_size = m_line.size();
  property.too_long = property.too_long || first_size > m_max_value_bytes;
  read_rest(&m_line, property, quoted_printable);
  const std::string_view logical = m_line;
  // Continuation lines may hold the colon when the first line had none.
  const std::size_t colon = first_colon != std::string_view::npos || logical.size() == first_size
                                ? first_colon
                                : find_value_colon(logical, name_end);
  if (colon == std::string_view::npos) {
    return LineKind::no_colon;
  }
  if (logical[name_end] == ';') {
    property.params.assign(logical.substr(name_end + 1, colon - name_end - 1));
  }
  property.value.assign(logical.substr(colon + 1));
  return LineKind::property;
}

bool PropertyLexer::next(RawProperty& property, LineKind& kind)
{
  bool truncated = false;
  if (!take_first_line(property, truncated)) {
    return false;
  }
  const std::size_t name_end = read_name(property);
  if (name_end == std::string_view::npos) {
    kind = m_line.find(':') == std::string::npos ? LineKind::no_colon : LineKind::invalid_name;
    read_rest(nullptr, property, false);
    return true;
  }
  const std::size_t first_colon = find_value_colon(m_line, name_end);
  const std::string_view head_params = std::string_view(m_line).substr(
      name_end,
      first_colon == std::string_view::npos ? std::string_view::npos : first_colon - name_end);
  const bool quoted_printable = icontains(head_params, "QUOTED-PRINTABLE");
  if (!m_collect(property.name)) {
    kind = skip_value(property, head_params, first_colon, quoted_printable);
    return true;
  }
  property.too_long = truncated;
  kind = collect_value(property, name_end, first_colon, quoted_printable);
  return true;
}

} // namespace contact_audit::importers::vcard
