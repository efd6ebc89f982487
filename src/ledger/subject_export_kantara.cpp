// SPDX-License-Identifier: MIT
// The subject's given consents as Kantara Consent Receipts v1.1; what v1.1 cannot express is said.
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

// Kantara Consent Receipt Specification 1.1.0 §4.3.1: the value for this version.
constexpr const char* k_version = "KI-CR-v1.1.0";

std::string collection_method(const Event& event)
{
  std::string method = !event.method                       ? "not recorded"
                       : *event.method == Method::paper    ? "paper form"
                       : *event.method == Method::web_form ? "web form"
                       : *event.method == Method::email    ? "e-mail"
                       : *event.method == Method::verbal   ? "verbal"
                                                           : "other";
  if (event.expressed_by == ExpressedBy::representative) {
    method += ", expressed by a representative";
  }
  return method;
}

// §4.5.9 termination: the conditions under which the consent ends.
std::string termination(const Event& event, const Notice& notice)
{
  std::string text = event.valid_until ? "Valid until " + format_timestamp(*event.valid_until) +
                                             " unless withdrawn. "
                                       : "Valid until withdrawn. ";
  return text + "Withdrawal: " + notice.withdrawal;
}

// The catalogue names the controller by role only: the receipt says so instead of
// making up an address.
Array::Ptr controllers(const Notice& notice)
{
  auto controller = json::ordered_object();
  controller->set("piiController", notice.controller);
  controller->set("onBehalf", false);
  controller->set("contact", "");
  controller->set("address", "");
  controller->set("email", "");
  controller->set("phone", "");
  Array::Ptr array = new Array;
  array->add(controller);
  return array;
}

Array::Ptr services(const std::string& purpose, const Event& event, const Notice& notice)
{
  auto purpose_json = json::ordered_object();
  purpose_json->set("purpose", notice.title);
  purpose_json->set("purposeCategory", json::string_array({purpose}));
  // Every recorded method (paper, web form, e-mail, verbal) is an explicit statement.
  purpose_json->set("consentType", "EXPLICIT");
  purpose_json->set("piiCategory", json::string_array({notice.data_transmitted}));
  purpose_json->set("primaryPurpose", true);
  purpose_json->set("termination", termination(event, notice));
  purpose_json->set("thirdPartyDisclosure", true);
  purpose_json->set("thirdPartyName", notice.recipient);
  Array::Ptr purposes = new Array;
  purposes->add(purpose_json);
  auto service = json::ordered_object();
  service->set("service", notice.title);
  service->set("purposes", purposes);
  Array::Ptr array = new Array;
  array->add(service);
  return array;
}

Object::Ptr receipt(const SubjectExportData& data,
                    const std::string& purpose,
                    const Event& event,
                    const Notice& notice)
{
  auto json = json::ordered_object();
  json->set("version", k_version);
  json->set("jurisdiction", "DE");
  // §4.3.3: seconds since 1970-01-01 00:00:00 GMT.
  json->set("consentTimestamp",
            static_cast<Poco::Int64>(event.effective_at.time_since_epoch().count()));
  json->set("collectionMethod", collection_method(event));
  json->set("consentReceiptID",
            "urn:contact-audit:" + data.ledger_id + ":event:" + std::to_string(event.id));
  json->set("language", notice.language);
  json->set("piiPrincipalId", "urn:uuid:" + data.subject_id);
  json->set("piiControllers", controllers(notice));
  json->set("policyUrl",
            "urn:contact-audit:notice:" + purpose + ":v" + notice.version + ":" + notice.language +
                ":sha256:" + notice.text_sha256);
  json->set("services", services(purpose, event, notice));
  json->set("sensitive", false);
  json->set("spiCat", Array::Ptr(new Array));
  return json;
}

bool rests_on_given_consent(const std::optional<SubjectState>& state)
{
  return state && state->deciding_event &&
         (state->status == ConsentStatus::valid || state->status == ConsentStatus::expired) &&
         (state->deciding_event->action == Action::given ||
          state->deciding_event->action == Action::renewed);
}

Object::Ptr not_expressible(const std::string& purpose, const std::optional<SubjectState>& state)
{
  const std::string status = state ? std::string(to_string(state->status)) : "missing";
  auto json = json::ordered_object();
  json->set("purpose", purpose);
  json->set("status", status);
  if (state && state->deciding_event) {
    json->set("event", state->deciding_event->id);
    json->set("effective_at", format_timestamp(state->deciding_event->effective_at));
  }
  json->set("explanation", state ? state->explanation : "");
  json->set("note",
            "A Kantara Consent Receipt v1.1 documents consent that was given; it has no field "
            "for a consent that is " +
                status +
                ", so no receipt was made for this purpose. The JSON and DPV exports (--as "
                "json, --as dpv) record it.");
  return json;
}

} // namespace

std::string export_subject_kantara(const Store& store, std::string_view subject_id, Timestamp as_of)
{
  const auto data = load_subject_export(store, subject_id, as_of);
  Object root(Poco::JSON_PRESERVE_KEY_ORDER);
  root.set("schema", "contact-audit-kantara-export/1");
  root.set("exported_at", format_timestamp(now_utc()));
  root.set("as_of", format_timestamp(as_of));
  Array::Ptr receipts = new Array;
  Array::Ptr others = new Array;
  for (const auto& [purpose, state] : data.purposes) {
    const Notice* notice = deciding_notice(data, purpose, state);
    if (rests_on_given_consent(state) && notice != nullptr) {
      receipts->add(receipt(data, purpose, *state->deciding_event, *notice));
    } else {
      others->add(not_expressible(purpose, state));
    }
  }
  root.set("receipts", receipts);
  root.set("not_expressible", others);
  root.set("controller_note",
           "The notice catalogue names the controller by its role only, so piiControllers "
           "contact, address, email and phone are empty; fill them in before handing a receipt "
           "to the person.");
  std::ostringstream out;
  root.stringify(out, 2);
  out << '\n';
  return out.str();
}

} // namespace contact_audit::ledger
