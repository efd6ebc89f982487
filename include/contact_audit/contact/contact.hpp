// SPDX-License-Identifier: MIT
// The one contact model every importer produces and every later stage reads.
#pragma once

#include <contact_audit/phone/normaliser.hpp>

#include <cstddef>
#include <filesystem>
#include <string>
#include <vector>

namespace contact_audit::contact {

// Where a contact came from. `account` is the label the caller gave the file
// (e.g. "managed", "unmanaged", "work", "personal"); empty when none was given.
struct SourceLocation
{
  std::filesystem::path file;
  std::size_t line = 0;   // First line of the contact (1-based).
  std::size_t record = 0; // 1-based position of the contact in its file.
  std::string account;
};

struct StructuredName
{
  std::string family;
  std::string given;
  std::string additional;
  std::string prefix;
  std::string suffix;
};

// Canonical type words used in `Phone::types`, `Email::types` and `Address::types`:
// "work", "home", "cell", "fax", "pager", "voice", "main", "text", "video",
// "textphone", "car", "isdn", "other". Anything else an address book says about
// the entry (an X-ABLabel, a free CSV label) is kept verbatim in `label`.
struct Phone
{
  std::string raw;                // The value as written, after decoding.
  std::vector<std::string> types; // Canonical type words, no duplicates.
  std::string label;              // Free-text label, e.g. "Piraten"; empty when none.
  bool preferred = false;
  std::size_t line = 0;           // Line of the TEL property or CSV row.
  phone::NormalisedNumber number; // Filled by the import pipeline.
};

struct Email
{
  std::string address;
  std::vector<std::string> types;
  std::string label;
  bool preferred = false;
};

// Only the type of an address is kept: enough to tell a work address (data minimisation).
struct Address
{
  std::vector<std::string> types;
  std::string label;
};

struct Contact
{
  std::string display_name;
  StructuredName name;
  std::string organisation;
  std::string department;
  std::string title;
  std::string role;
  std::vector<Phone> phones;
  std::vector<Email> emails;
  std::vector<Address> addresses;
  std::vector<std::string> categories; // Groups, labels, categories, in file order.
  std::string uid;
  SourceLocation source;
};

// The name to show for a contact: display name, else the structured name,
// else the organisation, else the first e-mail, else "(no name)".
std::string best_name(const Contact& contact);

// Add `type` to `types` unless it is already there.
void add_type(std::vector<std::string>& types, std::string type);

// Map a type word as found in vCard TYPE parameters, X-ABLabels or CSV column
// names (any case, German or English: "CELL", "Mobil", "Handy", "_$!<Mobile>!$_",
// "geschäftlich", ...) to a canonical type word, or "" when it is none.
std::string canonical_type(std::string_view word);

} // namespace contact_audit::contact
