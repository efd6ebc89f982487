// SPDX-License-Identifier: MIT
// The consent state machine: which event decides, and what state it leads to at a given time.
#include <contact_audit/ledger/catalogue.hpp>
#include <contact_audit/ledger/state.hpp>
#include <contact_audit/ledger/store.hpp>
#include <contact_audit/ledger/time.hpp>

#include <algorithm>
#include <array>
#include <set>

namespace contact_audit::ledger {
namespace {

bool applies_at(const Event& event, Timestamp as_of)
{
  // Both times: an event entered today about last month did not exist for an
  // audit run last week, so that audit can be reproduced exactly.
  return event.effective_at <= as_of && event.recorded_at <= as_of;
}

bool notice_accepted(const Catalogue& catalogue, const Event& event)
{
  const Notice* notice = catalogue.find(event.purpose, event.notice_version, event.notice_language);
  return notice != nullptr && notice->accepted;
}

std::string explain(ConsentStatus status, const Event* event)
{
  if (event == nullptr) {
    return "No consent decision covers this number.";
  }
  const auto when = format_date(event->effective_at);
  switch (status) {
  case ConsentStatus::valid:
    return "Consent was " + std::string(to_string(event->action)) + " on " + when +
           (event->valid_until ? " and is valid until " + format_date(*event->valid_until) : "") +
           ".";
  case ConsentStatus::expired:
    return event->valid_until && event->action != Action::expired
               ? "Consent given on " + when + " expired on " + format_date(*event->valid_until) +
                     "; it must be renewed."
               : "Consent expired on " + when + ".";
  case ConsentStatus::invalidated:
    return event->action == Action::invalidated
               ? "Consent was invalidated on " + when + "."
               : "Consent given on " + when + " refers to notice version " + event->notice_version +
                     ", which is not accepted.";
  case ConsentStatus::pending:
    return "Consent was " + std::string(to_string(event->action)) + " on " + when +
           "; no decision yet.";
  default:
    return "Consent was " + std::string(to_string(event->action)) + " on " + when + ".";
  }
}

} // namespace

ConsentStatus
status_of_event(Action action, std::optional<Timestamp> valid_until, bool accepted, Timestamp as_of)
{
  switch (action) {
  case Action::given:
  case Action::renewed:
    if (!accepted) {
      return ConsentStatus::invalidated;
    }
    if (valid_until && as_of > *valid_until) {
      return ConsentStatus::expired;
    }
    return ConsentStatus::valid;
  case Action::requested:
  case Action::deferred:
    return ConsentStatus::pending;
  case Action::refused:
    return ConsentStatus::refused;
  case Action::withdrawn:
    return ConsentStatus::withdrawn;
  case Action::revoked:
    return ConsentStatus::revoked;
  case Action::expired:
    return ConsentStatus::expired;
  case Action::invalidated:
    return ConsentStatus::invalidated;
  case Action::voided:
  case Action::erased:
    break;
  }
  return ConsentStatus::missing;
}

ConsentStatus combine_statuses(const std::vector<ConsentStatus>& statuses)
{
  if (statuses.empty()) {
    return ConsentStatus::missing;
  }
  if (std::all_of(statuses.begin(), statuses.end(), [](ConsentStatus status) {
        return status == ConsentStatus::valid;
      })) {
    return ConsentStatus::valid;
  }
  // Explicit "no" from a person first: it is the strongest reason not to upload.
  static constexpr std::array k_precedence{ConsentStatus::withdrawn,
                                           ConsentStatus::refused,
                                           ConsentStatus::revoked,
                                           ConsentStatus::invalidated,
                                           ConsentStatus::expired,
                                           ConsentStatus::pending,
                                           ConsentStatus::missing};
  for (const auto status : k_precedence) {
    if (std::find(statuses.begin(), statuses.end(), status) != statuses.end()) {
      return status;
    }
  }
  return ConsentStatus::missing;
}

SubjectState derive_subject_state(const std::vector<Event>& events,
                                  std::string_view e164,
                                  std::string_view purpose,
                                  Timestamp as_of,
                                  const Catalogue& catalogue,
                                  std::optional<Relationship> relationship)
{
  std::set<std::int64_t> voided;
  for (const auto& event : events) {
    if (event.action == Action::voided && event.target_event_id && applies_at(event, as_of)) {
      voided.insert(*event.target_event_id);
    }
  }
  const Event* deciding = nullptr;
  for (const auto& event : events) {
    if (event.action == Action::voided || event.action == Action::erased ||
        event.purpose != purpose || !applies_at(event, as_of) || voided.contains(event.id) ||
        std::find(event.numbers.begin(), event.numbers.end(), e164) == event.numbers.end()) {
      continue;
    }
    if (deciding == nullptr || event.effective_at > deciding->effective_at ||
        (event.effective_at == deciding->effective_at && event.id > deciding->id)) {
      deciding = &event;
    }
  }
  SubjectState state;
  if (deciding == nullptr) {
    state.explanation = explain(ConsentStatus::missing, nullptr);
    return state;
  }
  state.subject_id = deciding->subject_id;
  state.status = status_of_event(
      deciding->action, deciding->valid_until, notice_accepted(catalogue, *deciding), as_of);
  // § 26(2) BDSG: a colleague's consent needs written or electronic form.
  state.colleague_verbal =
      (deciding->action == Action::given || deciding->action == Action::renewed) &&
      deciding->method == Method::verbal && relationship == Relationship::colleague;
  state.explanation = explain(state.status, deciding);
  if (state.colleague_verbal) {
    state.explanation += " It was given verbally by a colleague; § 26(2) BDSG asks for written "
                         "or electronic form.";
  }
  state.deciding_event = *deciding;
  return state;
}

NumberState state_of_number(const Store& store,
                            std::string_view e164,
                            std::string_view purpose,
                            Timestamp as_of)
{
  const Catalogue catalogue(store.notices());
  NumberState result;
  result.e164 = e164;
  result.purpose = purpose;
  result.as_of = as_of;
  std::set<std::string> subject_ids;
  for (const auto& id : store.subjects_with_number(e164)) {
    subject_ids.insert(id);
  }
  for (const auto& event : store.events_of_number(e164)) {
    subject_ids.insert(event.subject_id);
  }
  std::vector<ConsentStatus> statuses;
  for (const auto& id : subject_ids) {
    const auto subject = store.find_subject(id);
    const auto events = store.events_of_subject(id);
    const bool held =
        subject && std::any_of(subject->numbers.begin(),
                               subject->numbers.end(),
                               [&](const SubjectNumber& number) {
                                 return number.e164 == e164 && number.added_at <= as_of;
                               });
    auto state = derive_subject_state(
        events, e164, purpose, as_of, catalogue, subject ? subject->relationship : std::nullopt);
    if (!held && !state.deciding_event) {
      continue; // The subject did not hold the number yet at `as_of`.
    }
    state.subject_id = id;
    statuses.push_back(state.status);
    result.colleague_verbal = result.colleague_verbal || state.colleague_verbal;
    result.subjects.push_back(std::move(state));
  }
  result.status = combine_statuses(statuses);
  return result;
}

} // namespace contact_audit::ledger
