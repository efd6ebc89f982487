// SPDX-License-Identifier: MIT
// The terminal summary of an audit, in the reader's language, from the report catalogue.
#include <contact_audit/phone/normaliser.hpp>
#include <contact_audit/report/catalog.hpp>
#include <contact_audit/report/data_formats.hpp>

#include <algorithm>
#include <iomanip>

namespace contact_audit::report {
namespace {

constexpr std::size_t k_findings_shown = 20;

void figure(std::ostream& out,
            const std::string& label,
            std::size_t value,
            std::string_view language)
{
  out << "  " << std::left << std::setw(44) << label << format_number(value, language) << '\n';
}

std::string numbers_of(const audit::Finding& finding, const Catalog& catalog, bool reveal)
{
  std::string text;
  for (const auto& number : finding.numbers) {
    const auto& shown = number.e164.empty() ? number.raw : number.e164;
    text += text.empty() ? "" : ", ";
    text += reveal ? shown : phone::mask(shown);
    text +=
        " (" +
        consent_label(catalog, number.consent_state, number.requested_at, number.request_age_days) +
        ")";
  }
  return text;
}

} // namespace

void print_summary(std::ostream& out,
                   const audit::AuditResult& result,
                   std::string_view language,
                   bool reveal)
{
  const auto& catalog = Catalog::builtin(language);
  const auto& manifest = result.manifest;
  const auto& totals = result.totals;
  const std::string messenger =
      manifest.messenger_name.empty() ? manifest.messenger : manifest.messenger_name;
  out << catalog.format("report.title", {{"messenger", messenger}}) << '\n'
      << catalog.text("summary.scope") << ": " << manifest.device_name << " ("
      << catalog.text_or("platform." + manifest.platform, manifest.platform) << ")\n"
      << catalog.text("summary.as_of") << ": " << format_date_time(manifest.as_of, language)
      << '\n';
  // The head printed in every report is the external anchor of the hash chain: a ledger
  // rewritten or cut after this audit no longer holds it (docs/ledger.md §3).
  if (!manifest.ledger_head_hash.empty()) {
    out << catalog.text("summary.ledger_head") << ": " << manifest.ledger_events << ':'
        << manifest.ledger_head_hash << '\n';
  }
  out << '\n';
  figure(out, catalog.text("summary.contacts_read"), totals.contacts_read, language);
  figure(out, catalog.text("summary.contacts_rejected"), totals.contacts_rejected, language);
  figure(out, catalog.text("summary.visible"), totals.visible, language);
  figure(out, catalog.text("summary.lookup_only"), totals.lookup_only, language);
  figure(out, catalog.text("summary.not_visible"), totals.not_visible, language);
  figure(out, catalog.text("summary.business"), totals.business, language);
  figure(out, catalog.text("summary.private"), totals.private_, language);
  figure(out, catalog.text("summary.unknown"), totals.unknown, language);
  figure(out, catalog.text("summary.numbers_uploaded"), totals.numbers_uploaded, language);
  for (const auto& [state, count] : totals.consent_states) {
    figure(out, "  " + catalog.text_or("consent." + state, state), count, language);
  }
  figure(
      out, catalog.text("summary.non_compliant_contacts"), totals.non_compliant_contacts, language);
  figure(
      out, catalog.text("summary.non_compliant_numbers"), totals.non_compliant_numbers, language);
  out << '\n';
  if (result.compliant()) {
    out << catalog.format("summary.verdict_compliant", {{"messenger", messenger}}) << "\n";
  } else {
    out << catalog.format("summary.verdict_non_compliant",
                          {{"messenger", messenger},
                           {"contacts", format_number(totals.non_compliant_contacts, language)},
                           {"numbers", format_number(totals.non_compliant_numbers, language)}})
        << "\n\n";
    const std::size_t shown = std::min(result.findings.size(), k_findings_shown);
    for (std::size_t i = 0; i < shown; ++i) {
      const auto& finding = result.findings[i];
      out << "  " << finding.file << ':' << finding.line << ": " << finding.contact << " ["
          << catalog.text_or("class." + finding.classification, finding.classification) << "] "
          << numbers_of(finding, catalog, reveal) << " -> "
          << catalog.text_or("remediation." + finding.remediation, finding.remediation) << '\n';
    }
    if (result.findings.size() > shown) {
      out << "  … (" << format_number(result.findings.size() - shown, language) << ")\n";
    }
  }
  if (!result.what_if.empty()) {
    out << '\n' << catalog.text("whatif.heading") << '\n';
    for (const auto& alternative : result.what_if) {
      out << "  " << std::right << std::setw(6)
          << format_number(alternative.non_compliant_contacts, language) << "  "
          << alternative.name.in(std::string(language)) << '\n';
    }
  }
}

} // namespace contact_audit::report
