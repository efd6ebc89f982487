// SPDX-License-Identifier: MIT
// The original text of each vCard in a file, for writing a card through unchanged.
#pragma once

#include <contact_audit/importers/reader.hpp>

#include <cstddef>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>

namespace contact_audit::importers {

// One top-level vCard as written in its file.
struct CardText
{
  // The BEGIN:VCARD line (1-based), the same number the vCard reader gives the
  // contact in SourceLocation::line, so a contact finds its card by it.
  std::size_t line = 0;
  // The card's lines in UTF-8 with CRLF line ends, from BEGIN:VCARD to END:VCARD,
  // nested AGENT cards included. Values in a legacy 8-bit charset are converted
  // to UTF-8 as the reader decodes them (CHARSET parameter, else the file's
  // charset); nothing else is changed. Empty lines are left out, except one that
  // ends a quoted-printable soft line break.
  std::string text;
  bool end_added = false; // The card had no END:VCARD; one was added.
};

// Reads the cards of one vCard file with the card boundaries of the vCard
// reader (a BEGIN:VCARD inside a card ends it unless an AGENT property opens a
// nested card). Not thread-safe.
class CardTextReader
{
public:
  // Opens `file`; `options.encoding` forces a charset as for the reader.
  // Throws InputError when the file cannot be opened or the charset is unknown.
  CardTextReader(const std::filesystem::path& file, const ReadOptions& options);
  ~CardTextReader();
  CardTextReader(const CardTextReader&) = delete;
  CardTextReader& operator=(const CardTextReader&) = delete;

  // The next card, or nullopt at the end of the file. Throws IoError when the
  // file cannot be read.
  std::optional<CardText> next();
  // Non-empty lines outside any card so far (the reader drops them too).
  std::size_t stray_lines() const;

private:
  struct State;
  std::unique_ptr<State> m_state;
};

} // namespace contact_audit::importers
