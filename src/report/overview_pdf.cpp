// SPDX-License-Identifier: MIT
// The batch overview as an A4 PDF: verdict, totals, change since the last run, trend, devices.
#include "overview_text.hpp"
#include "pdf_canvas.hpp"

#include <contact_audit/report/catalog.hpp>
#include <contact_audit/report/overview.hpp>

namespace contact_audit::report {
namespace {

using pdf::Canvas;
using pdf::Cell;
using pdf::Column;
using pdf::Font;
using pdf::Span;

Cell text_cell(std::string text, Font font = Font::small)
{
  return {Span{std::move(text), font}};
}

void changes(Canvas& canvas, const RunOverview& overview, const Catalog& catalog)
{
  canvas.heading(catalog.text("overview.change"), Font::heading1, 1);
  canvas.paragraph(text_cell(
      overview.previous_run_at.empty()
          ? catalog.text("overview.first_run")
          : catalog.format(
                "overview.previous",
                {{"date", format_date_time(overview.previous_run_at, catalog.language())}}),
      Font::body));
  const double width = Canvas::content_width();
  const std::vector<Column> columns{{catalog.text("overview.device"), width * 0.34},
                                    {catalog.text("overview.number"), width * 0.24},
                                    {catalog.text("overview.state"), width * 0.18},
                                    {catalog.text("overview.detail"), width * 0.24}};
  for (const auto& [heading, list] : overview::change_sections(overview, catalog)) {
    canvas.heading(
        heading + " (" + format_number(list->total, catalog.language()) + ")", Font::heading2, 2);
    if (list->shown.empty()) {
      canvas.paragraph(text_cell(catalog.text("overview.none"), Font::body));
      continue;
    }
    canvas.table(columns, list->shown.size(), [&](std::size_t row, std::vector<Cell>& cells) {
      const auto& change = list->shown[row];
      cells = {text_cell(change.device_id),
               text_cell(change.number, Font::mono),
               text_cell(catalog.text_or("consent." + change.consent_state, change.consent_state)),
               text_cell(overview::change_detail(*list, overview, change, catalog))};
    });
    if (list->total > list->shown.size()) {
      canvas.paragraph(text_cell(catalog.format(
          "overview.more",
          {{"count", format_number(list->total - list->shown.size(), catalog.language())}})));
    }
  }
}

void trend(Canvas& canvas, const RunOverview& overview, const Catalog& catalog)
{
  canvas.heading(catalog.text("overview.trend"), Font::heading1, 1);
  Chart chart;
  chart.id = "trend";
  chart.title = catalog.text("overview.trend_caption");
  for (const auto& point : overview.trend) {
    chart.bars.push_back({"run",
                          overview::trend_label(point, catalog),
                          point.non_compliant_contacts,
                          format_number(point.non_compliant_contacts, catalog.language()),
                          point.devices_failed > 0 ? "#e0a030" : "#1f5fa8"});
    chart.max_value = std::max(chart.max_value, point.non_compliant_contacts);
  }
  canvas.chart(chart, Canvas::content_width());
}

void devices(Canvas& canvas, const RunOverview& overview, const Catalog& catalog)
{
  canvas.heading(catalog.text("overview.device_table"), Font::heading1, 1);
  const double width = Canvas::content_width();
  const std::vector<Column> columns{
      {catalog.text("overview.device"), width * 0.40},
      {catalog.text("overview.status"), width * 0.24},
      {catalog.text("overview.contacts"), width * 0.12, true},
      {catalog.text("overview.non_compliant_contacts"), width * 0.12, true},
      {catalog.text("overview.non_compliant_numbers"), width * 0.12, true}};
  const auto& language = catalog.language();
  canvas.table(columns, overview.devices.size(), [&](std::size_t row, std::vector<Cell>& cells) {
    const auto& device = overview.devices[row];
    Cell status{Span{catalog.text(device.failed ? "overview.status_failed" : "overview.status_ok"),
                     Font::small,
                     device.failed ? pdf::k_bad : pdf::k_ok}};
    if (device.failed) {
      status.push_back(Span{"\n" + device.error, Font::tiny});
    }
    cells = {Cell{Span{device.name, Font::small}, Span{"\n" + device.id, Font::tiny}},
             status,
             text_cell(format_number(device.contacts, language)),
             text_cell(format_number(device.non_compliant_contacts, language)),
             text_cell(format_number(device.non_compliant_numbers, language))};
  });
}

} // namespace

void write_overview_pdf(const RunOverview& overview,
                        std::string_view language,
                        const std::filesystem::path& out)
{
  const Catalog& catalog = Catalog::builtin(language);
  Canvas canvas;
  const std::string title = catalog.text("overview.title");
  canvas.heading(title, Font::title, 1);
  canvas.paragraph(text_cell(
      catalog.format("overview.run",
                     {{"folder", overview.folder},
                      {"date", format_date_time(overview.started_at, catalog.language())}}),
      Font::body));
  const bool ok = overview.non_compliant_contacts == 0 && overview.devices_failed == 0;
  Cell verdict;
  for (const auto& line : overview::verdict_lines(overview, catalog)) {
    verdict.push_back(Span{(verdict.empty() ? "" : "\n") + line, Font::bold});
  }
  canvas.callout(verdict,
                 ok ? pdf::Colour{0.92, 0.96, 0.92} : pdf::Colour{0.98, 0.92, 0.92},
                 ok ? pdf::k_ok : pdf::k_bad);
  canvas.heading(catalog.text("overview.totals"), Font::heading1, 1);
  const auto rows = overview::totals_rows(overview, catalog);
  const double width = Canvas::content_width();
  canvas.table(
      {{"", width * 0.6}, {"", width * 0.4, true}},
      rows.size(),
      [&](std::size_t row, std::vector<Cell>& cells) {
        cells = {text_cell(rows[row].first, Font::body), text_cell(rows[row].second, Font::bold)};
      });
  changes(canvas, overview, catalog);
  trend(canvas, overview, catalog);
  devices(canvas, overview, catalog);
  const pdf::Metadata metadata{title,
                               overview.company,
                               catalog.text("overview.subject"),
                               "contact-audit, batch",
                               "contact-audit " + overview.tool_version,
                               overview.started_at};
  const pdf::PageDecoration decoration{overview.company,
                                       title,
                                       format_date_time(overview.started_at, catalog.language()),
                                       catalog.text("report.page_of")};
  canvas.finish(out, metadata, decoration);
}

} // namespace contact_audit::report
