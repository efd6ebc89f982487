// SPDX-License-Identifier: MIT
// The HTML report: one self-contained file (inline CSS, inline SVG charts, optional JS
// filter/sort).
#pragma once

#include <contact_audit/audit/result.hpp>
#include <contact_audit/report/options.hpp>

#include <filesystem>
#include <string>

namespace contact_audit::report {

// Render `result` as one self-contained HTML document in `options.language`:
// summary with charts, findings (complete without JavaScript; filter and sort
// with it), what-if, numbers needing attention, method and legal basis,
// manifest. Every value taken from an address book is HTML-escaped by the
// mustache templates, and a Content-Security-Policy allows only the report's
// own script. Throws InputError for an unknown language, a missing or
// unreadable template directory, or a template that does not parse (naming the file).
std::string render_html_report(const audit::AuditResult& result, const ReportOptions& options);

// render_html_report, written atomically to `out` with mode 0600.
// Throws as render_html_report, and IoError when `out` cannot be written.
void write_html_report(const audit::AuditResult& result,
                       const ReportOptions& options,
                       const std::filesystem::path& out);

} // namespace contact_audit::report
