// SPDX-License-Identifier: MIT
// The HTML report: the ReportModel rendered through the mustache templates (escaped by default).
#include "model.hpp"
#include "templates.hpp"

#include <contact_audit/core/atomic_file.hpp>
#include <contact_audit/core/error.hpp>
#include <contact_audit/core/hash.hpp>
#include <contact_audit/report/html.hpp>

#include <kainjow/mustache.hpp>

#include <array>

namespace contact_audit::report {

namespace {

namespace mustache = kainjow::mustache;
using Data = mustache::data;

// Chart geometry in CSS pixels: label column, bar area, value text.
constexpr int k_chart_label_width = 235;
constexpr int k_chart_bar_width = 170;
constexpr int k_chart_width = k_chart_label_width + k_chart_bar_width + 70;
constexpr int k_chart_row = 22;
constexpr int k_chart_bar_height = 14;

// "sha256-<base64>" of `text`, the form a Content-Security-Policy source takes.
std::string csp_hash(std::string_view text)
{
  static constexpr std::string_view k_alphabet =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  const std::string hex = sha256_hex(text);
  std::string bytes;
  for (std::size_t i = 0; i + 1 < hex.size(); i += 2) {
    bytes += static_cast<char>(std::stoi(hex.substr(i, 2), nullptr, 16));
  }
  std::string out = "sha256-";
  for (std::size_t i = 0; i < bytes.size(); i += 3) {
    std::uint32_t chunk = static_cast<unsigned char>(bytes[i]) << 16;
    const std::size_t left = bytes.size() - i;
    chunk |= left > 1 ? static_cast<unsigned char>(bytes[i + 1]) << 8 : 0U;
    chunk |= left > 2 ? static_cast<unsigned char>(bytes[i + 2]) : 0U;
    out += k_alphabet[(chunk >> 18) & 63U];
    out += k_alphabet[(chunk >> 12) & 63U];
    out += left > 1 ? k_alphabet[(chunk >> 6) & 63U] : '=';
    out += left > 2 ? k_alphabet[chunk & 63U] : '=';
  }
  return out;
}

// The whole catalogue as nested objects, so templates can say {{t.findings.heading}}.
Data catalog_data(const ReportModel& model)
{
  Data root;
  for (const auto& [key, value] : model.catalog->entries()) {
    Data* node = &root;
    std::string_view rest = key;
    for (std::size_t dot = rest.find('.'); dot != std::string_view::npos; dot = rest.find('.')) {
      node = &(*node)[std::string(rest.substr(0, dot))];
      rest.remove_prefix(dot + 1);
    }
    node->set(std::string(rest), Data(fill(value, {{"messenger", model.messenger}})));
  }
  return root;
}

Data key_values(const std::vector<KeyValue>& entries)
{
  Data list(Data::type::list);
  for (const KeyValue& entry : entries) {
    Data item;
    item.set("key", entry.key);
    item.set("value", entry.value);
    item.set("mono", Data(entry.mono));
    list.push_back(item);
  }
  return list;
}

Data chart_data(const Chart& chart)
{
  Data item;
  item.set("id", chart.id);
  item.set("title", chart.title);
  item.set("width", std::to_string(k_chart_width));
  item.set("height", std::to_string(static_cast<int>(chart.bars.size()) * k_chart_row + 4));
  Data bars(Data::type::list);
  int row = 0;
  for (const ChartBar& bar : chart.bars) {
    const int width = chart.max_value == 0
                          ? 0
                          : static_cast<int>(static_cast<double>(bar.value) * k_chart_bar_width /
                                             static_cast<double>(chart.max_value));
    const int bar_width = bar.value > 0 ? std::max(width, 1) : 0;
    Data entry;
    entry.set("label", bar.label);
    entry.set("value_text", bar.value_text);
    entry.set("colour", bar.colour);
    entry.set("text_y", std::to_string(row * k_chart_row + 16));
    entry.set("bar_y", std::to_string(row * k_chart_row + 4));
    entry.set("bar_x", std::to_string(k_chart_label_width));
    entry.set("bar_width", std::to_string(bar_width));
    entry.set("bar_height", std::to_string(k_chart_bar_height));
    entry.set("value_x", std::to_string(k_chart_label_width + bar_width + 6));
    bars.push_back(entry);
    ++row;
  }
  item.set("bars", bars);
  return item;
}

Data finding_data(const FindingRow& row)
{
  Data item;
  item.set("index", std::to_string(row.index));
  item.set("index_text", row.index_text);
  item.set("contact", row.contact);
  item.set("has_organisation", Data(!row.organisation.empty()));
  item.set("organisation", row.organisation);
  item.set("source", row.source);
  item.set("class_id", row.class_id);
  item.set("class_text", row.class_text);
  item.set("score", row.score);
  Data reasons(Data::type::list);
  for (const ReasonLine& reason : row.reasons) {
    Data entry;
    entry.set("text", reason.text);
    entry.set("rule_id", reason.rule_id);
    entry.set("weight", reason.weight);
    reasons.push_back(entry);
  }
  item.set("reasons", reasons);
  item.set("account", row.account);
  item.set("exposure_id", row.exposure_id);
  item.set("exposure", row.exposure);
  item.set("exposure_reason", row.exposure_reason);
  Data numbers(Data::type::list);
  for (const NumberLine& number : row.numbers) {
    Data entry;
    entry.set("number", number.number);
    entry.set("type", number.type);
    entry.set("consent_id", number.consent_id);
    entry.set("consent", number.consent);
    entry.set("has_detail", Data(!number.detail.empty()));
    entry.set("detail", number.detail);
    numbers.push_back(entry);
  }
  item.set("numbers", numbers);
  item.set("consent_ids", row.consent_ids);
  item.set("remediation_id", row.remediation_id);
  item.set("remediation", row.remediation);
  item.set("remediation_text", row.remediation_text);
  return item;
}

// Filter options: each id that occurs in the findings once, in order of first occurrence.
Data options_data(const ReportModel& model, bool consent)
{
  Data list(Data::type::list);
  std::vector<std::string> seen;
  for (const FindingRow& row : model.findings) {
    std::vector<std::pair<std::string, std::string>> ids;
    if (consent) {
      for (const NumberLine& number : row.numbers) {
        ids.emplace_back(number.consent_id, number.consent);
      }
    } else {
      ids.emplace_back(row.class_id, row.class_text);
    }
    for (auto& [id, label] : ids) {
      if (std::find(seen.begin(), seen.end(), id) == seen.end()) {
        seen.push_back(id);
        Data option;
        option.set("id", id);
        option.set("label", label);
        list.push_back(option);
      }
    }
  }
  return list;
}

Data finding_table(const ReportModel& model, bool is_main)
{
  const std::vector<FindingRow>& rows = is_main ? model.findings : model.residual;
  Data table;
  table.set("is_main", Data(is_main));
  table.set("table_id", is_main ? "findings-table" : "residual-table");
  table.set("heading", model.text("findings.residual_heading"));
  table.set("intro", model.text("findings.residual_intro"));
  Data list(Data::type::list);
  for (const FindingRow& row : rows) {
    list.push_back(finding_data(row));
  }
  table["rows"] = std::move(list);
  return table;
}

void summary_data(const ReportModel& model, Data& root)
{
  root.set("compliant", Data(model.compliant));
  root.set("verdict_label", model.verdict_label);
  root.set("verdict", model.verdict);
  root.set("cover", key_values(model.cover));
  Data figures(Data::type::list);
  for (const Figure& figure : model.figures) {
    Data item;
    item.set("label", figure.label);
    item.set("value", figure.value);
    item.set("alert", Data(figure.alert));
    figures.push_back(item);
  }
  root.set("figures", figures);
  Data charts(Data::type::list);
  for (const Chart& chart : model.charts) {
    charts.push_back(chart_data(chart));
  }
  root.set("charts", charts);
  Data remediations(Data::type::list);
  for (const std::string& text : model.top_remediations) {
    remediations.push_back(Data("text", Data(text)));
  }
  root.set("top_remediations", remediations);
  root.set("has_remediation_counts", Data(!model.remediation_counts.empty()));
  root.set("remediation_counts", key_values(model.remediation_counts));
}

Data what_if_data(const ReportModel& model)
{
  Data list(Data::type::list);
  for (const WhatIfRow& row : model.what_if) {
    Data item;
    item.set("name", row.name);
    item.set("description", row.description);
    item.set("has_description", Data(!row.description.empty()));
    item.set("contacts", row.contacts);
    item.set("numbers", row.numbers);
    item.set("lookup_only", row.lookup_only);
    item.set("change", row.change);
    item.set("current", Data(row.current));
    item.set("improves", Data(row.improves));
    list.push_back(item);
  }
  return list;
}

Data attention_data(const ReportModel& model)
{
  Data list(Data::type::list);
  for (const AttentionRow& row : model.attention) {
    Data item;
    item.set("contact", row.contact);
    item.set("source", row.source);
    item.set("number", row.number);
    item.set("status_id", row.status_id);
    item.set("status", row.status);
    item.set("issue", row.issue);
    list.push_back(item);
  }
  return list;
}

Data method_data(const ReportModel& model)
{
  Data list(Data::type::list);
  for (const TextBlock& block : model.method) {
    Data item;
    item.set("heading", block.heading);
    Data paragraphs(Data::type::list);
    for (const std::string& text : block.paragraphs) {
      paragraphs.push_back(Data("text", Data(text)));
    }
    item.set("paragraphs", paragraphs);
    list.push_back(item);
  }
  return list;
}

Data inputs_data(const ReportModel& model)
{
  Data list(Data::type::list);
  for (const InputRow& row : model.inputs) {
    Data item;
    item.set("path", row.path);
    item.set("account", row.account);
    item.set("contacts", row.contacts);
    item.set("sha256", row.sha256);
    list.push_back(item);
  }
  return list;
}

void sections_data(const ReportModel& model, Data& root)
{
  root.set("has_findings", Data(!model.findings.empty()));
  root.set("class_options", options_data(model, false));
  root.set("consent_options", options_data(model, true));
  Data tables(Data::type::list);
  tables.push_back(finding_table(model, true));
  if (!model.residual.empty()) {
    tables.push_back(finding_table(model, false));
  }
  root["finding_tables"] = std::move(tables);
  root["what_if"] = what_if_data(model);
  root.set("has_alternatives", Data(model.what_if.size() > 1));
  root["attention"] = attention_data(model);
  root.set("has_attention", Data(!model.attention.empty()));
  root.set("attention_omitted", model.attention_omitted);
  root.set("has_attention_omitted", Data(!model.attention_omitted.empty()));
  root["method"] = method_data(model);
  root.set("manifest", key_values(model.manifest));
  root["inputs"] = inputs_data(model);
}

} // namespace

std::string render_html_report(const audit::AuditResult& result, const ReportOptions& options)
{
  const ReportModel model = build_model(result, options);
  const TemplateSet templates = load_templates(options.template_dir);

  Data root;
  root["t"] = catalog_data(model);
  root.set("lang", model.language);
  root.set("title", model.title);
  root.set("company", model.company);
  root.set("company_display",
           model.company.empty() ? model.catalog->text("report.no_company") : model.company);
  root.set("created", model.created);
  root.set("generator", model.generator);
  root.set("numbers_note", model.numbers_note);
  // Only the report's own style sheet and script may run: even a template mistake
  // that let markup from an address book through would not execute it.
  root.set("style_css", templates.style);
  root.set("script_js", templates.script);
  root.set("style_hash", csp_hash(templates.style));
  root.set("script_hash", csp_hash(templates.script));
  const std::string letterhead = templates.letterhead;
  root.set("letterhead", Data(mustache::partial([letterhead]() { return letterhead; })));
  summary_data(model, root);
  sections_data(model, root);

  mustache::mustache page(templates.report);
  if (!page.is_valid()) {
    throw InputError(templates.report_source.string() + ": " + page.error_message() +
                     "; no report was written.");
  }
  std::string html = page.render(root);
  if (!page.is_valid()) {
    throw InputError(templates.report_source.string() + ": " + page.error_message() +
                     "; no report was written.");
  }
  // The template's leading comment lines leave blank lines; <!DOCTYPE html> comes first.
  html.erase(0, std::min(html.find_first_not_of("\r\n"), html.size()));
  return html;
}

void write_html_report(const audit::AuditResult& result,
                       const ReportOptions& options,
                       const std::filesystem::path& out)
{
  write_file_atomically(out, render_html_report(result, options));
}

} // namespace contact_audit::report
