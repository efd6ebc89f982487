// SPDX-License-Identifier: MIT
// Loading what the subject exports are made from: subject, events, per-purpose states.
#include "subject_export_data.hpp"

#include <contact_audit/core/error.hpp>

namespace contact_audit::ledger {
namespace {

bool decided_later(const SubjectState& state, const std::optional<SubjectState>& latest)
{
  if (!latest) {
    return true;
  }
  return state.deciding_event &&
         (!latest->deciding_event || state.deciding_event->id > latest->deciding_event->id);
}

} // namespace

SubjectExportData
load_subject_export(const Store& store, std::string_view subject_id, Timestamp as_of)
{
  SubjectExportData data;
  data.subject = store.find_subject(subject_id);
  data.events = store.events_of_subject(subject_id);
  if (!data.subject && data.events.empty()) {
    throw InputError("There is no subject " + std::string(subject_id) + " in the ledger.");
  }
  data.ledger_id = store.ledger_id();
  data.subject_id = std::string(subject_id);
  data.catalogue = Catalogue(store.notices());
  data.as_of = as_of;
  for (const auto& event : data.events) {
    if (event.action != Action::erased) {
      data.purposes.try_emplace(event.purpose);
    }
  }
  const auto numbers = data.subject ? data.subject->numbers : std::vector<SubjectNumber>{};
  for (auto& [purpose, latest] : data.purposes) {
    for (const auto& number : numbers) {
      auto state = derive_subject_state(
          data.events, number.e164, purpose, as_of, data.catalogue, data.subject->relationship);
      if (decided_later(state, latest)) {
        latest = state;
      }
      data.states.push_back({number.e164, purpose, std::move(state)});
    }
  }
  return data;
}

const Notice* deciding_notice(const SubjectExportData& data,
                              const std::string& purpose,
                              const std::optional<SubjectState>& state)
{
  if (!state || !state->deciding_event) {
    return nullptr;
  }
  const auto& event = *state->deciding_event;
  if (!event.notice_version.empty()) {
    return data.catalogue.find(purpose, event.notice_version, event.notice_language);
  }
  // A withdrawal or refusal may name no notice: the notice of the subject's latest
  // event that names one is the one the decision concerns.
  for (auto it = data.events.rbegin(); it != data.events.rend(); ++it) {
    if (it->purpose == purpose && !it->notice_version.empty()) {
      return data.catalogue.find(purpose, it->notice_version, it->notice_language);
    }
  }
  return nullptr;
}

} // namespace contact_audit::ledger
