// SPDX-License-Identifier: MIT
// GDPR Art. 15 export: everything held on a subject, with an ISO/IEC TS 27560 record in DPV terms.
#include "subject_export_data.hpp"

#include <contact_audit/core/error.hpp>
#include <contact_audit/core/json.hpp>
#include <contact_audit/ledger/catalogue.hpp>
#include <contact_audit/ledger/state.hpp>
#include <contact_audit/ledger/store.hpp>
#include <contact_audit/ledger/subject_export.hpp>
#include <contact_audit/ledger/time.hpp>

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include <map>
#include <sstream>

namespace contact_audit::ledger {
namespace {

using Poco::JSON::Array;
using Poco::JSON::Object;

Object::Ptr subject_json(const std::optional<Subject>& subject, std::string_view subject_id)
{
  auto json = json::ordered_object();
  json->set("id", std::string(subject_id));
  json->set("erased", !subject.has_value());
  if (!subject) {
    return json;
  }
  json->set("name", subject->name);
  json->set("relationship",
            subject->relationship ? std::string(to_string(*subject->relationship)) : "");
  json->set("created_at", format_timestamp(subject->created_at));
  Array::Ptr numbers = new Array;
  for (const auto& number : subject->numbers) {
    auto item = json::ordered_object();
    item->set("e164", number.e164);
    item->set("raw", number.raw);
    item->set("added_at", format_timestamp(number.added_at));
    numbers->add(item);
  }
  json->set("numbers", numbers);
  Array::Ptr emails = new Array;
  for (const auto& email : subject->emails) {
    emails->add(email);
  }
  json->set("emails", emails);
  return json;
}

Object::Ptr event_json(const Event& event)
{
  auto json = json::ordered_object();
  json->set("id", event.id);
  json->set("action", std::string(to_string(event.action)));
  json->set("purpose", event.purpose);
  json->set("effective_at", format_timestamp(event.effective_at));
  json->set("recorded_at", format_timestamp(event.recorded_at));
  json->set("method", event.method ? std::string(to_string(*event.method)) : "");
  json->set("expressed_by", event.expressed_by ? std::string(to_string(*event.expressed_by)) : "");
  json->set("collected_by", event.collected_by);
  json->set("valid_until", event.valid_until ? format_timestamp(*event.valid_until) : "");
  json->set("notice_version", event.notice_version);
  json->set("notice_language", event.notice_language);
  json->set("notice_sha256", event.notice_sha256);
  json->set("evidence_reference", event.evidence_ref);
  json->set("evidence_sha256", event.evidence_sha256);
  json->set("source_file", event.source_file);
  json->set("source_sha256", event.source_sha256);
  json->set("source_row", event.source_row);
  json->set("form_id", event.form_id);
  if (event.target_event_id) {
    json->set("voids_event", *event.target_event_id);
  }
  json->set("reason", event.reason);
  Array::Ptr numbers = new Array;
  for (const auto& number : event.numbers) {
    numbers->add(number);
  }
  json->set("numbers", numbers);
  json->set("hash", event.hash);
  return json;
}

// ISO/IEC TS 27560 consent record for one purpose, in the W3C DPV terms of the
// DPVCG guide "Consent Records and Receipts as per ISO/IEC TS 27560:2023 using DPV".
Object::Ptr consent_record(const std::string& ledger_id,
                           std::string_view subject_id,
                           const std::string& purpose,
                           const std::vector<Event>& events,
                           const Catalogue& catalogue,
                           const std::optional<SubjectState>& state)
{
  auto record = json::ordered_object();
  record->set("dct:identifier", ledger_id + "/" + std::string(subject_id) + "/" + purpose);
  record->set("dct:conformsTo", "https://w3id.org/dpv/guides/consent-27560");
  record->set("dpv:hasDataSubject", "urn:uuid:" + std::string(subject_id));
  record->set("dpv:hasPurpose", purpose);
  record->set("dpv:hasJurisdiction", "EU, DE");
  const Event* deciding = state && state->deciding_event ? &*state->deciding_event : nullptr;
  const Notice* notice =
      deciding != nullptr
          ? catalogue.find(purpose, deciding->notice_version, deciding->notice_language)
          : nullptr;
  if (notice != nullptr) {
    auto notice_json = json::ordered_object();
    notice_json->set("dct:identifier", purpose + "/v" + notice->version);
    notice_json->set("dct:language", notice->language);
    notice_json->set("dct:title", notice->title);
    notice_json->set("sha256", notice->text_sha256);
    record->set("dpv:hasNotice", notice_json);
    record->set("dpv:hasDataController", notice->controller);
    record->set("dpv:hasRecipient", notice->recipient);
    record->set("dpv:hasPersonalData", notice->data_transmitted);
    Array::Ptr bases = new Array;
    bases->add("eu-gdpr:A6-1-a");
    bases->add("dpv:ExpressedConsent");
    record->set("dpv:hasLegalBasis", bases);
    record->set("dpv:hasThirdCountry", notice->third_country_transfer);
    record->set("dpv:hasStorageCondition", notice->retention);
    record->set("dpv:hasConsentControl", "dpv:WithdrawConsent: " + notice->withdrawal);
  }
  record->set(
      "dpv:hasDuration",
      deciding != nullptr && deciding->valid_until ? format_timestamp(*deciding->valid_until) : "");
  record->set("dpv:hasConsentStatus",
              deciding != nullptr ? std::string(dpv_concept(deciding->action))
                                  : "dpv:ConsentUnknown");
  record->set("status", state ? std::string(to_string(state->status)) : "missing");
  Array::Ptr history = new Array;
  for (const auto& event : events) {
    if (event.purpose != purpose || event.action == Action::erased) {
      continue;
    }
    auto item = json::ordered_object();
    item->set("dct:identifier", event.id);
    item->set("dpv:isIndicatedAtTime", format_timestamp(event.effective_at));
    item->set("dpv:hasConsentStatus", std::string(dpv_concept(event.action)));
    item->set("dpv:isIndicatedBy",
              event.expressed_by ? std::string(to_string(*event.expressed_by)) : "");
    item->set("dpv:hasIndicationMethod", event.method ? std::string(to_string(*event.method)) : "");
    if (event.target_event_id) {
      item->set("voids", *event.target_event_id);
    }
    history->add(item);
  }
  record->set("events", history);
  return record;
}

} // namespace

std::string export_subject_json(const Store& store, std::string_view subject_id, Timestamp as_of)
{
  const auto data = load_subject_export(store, subject_id, as_of);
  const auto& subject = data.subject;
  const auto& events = data.events;
  const auto& catalogue = data.catalogue;
  auto root = json::ordered_object();
  auto context = json::ordered_object();
  context->set("dpv", "https://w3id.org/dpv#");
  context->set("dct", "http://purl.org/dc/terms/");
  context->set("eu-gdpr", "https://w3id.org/dpv/legal/eu/gdpr#");
  root->set("@context", context);
  root->set("schema", "contact-audit-subject-export/1");
  root->set("exported_at", format_timestamp(now_utc()));
  root->set("as_of", format_timestamp(as_of));
  root->set("ledger_id", data.ledger_id);
  root->set("subject", subject_json(subject, subject_id));
  Array::Ptr event_list = new Array;
  for (const auto& event : events) {
    event_list->add(event_json(event));
  }
  root->set("events", event_list);
  Array::Ptr states = new Array;
  for (const auto& entry : data.states) {
    auto item = json::ordered_object();
    item->set("e164", entry.e164);
    item->set("purpose", entry.purpose);
    item->set("status", std::string(to_string(entry.state.status)));
    item->set("explanation", entry.state.explanation);
    item->set("colleague_verbal", entry.state.colleague_verbal);
    states->add(item);
  }
  root->set("states", states);
  const auto& purposes = data.purposes;
  Array::Ptr records = new Array;
  for (const auto& [purpose, latest] : purposes) {
    records->add(consent_record(data.ledger_id, subject_id, purpose, events, catalogue, latest));
  }
  root->set("consent_records", records);
  Array::Ptr audit = new Array;
  for (const auto& entry : store.audit_entries()) {
    if (entry.subject_id != subject_id) {
      continue;
    }
    auto item = json::ordered_object();
    item->set("at", format_timestamp(entry.at));
    item->set("actor", entry.actor);
    item->set("command", entry.command);
    item->set("summary", entry.summary);
    audit->add(item);
  }
  root->set("audit_log", audit);
  std::ostringstream out;
  root->stringify(out, 2);
  out << '\n';
  return out.str();
}

} // namespace contact_audit::ledger
