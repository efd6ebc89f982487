// SPDX-License-Identifier: MIT
// Splitting a device's address books into the contacts that may stay visible to the
// messenger and those to move to the managed account or work profile.
#pragma once

#include <contact_audit/audit/audit.hpp>
#include <contact_audit/audit/result.hpp>
#include <contact_audit/core/diagnostic.hpp>

#include <cstddef>
#include <filesystem>
#include <string>
#include <vector>

namespace contact_audit::audit {

// The file a contact goes to. Every contact read goes to exactly one of the first
// three; cards the reader rejected go, as written, to `unreadable`.
enum class SplitTarget
{
  keep,       // The messenger may see it: private, or business with valid consent.
  move,       // Business, seen by the messenger, a number lacks valid consent.
  managed,    // Already out of the messenger's reach (or lookup only): stays where it is.
  unreadable, // A card the reader rejected; its text is kept, not judged.
};

// "keep", "move", "managed", "unreadable": also the middle part of the file names.
std::string_view to_string(SplitTarget target);

struct SplitOptions
{
  AuditOptions audit;            // Device, inputs, rules, ledger, as_of: as for run_audit.
  std::filesystem::path out_dir; // Created with mode 0700 when missing.
  bool reveal = false;           // Full numbers in the summary file instead of masked ones.
};

// One contact of the move (or managed) file, with why it is there.
struct SplitEntry
{
  std::string contact; // Display name.
  std::string file;
  std::size_t line = 0;
  std::string account;
  std::string classification;
  std::string exposure;
  std::vector<NumberRecord> numbers; // Those lacking valid consent for `move`.
  std::string reason_code;           // consent_missing | not_visible | lookup_only
  LocalisedText reason;
  // The audit's remediation for a moved contact (Finding::remediation); empty otherwise.
  std::string remediation;
  LocalisedText remediation_text;
};

struct SplitCounts
{
  std::size_t contacts_read = 0;     // = keep + move + managed
  std::size_t contacts_rejected = 0; // Rejected by the readers (vCard and CSV).
  std::size_t keep = 0;
  std::size_t move = 0;
  std::size_t managed = 0;
  std::size_t unreadable_cards = 0;   // Rejected vCards written to the unreadable file.
  std::size_t copied_verbatim = 0;    // Contacts written as their original card text.
  std::size_t written_from_model = 0; // Contacts (CSV rows) written as new vCard 4.0 cards.
  std::size_t stray_lines = 0;        // Lines outside any vCard (dropped by the reader too).
};

struct SplitResult
{
  Manifest manifest; // Of the audit the decisions come from.
  std::filesystem::path keep_file;
  std::filesystem::path move_file;
  std::filesystem::path managed_file;
  std::filesystem::path unreadable_file;
  std::filesystem::path summary_file;
  SplitCounts counts;
  std::vector<SplitEntry> moved;   // In file order.
  std::vector<SplitEntry> managed; // In file order.
  std::size_t audit_findings = 0;  // Non-compliant contacts of the audit (= counts.move).
};

// Run the audit of `options.audit` and write, into `options.out_dir`, the files
// <device-id>.keep.vcf, .move.vcf, .managed.vcf, .unreadable.vcf and
// .summary.json (all mode 0600, written atomically, all or none). A contact of
// a vCard file is written as its original card text (see CardTextReader), one of
// a CSV file as a new vCard 4.0 card. Throws what run_audit throws, InputError
// when a file is given twice, IoError when the output cannot be written.
SplitResult run_split(const SplitOptions& options, DiagnosticSink& sink);

// The summary as JSON (docs/split.md); numbers masked unless `reveal`.
std::string split_summary_json(const SplitResult& result, bool reveal);

} // namespace contact_audit::audit
