// SPDX-License-Identifier: MIT
// The PDF report, laid out with pango and drawn with cairo on A4 pages.
#pragma once

#include <contact_audit/audit/result.hpp>
#include <contact_audit/report/options.hpp>

#include <filesystem>

namespace contact_audit::report {

// Write `result` as an A4 PDF in `options.language` to `out` (atomically, mode
// 0600): the same six sections as the HTML report, wrapped text in DejaVu Sans,
// table headers repeated on every page, header (company, title) and footer
// (date, "Seite N von M" / "Page N of M") on every page, vector charts, an
// outline, and document metadata (title, author, subject, creator, creation
// date = the audit time). Findings beyond `options.pdf_detailed_findings` go to
// a compact appendix. Throws InputError for an unknown language and IoError
// when cairo or pango fail (with cairo's own message) or `out` cannot be written.
// Uses pango's per-thread font map: safe to call from several threads at once.
void write_pdf_report(const audit::AuditResult& result,
                      const ReportOptions& options,
                      const std::filesystem::path& out);

} // namespace contact_audit::report
