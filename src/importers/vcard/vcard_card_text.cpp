// SPDX-License-Identifier: MIT
// CardTextReader: the original lines of each vCard, with the reader's card boundaries.
#include "../charset.hpp"

#include <contact_audit/core/error.hpp>
#include <contact_audit/core/text.hpp>
#include <contact_audit/importers/card_text.hpp>

#include <fstream>

namespace contact_audit::importers {
namespace {

bool is_blank(char c)
{
  return c == ' ' || c == '\t';
}

// The name of the content line `line` (group removed, upper case) and its value.
struct LineHead
{
  std::string name;
  std::string_view params; // Between the name and the value colon.
  std::string_view value;
};

LineHead head_of(std::string_view line)
{
  LineHead head;
  std::size_t end = line.find_first_of(";:");
  if (end == std::string_view::npos) {
    return head;
  }
  std::string_view name = line.substr(0, end);
  if (const auto dot = name.rfind('.'); dot != std::string_view::npos) {
    name.remove_prefix(dot + 1); // "item1.TEL": the group is not part of the name.
  }
  for (const char c : trim(name)) {
    head.name.push_back(c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c);
  }
  const std::size_t colon = line.find(':', end);
  head.params = line.substr(end, colon == std::string_view::npos ? line.size() - end : colon - end);
  head.value = colon == std::string_view::npos ? std::string_view() : line.substr(colon + 1);
  return head;
}

// The CHARSET parameter of `params`, or "" when there is none.
std::string_view charset_of(std::string_view params)
{
  for (const auto part : split(params, ';')) {
    const auto trimmed = trim(part);
    if (istarts_with_ascii(trimmed, "CHARSET=")) {
      return trim(trimmed.substr(8));
    }
  }
  return {};
}

bool is_quoted_printable(std::string_view params)
{
  return to_lower_ascii(params).find("quoted-printable") != std::string::npos;
}

// As the vCard reader tells BEGIN:VCARD and END:VCARD (is_vcard_word).
bool is_boundary(const LineHead& head, std::string_view word)
{
  return head.name == word && istarts_with_ascii(trim(head.value), "VCARD");
}

enum class Where
{
  outside,
  in_card,
  in_agent,
};

} // namespace

struct CardTextReader::State
{
  State(const std::filesystem::path& file, const ReadOptions& options)
      : source(open(file), options.encoding, false), lines(source),
        legacy_charset(source.encoding().is_unicode ? "windows-1252" : source.encoding().name),
        file_unicode(source.encoding().is_unicode),
        forced_legacy(!options.encoding.empty() && !source.encoding().is_unicode)
  {
  }

  static std::unique_ptr<std::istream> open(const std::filesystem::path& file)
  {
    auto input = std::make_unique<std::ifstream>(file, std::ios::binary);
    if (!*input) {
      throw InputError(file.string() + ": The file cannot be opened.");
    }
    return input;
  }

  // The bytes of one property as the reader decodes them, in UTF-8 (vcard_charset.cpp).
  std::string property_as_utf8(const std::string& bytes) const
  {
    const auto charset = charset_of(property_params);
    const bool utf8 = is_valid_utf8(bytes);
    const bool keep = utf8 && !forced_legacy &&
                      (file_unicode || charset.empty() || iequals_ascii(charset, "UTF-8") ||
                       iequals_ascii(charset, "UTF8"));
    if (keep) {
      return bytes;
    }
    const bool use_charset = !charset.empty() && !forced_legacy && is_known_charset(charset) &&
                             !iequals_ascii(charset, "UTF-8") && !iequals_ascii(charset, "UTF8");
    auto converted = to_utf8(bytes, use_charset ? charset : std::string_view(legacy_charset));
    return converted ? *converted : bytes;
  }

  void flush_property()
  {
    if (property.empty()) {
      return;
    }
    card.text += property_as_utf8(property);
    property.clear();
  }

  void add_line(std::string_view line, const LineHead* head)
  {
    if (head != nullptr) {
      flush_property();
      property_params = std::string(head->params);
      quoted_printable = is_quoted_printable(head->params);
    }
    property.append(line);
    property.append("\r\n");
    soft_break = quoted_printable && !line.empty() && line.back() == '=';
  }

  std::optional<CardText> finish_card(bool end_added)
  {
    flush_property();
    if (end_added) {
      card.text += "END:VCARD\r\n";
    }
    card.end_added = end_added;
    where = Where::outside;
    return std::exchange(card, CardText{});
  }

  void start_card(std::string_view line, std::size_t number)
  {
    where = Where::in_card;
    card.line = number;
    after_agent = false;
    agent_depth = 0;
    property_params.clear();
    quoted_printable = false;
    add_line(line, nullptr);
  }

  // An AGENT property: an empty value announces a nested card, BEGIN:VCARD opens one.
  void note_agent(const LineHead& head)
  {
    after_agent = head.name == "AGENT" && trim(head.value).empty();
    if (head.name == "AGENT" && iequals_ascii(trim(head.value), "BEGIN:VCARD")) {
      where = Where::in_agent;
      ++agent_depth;
    }
  }

  std::optional<CardText> on_begin(std::string_view line, std::size_t number)
  {
    if (after_agent) {
      // vCard 2.1 §2.4.4: the AGENT value is the whole vCard on the following lines.
      after_agent = false;
      where = Where::in_agent;
      ++agent_depth;
      add_line(line, nullptr);
      return std::nullopt;
    }
    // Any other BEGIN:VCARD ends the open card, which lacks its END:VCARD.
    pending_begin = std::string(line);
    pending_line = number;
    return finish_card(true);
  }

  std::optional<CardText> on_end(std::string_view line, const LineHead& head)
  {
    after_agent = false;
    add_line(line, &head);
    if (where == Where::in_agent) {
      if (--agent_depth == 0) {
        where = Where::in_card;
      }
      return std::nullopt;
    }
    return finish_card(false);
  }

  std::optional<CardText> take(std::string_view line, std::size_t number)
  {
    // As in the lexer, a card boundary is never the rest of a quoted-printable value.
    const bool boundary_line =
        iequals_ascii(trim(line), "BEGIN:VCARD") || iequals_ascii(trim(line), "END:VCARD");
    const bool continuation = is_blank(line.front()) || (soft_break && !boundary_line);
    const LineHead head = continuation ? LineHead{} : head_of(line);
    if (where == Where::outside) {
      if (is_boundary(head, "BEGIN")) {
        start_card(line, number);
      } else if (!is_boundary(head, "END")) {
        ++stray;
      }
      return std::nullopt;
    }
    if (continuation) {
      add_line(line, nullptr);
      return std::nullopt;
    }
    if (is_boundary(head, "BEGIN")) {
      return on_begin(line, number);
    }
    if (is_boundary(head, "END")) {
      return on_end(line, head);
    }
    note_agent(head);
    add_line(line, &head);
    return std::nullopt;
  }

  std::optional<CardText> next()
  {
    if (pending_line != 0) {
      start_card(pending_begin, std::exchange(pending_line, 0));
    }
    std::string line;
    std::size_t number = 0;
    while (lines.next(line, number)) {
      if (line.empty()) {
        // An empty line ends a quoted-printable soft break (as in the lexer): it stays,
        // so the value does not run into the next property.
        if (soft_break && where != Where::outside) {
          add_line(line, nullptr);
        }
        continue;
      }
      if (auto done = take(line, number)) {
        return done;
      }
    }
    if (where != Where::outside) {
      return finish_card(true);
    }
    return std::nullopt;
  }

  TextSource source;
  LineReader lines;
  std::string legacy_charset;
  bool file_unicode = false;
  bool forced_legacy = false;
  Where where = Where::outside;
  CardText card;
  std::string property; // The lines of the property being collected.
  std::string property_params;
  bool quoted_printable = false;
  bool soft_break = false; // The last line of a quoted-printable value ended in '='.
  bool after_agent = false;
  std::size_t agent_depth = 0;
  std::string pending_begin; // A BEGIN:VCARD that ended the previous card.
  std::size_t pending_line = 0;
  std::size_t stray = 0;
};

CardTextReader::CardTextReader(const std::filesystem::path& file, const ReadOptions& options)
    : m_state(std::make_unique<State>(file, options))
{
}

CardTextReader::~CardTextReader() = default;

std::optional<CardText> CardTextReader::next()
{
  return m_state->next();
}

std::size_t CardTextReader::stray_lines() const
{
  return m_state->stray;
}

} // namespace contact_audit::importers
