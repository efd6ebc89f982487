// SPDX-License-Identifier: MIT
// build_model: turns an AuditResult into the localised, masked content both report formats show.
#include "model.hpp"

#include <contact_audit/phone/normaliser.hpp>

#include <algorithm>
#include <array>
#include <utility>

namespace contact_audit::report {

namespace {

constexpr std::array k_consent_order{"valid",
                                     "missing",
                                     "pending",
                                     "refused",
                                     "withdrawn",
                                     "revoked",
                                     "expired",
                                     "invalidated",
                                     "not_needed"};

std::string colour_of(std::string_view id)
{
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 15> k_colours{{
      {"business", "#1f5fa8"},
      {"unknown", "#d08c00"},
      {"private", "#6b8e23"},
      {"visible", "#c62828"},
      {"lookup_only", "#ef8f00"},
      {"not_visible", "#78909c"},
      {"valid", "#2e7d32"},
      {"missing", "#c62828"},
      {"pending", "#f9a825"},
      {"refused", "#6a1b9a"},
      {"withdrawn", "#ad1457"},
      {"revoked", "#8e24aa"},
      {"expired", "#8d6e63"},
      {"invalidated", "#455a64"},
      {"not_needed", "#90a4ae"},
  }};
  for (const auto& [key, colour] : k_colours) {
    if (key == id) {
      return std::string(colour);
    }
  }
  return "#607d8b";
}

class Builder
{
public:
  Builder(const audit::AuditResult& result, const ReportOptions& options, ReportModel& model)
      : m_result(result), m_options(options), m_model(model), m_catalog(*model.catalog),
        m_lang(options.language)
  {
  }

  void run()
  {
    header();
    summary();
    charts();
    top_remediations();
    findings();
    what_if();
    attention();
    method();
    manifest();
  }

private:
  std::string num(std::uint64_t n) const { return format_number(n, m_lang); }
  std::string term(std::string_view group, const std::string& id) const
  {
    return m_catalog.text_or(std::string(group) + "." + id, id);
  }
  // The first non-empty of `preferred` and `fallback`, masked unless revealed.
  std::string show_number(const std::string& preferred, const std::string& fallback) const
  {
    const std::string& number = preferred.empty() ? fallback : preferred;
    return m_options.reveal ? number : phone::mask(number);
  }
  // The short name of an alternative; its description when it has none.
  std::string what_if_name(const audit::WhatIf& alternative) const
  {
    const std::string& name = alternative.name.in(m_lang);
    return name.empty() ? alternative.description.in(m_lang) : name;
  }
  static std::string source(const std::string& file, std::size_t line)
  {
    return line == 0 ? file : file + ":" + std::to_string(line);
  }

  void header();
  void summary();
  void charts();
  void add_chart(std::string id,
                 std::string title,
                 const std::vector<std::pair<std::string, std::uint64_t>>& values,
                 std::string_view label_group);
  void top_remediations();
  FindingRow finding_row(const audit::Finding& finding, std::size_t index) const;
  void findings();
  void what_if();
  void attention();
  void method();
  void manifest();

  const audit::AuditResult& m_result;
  const ReportOptions& m_options;
  ReportModel& m_model;
  const Catalog& m_catalog;
  const std::string& m_lang;
};

void Builder::header()
{
  const audit::Manifest& manifest = m_result.manifest;
  m_model.language = m_lang;
  m_model.messenger = !manifest.messenger_name.empty() ? manifest.messenger_name
                      : !manifest.messenger.empty()    ? manifest.messenger
                                                       : "WhatsApp";
  m_model.title = m_model.text("report.title");
  m_model.short_title = m_model.text("report.short_title");
  m_model.subject = m_model.text("report.subject");
  m_model.keywords = m_model.text("report.keywords");
  m_model.company = !m_options.company.empty() ? m_options.company : manifest.company;
  m_model.author = !m_model.company.empty() ? m_model.company : "contact-audit";
  m_model.created_iso = manifest.generated_at;
  m_model.created =
      m_catalog.format("report.created", {{"date", format_date(manifest.generated_at, m_lang)}});
  m_model.generator = m_catalog.format("report.generator", {{"version", manifest.tool_version}});
  m_model.numbers_note =
      m_catalog.text(m_options.reveal ? "report.numbers_revealed" : "report.numbers_masked");
}

void Builder::summary()
{
  const audit::Manifest& manifest = m_result.manifest;
  const audit::Totals& totals = m_result.totals;
  std::string scope = manifest.device_name;
  if (!manifest.device_id.empty()) {
    scope += scope.empty() ? manifest.device_id : " (" + manifest.device_id + ")";
  }
  const std::string none = m_catalog.text("report.none");
  m_model.cover = {
      {m_catalog.text("summary.company"),
       m_model.company.empty() ? m_catalog.text("report.no_company") : m_model.company},
      {m_catalog.text("summary.scope"), scope.empty() ? none : scope},
      {m_catalog.text("summary.platform"), term("platform", manifest.platform)},
      {m_catalog.text("summary.messenger"), m_model.messenger},
      {m_catalog.text("summary.audit_time"), format_date_time(manifest.generated_at, m_lang)},
      {m_catalog.text("summary.as_of"), format_date_time(manifest.as_of, m_lang)},
  };
  m_model.compliant = m_result.compliant();
  m_model.verdict_label = m_catalog.text(m_model.compliant ? "summary.verdict_compliant_label"
                                                           : "summary.verdict_non_compliant_label");
  m_model.verdict = m_model.compliant ? m_model.text("summary.verdict_compliant")
                                      : fill(m_model.text("summary.verdict_non_compliant"),
                                             {{"contacts", num(totals.non_compliant_contacts)},
                                              {"numbers", num(totals.non_compliant_numbers)}});
  const auto figure = [&](std::string_view key, std::uint64_t value, bool alert = false) {
    m_model.figures.push_back(
        {m_catalog.text("summary." + std::string(key)), num(value), alert && value > 0});
  };
  figure("non_compliant_contacts", totals.non_compliant_contacts, true);
  figure("non_compliant_numbers", totals.non_compliant_numbers, true);
  figure("contacts_read", totals.contacts_read);
  figure("business", totals.business);
  figure("unknown", totals.unknown);
  figure("private", totals.private_);
  figure("visible", totals.visible);
  figure("lookup_only", totals.lookup_only);
  figure("not_visible", totals.not_visible);
  figure("numbers_uploaded", totals.numbers_uploaded);
  figure("files", totals.files);
  figure("contacts_rejected", totals.contacts_rejected);
  figure("diagnostics", totals.diagnostics);
}

void Builder::add_chart(std::string id,
                        std::string title,
                        const std::vector<std::pair<std::string, std::uint64_t>>& values,
                        std::string_view label_group)
{
  Chart chart{std::move(id), std::move(title), {}, 0};
  for (const auto& [bar_id, value] : values) {
    chart.bars.push_back({bar_id, term(label_group, bar_id), value, num(value), colour_of(bar_id)});
    chart.max_value = std::max<std::uint64_t>(chart.max_value, value);
  }
  m_model.charts.push_back(std::move(chart));
}

void Builder::charts()
{
  const audit::Totals& totals = m_result.totals;
  add_chart(
      "classes",
      m_model.text("summary.chart_classes"),
      {{"business", totals.business}, {"unknown", totals.unknown}, {"private", totals.private_}},
      "class");
  // The exposure bars reuse the key-figure labels ("Vom Messenger hochgeladen", ...).
  add_chart("exposure",
            m_model.text("summary.chart_exposure"),
            {{"visible", totals.visible},
             {"lookup_only", totals.lookup_only},
             {"not_visible", totals.not_visible}},
            "summary");
  std::vector<std::pair<std::string, std::uint64_t>> states;
  for (const char* state : k_consent_order) {
    const auto found = totals.consent_states.find(state);
    if (found != totals.consent_states.end()) {
      states.emplace_back(state, found->second);
    }
  }
  for (const auto& [state, count] : totals.consent_states) {
    if (std::find(k_consent_order.begin(), k_consent_order.end(), state) == k_consent_order.end()) {
      states.emplace_back(state, count);
    }
  }
  add_chart("consent", m_model.text("summary.chart_consent"), states, "consent");
}

// The three changes that remove the most non-compliant contacts: alternative device
// configurations from the what-if and the per-finding remediations, by contacts removed.
void Builder::top_remediations()
{
  const std::size_t current = m_result.totals.non_compliant_contacts;
  if (current == 0) {
    m_model.top_remediations.push_back(m_catalog.text("summary.top_remediations_none"));
    return;
  }
  std::vector<std::pair<std::size_t, std::string>> candidates;
  for (const audit::WhatIf& alternative : m_result.what_if) {
    if (alternative.non_compliant_contacts < current) {
      candidates.emplace_back(current - alternative.non_compliant_contacts,
                              fill(m_catalog.text("summary.top_remediation_config"),
                                   {{"description", what_if_name(alternative)},
                                    {"remaining", num(alternative.non_compliant_contacts)},
                                    {"current", num(current)}}));
    }
  }
  for (const auto& [id, count] : m_result.totals.remediations) {
    m_model.remediation_counts.push_back({term("remediation", id), num(count)});
    if (count > 0) {
      candidates.emplace_back(count,
                              fill(m_catalog.text("summary.top_remediation_finding"),
                                   {{"remediation", term("remediation", id)},
                                    {"count", num(count)},
                                    {"current", num(current)}}));
    }
  }
  std::stable_sort(candidates.begin(), candidates.end(), [](const auto& a, const auto& b) {
    return a.first > b.first;
  });
  for (std::size_t i = 0; i < candidates.size() && i < 3; ++i) {
    m_model.top_remediations.push_back(std::move(candidates[i].second));
  }
}

FindingRow Builder::finding_row(const audit::Finding& finding, std::size_t index) const
{
  FindingRow row;
  row.index = index;
  row.index_text = num(index);
  row.severity = finding.severity;
  row.contact = finding.contact;
  row.organisation = finding.organisation;
  row.source = source(finding.file, finding.line);
  row.class_id = finding.classification;
  row.class_text = term("class", finding.classification);
  row.score = m_catalog.format("findings.score", {{"score", std::to_string(finding.score)}});
  for (const audit::Reason& reason : finding.reasons) {
    row.reasons.push_back(
        {reason.text(m_lang),
         reason.rule_id,
         m_catalog.format("findings.weight", {{"weight", std::to_string(reason.weight)}})});
  }
  row.account = finding.account;
  row.exposure_id = finding.exposure;
  row.exposure = term("exposure", finding.exposure);
  row.exposure_reason = finding.exposure_reason.in(m_lang);
  for (const audit::NumberRecord& number : finding.numbers) {
    row.numbers.push_back(
        {show_number(number.e164, number.raw),
         term("number_type", number.type),
         number.consent_state,
         consent_label(
             m_catalog, number.consent_state, number.requested_at, number.request_age_days),
         number.consent_detail});
    if (row.consent_ids.find(number.consent_state) == std::string::npos) {
      row.consent_ids += (row.consent_ids.empty() ? "" : " ") + number.consent_state;
      row.consent_text += (row.consent_text.empty() ? "" : ", ") + row.numbers.back().consent;
    }
  }
  row.remediation_id = finding.remediation;
  row.remediation = term("remediation", finding.remediation);
  row.remediation_text = finding.remediation_text.in(m_lang);
  return row;
}

void Builder::findings()
{
  const auto by_severity = [](const audit::Finding* a, const audit::Finding* b) {
    return a->severity != b->severity ? a->severity > b->severity : a->contact < b->contact;
  };
  for (const auto* list : {&m_result.findings, &m_result.residual}) {
    std::vector<const audit::Finding*> order;
    order.reserve(list->size());
    for (const audit::Finding& finding : *list) {
      order.push_back(&finding);
    }
    std::stable_sort(order.begin(), order.end(), by_severity);
    std::vector<FindingRow>& rows =
        list == &m_result.findings ? m_model.findings : m_model.residual;
    rows.reserve(order.size());
    for (const audit::Finding* finding : order) {
      rows.push_back(finding_row(*finding, rows.size() + 1));
    }
  }
}

void Builder::what_if()
{
  const audit::Totals& totals = m_result.totals;
  m_model.what_if.push_back({m_catalog.text("whatif.current"),
                             "",
                             num(totals.non_compliant_contacts),
                             num(totals.non_compliant_numbers),
                             num(totals.lookup_only),
                             "",
                             true,
                             false});
  for (const audit::WhatIf& alternative : m_result.what_if) {
    const auto change = static_cast<std::int64_t>(alternative.non_compliant_contacts) -
                        static_cast<std::int64_t>(totals.non_compliant_contacts);
    const std::string& description = alternative.description.in(m_lang);
    m_model.what_if.push_back({what_if_name(alternative),
                               description == what_if_name(alternative) ? "" : description,
                               num(alternative.non_compliant_contacts),
                               num(alternative.non_compliant_numbers),
                               num(alternative.lookup_only),
                               format_change(change, m_lang),
                               false,
                               change < 0});
  }
}

void Builder::attention()
{
  for (const audit::AttentionNumber& number : m_result.attention) {
    m_model.attention.push_back({number.contact,
                                 source(number.file, number.line),
                                 show_number(number.raw, number.e164),
                                 number.status,
                                 term("number_status", number.status),
                                 number.issue});
  }
  if (m_result.totals.attention_omitted > 0) {
    m_model.attention_omitted =
        m_catalog.format("attention.omitted", {{"count", num(m_result.totals.attention_omitted)}});
  }
}

void Builder::method()
{
  const audit::Manifest& manifest = m_result.manifest;
  const std::string rules = manifest.rules_version.empty() ? "—" : manifest.rules_version;
  m_model.method.push_back({m_catalog.text("method.checked_heading"),
                            {fill(m_model.text("method.checked"),
                                  {{"region", manifest.region},
                                   {"rules", rules},
                                   {"as_of", format_date(manifest.as_of, m_lang)}})}});
  m_model.method.push_back(
      {m_catalog.text("method.legal_heading"),
       {m_catalog.text("method.legal_consent"),
        m_catalog.text("method.legal_household"),
        m_catalog.format("method.legal_withdrawal", {{"purpose", manifest.purpose}})}});
  TextBlock emm{m_catalog.text("method.emm_heading"), {}};
  if (manifest.platform == "ios" || manifest.platform == "android" ||
      manifest.platform == "unmanaged") {
    emm.paragraphs.push_back(m_model.text("method.emm_" + manifest.platform));
  } else {
    for (const char* platform : {"ios", "android", "unmanaged"}) {
      emm.paragraphs.push_back(m_model.text(std::string("method.emm_") + platform));
    }
  }
  emm.paragraphs.push_back(m_catalog.text(manifest.unknown_as == "private"
                                              ? "summary.unknown_policy_private"
                                              : "summary.unknown_policy_business"));
  m_model.method.push_back(std::move(emm));
  const std::string& transfer = manifest.transfer_model.in(m_lang);
  if (!transfer.empty()) {
    m_model.method.push_back({m_model.text("method.transfer_heading"), {transfer}});
  }
  m_model.method.push_back({m_catalog.text("method.masking_heading"), {m_model.numbers_note}});
}

void Builder::manifest()
{
  const audit::Manifest& manifest = m_result.manifest;
  const auto time = [&](const std::string& iso) {
    return iso.empty() ? iso : format_date_time(iso, m_lang) + " (" + iso + ")";
  };
  std::string device = manifest.device_name;
  if (!manifest.device_id.empty()) {
    device += device.empty() ? manifest.device_id : " (" + manifest.device_id + ")";
  }
  const auto key = [&](std::string_view name) {
    return m_catalog.text("manifest." + std::string(name));
  };
  m_model.manifest = {
      {key("tool_version"), manifest.tool_version},
      {key("generated_at"), time(manifest.generated_at)},
      {key("as_of"), time(manifest.as_of)},
      {key("region"), manifest.region},
      {key("device"), device},
      {key("device_profile"), manifest.device_profile_path, true},
      {key("device_profile_sha256"), manifest.device_profile_sha256, true},
      {key("purpose"), manifest.purpose},
      {key("rules_version"), manifest.rules_version},
      {key("rules_sha256"), manifest.rules_sha256, true},
      {key("ledger_path"), manifest.ledger_path, true},
      {key("ledger_head_hash"), manifest.ledger_head_hash, true},
      {key("ledger_events"), num(manifest.ledger_events)},
      {key("unknown_as"), term("class", manifest.unknown_as)},
  };
  for (KeyValue& entry : m_model.manifest) {
    if (entry.value.empty()) {
      entry.value = m_catalog.text("report.none");
      entry.mono = false;
    }
  }
  for (const audit::InputFileRecord& input : manifest.inputs) {
    m_model.inputs.push_back({input.path, input.account, num(input.contacts), input.sha256});
  }
}

} // namespace

std::string ReportModel::text(std::string_view key) const
{
  return fill(catalog->text(key), {{"messenger", messenger}});
}

ReportModel build_model(const audit::AuditResult& result, const ReportOptions& options)
{
  check_language(options.language);
  ReportModel model;
  model.catalog = &Catalog::builtin(options.language);
  Builder(result, options, model).run();
  return model;
}

} // namespace contact_audit::report
