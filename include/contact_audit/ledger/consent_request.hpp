// SPDX-License-Identifier: MIT
// Consent requests: a `requested` event per subject and notice, recorded once, under a stable form
// id.
#pragma once

#include <contact_audit/ledger/catalogue.hpp>
#include <contact_audit/ledger/consent.hpp>
#include <contact_audit/ledger/store.hpp>
#include <contact_audit/ledger/types.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace contact_audit::ledger {

// A person to ask for consent, as gathered from audit findings.
struct RequestCandidate
{
  // Name, every number of the contact (also those with valid consent, so the
  // existing subject is found), e-mails and relationship.
  SubjectDetails details;
  std::vector<std::string> numbers; // E.164 numbers to ask about.
};

struct RequestOptions
{
  std::string purpose{k_default_purpose};
  const Notice* notice = nullptr; // The notice the letter shows; required.
  Timestamp now{};
  WriteContext context;
};

// What became of one candidate.
struct ConsentRequest
{
  std::string subject_id;
  bool subject_created = false;
  std::string form_id;
  // Numbers the letter asks about, sorted: those whose state for this subject is
  // missing, expired, invalidated or pending (already asked) at `now`.
  std::vector<std::string> numbers;
  // Numbers left out because the person has decided: valid, refused, withdrawn, revoked.
  std::vector<std::string> decided;
  std::int64_t event_id = 0; // The latest `requested` event under the form id; 0 when none.
  Timestamp requested_at{};  // Its effective time.
  bool recorded_now = false; // A `requested` event was appended by this call.
};

// The form id of the request to `subject_id` for `purpose` on notice
// `notice_version`: "CR-" and four groups of four hex digits of a SHA-256 over
// the three. The same subject and notice always give the same id; the subject id
// is random, so the form id reveals nothing about the person.
std::string request_form_id(std::string_view subject_id,
                            std::string_view purpose,
                            std::string_view notice_version);

// The accepted notice of `purpose` in `language` with the highest version; null
// when there is none.
const Notice*
latest_notice(const Catalogue& catalogue, std::string_view purpose, std::string_view language);

// For each candidate: find or create its subject (find_or_create_subject, so a
// person is matched by number and name or by e-mail), derive the subject's
// state of each number at `options.now`, and append one `requested` event
// (notice, form id, the numbers not yet asked about) unless every number is
// decided or already pending. Re-running with the same candidates appends
// nothing. One write transaction for all; audit-log entries per event. Throws
// InputError when `options.notice` is null or its purpose differs, IoError when
// the ledger cannot be written.
std::vector<ConsentRequest> record_consent_requests(Store& store,
                                                    const std::vector<RequestCandidate>& candidates,
                                                    const RequestOptions& options);

// The subject and numbers a request letter with `form_id` was sent for (every
// `requested` event of `purpose` under that form id); empty when the ledger
// holds no such request or its subject was erased.
struct RequestedForm
{
  std::string subject_id;
  std::vector<std::string> numbers; // Sorted.
};
std::optional<RequestedForm>
find_consent_request(const Store& store, std::string_view purpose, std::string_view form_id);

} // namespace contact_audit::ledger
