// SPDX-License-Identifier: MIT
// The result of an audit: what it was made from, the figures, the findings, the what-if.
// Reports (terminal, JSON, CSV, HTML, PDF) are rendered from this alone, and it
// round-trips through the JSON form (docs/audit-json.md), so a stored audit can be
// rendered again later, in another language too.
#pragma once

#include <contact_audit/core/text.hpp>

#include <cstddef>
#include <deque>
#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace contact_audit::audit {

// A text the report shows in the reader's language.
struct LocalisedText
{
  std::string de;
  std::string en;
  const std::string& in(const std::string& language) const { return language == "de" ? de : en; }
};

// A text that many findings share, such as the reason of an exposure rule or a
// remediation: copies share one immutable text instead of holding their own.
class SharedText
{
public:
  SharedText() = default;
  // Implicit, so that a text read back from a stored audit or written in a test
  // can be assigned as it is.
  SharedText(LocalisedText text) : m_text(std::make_shared<const LocalisedText>(std::move(text))) {}
  SharedText(std::string de, std::string en)
      : SharedText(LocalisedText{std::move(de), std::move(en)})
  {
  }

  // The text, empty when none was set.
  const LocalisedText& get() const
  {
    static const LocalisedText k_empty;
    return m_text ? *m_text : k_empty;
  }
  operator const LocalisedText&() const { return get(); }
  const std::string& in(const std::string& language) const { return get().in(language); }

private:
  std::shared_ptr<const LocalisedText> m_text;
};

struct InputFileRecord
{
  std::string path;
  std::string sha256;
  std::string account; // Account label the file was read with.
  std::size_t contacts = 0;
};

// What the audit was made from, so it can be reproduced.
struct Manifest
{
  std::string tool_version;
  std::string generated_at; // ISO 8601 UTC, when the audit ran.
  std::string as_of;        // ISO 8601 UTC, the time consent states were evaluated for.
  std::string region;
  std::string company;
  std::string device_id;
  std::string device_name;
  std::string device_profile_path;
  std::string device_profile_sha256;
  std::string platform;         // ios | android | unmanaged
  std::string messenger;        // e.g. whatsapp
  std::string messenger_name;   // e.g. WhatsApp
  std::string purpose;          // e.g. whatsapp-contact-upload
  LocalisedText transfer_model; // What the messenger uploads, how, how often, to whom.
  std::string rules_version;
  std::string rules_sha256;
  std::string ledger_path;
  std::string ledger_head_hash;
  std::size_t ledger_events = 0;
  std::string unknown_as; // How the policy treats `unknown`: business | private.
  std::vector<InputFileRecord> inputs;
};

// One phone number of a finding with its consent state for the messenger's purpose.
struct NumberRecord
{
  std::string
      e164; // Full E.164, or "" when the raw text is no number. Masked on output unless revealed.
  std::string raw;            // As written in the address book.
  std::string type;           // phone::NumberType as text.
  std::string status;         // phone::NumberStatus as text.
  std::string consent_state;  // valid | missing | pending | refused | withdrawn | revoked | expired
                              // | invalidated | not_needed
  std::string consent_detail; // e.g. "given 2026-03-01 on paper form, notice v1"; "" when none.
  // When `consent_state` is pending: the day the request was sent (ISO 8601
  // date) and its age in whole days at the audit's as-of time; "" and -1 otherwise.
  std::string requested_at;
  int request_age_days = -1;
};

// Why a contact counts as business: a rule that fired or a reviewed decision.
struct Reason
{
  std::string rule_id;
  int weight = 0;
  // The explanation as read back from a stored audit, or made without a pattern.
  SharedText rendered;
  // An audit keeps each rule's explanation once, with "{value}" where the evidence
  // goes, shared by all its findings, and only the (masked) evidence per finding:
  // a large audit has hundreds of thousands of findings with several reasons each.
  std::shared_ptr<const LocalisedText> pattern;
  std::string evidence;

  // The explanation in both languages, or in `language` ("de" or else English).
  LocalisedText text() const
  {
    return pattern ? LocalisedText{text("de"), text("en")} : rendered.get();
  }
  std::string text(const std::string& language) const
  {
    return pattern ? fill(pattern->in(language), {{"value", evidence}}) : rendered.in(language);
  }
};

// One business (or, by policy, unknown) contact the messenger can read with at
// least one number without valid consent.
struct Finding
{
  std::string contact; // Display name as in the address book.
  std::string organisation;
  std::vector<std::string> emails; // As in the address book; masked on output unless revealed.
  std::string file;
  std::size_t line = 0;
  std::string account;        // The account whose contacts the messenger reads.
  std::string classification; // business | unknown | private
  int score = 0;
  std::vector<Reason> reasons;
  std::string exposure; // bulk_upload | lookup_only
  SharedText exposure_reason;
  std::vector<NumberRecord> numbers;
  std::string remediation; // obtain_consent | move_to_managed | change_emm_setting | delete_contact
  SharedText remediation_text;
  int severity = 0; // Higher first: sorted by severity, then name.
};

// How many non-compliant uploads remain under an alternative configuration of the device.
struct WhatIf
{
  std::string id;
  LocalisedText name;
  LocalisedText description;
  std::size_t non_compliant_contacts = 0;
  std::size_t non_compliant_numbers = 0;
  std::size_t lookup_only = 0;
};

// A number that needs a human look: invalid, ambiguous, service or no number at all.
struct AttentionNumber
{
  std::string contact;
  std::string file;
  std::size_t line = 0;
  std::string raw;
  std::string e164;
  std::string status;
  std::string issue_code;
  std::string issue;
};

struct Totals
{
  std::size_t files = 0;
  std::size_t contacts_read = 0;
  std::size_t contacts_rejected = 0;
  std::size_t diagnostics = 0;
  std::size_t visible = 0;     // Bulk-uploaded by the messenger.
  std::size_t lookup_only = 0; // Reachable only by cross-profile lookup (residual).
  std::size_t not_visible = 0;
  std::size_t business = 0;
  std::size_t private_ = 0;
  std::size_t unknown = 0;
  std::size_t numbers_uploaded = 0;
  std::map<std::string, std::size_t>
      consent_states; // Over the numbers of visible business/unknown contacts.
  std::size_t non_compliant_contacts = 0;
  std::size_t non_compliant_numbers = 0;
  std::map<std::string, std::size_t> remediations; // remediation id -> contacts.
  std::size_t attention_omitted = 0; // Numbers needing attention beyond the list's limit.
};

// A deque, not a vector: an audit of a large book keeps hundreds of thousands of
// findings, and a deque grows without moving the ones it holds.
using Findings = std::deque<Finding>;

struct AuditResult
{
  Manifest manifest;
  Totals totals;
  Findings findings;
  Findings residual; // lookup_only business contacts without consent.
  std::vector<WhatIf> what_if;
  std::vector<AttentionNumber> attention;

  bool compliant() const { return totals.non_compliant_contacts == 0; }
};

} // namespace contact_audit::audit
