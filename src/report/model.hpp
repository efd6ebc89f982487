// SPDX-License-Identifier: MIT
// ReportModel: the localised, formatted and masked content shared by the HTML and PDF reports.
#pragma once

#include <contact_audit/audit/result.hpp>
#include <contact_audit/report/catalog.hpp>
#include <contact_audit/report/options.hpp>

#include <cstdint>
#include <string>
#include <vector>

namespace contact_audit::report {

struct KeyValue
{
  std::string key;
  std::string value;
  bool mono = false; // Hashes and paths: shown in a monospaced font.
};

struct Figure
{
  std::string label;
  std::string value;
  bool alert = false; // A non-compliance figure above zero.
};

struct ChartBar
{
  std::string id; // Class, exposure or consent-state id.
  std::string label;
  std::uint64_t value = 0;
  std::string value_text;
  std::string colour; // "#rrggbb"
};

struct Chart
{
  std::string id;
  std::string title;
  std::vector<ChartBar> bars;
  std::uint64_t max_value = 0;
};

struct ReasonLine
{
  std::string text;
  std::string rule_id;
  std::string weight; // Localised "Gewicht 40" / "weight 40".
};

struct NumberLine
{
  std::string number; // Masked unless revealed.
  std::string type;
  std::string consent_id;
  std::string consent;
  std::string detail;
};

struct FindingRow
{
  std::size_t index = 0;  // 1-based position in severity order.
  std::string index_text; // `index` formatted for the language ("10.006").
  int severity = 0;
  std::string contact;
  std::string organisation;
  std::string source; // "file:line"
  std::string class_id;
  std::string class_text;
  std::string score;
  std::vector<ReasonLine> reasons;
  std::string account;
  std::string exposure_id;
  std::string exposure;
  std::string exposure_reason;
  std::vector<NumberLine> numbers;
  std::string consent_ids;  // Space-separated, for the HTML filter.
  std::string consent_text; // Comma-separated states, for compact listings.
  std::string remediation_id;
  std::string remediation;
  std::string remediation_text;
};

struct WhatIfRow
{
  std::string name;
  std::string description;
  std::string contacts;
  std::string numbers;
  std::string lookup_only;
  std::string change;
  bool current = false;
  bool improves = false;
};

struct AttentionRow
{
  std::string contact;
  std::string source;
  std::string number;
  std::string status_id;
  std::string status;
  std::string issue;
};

struct InputRow
{
  std::string path;
  std::string account;
  std::string contacts;
  std::string sha256;
};

struct TextBlock
{
  std::string heading;
  std::vector<std::string> paragraphs;
};

struct ReportModel
{
  const Catalog* catalog = nullptr;
  std::string language;
  std::string messenger;
  std::string title;
  std::string short_title;
  std::string subject;
  std::string keywords;
  std::string company;
  std::string author;
  std::string created;     // "Erstellt am 22.11.2026"
  std::string created_iso; // The audit time as given, for PDF metadata.
  std::string generator;   // "contact-audit 0.1.0"
  std::string numbers_note;
  std::vector<KeyValue> cover;
  bool compliant = true;
  std::string verdict_label;
  std::string verdict;
  std::vector<Figure> figures;
  std::vector<Chart> charts;
  std::vector<std::string> top_remediations;
  std::vector<KeyValue> remediation_counts;
  std::vector<FindingRow> findings;
  std::vector<FindingRow> residual;
  std::vector<WhatIfRow> what_if; // The current configuration first.
  std::vector<AttentionRow> attention;
  std::string attention_omitted; // "" or "2 weitere Nummern ..." when the audit cut the list.
  std::vector<TextBlock> method;
  std::vector<KeyValue> manifest;
  std::vector<InputRow> inputs;

  // The catalogue text for `key` with "{messenger}" filled in.
  std::string text(std::string_view key) const;
};

// Build the model for `options.language` (checked: InputError otherwise).
// Findings are ordered by severity (highest first), then name.
ReportModel build_model(const audit::AuditResult& result, const ReportOptions& options);

} // namespace contact_audit::report
