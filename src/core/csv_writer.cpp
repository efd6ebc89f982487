// SPDX-License-Identifier: MIT
// CSV output with OWASP's formula-injection rule applied to every cell.
#include <contact_audit/core/csv_writer.hpp>

namespace contact_audit {

std::string csv_cell(std::string_view value)
{
  std::string cell;
  // OWASP "CSV Injection": neutralise cells that a spreadsheet would evaluate.
  if (!value.empty() && (value.front() == '=' || value.front() == '+' || value.front() == '-' ||
                         value.front() == '@' || value.front() == '\t' || value.front() == '\r')) {
    cell = "'";
  }
  cell += value;
  if (cell.find_first_of(",;\"\r\n'") == std::string::npos) {
    return cell;
  }
  std::string quoted = "\"";
  for (const char c : cell) {
    quoted += c;
    if (c == '"') {
      quoted += '"';
    }
  }
  quoted += '"';
  return quoted;
}

void write_csv_row(std::ostream& out, const std::vector<std::string>& cells)
{
  for (std::size_t i = 0; i < cells.size(); ++i) {
    if (i != 0) {
      out << ',';
    }
    out << csv_cell(cells[i]);
  }
  out << "\r\n";
}

} // namespace contact_audit
