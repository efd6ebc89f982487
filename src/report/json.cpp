// SPDX-License-Identifier: MIT
// AuditResult <-> JSON (schema "contact-audit/audit/1"): streamed out, read back with Poco::JSON.
#include "json_stream.hpp"

#include <contact_audit/core/atomic_file.hpp>
#include <contact_audit/core/error.hpp>
#include <contact_audit/core/text.hpp>
#include <contact_audit/phone/normaliser.hpp>
#include <contact_audit/report/data_formats.hpp>

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <sstream>

namespace contact_audit::report {
namespace {

using Poco::JSON::Array;
using Poco::JSON::Object;

constexpr const char* k_schema = "contact-audit/audit/1";

void write_text(JsonStream& json, std::string_view name, const audit::LocalisedText& text)
{
  json.key(name);
  json.begin_object();
  json.field("de", text.de);
  json.field("en", text.en);
  json.end_object();
}

std::string shown(const std::string& number, bool reveal)
{
  return reveal || number.empty() ? number : phone::mask(number);
}

// An e-mail address as written: "a***@example.com" unless revealed.
std::string shown_email(const std::string& email, bool reveal)
{
  return reveal || email.empty() ? email : mask_email(email);
}

void write_manifest(JsonStream& json, const audit::Manifest& manifest)
{
  json.key("manifest");
  json.begin_object();
  json.field("tool_version", manifest.tool_version);
  json.field("generated_at", manifest.generated_at);
  json.field("as_of", manifest.as_of);
  json.field("region", manifest.region);
  json.field("company", manifest.company);
  json.field("device_id", manifest.device_id);
  json.field("device_name", manifest.device_name);
  json.field("device_profile_path", manifest.device_profile_path);
  json.field("device_profile_sha256", manifest.device_profile_sha256);
  json.field("platform", manifest.platform);
  json.field("messenger", manifest.messenger);
  json.field("messenger_name", manifest.messenger_name);
  json.field("purpose", manifest.purpose);
  write_text(json, "transfer_model", manifest.transfer_model);
  json.field("rules_version", manifest.rules_version);
  json.field("rules_sha256", manifest.rules_sha256);
  json.field("ledger_path", manifest.ledger_path);
  json.field("ledger_head_hash", manifest.ledger_head_hash);
  json.field("ledger_events", manifest.ledger_events);
  json.field("unknown_as", manifest.unknown_as);
  json.key("inputs");
  json.begin_array();
  for (const auto& input : manifest.inputs) {
    json.begin_object();
    json.field("path", input.path);
    json.field("sha256", input.sha256);
    json.field("account", input.account);
    json.field("contacts", input.contacts);
    json.end_object();
  }
  json.end_array();
  json.end_object();
}

void write_counts(JsonStream& json,
                  std::string_view name,
                  const std::map<std::string, std::size_t>& counts)
{
  json.key(name);
  json.begin_object();
  for (const auto& [key, count] : counts) {
    json.field(key, count);
  }
  json.end_object();
}

void write_totals(JsonStream& json, const audit::Totals& totals)
{
  json.key("totals");
  json.begin_object();
  json.field("files", totals.files);
  json.field("contacts_read", totals.contacts_read);
  json.field("contacts_rejected", totals.contacts_rejected);
  json.field("diagnostics", totals.diagnostics);
  json.field("visible", totals.visible);
  json.field("lookup_only", totals.lookup_only);
  json.field("not_visible", totals.not_visible);
  json.field("business", totals.business);
  json.field("private", totals.private_);
  json.field("unknown", totals.unknown);
  json.field("numbers_uploaded", totals.numbers_uploaded);
  write_counts(json, "consent_states", totals.consent_states);
  json.field("non_compliant_contacts", totals.non_compliant_contacts);
  json.field("non_compliant_numbers", totals.non_compliant_numbers);
  write_counts(json, "remediations", totals.remediations);
  json.field("attention_omitted", totals.attention_omitted);
  json.end_object();
}

void write_number(JsonStream& json, const audit::NumberRecord& number, bool reveal)
{
  json.begin_object();
  json.field("e164", shown(number.e164, reveal));
  json.field("raw", shown(number.raw, reveal));
  json.field("type", number.type);
  json.field("status", number.status);
  json.field("consent_state", number.consent_state);
  json.field("consent_detail", number.consent_detail);
  if (!number.requested_at.empty()) {
    json.field("requested_at", number.requested_at);
    json.field("request_age_days", number.request_age_days);
  }
  json.end_object();
}

void write_finding(JsonStream& json, const audit::Finding& finding, bool reveal)
{
  json.begin_object();
  json.field("contact", finding.contact);
  json.field("organisation", finding.organisation);
  json.key("emails");
  json.begin_array();
  for (const auto& email : finding.emails) {
    json.value(shown_email(email, reveal));
  }
  json.end_array();
  json.field("file", finding.file);
  json.field("line", finding.line);
  json.field("account", finding.account);
  json.field("classification", finding.classification);
  json.field("score", finding.score);
  json.key("reasons");
  json.begin_array();
  for (const auto& reason : finding.reasons) {
    json.begin_object();
    json.field("rule_id", reason.rule_id);
    json.field("weight", reason.weight);
    write_text(json, "text", reason.text());
    json.end_object();
  }
  json.end_array();
  json.field("exposure", finding.exposure);
  write_text(json, "exposure_reason", finding.exposure_reason);
  json.key("numbers");
  json.begin_array();
  for (const auto& number : finding.numbers) {
    write_number(json, number, reveal);
  }
  json.end_array();
  json.field("remediation", finding.remediation);
  write_text(json, "remediation_text", finding.remediation_text);
  json.field("severity", finding.severity);
  json.end_object();
}

void write_findings(JsonStream& json,
                    std::string_view name,
                    const audit::Findings& findings,
                    bool reveal)
{
  json.key(name);
  json.begin_array();
  for (const auto& finding : findings) {
    write_finding(json, finding, reveal);
  }
  json.end_array();
}

void write_what_if(JsonStream& json, const std::vector<audit::WhatIf>& alternatives)
{
  json.key("what_if");
  json.begin_array();
  for (const auto& alternative : alternatives) {
    json.begin_object();
    json.field("id", alternative.id);
    write_text(json, "name", alternative.name);
    write_text(json, "description", alternative.description);
    json.field("non_compliant_contacts", alternative.non_compliant_contacts);
    json.field("non_compliant_numbers", alternative.non_compliant_numbers);
    json.field("lookup_only", alternative.lookup_only);
    json.end_object();
  }
  json.end_array();
}

void write_attention(JsonStream& json,
                     const std::vector<audit::AttentionNumber>& attention,
                     bool reveal)
{
  json.key("attention");
  json.begin_array();
  for (const auto& number : attention) {
    json.begin_object();
    json.field("contact", number.contact);
    json.field("file", number.file);
    json.field("line", number.line);
    json.field("raw", shown(number.raw, reveal));
    json.field("e164", shown(number.e164, reveal));
    json.field("status", number.status);
    json.field("issue_code", number.issue_code);
    json.field("issue", number.issue);
    json.end_object();
  }
  json.end_array();
}

// Reading back: every field optional with a default, so older files stay readable.
std::string get_string(const Object::Ptr& object, const std::string& key)
{
  return object && object->has(key) && !object->isNull(key) ? object->getValue<std::string>(key)
                                                            : "";
}

std::size_t get_size(const Object::Ptr& object, const std::string& key)
{
  return object && object->has(key) ? object->getValue<std::size_t>(key) : 0;
}

int get_int(const Object::Ptr& object, const std::string& key)
{
  return object && object->has(key) ? object->getValue<int>(key) : 0;
}

audit::LocalisedText get_text(const Object::Ptr& object, const std::string& key)
{
  const auto text = object ? object->getObject(key) : nullptr;
  return {get_string(text, "de"), get_string(text, "en")};
}

std::map<std::string, std::size_t> get_counts(const Object::Ptr& object, const std::string& key)
{
  std::map<std::string, std::size_t> counts;
  const auto counts_object = object ? object->getObject(key) : nullptr;
  if (counts_object) {
    for (const auto& name : counts_object->getNames()) {
      counts[name] = counts_object->getValue<std::size_t>(name);
    }
  }
  return counts;
}

template <typename Function>
void for_each_object(const Object::Ptr& object, const std::string& key, Function&& function)
{
  const auto array = object ? object->getArray(key) : nullptr;
  if (!array) {
    return;
  }
  for (std::size_t i = 0; i < array->size(); ++i) {
    function(array->getObject(static_cast<unsigned>(i)));
  }
}

audit::Manifest manifest_from(const Object::Ptr& object)
{
  audit::Manifest manifest;
  manifest.tool_version = get_string(object, "tool_version");
  manifest.generated_at = get_string(object, "generated_at");
  manifest.as_of = get_string(object, "as_of");
  manifest.region = get_string(object, "region");
  manifest.company = get_string(object, "company");
  manifest.device_id = get_string(object, "device_id");
  manifest.device_name = get_string(object, "device_name");
  manifest.device_profile_path = get_string(object, "device_profile_path");
  manifest.device_profile_sha256 = get_string(object, "device_profile_sha256");
  manifest.platform = get_string(object, "platform");
  manifest.messenger = get_string(object, "messenger");
  manifest.messenger_name = get_string(object, "messenger_name");
  manifest.purpose = get_string(object, "purpose");
  manifest.transfer_model = get_text(object, "transfer_model");
  manifest.rules_version = get_string(object, "rules_version");
  manifest.rules_sha256 = get_string(object, "rules_sha256");
  manifest.ledger_path = get_string(object, "ledger_path");
  manifest.ledger_head_hash = get_string(object, "ledger_head_hash");
  manifest.ledger_events = get_size(object, "ledger_events");
  manifest.unknown_as = get_string(object, "unknown_as");
  for_each_object(object, "inputs", [&](const Object::Ptr& entry) {
    manifest.inputs.push_back({get_string(entry, "path"),
                               get_string(entry, "sha256"),
                               get_string(entry, "account"),
                               get_size(entry, "contacts")});
  });
  return manifest;
}

audit::Totals totals_from(const Object::Ptr& object)
{
  audit::Totals totals;
  totals.files = get_size(object, "files");
  totals.contacts_read = get_size(object, "contacts_read");
  totals.contacts_rejected = get_size(object, "contacts_rejected");
  totals.diagnostics = get_size(object, "diagnostics");
  totals.visible = get_size(object, "visible");
  totals.lookup_only = get_size(object, "lookup_only");
  totals.not_visible = get_size(object, "not_visible");
  totals.business = get_size(object, "business");
  totals.private_ = get_size(object, "private");
  totals.unknown = get_size(object, "unknown");
  totals.numbers_uploaded = get_size(object, "numbers_uploaded");
  totals.consent_states = get_counts(object, "consent_states");
  totals.non_compliant_contacts = get_size(object, "non_compliant_contacts");
  totals.non_compliant_numbers = get_size(object, "non_compliant_numbers");
  totals.remediations = get_counts(object, "remediations");
  totals.attention_omitted = get_size(object, "attention_omitted");
  return totals;
}

audit::Finding finding_from(const Object::Ptr& object)
{
  audit::Finding finding;
  finding.contact = get_string(object, "contact");
  finding.organisation = get_string(object, "organisation");
  if (object->has("emails") && !object->isNull("emails")) {
    const auto emails = object->getArray("emails");
    for (std::size_t i = 0; emails && i < emails->size(); ++i) {
      finding.emails.push_back(emails->getElement<std::string>(static_cast<unsigned>(i)));
    }
  }
  finding.file = get_string(object, "file");
  finding.line = get_size(object, "line");
  finding.account = get_string(object, "account");
  finding.classification = get_string(object, "classification");
  finding.score = get_int(object, "score");
  for_each_object(object, "reasons", [&](const Object::Ptr& entry) {
    finding.reasons.push_back(
        {get_string(entry, "rule_id"), get_int(entry, "weight"), get_text(entry, "text"), {}, {}});
  });
  finding.exposure = get_string(object, "exposure");
  finding.exposure_reason = get_text(object, "exposure_reason");
  for_each_object(object, "numbers", [&](const Object::Ptr& entry) {
    audit::NumberRecord number{get_string(entry, "e164"),
                               get_string(entry, "raw"),
                               get_string(entry, "type"),
                               get_string(entry, "status"),
                               get_string(entry, "consent_state"),
                               get_string(entry, "consent_detail"),
                               get_string(entry, "requested_at"),
                               -1};
    if (!number.requested_at.empty()) {
      number.request_age_days = get_int(entry, "request_age_days");
    }
    finding.numbers.push_back(std::move(number));
  });
  finding.remediation = get_string(object, "remediation");
  finding.remediation_text = get_text(object, "remediation_text");
  finding.severity = get_int(object, "severity");
  return finding;
}

} // namespace

void write_audit_json(std::ostream& out, const audit::AuditResult& result, bool reveal)
{
  JsonStream json(out);
  json.begin_object();
  json.field("schema", k_schema);
  json.field("numbers_revealed", reveal);
  json.field("compliant", result.compliant());
  write_manifest(json, result.manifest);
  write_totals(json, result.totals);
  write_findings(json, "findings", result.findings, reveal);
  write_findings(json, "residual", result.residual, reveal);
  write_what_if(json, result.what_if);
  write_attention(json, result.attention, reveal);
  json.end_object();
  out << '\n';
}

std::string audit_to_json(const audit::AuditResult& result, bool reveal)
{
  std::ostringstream out;
  write_audit_json(out, result, reveal);
  return out.str();
}

audit::AuditResult audit_from_json(std::string_view json, const std::string& source)
{
  Object::Ptr document;
  try {
    Poco::JSON::Parser parser;
    document = parser.parse(std::string(json)).extract<Object::Ptr>();
  } catch (const Poco::Exception& error) {
    throw InputError(source + ": The file is not a JSON audit result (" + error.displayText() +
                     ").");
  }
  if (!document || get_string(document, "schema") != k_schema) {
    throw InputError(source + ": The file is not an audit result of schema " + k_schema +
                     "; write one with 'contact-audit audit --json FILE'.");
  }
  audit::AuditResult result;
  result.manifest = manifest_from(document->getObject("manifest"));
  result.totals = totals_from(document->getObject("totals"));
  for_each_object(document, "findings", [&](const Object::Ptr& entry) {
    result.findings.push_back(finding_from(entry));
  });
  for_each_object(document, "residual", [&](const Object::Ptr& entry) {
    result.residual.push_back(finding_from(entry));
  });
  for_each_object(document, "what_if", [&](const Object::Ptr& entry) {
    result.what_if.push_back({get_string(entry, "id"),
                              get_text(entry, "name"),
                              get_text(entry, "description"),
                              get_size(entry, "non_compliant_contacts"),
                              get_size(entry, "non_compliant_numbers"),
                              get_size(entry, "lookup_only")});
  });
  for_each_object(document, "attention", [&](const Object::Ptr& entry) {
    result.attention.push_back({get_string(entry, "contact"),
                                get_string(entry, "file"),
                                get_size(entry, "line"),
                                get_string(entry, "raw"),
                                get_string(entry, "e164"),
                                get_string(entry, "status"),
                                get_string(entry, "issue_code"),
                                get_string(entry, "issue")});
  });
  return result;
}

void write_json_report(const audit::AuditResult& result,
                       bool reveal,
                       const std::filesystem::path& out)
{
  AtomicFile file(out);
  write_audit_json(file.stream(), result, reveal);
  file.commit();
}

} // namespace contact_audit::report
