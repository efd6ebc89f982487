// SPDX-License-Identifier: MIT
// The write side of the ledger: catalogue installation, decisions, subjects, voiding, erasure.
#include "random.hpp"

#include <contact_audit/core/error.hpp>
#include <contact_audit/core/text.hpp>
#include <contact_audit/ledger/consent.hpp>
#include <contact_audit/ledger/time.hpp>

#include <algorithm>

namespace contact_audit::ledger {
namespace {

Diagnostic decision_error(std::string code, std::string message)
{
  return Diagnostic{{}, 0, Severity::error, std::move(code), std::move(message)};
}

bool same_notice(const Notice& a, const Notice& b)
{
  return a.title == b.title && a.accepted == b.accepted && a.controller == b.controller &&
         a.recipient == b.recipient && a.data_transmitted == b.data_transmitted &&
         a.legal_basis == b.legal_basis && a.third_country_transfer == b.third_country_transfer &&
         a.retention == b.retention && a.withdrawal == b.withdrawal &&
         a.reconfirm_after_months == b.reconfirm_after_months && a.text_sha256 == b.text_sha256;
}

void append_audit(Store& store,
                  const WriteContext& context,
                  std::string_view subject_id,
                  std::string summary)
{
  AuditEntry entry;
  entry.at = now_utc();
  entry.actor = context.actor;
  entry.command = context.command;
  entry.file = context.file;
  entry.file_sha256 = context.file_sha256;
  entry.subject_id = subject_id;
  entry.summary = std::move(summary);
  store.append_audit(entry);
}

} // namespace

std::unique_ptr<Store> open_ledger(const std::filesystem::path& path, const StoreOptions& options)
{
  auto store = open_store(path, options);
  const auto stored = store->notices();
  const auto& builtin = builtin_catalogue().notices();
  const bool complete = std::all_of(builtin.begin(), builtin.end(), [&](const Notice& notice) {
    return std::any_of(stored.begin(), stored.end(), [&](const Notice& have) {
      return have.purpose == notice.purpose && have.version == notice.version &&
             have.language == notice.language && same_notice(have, notice);
    });
  });
  if (!complete) {
    install_catalogue(*store, builtin_catalogue(), WriteContext{"contact-audit", "open", {}, {}});
  }
  return store;
}

std::size_t install_catalogue(Store& store, const Catalogue& catalogue, const WriteContext& context)
{
  std::size_t added = 0;
  store.write([&] {
    const auto stored = store.notices();
    for (const auto& notice : catalogue.notices()) {
      const auto existing = std::find_if(stored.begin(), stored.end(), [&](const Notice& have) {
        return have.purpose == notice.purpose && have.version == notice.version &&
               have.language == notice.language;
      });
      if (existing == stored.end()) {
        store.insert_notice(notice);
        ++added;
      } else if (!same_notice(*existing, notice)) {
        throw InputError("The notice " + notice.purpose + " version " + notice.version + " (" +
                         notice.language +
                         ") is already in the ledger with other content; notices never change, "
                         "so publish the new text as a new version.");
      }
    }
    if (added > 0) {
      append_audit(store, context, {}, "Installed " + std::to_string(added) + " notice text(s).");
    }
  });
  return added;
}

Catalogue stored_catalogue(const Store& store)
{
  return Catalogue(store.notices());
}

Result<Event> make_event(const Catalogue& catalogue,
                         std::string_view subject_id,
                         const Decision& decision,
                         std::string_view actor,
                         Timestamp now)
{
  if (decision.action == Action::voided || decision.action == Action::erased) {
    return make_unexpected(decision_error(
        "ledger.decision.action", "Voiding and erasure are recorded with their own commands."));
  }
  if (!catalogue.has_purpose(decision.purpose)) {
    return make_unexpected(
        decision_error("ledger.decision.purpose",
                       "The purpose \"" + decision.purpose + "\" is not in the notice catalogue."));
  }
  if (decision.effective_at > now) {
    return make_unexpected(
        decision_error("ledger.decision.future",
                       "The date " + format_date(decision.effective_at) + " lies in the future."));
  }
  const bool consenting = decision.action == Action::given || decision.action == Action::renewed;
  if (consenting && decision.notice_version.empty()) {
    return make_unexpected(
        decision_error("ledger.decision.notice-missing",
                       "A consent needs the version of the notice text the person was shown."));
  }
  Event event;
  if (!decision.notice_version.empty()) {
    const Notice* notice =
        catalogue.find(decision.purpose, decision.notice_version, decision.notice_language);
    if (notice == nullptr) {
      return make_unexpected(decision_error(
          "ledger.decision.notice-unknown",
          "The notice version \"" + decision.notice_version +
              (decision.notice_language.empty() ? ""
                                                : "\" in language \"" + decision.notice_language) +
              "\" is not in the catalogue of purpose " + decision.purpose + "."));
    }
    event.notice_version = notice->version;
    event.notice_language = notice->language;
    event.notice_sha256 = notice->text_sha256;
    if (consenting && !decision.valid_until && notice->reconfirm_after_months > 0) {
      event.valid_until = add_months(decision.effective_at, notice->reconfirm_after_months);
    }
  }
  if (decision.valid_until) {
    event.valid_until = decision.valid_until;
  }
  event.subject_id = subject_id;
  event.purpose = decision.purpose;
  event.action = decision.action;
  event.effective_at = decision.effective_at;
  event.recorded_at = now;
  event.method = decision.method;
  event.expressed_by = decision.expressed_by;
  event.collected_by = actor;
  event.evidence_sha256 = decision.evidence_sha256;
  event.source_file = decision.source_file;
  event.source_sha256 = decision.source_sha256;
  event.source_row = decision.source_row;
  event.form_id = decision.form_id;
  event.numbers = decision.numbers;
  std::sort(event.numbers.begin(), event.numbers.end());
  event.numbers.erase(std::unique(event.numbers.begin(), event.numbers.end()), event.numbers.end());
  event.evidence_ref = decision.evidence_ref;
  event.reason = decision.reason;
  return event;
}

std::string create_subject(Store& store, const SubjectDetails& details, Timestamp now)
{
  Subject subject;
  subject.id = random_uuid();
  subject.name = details.name;
  subject.relationship = details.relationship;
  subject.numbers = details.numbers;
  subject.emails = details.emails;
  subject.secret = random_hex(16);
  subject.created_at = now;
  store.insert_subject(subject);
  return subject.id;
}

std::optional<std::string> find_matching_subject(const Store& store, const SubjectDetails& details)
{
  std::string found;
  for (const auto& number : details.numbers) {
    for (const auto& id : store.subjects_with_number(number.e164)) {
      const auto subject = store.find_subject(id);
      if (subject && iequals_ascii(trim(subject->name), trim(details.name))) {
        found = id;
        break;
      }
    }
    if (!found.empty()) {
      break;
    }
  }
  for (const auto& email : details.emails) {
    if (!found.empty()) {
      break;
    }
    const auto ids = store.subjects_with_email(email);
    if (ids.size() == 1) {
      found = ids.front();
    }
  }
  if (found.empty()) {
    return std::nullopt;
  }
  return found;
}

std::pair<std::string, bool>
find_or_create_subject(Store& store, const SubjectDetails& details, Timestamp now)
{
  const auto match = find_matching_subject(store, details);
  if (!match) {
    return {create_subject(store, details, now), true};
  }
  const std::string& found = *match;
  for (const auto& number : details.numbers) {
    store.add_subject_number(found, number);
  }
  for (const auto& email : details.emails) {
    store.add_subject_email(found, email);
  }
  return {found, false};
}

Event record_event(Store& store,
                   const Event& draft,
                   const WriteContext& context,
                   std::string_view note)
{
  Event stored;
  store.write([&] {
    stored = store.append_event(draft);
    append_audit(store,
                 context,
                 stored.subject_id,
                 "Recorded event " + std::to_string(stored.id) + " (" +
                     std::string(to_string(stored.action)) + ")." +
                     (note.empty() ? "" : " " + std::string(note)));
  });
  return stored;
}

Event void_event(Store& store,
                 std::int64_t event_id,
                 std::string_view reason,
                 const WriteContext& context)
{
  if (trim(reason).empty()) {
    throw InputError("Voiding an event needs a reason (--reason).");
  }
  Event stored;
  store.write([&] {
    const auto target = store.find_event(event_id);
    if (!target) {
      throw InputError("There is no event " + std::to_string(event_id) + " in the ledger.");
    }
    if (target->action == Action::voided || target->action == Action::erased) {
      throw InputError("Event " + std::to_string(event_id) + " is an " +
                       std::string(to_string(target->action)) + " event and cannot be voided.");
    }
    if (!store.find_subject(target->subject_id)) {
      throw InputError("The subject of event " + std::to_string(event_id) +
                       " was erased; its events can no longer be voided.");
    }
    for (const auto& event : store.events_of_subject(target->subject_id)) {
      if (event.action == Action::voided && event.target_event_id == event_id) {
        throw InputError("Event " + std::to_string(event_id) + " was already voided by event " +
                         std::to_string(event.id) + ".");
      }
    }
    Event draft;
    draft.subject_id = target->subject_id;
    draft.purpose = target->purpose;
    draft.action = Action::voided;
    draft.recorded_at = now_utc();
    draft.effective_at = draft.recorded_at;
    draft.collected_by = context.actor;
    draft.target_event_id = event_id;
    draft.reason = std::string(trim(reason));
    stored = record_event(store, draft, context);
  });
  return stored;
}

Event erase_subject(Store& store,
                    std::string_view subject_id,
                    std::string_view reason,
                    const WriteContext& context)
{
  Event stored;
  store.write([&] {
    if (!store.find_subject(subject_id)) {
      const auto events = store.events_of_subject(subject_id);
      throw InputError(events.empty()
                           ? "There is no subject " + std::string(subject_id) + " in the ledger."
                           : "The subject " + std::string(subject_id) + " was erased already.");
    }
    store.erase_subject(subject_id);
    Event draft;
    draft.subject_id = subject_id;
    draft.purpose = std::string(k_default_purpose);
    draft.action = Action::erased;
    draft.recorded_at = now_utc();
    draft.effective_at = draft.recorded_at;
    draft.collected_by = context.actor;
    // The reason stays out of the event: after erasure no erasable details remain.
    stored = record_event(
        store, draft, context, trim(reason).empty() ? "" : "Reason: " + std::string(trim(reason)));
  });
  return stored;
}

bool looks_like_subject_id(std::string_view text)
{
  if (text.size() != 36) {
    return false;
  }
  for (std::size_t i = 0; i < text.size(); ++i) {
    const bool dash = i == 8 || i == 13 || i == 18 || i == 23;
    const char c = text[i];
    if (dash ? c != '-' : !((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
      return false;
    }
  }
  return true;
}

} // namespace contact_audit::ledger
