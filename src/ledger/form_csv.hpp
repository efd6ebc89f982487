// SPDX-License-Identifier: MIT
// Reading consent-form CSV files: encoding, separator, records with their original bytes, headers.
#pragma once

#include <contact_audit/ledger/types.hpp>

#include <array>
#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace contact_audit::ledger::form_csv {

// The columns a consent-form export may have (docs/ledger.md lists the header words).
enum class Column : std::uint8_t
{
  name,
  phone, // Any number of phone columns (Telefon, Mobil, ...).
  email,
  decision,
  date,
  form_id,
  evidence,
  evidence_sha256,
  notice_version,
  notice_language,
  method,
  relationship,
  purpose,
  valid_until,
  reason,
  expressed_by,
};

// The column a header cell names (German or English, any ASCII case); empty when unknown.
std::optional<Column> column_for_header(std::string_view header);

// Decision words: erteilt/given/ja, erneuert/renewed, widerrufen/withdrawn,
// abgelehnt/refused/nein, angefragt/requested, zurückgestellt/deferred.
std::optional<Action> parse_decision_word(std::string_view text);
// Papier/paper, E-Formular/web form, E-Mail, mündlich/verbal, sonstige/other.
std::optional<Method> parse_method_word(std::string_view text);
// Kunde/customer, Lieferant/supplier, Partner, Kollege/colleague, sonstige/other.
std::optional<Relationship> parse_relationship_word(std::string_view text);
// Betroffene Person/subject, Vertreter/representative.
std::optional<ExpressedBy> parse_expressed_by_word(std::string_view text);

// One record: its fields (UTF-8) and its original bytes, terminator included.
struct Record
{
  std::size_t line = 0; // 1-based line where the record starts.
  std::vector<std::string> fields;
  std::string_view raw;
  bool unterminated_quote = false;
  bool too_long = false; // Longer than k_max_record_bytes: `fields` is empty, `raw` complete.
};

// A form row is a few hundred bytes; a longer record is refused unread, so a hostile file
// cannot make one row cost memory or time.
inline constexpr std::size_t k_max_record_bytes = 64 * 1024;

// Splits a whole file held in memory into records. UTF-8 (with or without
// BOM) is read as is; anything else as windows-1252 (converted with ICU).
// The separator is ';', ',' or tab, whichever the first line has most of
// outside quotes. Quoted fields may hold separators, quotes ("") and line breaks.
class Reader
{
public:
  explicit Reader(std::string_view bytes);

  // The next non-blank record; false at the end.
  bool next(Record& record);
  char separator() const { return m_separator; }
  bool legacy_encoding() const { return m_legacy; }

private:
  std::string field_text(std::string_view bytes) const;

  std::string_view m_bytes;
  std::size_t m_position = 0;
  std::size_t m_line = 1;
  char m_separator = ',';
  bool m_legacy = false;
};

} // namespace contact_audit::ledger::form_csv
