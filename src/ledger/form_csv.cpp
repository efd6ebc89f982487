// SPDX-License-Identifier: MIT
// Consent-form CSV: record splitting on the original bytes, cp1252 fallback, header and value
// words.
#include "form_csv.hpp"

#include <contact_audit/core/error.hpp>
#include <contact_audit/core/text.hpp>

#include <unicode/ucnv.h>

#include <algorithm>
#include <initializer_list>

namespace contact_audit::ledger::form_csv {
namespace {

std::string normalised_word(std::string_view text)
{
  std::string word = to_lower_ascii(trim(text));
  // "Form ID", "Form-ID", "form_id" and "Formular ID" all read the same.
  std::replace(word.begin(), word.end(), '_', ' ');
  std::replace(word.begin(), word.end(), '-', ' ');
  return word;
}

bool one_of(std::string_view word, std::initializer_list<std::string_view> words)
{
  return std::find(words.begin(), words.end(), word) != words.end();
}

std::string cp1252_to_utf8(std::string_view bytes)
{
  UErrorCode status = U_ZERO_ERROR;
  std::string out(bytes.size() * 3 + 1, '\0');
  const int32_t length = ucnv_convert("UTF-8",
                                      "windows-1252",
                                      out.data(),
                                      static_cast<int32_t>(out.size()),
                                      bytes.data(),
                                      static_cast<int32_t>(bytes.size()),
                                      &status);
  if (U_FAILURE(status)) {
    throw IoError(std::string("Converting windows-1252 text failed: ") + u_errorName(status) + ".");
  }
  out.resize(static_cast<std::size_t>(length));
  return out;
}

} // namespace

std::optional<Column> column_for_header(std::string_view header)
{
  const std::string word = normalised_word(header);
  if (one_of(word, {"name", "vollständiger name", "full name", "kontakt", "contact"})) {
    return Column::name;
  }
  if (word.starts_with("telefon") || word.starts_with("phone") || word.starts_with("mobil") ||
      word.starts_with("handy") || one_of(word, {"tel", "telephone", "festnetz", "mobile"})) {
    return Column::phone;
  }
  if (one_of(word, {"e mail", "email", "e mail adresse", "email address", "mail"})) {
    return Column::email;
  }
  if (one_of(word, {"entscheidung", "decision", "einwilligung", "consent", "status"})) {
    return Column::decision;
  }
  if (one_of(word, {"datum", "date", "unterschrieben am", "signed on"})) {
    return Column::date;
  }
  if (one_of(word, {"formular id", "form id", "formularnummer", "form number", "formular nr"})) {
    return Column::form_id;
  }
  if (one_of(word,
             {"nachweis sha256", "nachweis sha 256", "evidence sha256", "evidence sha 256"})) {
    return Column::evidence_sha256;
  }
  if (one_of(word, {"nachweis", "evidence", "beleg", "scan"})) {
    return Column::evidence;
  }
  if (one_of(word, {"textversion", "text version", "notice version", "version"})) {
    return Column::notice_version;
  }
  if (one_of(word, {"sprache", "language", "textsprache", "notice language"})) {
    return Column::notice_language;
  }
  if (one_of(word, {"form", "method", "methode", "art"})) {
    return Column::method;
  }
  if (one_of(word, {"beziehung", "relationship", "relation"})) {
    return Column::relationship;
  }
  if (one_of(word, {"zweck", "purpose"})) {
    return Column::purpose;
  }
  if (one_of(word, {"gültig bis", "valid until"})) {
    return Column::valid_until;
  }
  if (one_of(word, {"grund", "reason", "bemerkung", "note", "notes"})) {
    return Column::reason;
  }
  if (one_of(word, {"erklärt von", "expressed by"})) {
    return Column::expressed_by;
  }
  return std::nullopt;
}

std::optional<Action> parse_decision_word(std::string_view text)
{
  const std::string word = normalised_word(text);
  if (one_of(word, {"erteilt", "given", "ja", "yes", "einverstanden", "zugestimmt", "granted"})) {
    return Action::given;
  }
  if (one_of(word, {"erneuert", "renewed", "bestätigt", "reconfirmed"})) {
    return Action::renewed;
  }
  if (one_of(word, {"widerrufen", "withdrawn", "widerruf"})) {
    return Action::withdrawn;
  }
  if (one_of(word, {"abgelehnt", "refused", "nein", "no", "verweigert", "declined"})) {
    return Action::refused;
  }
  if (one_of(word, {"angefragt", "requested", "angefordert"})) {
    return Action::requested;
  }
  if (one_of(word, {"zurückgestellt", "deferred", "keine angabe", "no answer"})) {
    return Action::deferred;
  }
  return std::nullopt;
}

std::optional<Method> parse_method_word(std::string_view text)
{
  const std::string word = normalised_word(text);
  if (one_of(word, {"papier", "paper", "papierformular", "paper form", "schriftlich", "written"})) {
    return Method::paper;
  }
  if (one_of(word,
             {"e formular",
              "web form",
              "webformular",
              "online",
              "e form",
              "web",
              "elektronisch",
              "electronic",
              "web form"})) {
    return Method::web_form;
  }
  if (one_of(word, {"e mail", "email", "mail"})) {
    return Method::email;
  }
  if (one_of(word, {"mündlich", "verbal", "oral", "telefonisch", "by phone"})) {
    return Method::verbal;
  }
  if (one_of(word, {"sonstige", "sonstiges", "other"})) {
    return Method::other;
  }
  return std::nullopt;
}

std::optional<Relationship> parse_relationship_word(std::string_view text)
{
  const std::string word = normalised_word(text);
  if (one_of(word, {"kunde", "kundin", "customer", "client"})) {
    return Relationship::customer;
  }
  if (one_of(word, {"lieferant", "lieferantin", "supplier", "vendor"})) {
    return Relationship::supplier;
  }
  if (one_of(word, {"partner", "partnerin", "geschäftspartner", "business partner"})) {
    return Relationship::partner;
  }
  if (one_of(word,
             {"kollege", "kollegin", "colleague", "mitarbeiter", "mitarbeiterin", "employee"})) {
    return Relationship::colleague;
  }
  if (one_of(word, {"sonstige", "sonstiges", "other"})) {
    return Relationship::other;
  }
  return std::nullopt;
}

std::optional<ExpressedBy> parse_expressed_by_word(std::string_view text)
{
  const std::string word = normalised_word(text);
  if (one_of(word, {"betroffene person", "betroffener", "selbst", "subject", "self"})) {
    return ExpressedBy::subject;
  }
  if (one_of(word, {"vertreter", "vertreterin", "bevollmächtigte", "representative", "guardian"})) {
    return ExpressedBy::representative;
  }
  return std::nullopt;
}

Reader::Reader(std::string_view bytes) : m_bytes(bytes)
{
  if (m_bytes.starts_with("\xEF\xBB\xBF")) {
    m_bytes.remove_prefix(3);
  }
  m_legacy = !is_valid_utf8(m_bytes);
  std::size_t semicolons = 0;
  std::size_t commas = 0;
  std::size_t tabs = 0;
  bool quoted = false;
  for (const char c : m_bytes) {
    if (c == '"') {
      quoted = !quoted;
    } else if (!quoted && (c == '\n' || c == '\r')) {
      if (semicolons + commas + tabs > 0) {
        break;
      }
    } else if (!quoted) {
      semicolons += c == ';' ? 1 : 0;
      commas += c == ',' ? 1 : 0;
      tabs += c == '\t' ? 1 : 0;
    }
  }
  if (semicolons >= commas && semicolons >= tabs && semicolons > 0) {
    m_separator = ';';
  } else if (tabs > commas) {
    m_separator = '\t';
  }
}

std::string Reader::field_text(std::string_view bytes) const
{
  return m_legacy ? cp1252_to_utf8(bytes) : std::string(bytes);
}

bool Reader::next(Record& record)
{
  while (m_position < m_bytes.size()) {
    const std::size_t start = m_position;
    record.line = m_line;
    record.fields.clear();
    record.unterminated_quote = false;
    record.too_long = false;
    std::string field;
    bool quoted = false;
    bool at_field_start = true;
    std::size_t pos = m_position;
    // Past the limit the record is only scanned for its end (quotes and lines still count).
    const auto keep = [&](char c) {
      if (record.too_long) {
        return;
      }
      if (pos - start >= k_max_record_bytes) {
        record.too_long = true;
        record.fields.clear();
        field.clear();
        return;
      }
      field += c;
    };
    for (; pos < m_bytes.size(); ++pos) {
      const char c = m_bytes[pos];
      if (quoted) {
        if (c == '"' && pos + 1 < m_bytes.size() && m_bytes[pos + 1] == '"') {
          keep('"');
          ++pos;
        } else if (c == '"') {
          quoted = false;
        } else {
          m_line +=
              c == '\n' || (c == '\r' && (pos + 1 >= m_bytes.size() || m_bytes[pos + 1] != '\n'))
                  ? 1
                  : 0;
          keep(c);
        }
        continue;
      }
      if (c == '"' && at_field_start) {
        quoted = true;
        at_field_start = false;
      } else if (c == m_separator) {
        if (!record.too_long) {
          record.fields.push_back(field_text(field));
        }
        field.clear();
        at_field_start = true;
      } else if (c == '\n' || c == '\r') {
        break;
      } else {
        keep(c);
        at_field_start = false;
      }
    }
    record.unterminated_quote = quoted;
    if (!record.too_long) {
      record.fields.push_back(field_text(field));
    }
    // Consume the line terminator (CRLF, LF or CR) into the record's raw bytes.
    if (pos < m_bytes.size() && m_bytes[pos] == '\r') {
      ++pos;
    }
    if (pos < m_bytes.size() && m_bytes[pos] == '\n') {
      ++pos;
    }
    ++m_line;
    m_position = pos;
    record.raw = m_bytes.substr(start, pos - start);
    const bool blank =
        !record.too_long && record.fields.size() == 1 && trim(record.fields.front()).empty();
    if (!blank) {
      return true;
    }
  }
  return false;
}

} // namespace contact_audit::ledger::form_csv
