// SPDX-License-Identifier: MIT
// The batch overview as one self-contained HTML page with an inline SVG trend chart.
#include "overview_text.hpp"

#include <contact_audit/report/catalog.hpp>
#include <contact_audit/report/overview.hpp>

#include <algorithm>
#include <array>
#include <string>

namespace contact_audit::report {
namespace {

// Every value from a configuration or an address book goes through here.
std::string escape(std::string_view text)
{
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    switch (c) {
    case '&':
      out += "&amp;";
      break;
    case '<':
      out += "&lt;";
      break;
    case '>':
      out += "&gt;";
      break;
    case '"':
      out += "&quot;";
      break;
    case '\'':
      out += "&#39;";
      break;
    default:
      out += c;
    }
  }
  return out;
}

constexpr std::string_view k_style =
    "body{font-family:'DejaVu Sans',Arial,sans-serif;color:#1c2430;margin:2em;max-width:70em}"
    "table{border-collapse:collapse;margin:.5em 0 1.5em}th,td{border-bottom:1px solid "
    "#d1d9e0;padding:.25em .6em;text-align:left;vertical-align:top}td.n{text-align:right}"
    ".bad{color:#c72929}.ok{color:#2e7d32}.verdict{padding:.6em 1em;border-left:.4em solid "
    "#c72929;background:#fbeaea}.verdict.ok{border-color:#2e7d32;background:#eaf5ea}"
    "svg text{font-size:11px;fill:#1c2430}";

// Columns for the last runs, the newest on the right; each labelled with its count.
std::string trend_svg(const RunOverview& overview, const Catalog& catalog)
{
  constexpr int column = 56;
  constexpr int height = 160;
  constexpr int top = 20;
  const int width = std::max<int>(1, static_cast<int>(overview.trend.size())) * column + 20;
  std::uint64_t max = 1;
  for (const auto& point : overview.trend) {
    max = std::max(max, point.non_compliant_contacts);
  }
  std::string svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"trend\" role=\"img\" width=\"" +
                    std::to_string(width) + "\" height=\"" + std::to_string(height + 50) +
                    "\"><title>" + escape(catalog.text("overview.trend_caption")) + "</title>";
  int x = 10;
  for (const auto& point : overview.trend) {
    const int bar = static_cast<int>(static_cast<double>(point.non_compliant_contacts) * height /
                                     static_cast<double>(max));
    const int y = top + height - bar;
    svg += "<rect x=\"" + std::to_string(x + 8) + "\" y=\"" + std::to_string(y) + "\" width=\"" +
           std::to_string(column - 16) + "\" height=\"" + std::to_string(bar) + "\" fill=\"" +
           (point.devices_failed > 0 ? "#e0a030" : "#1f5fa8") + "\"/>";
    svg += "<text x=\"" + std::to_string(x + column / 2) + "\" y=\"" + std::to_string(y - 4) +
           "\" text-anchor=\"middle\">" +
           escape(format_number(point.non_compliant_contacts, catalog.language())) + "</text>";
    svg += "<text x=\"" + std::to_string(x + column / 2) + "\" y=\"" +
           std::to_string(top + height + 16) + "\" text-anchor=\"middle\">" +
           escape(format_date(point.started_at, catalog.language())) + "</text>";
    x += column;
  }
  return svg + "</svg>";
}

void append_changes(std::string& html, const RunOverview& overview, const Catalog& catalog)
{
  html += "<section id=\"change\"><h2>" + escape(catalog.text("overview.change")) + "</h2>";
  if (overview.previous_run_at.empty()) {
    html += "<p>" + escape(catalog.text("overview.first_run")) + "</p>";
  } else {
    html += "<p>" +
            escape(catalog.format(
                "overview.previous",
                {{"date", format_date_time(overview.previous_run_at, catalog.language())}})) +
            "</p>";
  }
  int index = 0;
  for (const auto& [heading, list] : overview::change_sections(overview, catalog)) {
    static constexpr std::array<std::string_view, 4> ids{
        "newly-exposed", "fixed", "withdrawn", "expiring"};
    html += "<h3 id=\"" + std::string(ids[static_cast<std::size_t>(index++)]) + "\">" +
            escape(heading) + " (" + format_number(list->total, catalog.language()) + ")</h3>";
    if (list->shown.empty()) {
      html += "<p>" + escape(catalog.text("overview.none")) + "</p>";
      continue;
    }
    html += "<table><thead><tr><th>" + escape(catalog.text("overview.device")) + "</th><th>" +
            escape(catalog.text("overview.number")) + "</th><th>" +
            escape(catalog.text("overview.state")) + "</th><th>" +
            escape(catalog.text("overview.detail")) + "</th></tr></thead><tbody>";
    for (const auto& change : list->shown) {
      html += "<tr><td>" + escape(change.device_id) + "</td><td>" + escape(change.number) +
              "</td><td>" +
              escape(catalog.text_or("consent." + change.consent_state, change.consent_state)) +
              "</td><td>" + escape(overview::change_detail(*list, overview, change, catalog)) +
              "</td></tr>";
    }
    html += "</tbody></table>";
    if (list->total > list->shown.size()) {
      html +=
          "<p>" +
          escape(catalog.format(
              "overview.more",
              {{"count", format_number(list->total - list->shown.size(), catalog.language())}})) +
          "</p>";
    }
  }
  html += "</section>";
}

void append_device_row(std::string& html, const OverviewDevice& device, const Catalog& catalog)
{
  const auto& language = catalog.language();
  html += "<tr><td>" + escape(device.name) + "<br><small>" + escape(device.id) +
          "</small></td><td>" +
          escape(catalog.text_or("platform." + device.platform, device.platform)) +
          "</td><td class=\"" + (device.failed ? "bad" : "ok") + "\">" +
          escape(catalog.text(device.failed ? "overview.status_failed" : "overview.status_ok"));
  if (device.failed) {
    html += "<br><small>" + escape(device.error) + "</small>";
  }
  html += "</td><td class=\"n\">" + format_number(device.contacts, language) +
          "</td><td class=\"n\">" + format_number(device.non_compliant_contacts, language) +
          "</td><td class=\"n\">" + format_number(device.non_compliant_numbers, language) +
          "</td><td>";
  for (const auto& report : device.reports) {
    html += "<a href=\"" + escape(report) + "\">" + escape(report.substr(report.rfind('.') + 1)) +
            "</a> ";
  }
  html += "</td></tr>";
}

} // namespace

std::string render_overview_html(const RunOverview& overview, std::string_view language)
{
  const Catalog& catalog = Catalog::builtin(language);
  const std::string title = catalog.text("overview.title");
  std::string html =
      "<!DOCTYPE html>\n<html lang=\"" + catalog.language() +
      "\"><head><meta charset=\"utf-8\"><meta http-equiv=\"Content-Security-Policy\" "
      "content=\"default-src 'none'; style-src 'unsafe-inline'\"><title>" +
      escape(title) + "</title><style>" + std::string(k_style) + "</style></head><body>";
  html += "<h1>" + escape(title) + "</h1><p>" + escape(overview.company) + " · " +
          escape(catalog.format(
              "overview.run",
              {{"folder", overview.folder},
               {"date", format_date_time(overview.started_at, catalog.language())}})) +
          " · " +
          escape(catalog.format("overview.as_of",
                                {{"date", format_date_time(overview.as_of, catalog.language())}})) +
          "</p>";
  const bool ok = overview.non_compliant_contacts == 0 && overview.devices_failed == 0;
  html += std::string("<div id=\"verdict\" class=\"verdict") + (ok ? " ok" : "") + "\">";
  for (const auto& line : overview::verdict_lines(overview, catalog)) {
    html += "<p>" + escape(line) + "</p>";
  }
  html += "</div><h2>" + escape(catalog.text("overview.totals")) + "</h2><table id=\"totals\">";
  for (const auto& [label, value] : overview::totals_rows(overview, catalog)) {
    html +=
        "<tr><th scope=\"row\">" + escape(label) + "</th><td class=\"n\">" + value + "</td></tr>";
  }
  html += "</table>";
  append_changes(html, overview, catalog);
  html += "<section id=\"trend-section\"><h2>" + escape(catalog.text("overview.trend")) + "</h2>" +
          trend_svg(overview, catalog) + "</section>";
  html += "<section id=\"devices\"><h2>" + escape(catalog.text("overview.device_table")) +
          "</h2><table><thead><tr><th>" + escape(catalog.text("overview.device")) + "</th><th>" +
          escape(catalog.text("overview.platform")) + "</th><th>" +
          escape(catalog.text("overview.status")) + "</th><th>" +
          escape(catalog.text("overview.contacts")) + "</th><th>" +
          escape(catalog.text("overview.non_compliant_contacts")) + "</th><th>" +
          escape(catalog.text("overview.non_compliant_numbers")) + "</th><th>" +
          escape(catalog.text("overview.reports")) + "</th></tr></thead><tbody>";
  for (const auto& device : overview.devices) {
    append_device_row(html, device, catalog);
  }
  html += "</tbody></table></section></body></html>\n";
  return html;
}

} // namespace contact_audit::report
