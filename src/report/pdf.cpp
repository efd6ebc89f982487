// SPDX-License-Identifier: MIT
// The PDF report: the ReportModel laid out section by section on a pdf::Canvas.
#include "model.hpp"
#include "pdf_canvas.hpp"

#include <contact_audit/report/pdf.hpp>

#include <algorithm>

namespace contact_audit::report {

namespace {

using pdf::Canvas;
using pdf::Cell;
using pdf::Column;
using pdf::Font;

constexpr double k_width = Canvas::content_width();

pdf::Colour consent_colour(const std::string& state)
{
  if (state == "valid" || state == "not_needed") {
    return pdf::k_ok;
  }
  return state == "pending" ? pdf::Colour{0.60, 0.42, 0.0} : pdf::k_bad;
}

class PdfReport
{
public:
  PdfReport(const ReportModel& model, const ReportOptions& options)
      : m_model(model), m_catalog(*model.catalog), m_options(options)
  {
  }

  void write(const std::filesystem::path& out)
  {
    summary();
    findings();
    what_if();
    attention();
    method();
    manifest();
    appendix();
    const pdf::Metadata metadata{m_model.title,
                                 m_model.author,
                                 m_model.subject,
                                 m_model.keywords,
                                 m_model.generator,
                                 m_model.created_iso};
    const pdf::PageDecoration decoration{
        m_model.company.empty() ? m_catalog.text("report.no_company") : m_model.company,
        m_model.short_title,
        m_model.created + " · " + m_model.generator,
        m_catalog.text("report.page_of")};
    m_canvas.finish(out, metadata, decoration);
  }

private:
  std::string text(std::string_view key) const { return m_model.text(key); }
  std::size_t detailed() const
  {
    const std::size_t limit = m_options.pdf_detailed_findings;
    return limit == 0 ? m_model.findings.size() : std::min(limit, m_model.findings.size());
  }

  void key_values(const std::vector<KeyValue>& entries, double key_width);
  void summary();
  void figures();
  void finding_table(const std::vector<FindingRow>& rows, std::size_t count);
  void findings();
  void what_if();
  void attention();
  void method();
  void manifest();
  void appendix();

  const ReportModel& m_model;
  const Catalog& m_catalog;
  const ReportOptions& m_options;
  Canvas m_canvas;
};

void PdfReport::key_values(const std::vector<KeyValue>& entries, double key_width)
{
  m_canvas.table(
      {{"", key_width}, {"", k_width - key_width}},
      entries.size(),
      [&](std::size_t row, std::vector<Cell>& cells) {
        const KeyValue& entry = entries[row];
        cells[0] = {{entry.key, Font::small, pdf::k_muted}};
        cells[1] = {{entry.value, entry.mono ? Font::mono : Font::small, pdf::k_ink}};
      },
      pdf::TableStyle{false, false, 2});
}

void PdfReport::figures()
{
  // Three label/value pairs per row.
  constexpr std::size_t k_per_row = 3;
  const double value_width = 48;
  const double label_width = k_width / k_per_row - value_width;
  std::vector<Column> columns;
  for (std::size_t i = 0; i < k_per_row; ++i) {
    columns.push_back({"", label_width});
    columns.push_back({"", value_width, true});
  }
  const std::vector<Figure>& figures = m_model.figures;
  m_canvas.table(
      columns,
      (figures.size() + k_per_row - 1) / k_per_row,
      [&](std::size_t row, std::vector<Cell>& cells) {
        for (std::size_t i = 0; i < k_per_row && row * k_per_row + i < figures.size(); ++i) {
          const Figure& figure = figures[row * k_per_row + i];
          cells[2 * i] = {{figure.label, Font::small, pdf::k_muted}};
          cells[2 * i + 1] = {{figure.value, Font::bold, figure.alert ? pdf::k_bad : pdf::k_ink}};
        }
      },
      pdf::TableStyle{false, true, 3});
}

void PdfReport::summary()
{
  m_canvas.paragraph({{m_model.title, Font::title, pdf::k_ink}}, 2);
  m_canvas.paragraph(
      {{m_model.cover.front().value + " · " + m_model.created, Font::body, pdf::k_muted}}, 8);
  m_canvas.heading(m_catalog.text("summary.heading"), Font::heading1, 1);
  m_canvas.callout(
      {{m_model.verdict_label + "\n", Font::heading2, m_model.compliant ? pdf::k_ok : pdf::k_bad},
       {m_model.verdict, Font::body, pdf::k_ink}},
      m_model.compliant ? pdf::Colour{0.91, 0.96, 0.91} : pdf::Colour{0.99, 0.93, 0.92},
      m_model.compliant ? pdf::k_ok : pdf::k_bad);
  key_values(m_model.cover, 150);
  m_canvas.paragraph({{m_model.numbers_note, Font::small, pdf::k_muted}});
  m_canvas.heading(m_catalog.text("summary.figures"), Font::heading2, 0, 60);
  figures();
  m_canvas.heading(m_catalog.text("summary.charts"), Font::heading2, 0, 100);
  for (const Chart& chart : m_model.charts) {
    if (chart.bars.empty()) {
      m_canvas.paragraph({{chart.title + ": " + m_catalog.text("summary.chart_empty"),
                           Font::small,
                           pdf::k_muted}});
    } else {
      m_canvas.chart(chart, k_width);
    }
  }
  m_canvas.heading(m_catalog.text("summary.top_remediations"), Font::heading2, 0, 50);
  std::size_t index = 0;
  for (const std::string& remediation : m_model.top_remediations) {
    m_canvas.paragraph(
        {{std::to_string(++index) + ".  " + remediation, Font::body, pdf::k_ink}}, 3, 8);
  }
  if (!m_model.remediation_counts.empty()) {
    m_canvas.heading(m_catalog.text("summary.remediations"), Font::heading2, 0, 50);
    key_values(m_model.remediation_counts, 200);
  }
}

void PdfReport::finding_table(const std::vector<FindingRow>& rows, std::size_t count)
{
  const std::vector<Column> columns{
      {m_catalog.text("findings.col_index"), 24, true},
      {m_catalog.text("findings.col_contact"), 98},
      {m_catalog.text("findings.col_class"), 112},
      {m_catalog.text("findings.col_account"), 86},
      {m_catalog.text("findings.col_numbers"), 104},
      {m_catalog.text("findings.col_remediation"), k_width - 24 - 98 - 112 - 86 - 104},
  };
  m_canvas.table(columns, count, [&](std::size_t index, std::vector<Cell>& cells) {
    const FindingRow& row = rows[index];
    cells[0] = {{row.index_text, Font::small, pdf::k_muted}};
    cells[1] = {{row.contact, Font::small_bold, pdf::k_ink}};
    if (!row.organisation.empty()) {
      cells[1].push_back({"\n" + row.organisation, Font::small, pdf::k_ink});
    }
    cells[1].push_back({"\n" + row.source, Font::tiny, pdf::k_muted});
    cells[2] = {{row.class_text, Font::small_bold, pdf::k_ink},
                {"  " + row.score, Font::tiny, pdf::k_muted}};
    for (const ReasonLine& reason : row.reasons) {
      cells[2].push_back({"\n• " + reason.text, Font::small, pdf::k_ink});
      cells[2].push_back(
          {" (" + reason.rule_id + ", " + reason.weight + ")", Font::tiny, pdf::k_muted});
    }
    cells[3] = {{row.account, Font::small, pdf::k_ink},
                {"\n" + row.exposure, Font::small_bold, pdf::k_bad}};
    if (!row.exposure_reason.empty()) {
      cells[3].push_back({"\n" + row.exposure_reason, Font::tiny, pdf::k_muted});
    }
    for (const NumberLine& number : row.numbers) {
      cells[4].push_back({(cells[4].empty() ? "" : "\n") + number.number, Font::mono, pdf::k_ink});
      cells[4].push_back({" " + number.type + "\n", Font::tiny, pdf::k_muted});
      cells[4].push_back({number.consent, Font::small_bold, consent_colour(number.consent_id)});
      if (!number.detail.empty()) {
        cells[4].push_back({" · " + number.detail, Font::tiny, pdf::k_muted});
      }
    }
    if (row.numbers.empty()) {
      cells[4] = {{m_catalog.text("findings.no_number"), Font::small, pdf::k_muted}};
    }
    cells[5] = {{row.remediation, Font::small_bold, pdf::k_ink}};
    if (!row.remediation_text.empty()) {
      cells[5].push_back({"\n" + row.remediation_text, Font::small, pdf::k_ink});
    }
  });
}

void PdfReport::findings()
{
  if (!m_canvas.at_page_top()) {
    m_canvas.new_page();
  }
  m_canvas.heading(m_catalog.text("findings.heading"), Font::heading1, 1);
  m_canvas.paragraph({{text("findings.intro"), Font::body, pdf::k_ink}});
  if (m_model.findings.empty()) {
    m_canvas.paragraph({{m_catalog.text("findings.none"), Font::bold, pdf::k_ok}});
  } else {
    if (detailed() < m_model.findings.size()) {
      m_canvas.paragraph(
          {{fill(m_catalog.text("findings.appendix_note"),
                 {{"limit", format_number(detailed(), m_model.language)},
                  {"rest", format_number(m_model.findings.size() - detailed(), m_model.language)}}),
            Font::body,
            pdf::k_bad}});
    }
    finding_table(m_model.findings, detailed());
  }
  if (!m_model.residual.empty()) {
    m_canvas.heading(text("findings.residual_heading"), Font::heading2, 2);
    m_canvas.paragraph({{text("findings.residual_intro"), Font::body, pdf::k_ink}});
    finding_table(m_model.residual, m_model.residual.size());
  }
}

void PdfReport::what_if()
{
  m_canvas.heading(m_catalog.text("whatif.heading"), Font::heading1, 1);
  m_canvas.paragraph({{m_catalog.text("whatif.intro"), Font::body, pdf::k_ink}});
  const double number_width = 70;
  const std::vector<Column> columns{
      {m_catalog.text("whatif.col_configuration"), k_width - 4 * number_width},
      {m_catalog.text("whatif.col_contacts"), number_width, true},
      {m_catalog.text("whatif.col_numbers"), number_width, true},
      {m_catalog.text("whatif.col_lookup"), number_width, true},
      {m_catalog.text("whatif.col_change"), number_width, true},
  };
  m_canvas.table(columns, m_model.what_if.size(), [&](std::size_t index, std::vector<Cell>& cells) {
    const WhatIfRow& row = m_model.what_if[index];
    const Font font = row.current ? Font::small_bold : Font::small;
    cells[0] = {{row.name, font, pdf::k_ink}};
    if (!row.description.empty()) {
      cells[0].push_back({"\n" + row.description, Font::tiny, pdf::k_muted});
    }
    cells[1] = {{row.contacts, font, pdf::k_ink}};
    cells[2] = {{row.numbers, font, pdf::k_ink}};
    cells[3] = {{row.lookup_only, font, pdf::k_ink}};
    cells[4] = {{row.change, Font::small_bold, row.improves ? pdf::k_ok : pdf::k_ink}};
  });
  if (m_model.what_if.size() <= 1) {
    m_canvas.paragraph({{m_catalog.text("whatif.none"), Font::body, pdf::k_muted}});
  }
}

void PdfReport::attention()
{
  m_canvas.heading(m_catalog.text("attention.heading"), Font::heading1, 1);
  m_canvas.paragraph({{m_catalog.text("attention.intro"), Font::body, pdf::k_ink}});
  if (m_model.attention.empty()) {
    m_canvas.paragraph({{m_catalog.text("attention.none"), Font::body, pdf::k_ok}});
    return;
  }
  const std::vector<Column> columns{
      {m_catalog.text("attention.col_contact"), 100},
      {m_catalog.text("attention.col_source"), 85},
      {m_catalog.text("attention.col_number"), 95},
      {m_catalog.text("attention.col_status"), 65},
      {m_catalog.text("attention.col_issue"), k_width - 100 - 85 - 95 - 65},
  };
  m_canvas.table(
      columns, m_model.attention.size(), [&](std::size_t index, std::vector<Cell>& cells) {
        const AttentionRow& row = m_model.attention[index];
        cells[0] = {{row.contact, Font::small, pdf::k_ink}};
        cells[1] = {{row.source, Font::tiny, pdf::k_muted}};
        cells[2] = {{row.number, Font::mono, pdf::k_ink}};
        cells[3] = {{row.status, Font::small_bold, pdf::k_ink}};
        cells[4] = {{row.issue, Font::small, pdf::k_ink}};
      });
  if (!m_model.attention_omitted.empty()) {
    m_canvas.paragraph({{m_model.attention_omitted, Font::small, pdf::k_muted}});
  }
}

void PdfReport::method()
{
  m_canvas.heading(m_catalog.text("method.heading"), Font::heading1, 1);
  for (const TextBlock& block : m_model.method) {
    m_canvas.heading(block.heading, Font::heading2, 2, 50);
    for (const std::string& paragraph : block.paragraphs) {
      m_canvas.paragraph({{paragraph, Font::body, pdf::k_ink}});
    }
  }
}

void PdfReport::manifest()
{
  m_canvas.heading(m_catalog.text("manifest.heading"), Font::heading1, 1, 120);
  m_canvas.paragraph({{m_catalog.text("manifest.intro"), Font::body, pdf::k_ink}});
  key_values(m_model.manifest, 150);
  m_canvas.heading(m_catalog.text("manifest.inputs"), Font::heading2, 2, 50);
  const std::vector<Column> columns{
      {m_catalog.text("manifest.col_path"), 130},
      {m_catalog.text("manifest.col_account"), 55},
      {m_catalog.text("manifest.col_contacts"), 42, true},
      {m_catalog.text("manifest.col_sha256"), k_width - 130 - 55 - 42},
  };
  const std::vector<InputRow>& inputs = m_model.inputs;
  m_canvas.table(columns, inputs.size(), [&](std::size_t index, std::vector<Cell>& cells) {
    cells[0] = {{inputs[index].path, Font::mono, pdf::k_ink}};
    cells[1] = {{inputs[index].account, Font::small, pdf::k_ink}};
    cells[2] = {{inputs[index].contacts, Font::small, pdf::k_ink}};
    cells[3] = {{inputs[index].sha256, Font::mono, pdf::k_ink}};
  });
}

// Findings beyond the detailed limit, one compact row each.
void PdfReport::appendix()
{
  const std::size_t from = detailed();
  const std::vector<FindingRow>& rows = m_model.findings;
  if (from >= rows.size()) {
    return;
  }
  if (!m_canvas.at_page_top()) {
    m_canvas.new_page();
  }
  m_canvas.heading(m_catalog.text("findings.appendix_heading"), Font::heading1, 1);
  m_canvas.paragraph({{fill(m_catalog.text("findings.appendix_intro"),
                            {{"from", format_number(from + 1, m_model.language)},
                             {"to", format_number(rows.size(), m_model.language)}}),
                       Font::body,
                       pdf::k_ink}});
  const std::vector<Column> compact{
      {m_catalog.text("findings.col_index"), 34, true},
      {m_catalog.text("findings.col_contact"), 150},
      {m_catalog.text("findings.filter_class"), 55},
      {m_catalog.text("manifest.col_account"), 95},
      {m_catalog.text("findings.filter_consent"), 70},
      {m_catalog.text("findings.col_remediation"), k_width - 34 - 150 - 55 - 95 - 70},
  };
  m_canvas.table(
      compact,
      rows.size() - from,
      [&](std::size_t index, std::vector<Cell>& cells) {
        const FindingRow& row = rows[from + index];
        cells[0] = {{row.index_text, Font::tiny, pdf::k_muted}};
        cells[1] = {{row.contact, Font::small, pdf::k_ink}};
        if (!row.organisation.empty()) {
          cells[1].push_back({" · " + row.organisation, Font::tiny, pdf::k_muted});
        }
        cells[2] = {{row.class_text, Font::small, pdf::k_ink}};
        cells[3] = {{row.account, Font::small, pdf::k_ink}};
        cells[4] = {{row.consent_text, Font::small, pdf::k_bad}};
        cells[5] = {{row.remediation, Font::small, pdf::k_ink}};
      },
      pdf::TableStyle{true, false, 2});
}

} // namespace

void write_pdf_report(const audit::AuditResult& result,
                      const ReportOptions& options,
                      const std::filesystem::path& out)
{
  const ReportModel model = build_model(result, options);
  PdfReport(model, options).write(out);
}

} // namespace contact_audit::report
