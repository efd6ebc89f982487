// SPDX-License-Identifier: MIT
// Findings as CSV: one row per number of each finding, formula injection neutralised.
#include <contact_audit/core/atomic_file.hpp>
#include <contact_audit/core/csv_writer.hpp>
#include <contact_audit/phone/normaliser.hpp>
#include <contact_audit/report/data_formats.hpp>

namespace contact_audit::report {
namespace {

std::string shown(const std::string& number, bool reveal)
{
  return reveal || number.empty() ? number : phone::mask(number);
}

std::string rule_ids(const audit::Finding& finding)
{
  std::string ids;
  for (const auto& reason : finding.reasons) {
    ids += ids.empty() ? "" : ";";
    ids += reason.rule_id;
  }
  return ids;
}

void write_finding_rows(std::ostream& out, const audit::Finding& finding, bool reveal)
{
  for (const auto& number : finding.numbers) {
    write_csv_row(out,
                  {finding.contact,
                   finding.organisation,
                   finding.file,
                   std::to_string(finding.line),
                   finding.account,
                   finding.classification,
                   std::to_string(finding.score),
                   rule_ids(finding),
                   finding.exposure,
                   shown(number.e164, reveal),
                   shown(number.raw, reveal),
                   number.type,
                   number.consent_state,
                   number.consent_detail,
                   finding.remediation});
  }
}

} // namespace

void write_csv_report(const audit::AuditResult& result,
                      bool reveal,
                      const std::filesystem::path& out)
{
  AtomicFile file(out);
  write_csv_row(file.stream(),
                {"contact",
                 "organisation",
                 "file",
                 "line",
                 "account",
                 "classification",
                 "score",
                 "rules",
                 "exposure",
                 "e164",
                 "raw",
                 "number_type",
                 "consent_state",
                 "consent_detail",
                 "remediation"});
  for (const auto& finding : result.findings) {
    write_finding_rows(file.stream(), finding, reveal);
  }
  for (const auto& finding : result.residual) {
    write_finding_rows(file.stream(), finding, reveal);
  }
  file.commit();
}

} // namespace contact_audit::report
