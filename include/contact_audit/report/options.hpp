// SPDX-License-Identifier: MIT
// ReportOptions: what the reader chose for an HTML or PDF report (language, masking, template,
// company).
#pragma once

#include <cstddef>
#include <filesystem>
#include <string>

namespace contact_audit::report {

// Options shared by the HTML and PDF reports. Plain data; copy freely.
struct ReportOptions
{
  // "de" or "en"; anything else makes the writers throw InputError.
  // See default_language() for the locale's choice.
  std::string language = "de";
  // Show full phone numbers instead of masked ones (phone::mask). Off by default:
  // data minimisation (GDPR Art. 5(1)(c)).
  bool reveal = false;
  // A company's own HTML template directory (--template DIR). Each file found
  // there (report.html.mustache, style.css, script.js, letterhead.mustache)
  // replaces the built-in one of the same name; empty uses the built-in set.
  std::filesystem::path template_dir;
  // Company shown on the cover, in the PDF header and as the PDF author; empty
  // uses the audit's manifest.company.
  std::string company;
  // The PDF lists this many findings in full in section 2; the rest go to a
  // compact appendix so that large audits stay readable and fast. 0 = all in full.
  std::size_t pdf_detailed_findings = 500;
};

} // namespace contact_audit::report
