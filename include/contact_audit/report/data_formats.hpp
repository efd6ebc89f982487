// SPDX-License-Identifier: MIT
// Machine-readable and terminal renderings of an audit: JSON (docs/audit-json.md), CSV, summary.
#pragma once

#include <contact_audit/audit/result.hpp>

#include <filesystem>
#include <ostream>
#include <string>
#include <string_view>

namespace contact_audit::report {

// The audit as JSON (schema "contact-audit/audit/1", docs/audit-json.md). Numbers
// are masked unless `reveal`; the document records which.
std::string audit_to_json(const audit::AuditResult& result, bool reveal);
// The same, streamed to `out` (a large audit is never held as one string).
void write_audit_json(std::ostream& out, const audit::AuditResult& result, bool reveal);

// Read an audit written by audit_to_json. Throws InputError naming `source`
// when the text is not JSON or not an audit of a known schema version.
audit::AuditResult audit_from_json(std::string_view json, const std::string& source);

// Write the JSON or the findings CSV (one row per number of each finding; cells
// neutralised against formula injection) atomically with mode 0600. Throws IoError.
void write_json_report(const audit::AuditResult& result,
                       bool reveal,
                       const std::filesystem::path& out);
void write_csv_report(const audit::AuditResult& result,
                      bool reveal,
                      const std::filesystem::path& out);

// The terminal summary: figures, consent states, non-compliant uploads, top remediations.
void print_summary(std::ostream& out,
                   const audit::AuditResult& result,
                   std::string_view language,
                   bool reveal);

} // namespace contact_audit::report
