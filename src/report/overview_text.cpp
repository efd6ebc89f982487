// SPDX-License-Identifier: MIT
// Texts shared by the HTML and PDF renderings of a batch overview.
#include "overview_text.hpp"

namespace contact_audit::report::overview {

std::vector<std::string> verdict_lines(const RunOverview& overview, const Catalog& catalog)
{
  const auto& language = catalog.language();
  std::vector<std::string> lines;
  if (overview.non_compliant_contacts == 0) {
    lines.push_back(catalog.text("overview.verdict_compliant"));
  } else {
    lines.push_back(
        catalog.format("overview.verdict_non_compliant",
                       {{"contacts", format_number(overview.non_compliant_contacts, language)},
                        {"numbers", format_number(overview.non_compliant_numbers, language)}}));
  }
  if (overview.devices_failed > 0) {
    lines.push_back(
        catalog.format("overview.verdict_failed",
                       {{"devices", format_number(overview.devices_failed, language)}}));
  }
  return lines;
}

std::vector<std::pair<std::string, std::string>> totals_rows(const RunOverview& overview,
                                                             const Catalog& catalog)
{
  const auto& language = catalog.language();
  const auto number = [&](std::size_t n) { return format_number(n, language); };
  return {
      {catalog.text("overview.devices"), number(overview.devices.size())},
      {catalog.text("overview.devices_failed"), number(overview.devices_failed)},
      {catalog.text("overview.contacts"), number(overview.contacts)},
      {catalog.text("overview.numbers_uploaded"), number(overview.numbers_uploaded)},
      {catalog.text("overview.non_compliant_contacts"), number(overview.non_compliant_contacts)},
      {catalog.text("overview.non_compliant_numbers"), number(overview.non_compliant_numbers)},
      {catalog.text("overview.distinct_numbers"), number(overview.numbers_parsed)},
  };
}

std::vector<std::pair<std::string, const ChangeList*>> change_sections(const RunOverview& overview,
                                                                       const Catalog& catalog)
{
  return {
      {catalog.text("overview.newly_exposed"), &overview.newly_exposed},
      {catalog.text("overview.fixed"), &overview.fixed},
      {catalog.text("overview.withdrawn"), &overview.withdrawn},
      {catalog.format("overview.expiring",
                      {{"days", std::to_string(overview.expiry_warning_days)}}),
       &overview.expiring},
  };
}

std::string change_detail(const ChangeList& list,
                          const RunOverview& overview,
                          const OverviewChange& change,
                          const Catalog& catalog)
{
  if (&list != &overview.expiring || change.detail.empty()) {
    return change.detail;
  }
  return catalog.format("overview.expires",
                        {{"date", format_date(change.detail, catalog.language())}});
}

std::string trend_label(const TrendPoint& point, const Catalog& catalog)
{
  return format_date_time(point.started_at, catalog.language());
}

} // namespace contact_audit::report::overview
