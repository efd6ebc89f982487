// SPDX-License-Identifier: MIT
// The subject's consent records as JSON-LD in the DPVCG's ISO/IEC TS 27560 profile (dpv-27560).
#include "subject_export_data.hpp"

#include <contact_audit/core/json.hpp>
#include <contact_audit/ledger/subject_export.hpp>
#include <contact_audit/ledger/time.hpp>

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include <sstream>

namespace contact_audit::ledger {
namespace {

using Poco::JSON::Array;
using Poco::JSON::Object;

// The entity keys of dpv:hasEntity, referred to by the process and dct:creator.
constexpr const char* k_controller = "controller";
constexpr const char* k_recipient = "recipient";

Object::Ptr context()
{
  auto json = json::ordered_object();
  json->set("dpv", "https://w3id.org/dpv#");
  json->set("dpv-27560", "https://w3id.org/dpv/schema/dpv-27560#");
  json->set("dct", "http://purl.org/dc/terms/");
  json->set("eu-gdpr", "https://w3id.org/dpv/legal/eu/gdpr#");
  json->set("loc", "https://w3id.org/dpv/loc#");
  json->set("pd", "https://w3id.org/dpv/pd#");
  json->set("skos", "http://www.w3.org/2004/02/skos/core#");
  json->set("rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#");
  return json;
}

// The DPV status concept of a derived state: the time-based states (expired) and
// "no record" have no event of their own, so the deciding action alone is not enough.
std::string status_concept(const std::optional<SubjectState>& state)
{
  if (!state || state->status == ConsentStatus::missing || !state->deciding_event) {
    return "dpv:ConsentUnknown";
  }
  switch (state->status) {
  case ConsentStatus::expired:
    return "dpv:ConsentExpired";
  case ConsentStatus::invalidated:
    return "dpv:ConsentInvalidated";
  default:
    return std::string(dpv_concept(state->deciding_event->action));
  }
}

std::string indicated_by(const Event& event)
{
  return event.expressed_by == ExpressedBy::representative ? "dpv:Representative"
                                                           : "dpv:DataSubject";
}

// ISO/IEC TS 27560 event fields (time, validity, entity, state) of `event`.
void set_event_fields(Object& json, const Event& event)
{
  json.set("dct:identifier", "event:" + std::to_string(event.id));
  json.set("dpv:isIndicatedAtTime", format_timestamp(event.effective_at));
  json.set("dct:date", format_timestamp(event.recorded_at));
  json.set("dpv:isIndicatedBy", indicated_by(event));
  json.set("dpv:hasIndicationMethod", event.method ? std::string(to_string(*event.method)) : "");
  if (event.valid_until) {
    json.set("dct:valid", format_timestamp(*event.valid_until));
  }
}

Object::Ptr current_status(const std::optional<SubjectState>& state, Timestamp as_of)
{
  auto json = json::ordered_object();
  json->set("@type", json::string_array({status_concept(state)}));
  json->set("dct:temporal", format_timestamp(as_of)); // The state holds as of this time.
  if (state && state->deciding_event) {
    set_event_fields(*json, *state->deciding_event);
  }
  json->set("dct:description",
            state ? state->explanation : "No event of the ledger covers a number of the subject.");
  return json;
}

Array::Ptr history(const SubjectExportData& data, const std::string& purpose)
{
  Array::Ptr events = new Array;
  for (const auto& event : data.events) {
    if (event.purpose != purpose || event.action == Action::erased) {
      continue;
    }
    auto json = json::ordered_object();
    json->set("@type", json::string_array({std::string(dpv_concept(event.action))}));
    set_event_fields(*json, event);
    if (event.target_event_id) {
      json->set("dct:replaces", "event:" + std::to_string(*event.target_event_id));
    }
    events->add(json);
  }
  return events;
}

Object::Ptr entities(const Notice& notice)
{
  auto controller = json::ordered_object();
  controller->set("@type", json::string_array({"dpv:DataController"}));
  controller->set("dpv:hasName", notice.controller);
  auto recipient = json::ordered_object();
  recipient->set("@type", json::string_array({"dpv:Recipient", "dpv:ThirdParty"}));
  recipient->set("dpv:hasName", notice.recipient);
  auto json = json::ordered_object();
  json->set(k_controller, controller);
  json->set(k_recipient, recipient);
  return json;
}

Array::Ptr notice_json(const Notice& notice)
{
  auto json = json::ordered_object();
  json->set("@type", json::string_array({"dpv:ConsentNotice"}));
  json->set("dpv:hasIdentifier", notice.purpose + "/v" + notice.version + "/" + notice.language);
  json->set("dct:title", notice.title);
  json->set("dct:language", notice.language);
  json->set("dct:hasVersion", notice.version);
  json->set("dct:identifier", "sha256:" + notice.text_sha256);
  Array::Ptr notices = new Array;
  notices->add(json);
  return notices;
}

Array::Ptr purpose_json(const std::string& purpose, const Notice* notice)
{
  auto json = json::ordered_object();
  json->set("@type", json::string_array({"dpv:Purpose"}));
  json->set("skos:broader", "dpv:CommunicationManagement");
  json->set("skos:prefLabel", notice != nullptr ? notice->title : purpose);
  json->set("dct:identifier", purpose);
  Array::Ptr purposes = new Array;
  purposes->add(json);
  return purposes;
}

// The parts of the process only the notice knows: data, parties, storage, withdrawal.
void set_notice_facts(Object& process, const Notice& notice)
{
  auto data = json::ordered_object();
  data->set("@type", json::string_array({"dpv:PersonalData"}));
  data->set("skos:broader", json::string_array({"pd:TelephoneNumber"}));
  data->set("skos:prefLabel", notice.data_transmitted);
  Array::Ptr personal_data = new Array;
  personal_data->add(data);
  process.set("dpv:hasPersonalData", personal_data);
  process.set("dpv:hasDataController", json::string_array({k_controller}));
  process.set("dpv:hasRecipient", json::string_array({k_recipient}));
  auto duration = json::ordered_object();
  duration->set("@type", json::string_array({"dpv:UntilEventDuration"}));
  duration->set("rdf:value", notice.retention);
  auto storage_duration = json::ordered_object();
  storage_duration->set("@type", json::string_array({"dpv:StorageDuration"}));
  storage_duration->set("dpv:hasDuration", duration);
  auto storage_location = json::ordered_object();
  storage_location->set("@type", json::string_array({"dpv:StorageLocation"}));
  storage_location->set("skos:prefLabel", notice.third_country_transfer);
  Array::Ptr storage = new Array;
  storage->add(storage_duration);
  storage->add(storage_location);
  process.set("dpv:hasStorageCondition", storage);
  auto withdraw = json::ordered_object();
  withdraw->set("@type", json::string_array({"dpv:WithdrawConsent"}));
  withdraw->set("skos:prefLabel", notice.withdrawal);
  Array::Ptr controls = new Array;
  controls->add(withdraw);
  process.set("dpv:hasConsentControl", controls);
  process.set("dct:description", notice.legal_basis);
}

Array::Ptr process_json(const SubjectExportData& data,
                        const std::string& purpose,
                        const std::optional<SubjectState>& state,
                        const Notice* notice)
{
  auto process = json::ordered_object();
  process->set("@type", json::string_array({"dpv:Process"}));
  process->set("dpv:hasPurpose", purpose_json(purpose, notice));
  // The messenger's contact upload transfers the numbers to the messenger's operator.
  process->set("dpv:hasProcessing", json::string_array({"dpv:Transfer"}));
  process->set("dpv:hasDataSource", json::string_array({"dpv:DataControllerDataSource"}));
  process->set("dpv:hasLegalBasis", json::string_array({"eu-gdpr:A6-1-a"}));
  if (notice != nullptr) {
    set_notice_facts(*process, *notice);
  }
  Array::Ptr statuses = new Array;
  statuses->add(current_status(state, data.as_of));
  process->set("dpv:hasConsentStatus", statuses);
  process->set("dct:provenance", history(data, purpose));
  Array::Ptr processes = new Array;
  processes->add(process);
  return processes;
}

// The recorded times of the purpose's first and last events (dct:created, dct:modified).
std::pair<std::string, std::string> record_times(const SubjectExportData& data,
                                                 const std::string& purpose)
{
  std::pair<std::string, std::string> times;
  for (const auto& event : data.events) {
    if (event.purpose != purpose) {
      continue;
    }
    const auto at = format_timestamp(event.recorded_at);
    times.first = times.first.empty() ? at : times.first;
    times.second = at;
  }
  return times;
}

Object::Ptr consent_record(const SubjectExportData& data,
                           const std::string& purpose,
                           const std::optional<SubjectState>& state)
{
  const Notice* notice = deciding_notice(data, purpose, state);
  const std::string identifier = data.ledger_id + "/" + data.subject_id + "/" + purpose;
  const auto [created, modified] = record_times(data, purpose);
  auto record = json::ordered_object();
  record->set("@id", "urn:contact-audit:" + identifier);
  record->set("@type", json::string_array({"dpv:ConsentRecord"}));
  record->set("dct:conformsTo", "dpv-27560:record-2");
  record->set("dpv:hasIdentifier", identifier);
  record->set("dct:created", created);
  record->set("dct:modified", modified);
  record->set("dct:creator", k_controller);
  record->set("dct:language", notice != nullptr ? notice->language : "de");
  auto subject = json::ordered_object();
  subject->set("@type", json::string_array({"dpv:DataSubject"}));
  subject->set("dpv:hasIdentifier", "urn:uuid:" + data.subject_id);
  record->set("dpv:hasDataSubject", subject);
  if (notice != nullptr) {
    record->set("dpv:hasEntity", entities(*notice));
    record->set("dpv:hasNotice", notice_json(*notice));
  }
  record->set("dpv:hasJurisdiction", json::string_array({"loc:DE"}));
  record->set("dpv:hasApplicableLaw", json::string_array({"eu-gdpr:GDPR"}));
  record->set("dpv:hasProcess", process_json(data, purpose, state, notice));
  return record;
}

} // namespace

std::string export_subject_dpv(const Store& store, std::string_view subject_id, Timestamp as_of)
{
  const auto data = load_subject_export(store, subject_id, as_of);
  Object root(Poco::JSON_PRESERVE_KEY_ORDER);
  root.set("@context", context());
  Array::Ptr graph = new Array;
  for (const auto& [purpose, state] : data.purposes) {
    graph->add(consent_record(data, purpose, state));
  }
  root.set("@graph", graph);
  std::ostringstream out;
  root.stringify(out, 2);
  out << '\n';
  return out.str();
}

} // namespace contact_audit::ledger
