// SPDX-License-Identifier: MIT
// Streaming address-book readers: one contact at a time, problems as diagnostics.
#pragma once

#include <contact_audit/contact/contact.hpp>
#include <contact_audit/core/diagnostic.hpp>

#include <cstddef>
#include <filesystem>
#include <istream>
#include <memory>
#include <optional>
#include <string>

namespace contact_audit::importers {

enum class Format
{
  vcard,
  csv,
};

// Options for one input file.
struct ReadOptions
{
  std::string account;  // Account label stored in every contact's source.
  std::string region;   // Default phone region for this file; empty: the run's default.
  std::string encoding; // Force a charset ("windows-1252", "UTF-16LE", ...); empty: detect.
  std::filesystem::path csv_mapping; // TOML column mapping for CSV files; empty: built-in profiles.
};

// Counts kept by a reader; they add up: every card or row that was started is
// either in `contacts_read` or in `contacts_rejected`.
struct ReaderStats
{
  std::size_t contacts_read = 0;      // Contacts returned by next().
  std::size_t contacts_rejected = 0;  // Cards/rows dropped with an error diagnostic.
  std::size_t properties_dropped = 0; // Properties/cells dropped with a diagnostic.
  std::string detected_encoding;      // e.g. "UTF-8", "UTF-16LE", "windows-1252".
  std::string detected_profile;       // CSV: "google-new", "outlook-de", ...; vCard: "vcard".
};

// Pulls contacts from one file. Phone numbers carry only their raw text; the
// import pipeline normalises them. Not thread-safe.
class ContactReader
{
public:
  virtual ~ContactReader() = default;
  // The next contact, or nullopt at the end of the file. Problems go to `sink`
  // as diagnostics; never throws for bad content (an unreadable stream throws IoError).
  virtual std::optional<contact::Contact> next(DiagnosticSink& sink) = 0;
  virtual const ReaderStats& stats() const = 0;
};

// A vCard (2.1, 3.0, 4.0) reader over `input`; `file` names it in diagnostics.
std::unique_ptr<ContactReader> make_vcard_reader(std::unique_ptr<std::istream> input,
                                                 std::filesystem::path file,
                                                 const ReadOptions& options);

// A CSV/TSV reader over `input`. Throws InputError when the header matches no
// profile (the message lists the columns and how to supply a mapping) or the
// mapping file is invalid.
std::unique_ptr<ContactReader> make_csv_reader(std::unique_ptr<std::istream> input,
                                               std::filesystem::path file,
                                               const ReadOptions& options);

// Decide the format of `file` from its first bytes (BEGIN:VCARD, in any
// encoding) and, failing that, its extension. Throws InputError when neither tells.
Format detect_format(const std::filesystem::path& file);

// Open `file` with the reader its format needs. Throws InputError when the
// file cannot be opened or its format is not recognised.
std::unique_ptr<ContactReader> open_reader(const std::filesystem::path& file,
                                           const ReadOptions& options);

} // namespace contact_audit::importers
