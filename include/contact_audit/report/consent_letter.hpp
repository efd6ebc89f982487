// SPDX-License-Identifier: MIT
// Consent request letters: one per person, rendered from a replaceable mustache template as
// plain text (for e-mail) and as an A4 PDF (for print).
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace contact_audit::report {

// Everything one letter says. Plain data; the CLI fills it from the audit, the
// ledger's request (form id) and the notice catalogue.
struct ConsentLetter
{
  std::string language; // "de" or "en".
  std::string form_id;  // e.g. "CR-1A2B-3C4D-5E6F-7A8B"; also the file name.
  std::string date;     // ISO 8601 date the letter is dated.
  std::string name;     // The person, as in the address book.
  std::string organisation;
  std::vector<std::string> numbers; // The numbers asked about (E.164), unmasked: the person's own.
  std::vector<std::string> emails;
  std::string controller;         // The company (GDPR Art. 13(1)(a)).
  std::string controller_contact; // Postal address and e-mail for answers and withdrawal.
  std::string dpo;       // Data protection officer's contact (Art. 13(1)(b)); may be empty.
  std::string messenger; // "WhatsApp".
  // The notice the person is asked to agree to (docs/ledger.md, catalogue).
  std::string purpose;
  std::string notice_title;
  std::string notice_version;
  std::string notice_language;
  std::string notice_sha256;
  std::string notice_text;
  std::string recipient;
  std::string data_transmitted;
  std::string legal_basis;
  std::string third_country_transfer;
  std::string retention;
  std::string withdrawal;
  int reconfirm_after_months = 0;
};

// The letter template for `language` ("consent-request.<language>.txt.mustache"):
// the file in `dir` when there is one, else the built-in one. `source` receives
// where it came from. Throws InputError for another language or an unreadable file.
std::string load_letter_template(const std::filesystem::path& dir,
                                 std::string_view language,
                                 std::filesystem::path* source = nullptr);

// `letter` rendered through `template_text` (mustache; values are inserted as
// written, since the result is text, not HTML). The result uses a small line
// markup (reports/templates/README.md): "# " title, "## " heading, "[ ] "
// check box, "---" page break, blank line between paragraphs. Throws
// InputError naming `source` when the template does not parse.
std::string render_letter(const ConsentLetter& letter,
                          const std::string& template_text,
                          const std::filesystem::path& source);

// The rendered letter as plain text for e-mail: markup turned into text
// (titles underlined, page breaks as a dashed line), paragraphs wrapped at 76
// columns, CRLF-free, ending with one newline.
std::string letter_plain_text(std::string_view rendered);

// The rendered letter laid out on A4 pages (pango/cairo, DejaVu Sans) with the
// controller in the header and the form id and page number in the footer,
// written atomically with mode 0600 to `out`. Throws IoError when cairo fails
// or `out` cannot be written.
void write_letter_pdf(std::string_view rendered,
                      const ConsentLetter& letter,
                      const std::filesystem::path& out);

} // namespace contact_audit::report
