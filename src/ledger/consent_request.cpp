// SPDX-License-Identifier: MIT
// Consent requests: subjects from audit findings, stable form ids, `requested` events recorded
// once.
#include <contact_audit/core/error.hpp>
#include <contact_audit/core/hash.hpp>
#include <contact_audit/ledger/consent_request.hpp>
#include <contact_audit/ledger/state.hpp>

#include <algorithm>
#include <chrono>
#include <set>

namespace contact_audit::ledger {
namespace {

// The import_rows key that finds a request by its form id (never number-derived).
std::string request_key(std::string_view purpose, std::string_view form_id)
{
  return "request|" + std::string(purpose) + "|" + std::string(form_id);
}

bool version_less(const std::string& a, const std::string& b)
{
  // Versions are printed on forms ("1", "2", "10"): compare numbers by length first.
  return a.size() != b.size() ? a.size() < b.size() : a < b;
}

// True when the person has decided for this number: asking again would ignore
// an explicit answer (or a consent that still holds).
bool is_decided(ConsentStatus status)
{
  return status == ConsentStatus::valid || status == ConsentStatus::refused ||
         status == ConsentStatus::withdrawn || status == ConsentStatus::revoked;
}

// The latest `requested` event of `purpose` under `form_id` among `events`.
const Event*
latest_request(const std::vector<Event>& events, std::string_view purpose, std::string_view form_id)
{
  const Event* latest = nullptr;
  for (const auto& event : events) {
    if (event.action == Action::requested && event.purpose == purpose && event.form_id == form_id &&
        (latest == nullptr || event.id > latest->id)) {
      latest = &event;
    }
  }
  return latest;
}

// The subject of `candidate`, matched with all of the contact's numbers. Only
// the numbers to ask about are added to it (or given to a new subject): a
// number with valid consent held by someone else would otherwise gain a holder
// without consent and stop being valid (docs/ledger.md §4, shared numbers).
std::string
subject_for(Store& store, const RequestCandidate& candidate, Timestamp now, bool& created)
{
  SubjectDetails asked = candidate.details;
  asked.numbers.clear();
  for (const auto& number : candidate.details.numbers) {
    if (std::find(candidate.numbers.begin(), candidate.numbers.end(), number.e164) !=
        candidate.numbers.end()) {
      asked.numbers.push_back(number);
    }
  }
  const auto match = find_matching_subject(store, candidate.details);
  created = !match;
  if (!match) {
    return create_subject(store, asked, now);
  }
  for (const auto& number : asked.numbers) {
    store.add_subject_number(*match, number);
  }
  for (const auto& email : asked.emails) {
    store.add_subject_email(*match, email);
  }
  return *match;
}

ConsentRequest request_one(Store& store,
                           const Catalogue& catalogue,
                           const RequestCandidate& candidate,
                           const RequestOptions& options)
{
  ConsentRequest request;
  const std::string subject_id =
      subject_for(store, candidate, options.now, request.subject_created);
  request.subject_id = subject_id;
  request.form_id = request_form_id(subject_id, options.purpose, options.notice->version);
  const auto subject = store.find_subject(subject_id);
  const auto relationship = subject ? subject->relationship : std::nullopt;
  auto events = store.events_of_subject(subject_id);
  std::vector<std::string> to_ask;
  const std::set<std::string> numbers(candidate.numbers.begin(), candidate.numbers.end());
  for (const auto& e164 : numbers) {
    const auto state =
        derive_subject_state(events, e164, options.purpose, options.now, catalogue, relationship);
    if (is_decided(state.status)) {
      request.decided.push_back(e164);
      continue;
    }
    request.numbers.push_back(e164);
    // Pending because of this form's own request: asked already. Pending from a
    // request without this form id: ask under it, so the returned form is matched.
    const bool asked = state.status == ConsentStatus::pending && state.deciding_event &&
                       state.deciding_event->form_id == request.form_id;
    if (!asked) {
      to_ask.push_back(e164);
    }
  }
  if (!to_ask.empty()) {
    Decision decision;
    decision.action = Action::requested;
    decision.purpose = options.purpose;
    // A letter is dated by its day, and so is the returned form: the request takes
    // effect at the start of its day, so an answer dated the same day wins the tie
    // (same effective time, higher event id) instead of being hidden by it.
    decision.effective_at = std::chrono::floor<std::chrono::days>(options.now);
    decision.notice_version = options.notice->version;
    decision.notice_language = options.notice->language;
    decision.form_id = request.form_id;
    decision.numbers = to_ask;
    decision.reason = "Consent request letter " + request.form_id + ".";
    auto draft = make_event(catalogue, subject_id, decision, options.context.actor, options.now);
    if (!draft) {
      throw InputError(draft.error().message);
    }
    const Event stored =
        record_event(store, *draft, options.context, "Consent request " + request.form_id + ".");
    const std::string key = request_key(options.purpose, request.form_id);
    if (!store.has_row_key(key)) {
      store.insert_row_key(key, stored.id, subject_id, false);
    }
    request.recorded_now = true;
    events.push_back(stored);
  }
  if (const Event* latest = latest_request(events, options.purpose, request.form_id)) {
    request.event_id = latest->id;
    request.requested_at = latest->effective_at;
  }
  return request;
}

} // namespace

std::string request_form_id(std::string_view subject_id,
                            std::string_view purpose,
                            std::string_view notice_version)
{
  const std::string digest =
      sha256_hex("contact-audit-request-v1\n" + std::string(subject_id) + "\n" +
                 std::string(purpose) + "\n" + std::string(notice_version) + "\n");
  std::string id = "CR";
  for (std::size_t group = 0; group < 4; ++group) {
    id += '-';
    for (std::size_t i = 0; i < 4; ++i) {
      const char c = digest[group * 4 + i];
      id += (c >= 'a' && c <= 'f') ? static_cast<char>(c - 'a' + 'A') : c;
    }
  }
  return id;
}

const Notice*
latest_notice(const Catalogue& catalogue, std::string_view purpose, std::string_view language)
{
  const Notice* latest = nullptr;
  for (const auto& notice : catalogue.notices()) {
    if (notice.purpose == purpose && notice.language == language && notice.accepted &&
        (latest == nullptr || version_less(latest->version, notice.version))) {
      latest = &notice;
    }
  }
  return latest;
}

std::vector<ConsentRequest> record_consent_requests(Store& store,
                                                    const std::vector<RequestCandidate>& candidates,
                                                    const RequestOptions& options)
{
  if (options.notice == nullptr || options.notice->purpose != options.purpose) {
    throw InputError("A consent request needs a notice text of purpose " + options.purpose + ".");
  }
  const Catalogue catalogue(store.notices());
  std::vector<ConsentRequest> requests;
  requests.reserve(candidates.size());
  store.write([&] {
    requests.clear();
    for (const auto& candidate : candidates) {
      requests.push_back(request_one(store, catalogue, candidate, options));
    }
  });
  return requests;
}

std::optional<RequestedForm>
find_consent_request(const Store& store, std::string_view purpose, std::string_view form_id)
{
  const auto first = store.row_key_event(request_key(purpose, form_id));
  if (!first) {
    return std::nullopt;
  }
  const auto event = store.find_event(*first);
  if (!event || !store.find_subject(event->subject_id)) {
    return std::nullopt;
  }
  RequestedForm form;
  form.subject_id = event->subject_id;
  std::set<std::string> numbers;
  for (const auto& other : store.events_of_subject(event->subject_id)) {
    if (other.action == Action::requested && other.purpose == purpose && other.form_id == form_id) {
      numbers.insert(other.numbers.begin(), other.numbers.end());
    }
  }
  form.numbers.assign(numbers.begin(), numbers.end());
  return form;
}

} // namespace contact_audit::ledger
