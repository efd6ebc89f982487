// SPDX-License-Identifier: MIT
// The consent ledger's vocabulary: DPV actions and states, methods, subjects and events.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace contact_audit::ledger {

// Seconds since the Unix epoch, UTC. Every time in the ledger has this base.
using Timestamp = std::chrono::sys_seconds;

// What an event records. The first nine are the W3C DPV consent states
// (dpv:ConsentRequested ... dpv:ConsentInvalidated); `voided` cancels an event
// entered in error (FHIR's entered-in-error) and `erased` marks GDPR Art. 17
// erasure of the subject's personal data.
enum class Action : std::uint8_t
{
  requested,
  deferred,
  given,
  renewed,
  refused,
  withdrawn, // By the data subject (GDPR Art. 7(3)).
  revoked,   // By the company, e.g. the purpose was dropped.
  expired,
  invalidated, // Found invalid, e.g. a defective form, by the DPO or an authority.
  voided,
  erased,
};

std::string_view to_string(Action action);
std::optional<Action> parse_action(std::string_view text);

// How the decision was expressed (DPV hasIndicationMethod).
enum class Method : std::uint8_t
{
  paper,
  web_form,
  email,
  verbal,
  other,
};

std::string_view to_string(Method method);
std::optional<Method> parse_method(std::string_view text);

// The subject's relation to the company; `colleague` triggers § 26(2) BDSG checks.
enum class Relationship : std::uint8_t
{
  customer,
  supplier,
  partner,
  colleague,
  other,
};

std::string_view to_string(Relationship relationship);
std::optional<Relationship> parse_relationship(std::string_view text);

// Who expressed the decision (ISO/IEC TS 27560 "entity id", DPV isIndicatedBy).
enum class ExpressedBy : std::uint8_t
{
  subject,
  representative,
};

std::string_view to_string(ExpressedBy expressed_by);
std::optional<ExpressedBy> parse_expressed_by(std::string_view text);

// The derived state of a consent for one number and purpose at one time.
// Only `valid` allows the upload.
enum class ConsentStatus : std::uint8_t
{
  valid,
  missing, // No record (DPV ConsentUnknown).
  pending, // Requested or deferred.
  refused,
  withdrawn,
  revoked,
  expired,
  invalidated,
};

std::string_view to_string(ConsentStatus status);
std::optional<ConsentStatus> parse_consent_status(std::string_view text);

// The DPV concept of `status` for exports: "dpv:ConsentGiven" style.
std::string_view dpv_concept(Action action);

// A phone number of a subject: as written and as E.164, with the time it was recorded.
struct SubjectNumber
{
  std::string e164;
  std::string raw;
  Timestamp added_at{};
};

// The person (ISO/IEC TS 27560 PII principal). Everything here is personal data
// kept apart from the events and removed by erasure.
struct Subject
{
  std::string
      id; // UUID v7 (creation time + 74 random bits); the only link from events to the person.
  std::string name;
  std::optional<Relationship> relationship;
  std::vector<SubjectNumber> numbers;
  std::vector<std::string> emails;
  // Random key (hex) of the commitment over each event's erasable details
  // (docs/ledger.md "Erasure"); deleted with the subject.
  std::string secret;
  Timestamp created_at{};
};

// One ledger event. The fields down to `hash` are covered by the hash chain;
// the erasable details after it are bound to the chain only through
// `pii_digest`, a commitment keyed with the subject's secret.
struct Event
{
  std::int64_t id = 0; // 1, 2, 3, ... in recorded order.
  std::string subject_id;
  std::string purpose;
  Action action = Action::given;
  Timestamp effective_at{};
  Timestamp recorded_at{};
  std::optional<Method> method;
  std::optional<ExpressedBy> expressed_by;
  std::string collected_by; // The actor who recorded it (HR clerk's login).
  std::optional<Timestamp> valid_until;
  std::string notice_version;  // Empty when no notice applies (e.g. erased).
  std::string notice_language; // "de", "en"; empty when unknown.
  std::string notice_sha256;   // SHA-256 of the notice text shown.
  std::string evidence_sha256; // SHA-256 of the evidence file (signed form scan).
  std::string source_file;     // Import file name (no folder), or empty.
  std::string source_sha256;
  std::uint64_t source_row = 0; // 1-based line in the import file; 0 when not imported.
  std::string form_id;
  std::optional<std::int64_t> target_event_id; // The event a `voided` event cancels.
  std::string pii_digest;
  std::string hash;

  // Erasable details (empty after erasure).
  std::vector<std::string> numbers; // E.164 numbers this event covers, sorted.
  std::string evidence_ref;         // Path or reference of the evidence.
  std::string reason;
};

// One row of the audit log: every write to the ledger.
struct AuditEntry
{
  std::int64_t id = 0;
  Timestamp at{};
  std::string actor;
  std::string command; // The command line, with personal data masked.
  std::string file;    // File read or written, if any.
  std::string file_sha256;
  std::string subject_id;
  std::string summary;
};

// A consent-form file that was imported (for idempotency).
struct ImportRecord
{
  std::string file_name;
  std::string file_sha256;
  std::string actor;
  Timestamp at{};
  std::uint64_t rows = 0;
  std::uint64_t imported = 0;
  std::uint64_t duplicates = 0;
  std::uint64_t rejected = 0;
};

// The last event of the chain: anchor it outside the ledger (docs/ledger.md).
struct ChainHead
{
  std::int64_t event_id = 0;
  std::string hash;
};

} // namespace contact_audit::ledger
