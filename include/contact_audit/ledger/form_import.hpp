// SPDX-License-Identifier: MIT
// Importing HR consent-form exports (CSV, German or English headers) atomically and idempotently.
#pragma once

#include <contact_audit/core/diagnostic.hpp>
#include <contact_audit/ledger/consent.hpp>

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace contact_audit::ledger {

struct FormImportOptions
{
  WriteContext context;      // Actor and command line for events and audit log.
  bool skip_invalid = false; // Keep the valid rows when some are rejected.
  // Where rejected rows go, unchanged (mode 0600, written atomically); only
  // with `skip_invalid`. Empty: not written.
  std::filesystem::path rejects_path;
  std::string region = "DE"; // For numbers written without country code.
};

// What an import did. rows == imported + duplicates + rejected + held_back, always;
// held_back is non-zero only when rejected rows stopped the import.
struct FormImportSummary
{
  std::string file_sha256;
  bool file_already_imported = false;   // Same SHA-256 imported before: nothing read.
  std::optional<ImportRecord> previous; // That earlier import.
  std::uint64_t rows = 0;
  std::uint64_t imported = 0;
  std::uint64_t duplicates = 0; // Same form id + decision + date (or same row) seen before.
  std::uint64_t rejected = 0;
  std::uint64_t held_back = 0; // Valid rows not written because others were rejected.
  std::uint64_t subjects_created = 0;
  bool written = false;                // False when rows were rejected without `skip_invalid`.
  std::vector<Diagnostic> diagnostics; // One per rejected row: file:line and reason.
};

// Import the consent forms in `csv` (format: docs/ledger.md "Consent-form
// CSV"). All rows are checked; every invalid row gets a diagnostic. Without
// `skip_invalid`, one invalid row means nothing is written. The whole import
// is one transaction, so a concurrent import never sees half of it. Throws
// InputError when the file cannot be read, has no header or lacks a required
// column; IoError when the ledger or the rejects file cannot be written.
FormImportSummary import_consent_forms(Store& store,
                                       const std::filesystem::path& csv,
                                       const FormImportOptions& options);

} // namespace contact_audit::ledger
