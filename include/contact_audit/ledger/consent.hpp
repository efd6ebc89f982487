// SPDX-License-Identifier: MIT
// Recording consent decisions, voiding and erasure: the write side of the ledger.
#pragma once

#include <contact_audit/core/result.hpp>
#include <contact_audit/ledger/catalogue.hpp>
#include <contact_audit/ledger/store.hpp>
#include <contact_audit/ledger/types.hpp>

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace contact_audit::ledger {

// Who writes and with which command, for the audit log.
struct WriteContext
{
  std::string actor;   // --by, else $USER.
  std::string command; // The command line with personal data masked.
  std::string file;
  std::string file_sha256;
};

// Open the ledger at `path` (open_store) and install the built-in notice
// catalogue when notices are missing. Throws like open_store, and InputError
// when a stored notice differs from the built-in one of the same version.
std::unique_ptr<Store> open_ledger(const std::filesystem::path& path,
                                   const StoreOptions& options = {});

// Insert the notices of `catalogue` that the store lacks; returns how many.
// Notices are immutable: throws InputError naming the notice when a stored one
// with the same purpose, version and language has other content.
std::size_t
install_catalogue(Store& store, const Catalogue& catalogue, const WriteContext& context);

// The catalogue as stored in the ledger.
Catalogue stored_catalogue(const Store& store);

// One decision about consent, before it becomes an event.
struct Decision
{
  Action action = Action::given;
  std::string purpose{k_default_purpose};
  Timestamp effective_at{};
  std::optional<Method> method;
  std::optional<ExpressedBy> expressed_by;
  std::string notice_version;           // Required for given/renewed.
  std::string notice_language;          // Empty: "de" if the notice has it, else any.
  std::optional<Timestamp> valid_until; // Empty: the notice's re-confirmation policy.
  std::string evidence_ref;
  std::string evidence_sha256;
  std::string reason;
  std::string form_id;
  std::vector<std::string> numbers; // E.164 numbers the decision covers.
  std::string source_file;
  std::string source_sha256;
  std::uint64_t source_row = 0;
};

// Check `decision` and turn it into an event draft for `subject_id`, recorded
// by `actor` at `now`. Fails (codes "ledger.decision.*") when the purpose is
// unknown, a given/renewed decision has no notice version, the notice version
// is unknown, the effective date lies after `now`, or the action is
// voided/erased (use void_event/erase_subject).
[[nodiscard]] Result<Event> make_event(const Catalogue& catalogue,
                                       std::string_view subject_id,
                                       const Decision& decision,
                                       std::string_view actor,
                                       Timestamp now);

// The subject an import row or a command names, by its personal data.
struct SubjectDetails
{
  std::string name;
  std::vector<SubjectNumber> numbers;
  std::vector<std::string> emails;
  std::optional<Relationship> relationship;
};

// The subject these details describe, without changing anything: one holding
// one of the numbers with the same name (ignoring case), else the only one with
// one of the e-mails; empty when there is none.
std::optional<std::string> find_matching_subject(const Store& store, const SubjectDetails& details);

// Find the subject these details describe: one holding one of the numbers with
// the same name (ignoring case), else one with one of the e-mails; otherwise
// create a new subject. Adds numbers and e-mails the subject lacks. Must run
// inside Store::write(). Returns the subject id and whether it was created.
std::pair<std::string, bool>
find_or_create_subject(Store& store, const SubjectDetails& details, Timestamp now);

// Create a subject with a random id and secret. Must run inside Store::write().
std::string create_subject(Store& store, const SubjectDetails& details, Timestamp now);

// Append `draft` and an audit-log entry (its summary ends with `note` when
// given) in one transaction; returns the stored event.
Event record_event(Store& store,
                   const Event& draft,
                   const WriteContext& context,
                   std::string_view note = {});

// Append a `voided` event cancelling event `event_id`, with `reason` (required).
// Throws InputError when the event does not exist, is itself a void or an
// erasure, or was voided already.
Event void_event(Store& store,
                 std::int64_t event_id,
                 std::string_view reason,
                 const WriteContext& context);

// GDPR Art. 17: delete the subject's personal data and the erasable details of
// its events, then append an `erased` event (the chain stays verifiable).
// `reason` goes to the audit log only, never into the event.
// Throws InputError when the subject does not exist or was erased already.
Event erase_subject(Store& store,
                    std::string_view subject_id,
                    std::string_view reason,
                    const WriteContext& context);

// True when `text` has the form of a subject id (a UUID).
bool looks_like_subject_id(std::string_view text);

} // namespace contact_audit::ledger
