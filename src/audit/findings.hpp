// SPDX-License-Identifier: MIT
// Turning one assessed contact into number records, a finding and its remediation.
#pragma once

#include <contact_audit/audit/result.hpp>
#include <contact_audit/classify/classifier.hpp>
#include <contact_audit/contact/contact.hpp>
#include <contact_audit/core/string_map.hpp>
#include <contact_audit/exposure/device_profile.hpp>
#include <contact_audit/exposure/exposure.hpp>
#include <contact_audit/ledger/state.hpp>

#include <memory>
#include <string_view>
#include <unordered_map>

namespace contact_audit::audit {

// Consent state shown for numbers that need none: service lines and short numbers
// belong to organisations, not to natural persons.
inline constexpr std::string_view k_not_needed = "not_needed";

// True when the messenger would upload `phone` as a number that can identify a
// person: it has an E.164 form and is not a service line (short number, toll
// free, shared cost, premium rate).
bool needs_consent(const contact::Phone& phone);

// The number as the report shows it, with its consent state from `consents`.
NumberRecord number_record(const contact::Phone& phone, const ledger::ConsentIndex& consents);

// True when some number of `numbers` lacks valid consent.
bool lacks_consent(const std::vector<NumberRecord>& numbers);

// The texts findings share, made once per audit: each rule's explanation pattern
// (Reason::pattern) and every exposure reason and remediation (SharedText). A large
// audit has hundreds of thousands of findings, and these texts are most of what a
// finding would otherwise hold. One per thread.
class SharedTexts
{
public:
  std::shared_ptr<const LocalisedText> pattern(const classify::RuleInfo& rule);
  // The shared copy of the text `de`/`en`.
  SharedText text(std::string_view de, std::string_view en);

private:
  std::unordered_map<const classify::RuleInfo*, std::shared_ptr<const LocalisedText>> m_patterns;
  // By English text; the German one is compared on lookup.
  StringMap<SharedText> m_texts;
};

// The finding for a contact the messenger reads (or can look up) with a number
// lacking consent. `has_separate_side` says whether the device has a managed
// account or work profile the contact could be moved to.
Finding make_finding(const contact::Contact& contact,
                     const classify::Verdict& verdict,
                     const exposure::Exposure& exposure,
                     std::vector<NumberRecord> numbers,
                     bool has_separate_side,
                     SharedTexts& texts);

// Order findings by severity (highest first), then contact name, then file and line.
void sort_findings(Findings& findings);

} // namespace contact_audit::audit
