// SPDX-License-Identifier: MIT
// Texts shared by the HTML and PDF renderings of a batch overview.
#pragma once

#include <contact_audit/report/catalog.hpp>
#include <contact_audit/report/overview.hpp>

#include <string>
#include <utility>
#include <vector>

namespace contact_audit::report::overview {

// The verdict sentences of the run: compliant or not, then failed devices if any.
std::vector<std::string> verdict_lines(const RunOverview& overview, const Catalog& catalog);

// The totals table as (label, value) rows.
std::vector<std::pair<std::string, std::string>> totals_rows(const RunOverview& overview,
                                                             const Catalog& catalog);

// The four change lists with their headings, in the order the reports show them.
std::vector<std::pair<std::string, const ChangeList*>> change_sections(const RunOverview& overview,
                                                                       const Catalog& catalog);

// The detail column of a change: for expiring consents "expires 20.09.2026"
// (the detail holds the ISO date), otherwise the detail as it is.
std::string change_detail(const ChangeList& list,
                          const RunOverview& overview,
                          const OverviewChange& change,
                          const Catalog& catalog);

// A trend point's label: the run's date and time in `catalog`'s language.
std::string trend_label(const TrendPoint& point, const Catalog& catalog);

} // namespace contact_audit::report::overview
