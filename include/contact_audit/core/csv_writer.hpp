// SPDX-License-Identifier: MIT
// Writing CSV that spreadsheets open safely (RFC 4180 quoting, formula injection neutralised).
#pragma once

#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace contact_audit {

// One CSV cell: quoted when needed; a value starting with = + - @ (or a tab or
// CR) gets a leading apostrophe so no spreadsheet runs it as a formula.
std::string csv_cell(std::string_view value);

// Write `cells` as one CRLF-terminated CSV row.
void write_csv_row(std::ostream& out, const std::vector<std::string>& cells);

} // namespace contact_audit
