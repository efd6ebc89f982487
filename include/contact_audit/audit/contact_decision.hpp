// SPDX-License-Identifier: MIT
// What the audit decided about one contact, for callers that act on every contact (split).
#pragma once

#include <contact_audit/audit/result.hpp>
#include <contact_audit/contact/contact.hpp>

#include <functional>
#include <string>
#include <vector>

namespace contact_audit::audit {

// The audit's view of one contact. References are valid only during the call
// of the ContactObserver that receives it.
struct ContactDecision
{
  const contact::Contact& contact;
  std::string classification; // business | private | unknown
  std::string treated_as;     // business | private: the class after the unknown policy.
  std::string exposure;       // bulk_upload | lookup_only | not_visible
  LocalisedText exposure_reason;
  const std::vector<NumberRecord>& numbers; // Every number with its consent state.
  bool lacks_consent = false; // Treated as business and some number lacks valid consent.
  // The finding (bulk_upload) or residual exposure (lookup_only), or null when the
  // contact is neither.
  const Finding* finding = nullptr;
};

// Called by run_audit for every contact read, in file order, on the calling thread.
using ContactObserver = std::function<void(const ContactDecision&)>;

} // namespace contact_audit::audit
