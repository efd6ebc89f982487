// SPDX-License-Identifier: MIT
// The streaming vCard reader: card boundaries, nested AGENT cards, recovery and counts.
#include "../charset.hpp"
#include "vcard_card.hpp"
#include "vcard_charset.hpp"
#include "vcard_lexer.hpp"
#include "vcard_report.hpp"

#include <contact_audit/core/error.hpp>
#include <contact_audit/core/text.hpp>
#include <contact_audit/importers/reader.hpp>

#include <string>
#include <utility>

namespace contact_audit::importers {
namespace {

using vcard::LineKind;
using namespace std::string_view_literals;

// A physical line longer than this is cut (only blobs, which are skipped, get near it).
constexpr std::size_t k_max_line_bytes = 1024 * 1024;
// A collected value (name, number, address, ...) longer than this is dropped.
constexpr std::size_t k_max_value_bytes = 64 * 1024;
// Real address books nest an AGENT card one level deep at most; deeper is reported.
constexpr std::size_t k_max_agent_depth = 8;

enum class State
{
  outside, // Between cards: anything but BEGIN:VCARD is junk.
  in_card,
  in_agent, // Inside a card nested in an AGENT property: ignored.
};

// How a card ended, for the diagnostic that explains it.
enum class Ending
{
  end_line,       // END:VCARD
  next_begin,     // A BEGIN:VCARD while the card was open.
  agent_unclosed, // A BEGIN:VCARD while a nested AGENT card was open.
  end_of_file,
};

bool is_vcard_word(std::string_view value)
{
  return istarts_with_ascii(trim(value), "VCARD");
}

bool is_identifying(const contact::Contact& contact)
{
  const auto& name = contact.name;
  return !contact.display_name.empty() || !name.family.empty() || !name.given.empty() ||
         !name.additional.empty() || !name.prefix.empty() || !name.suffix.empty() ||
         !contact.phones.empty() || !contact.emails.empty() || !contact.organisation.empty();
}

class VCardReader final : public ContactReader
{
public:
  VCardReader(std::unique_ptr<std::istream> input,
              std::filesystem::path file,
              const ReadOptions& options)
      : m_reporter(std::move(file)), m_account(options.account),
        m_source(std::move(input), options.encoding, false), m_lines(m_source, k_max_line_bytes),
        m_lexer(m_lines, vcard::is_collected_property, k_max_value_bytes),
        m_decoder(m_source.encoding(), !options.encoding.empty()), m_builder(m_decoder, m_reporter)
  {
    m_stats.detected_encoding = m_source.encoding().name;
    m_stats.detected_profile = "vcard";
  }

  std::optional<contact::Contact> next(DiagnosticSink& sink) override
  {
    m_reporter.set_sink(sink);
    // One optional, filled in place and returned by name, so a contact is never copied.
    std::optional<contact::Contact> result;
    while (!m_done && !result) {
      if (m_pending_begin != 0) {
        start_card(std::exchange(m_pending_begin, 0));
      }
      LineKind kind = LineKind::property;
      m_property = &m_builder.slot();
      if (m_lexer.next(*m_property, kind)) {
        handle(kind, result);
      } else {
        finish_file(result);
      }
    }
    return result;
  }

  const ReaderStats& stats() const override { return m_stats; }

private:
  void handle(LineKind kind, std::optional<contact::Contact>& result)
  {
    if (kind != LineKind::property) {
      handle_malformed(kind);
      return;
    }
    const std::string_view name = m_property->name;
    if ((name == "BEGIN"sv || name == "END"sv) && is_vcard_word(m_property->value)) {
      check_boundary_spelling();
      if (name == "BEGIN"sv) {
        on_begin(result);
      } else {
        on_end(result);
      }
    } else if (m_state == State::outside) {
      note_junk();
    } else if (m_state == State::in_agent) {
      note_agent();
    } else {
      on_property();
    }
  }

  void handle_malformed(LineKind kind)
  {
    if (m_state == State::outside) {
      note_junk();
      return;
    }
    m_after_agent = false;
    if (m_state == State::in_agent) {
      return;
    }
    ++m_stats.properties_dropped;
    if (kind == LineKind::no_colon) {
      report(Severity::warning,
             "vcard.line.no-colon",
             "The line has no colon, so it is not a vCard property; the line was dropped.");
    } else {
      report(Severity::warning,
             "vcard.line.invalid-name",
             "The line does not start with a property name followed by ';' or ':'; the line "
             "was dropped.");
    }
  }

  void check_boundary_spelling()
  {
    if (!iequals_ascii(trim(m_property->value), "VCARD")) {
      report(Severity::warning,
             "vcard.boundary.malformed",
             "The line " + m_property->name + ":" +
                 std::string(trim(m_property->value).substr(0, 32)) + " is not exactly " +
                 m_property->name + ":VCARD; it was read as one.");
    }
  }

  void on_begin(std::optional<contact::Contact>& result)
  {
    if (m_state == State::outside) {
      flush_junk();
      start_card(m_property->line);
      return;
    }
    // vCard 2.1 §2.4.4: an AGENT value may be a whole vCard on the following lines.
    if (m_after_agent) {
      m_after_agent = false;
      enter_agent();
      return;
    }
    // Any other BEGIN:VCARD inside a card means the open card lacks its END:VCARD.
    m_pending_begin = m_property->line;
    close_card(m_state == State::in_agent ? Ending::agent_unclosed : Ending::next_begin, result);
  }

  void on_end(std::optional<contact::Contact>& result)
  {
    m_after_agent = false;
    if (m_state == State::outside) {
      flush_junk();
      report(Severity::warning,
             "vcard.end.unmatched",
             "END:VCARD has no matching BEGIN:VCARD; the line was ignored.");
    } else if (m_state == State::in_agent) {
      if (--m_agent_depth == 0) {
        m_state = State::in_card;
      }
    } else {
      close_card(Ending::end_line, result);
    }
  }

  // An AGENT property whose value is empty or BEGIN:VCARD starts a nested card.
  bool note_agent()
  {
    m_after_agent = false;
    if (std::string_view(m_property->name) != "AGENT"sv) {
      return false;
    }
    const std::string_view value = trim(m_property->value);
    m_after_agent = value.empty();
    if (iequals_ascii(value, "BEGIN:VCARD")) {
      enter_agent();
    }
    return true;
  }

  // vCard 2.1 §2.4.4: a nested AGENT card describes another person; it is skipped (only a
  // depth counter is kept, so any nesting costs no memory), and absurd nesting is reported.
  void enter_agent()
  {
    m_state = State::in_agent;
    if (++m_agent_depth == k_max_agent_depth + 1) {
      report(Severity::warning,
             "vcard.agent.too-deep",
             "AGENT vCards are nested more than " + std::to_string(k_max_agent_depth) +
                 " levels deep here; the nested cards were skipped up to their END:VCARD lines "
                 "and the enclosing card was kept.");
    }
  }

  void on_property()
  {
    if (note_agent()) {
      return;
    }
    const std::string_view name = m_property->name;
    if (name == "VERSION"sv) {
      read_version();
      return;
    }
    if (m_property->value_skipped || name == "BEGIN"sv || name == "END"sv) {
      return;
    }
    if (m_property->too_long) {
      ++m_stats.properties_dropped;
      report(Severity::warning,
             "vcard.value.too-long",
             "The " + std::string(name) + " property is longer than " +
                 std::to_string(k_max_value_bytes) + " bytes; the property was dropped.");
      return;
    }
    if (!m_builder.commit()) {
      ++m_stats.properties_dropped;
      if (!std::exchange(m_limit_reported, true)) {
        report(Severity::warning,
               "vcard.card.too-large",
               "The vCard has more properties or bytes than a card may hold; this " +
                   std::string(name) + " property and all further ones of the card were dropped.");
      }
    }
  }

  void read_version()
  {
    if (std::exchange(m_version_seen, true)) {
      return;
    }
    const std::string_view version = trim(m_property->value);
    if (version == "2.1" || version == "3.0" || version == "4.0") {
      m_builder.set_version(version == "2.1"   ? vcard::Version::v21
                            : version == "3.0" ? vcard::Version::v30
                                               : vcard::Version::v40);
      return;
    }
    const bool v21 = !version.empty() && version.front() == '2';
    const bool v40 = !version.empty() && version.front() == '4';
    m_builder.set_version(v21   ? vcard::Version::v21
                          : v40 ? vcard::Version::v40
                                : vcard::Version::v30);
    report(Severity::warning,
           "vcard.version.unknown",
           "The VERSION " + vcard::Reporter::quote(version) +
               " is not 2.1, 3.0 or 4.0; the vCard was read with vCard " +
               (v21   ? "2.1"
                : v40 ? "4.0"
                      : "3.0") +
               " rules.");
  }

  void start_card(std::size_t line)
  {
    m_state = State::in_card;
    m_card_line = line;
    ++m_cards_started;
    m_builder.reset();
    m_version_seen = false;
    m_after_agent = false;
    m_limit_reported = false;
    m_agent_depth = 0;
  }

  void report_ending(Ending ending, const std::string& outcome)
  {
    const std::string next_line = std::to_string(m_pending_begin);
    if (ending == Ending::next_begin) {
      report_at(m_card_line,
                Severity::warning,
                "vcard.end.missing",
                "The vCard that starts here has no END:VCARD before the BEGIN:VCARD on line " +
                    next_line + "; it was ended there and " + outcome + ".");
    } else if (ending == Ending::agent_unclosed) {
      report_at(m_card_line,
                Severity::warning,
                "vcard.agent.unterminated",
                "The AGENT vCard nested in the vCard that starts here has no END:VCARD before "
                "the BEGIN:VCARD on line " +
                    next_line + "; both were ended there and " + outcome + ".");
    } else if (ending == Ending::end_of_file) {
      report_at(m_card_line,
                Severity::warning,
                "vcard.end.missing",
                "The vCard that starts here has no END:VCARD before the end of the file; it was "
                "ended there and " +
                    outcome + ".");
    }
    if (!m_version_seen) {
      report_at(m_card_line,
                Severity::warning,
                "vcard.version.missing",
                "The vCard that starts here has no VERSION property; it was read with vCard 2.1 "
                "rules and " +
                    outcome + ".");
    }
  }

  void close_card(Ending ending, std::optional<contact::Contact>& result)
  {
    m_state = State::outside;
    contact::Contact& contact = result.emplace();
    m_builder.build(contact, m_stats.properties_dropped);
    contact.source = {m_reporter.file(), m_card_line, m_cards_started, m_account};
    const bool kept = is_identifying(contact);
    report_ending(ending, kept ? "the contact was kept" : "the contact was rejected");
    if (kept) {
      ++m_stats.contacts_read;
      return;
    }
    result.reset();
    ++m_stats.contacts_rejected;
    report_at(m_card_line,
              Severity::error,
              "vcard.card.empty",
              "The vCard that starts here has no name, phone number, e-mail address or "
              "organisation; the contact was rejected.");
  }

  void finish_file(std::optional<contact::Contact>& result)
  {
    m_done = true;
    if (m_state != State::outside) {
      close_card(Ending::end_of_file, result);
    }
    flush_junk();
    if (m_cards_started == 0) {
      report_at(0,
                Severity::warning,
                "vcard.file.no-cards",
                "The file contains no BEGIN:VCARD line; no contacts were read from it.");
    }
    if (m_source.replaced() != 0) {
      report_at(0,
                Severity::warning,
                "vcard.encoding.replaced",
                std::to_string(m_source.replaced()) + " byte sequences are not valid " +
                    m_source.encoding().name +
                    "; they were replaced by U+FFFD and the values were kept.");
    }
  }

  void note_junk()
  {
    if (m_junk_count++ == 0) {
      m_junk_first = m_property->line;
    }
  }

  void flush_junk()
  {
    if (m_junk_count == 0) {
      return;
    }
    m_stats.properties_dropped += m_junk_count;
    report_at(m_junk_first,
              Severity::warning,
              "vcard.begin.missing",
              std::to_string(m_junk_count) +
                  " line(s) from here on are outside any vCard (no BEGIN:VCARD before them); "
                  "they were dropped up to the next BEGIN:VCARD or the end of the file.");
    m_junk_count = 0;
  }

  void report(Severity severity, std::string_view code, std::string message)
  {
    m_reporter.report(m_property->line, severity, code, std::move(message));
  }

  void report_at(std::size_t line, Severity severity, std::string_view code, std::string message)
  {
    m_reporter.report(line, severity, code, std::move(message));
  }

  vcard::Reporter m_reporter;
  std::string m_account;
  TextSource m_source;
  LineReader m_lines;
  vcard::PropertyLexer m_lexer;
  vcard::ValueDecoder m_decoder;
  vcard::CardBuilder m_builder;
  vcard::RawProperty* m_property = nullptr; // The property being handled, in a slot of m_builder.
  ReaderStats m_stats;
  State m_state = State::outside;
  std::size_t m_card_line = 0;     // BEGIN:VCARD line of the open card.
  std::size_t m_cards_started = 0; // Top-level cards; nested AGENT cards do not count.
  std::size_t m_agent_depth = 0;
  std::size_t m_pending_begin = 0; // Line of a BEGIN:VCARD that ended the previous card.
  std::size_t m_junk_first = 0;
  std::size_t m_junk_count = 0;
  bool m_after_agent = false; // The previous property was an AGENT without inline value.
  bool m_version_seen = false;
  bool m_limit_reported = false;
  bool m_done = false;
};

} // namespace

std::unique_ptr<ContactReader> make_vcard_reader(std::unique_ptr<std::istream> input,
                                                 std::filesystem::path file,
                                                 const ReadOptions& options)
{
  if (!input) {
    throw IoError(file.string() + ": There is no input stream to read the vCard file from.");
  }
  return std::make_unique<VCardReader>(std::move(input), std::move(file), options);
}

} // namespace contact_audit::importers
