// SPDX-License-Identifier: MIT
// AuditResult <-> JSON (schema "contact-audit/audit/1") with Poco::JSON.
#include <contact_audit/core/atomic_file.hpp>
#include <contact_audit/core/error.hpp>
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

Object::Ptr new_object()
{
  return new Object(Poco::JSON_PRESERVE_KEY_ORDER);
}

Object::Ptr text_json(const audit::LocalisedText& text)
{
  auto object = new_object();
  object->set("de", text.de);
  object->set("en", text.en);
  return object;
}

std::string shown(const std::string& number, bool reveal)
{
  return reveal || number.empty() ? number : phone::mask(number);
}

// An e-mail address as written: "a***@example.com" unless revealed.
std::string shown_email(const std::string& email, bool reveal)
{
  const auto at = email.rfind('@');
  if (reveal || email.empty()) {
    return email;
  }
  return at == std::string::npos || at == 0 ? "***" : email.substr(0, 1) + "***" + email.substr(at);
}

Object::Ptr manifest_json(const audit::Manifest& manifest)
{
  auto object = new_object();
  object->set("tool_version", manifest.tool_version);
  object->set("generated_at", manifest.generated_at);
  object->set("as_of", manifest.as_of);
  object->set("region", manifest.region);
  object->set("company", manifest.company);
  object->set("device_id", manifest.device_id);
  object->set("device_name", manifest.device_name);
  object->set("device_profile_path", manifest.device_profile_path);
  object->set("device_profile_sha256", manifest.device_profile_sha256);
  object->set("platform", manifest.platform);
  object->set("messenger", manifest.messenger);
  object->set("messenger_name", manifest.messenger_name);
  object->set("purpose", manifest.purpose);
  object->set("transfer_model", text_json(manifest.transfer_model));
  object->set("rules_version", manifest.rules_version);
  object->set("rules_sha256", manifest.rules_sha256);
  object->set("ledger_path", manifest.ledger_path);
  object->set("ledger_head_hash", manifest.ledger_head_hash);
  object->set("ledger_events", manifest.ledger_events);
  object->set("unknown_as", manifest.unknown_as);
  Array::Ptr inputs = new Array;
  for (const auto& input : manifest.inputs) {
    auto entry = new_object();
    entry->set("path", input.path);
    entry->set("sha256", input.sha256);
    entry->set("account", input.account);
    entry->set("contacts", input.contacts);
    inputs->add(entry);
  }
  object->set("inputs", inputs);
  return object;
}

Object::Ptr counts_json(const std::map<std::string, std::size_t>& counts)
{
  auto object = new_object();
  for (const auto& [key, count] : counts) {
    object->set(key, count);
  }
  return object;
}

Object::Ptr totals_json(const audit::Totals& totals)
{
  auto object = new_object();
  object->set("files", totals.files);
  object->set("contacts_read", totals.contacts_read);
  object->set("contacts_rejected", totals.contacts_rejected);
  object->set("diagnostics", totals.diagnostics);
  object->set("visible", totals.visible);
  object->set("lookup_only", totals.lookup_only);
  object->set("not_visible", totals.not_visible);
  object->set("business", totals.business);
  object->set("private", totals.private_);
  object->set("unknown", totals.unknown);
  object->set("numbers_uploaded", totals.numbers_uploaded);
  object->set("consent_states", counts_json(totals.consent_states));
  object->set("non_compliant_contacts", totals.non_compliant_contacts);
  object->set("non_compliant_numbers", totals.non_compliant_numbers);
  object->set("remediations", counts_json(totals.remediations));
  object->set("attention_omitted", totals.attention_omitted);
  return object;
}

Object::Ptr finding_json(const audit::Finding& finding, bool reveal)
{
  auto object = new_object();
  object->set("contact", finding.contact);
  object->set("organisation", finding.organisation);
  Array::Ptr emails = new Array;
  for (const auto& email : finding.emails) {
    emails->add(shown_email(email, reveal));
  }
  object->set("emails", emails);
  object->set("file", finding.file);
  object->set("line", finding.line);
  object->set("account", finding.account);
  object->set("classification", finding.classification);
  object->set("score", finding.score);
  Array::Ptr reasons = new Array;
  for (const auto& reason : finding.reasons) {
    auto entry = new_object();
    entry->set("rule_id", reason.rule_id);
    entry->set("weight", reason.weight);
    entry->set("text", text_json(reason.text));
    reasons->add(entry);
  }
  object->set("reasons", reasons);
  object->set("exposure", finding.exposure);
  object->set("exposure_reason", text_json(finding.exposure_reason));
  Array::Ptr numbers = new Array;
  for (const auto& number : finding.numbers) {
    auto entry = new_object();
    entry->set("e164", shown(number.e164, reveal));
    entry->set("raw", shown(number.raw, reveal));
    entry->set("type", number.type);
    entry->set("status", number.status);
    entry->set("consent_state", number.consent_state);
    entry->set("consent_detail", number.consent_detail);
    if (!number.requested_at.empty()) {
      entry->set("requested_at", number.requested_at);
      entry->set("request_age_days", number.request_age_days);
    }
    numbers->add(entry);
  }
  object->set("numbers", numbers);
  object->set("remediation", finding.remediation);
  object->set("remediation_text", text_json(finding.remediation_text));
  object->set("severity", finding.severity);
  return object;
}

Array::Ptr findings_json(const std::vector<audit::Finding>& findings, bool reveal)
{
  Array::Ptr array = new Array;
  for (const auto& finding : findings) {
    array->add(finding_json(finding, reveal));
  }
  return array;
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
        {get_string(entry, "rule_id"), get_int(entry, "weight"), get_text(entry, "text")});
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

std::string audit_to_json(const audit::AuditResult& result, bool reveal)
{
  Object document(Poco::JSON_PRESERVE_KEY_ORDER);
  document.set("schema", k_schema);
  document.set("numbers_revealed", reveal);
  document.set("compliant", result.compliant());
  document.set("manifest", manifest_json(result.manifest));
  document.set("totals", totals_json(result.totals));
  document.set("findings", findings_json(result.findings, reveal));
  document.set("residual", findings_json(result.residual, reveal));
  Array::Ptr what_if = new Array;
  for (const auto& alternative : result.what_if) {
    auto entry = new_object();
    entry->set("id", alternative.id);
    entry->set("name", text_json(alternative.name));
    entry->set("description", text_json(alternative.description));
    entry->set("non_compliant_contacts", alternative.non_compliant_contacts);
    entry->set("non_compliant_numbers", alternative.non_compliant_numbers);
    entry->set("lookup_only", alternative.lookup_only);
    what_if->add(entry);
  }
  document.set("what_if", what_if);
  Array::Ptr attention = new Array;
  for (const auto& number : result.attention) {
    auto entry = new_object();
    entry->set("contact", number.contact);
    entry->set("file", number.file);
    entry->set("line", number.line);
    entry->set("raw", shown(number.raw, reveal));
    entry->set("e164", shown(number.e164, reveal));
    entry->set("status", number.status);
    entry->set("issue_code", number.issue_code);
    entry->set("issue", number.issue);
    attention->add(entry);
  }
  document.set("attention", attention);
  std::ostringstream out;
  document.stringify(out, 1);
  out << '\n';
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
  write_file_atomically(out, audit_to_json(result, reveal));
}

} // namespace contact_audit::report
