// SPDX-License-Identifier: MIT
// GDPR Art. 15 export of everything the ledger holds on one subject, as JSON.
#pragma once

#include <contact_audit/ledger/types.hpp>

#include <string>
#include <string_view>

namespace contact_audit::ledger {

class Store;

// Everything held on `subject_id` as pretty-printed JSON (schema in
// docs/ledger.md "Export"): the personal data, every event with its erasable
// details, the audit-log entries naming the subject, the state per number at
// `as_of`, and an ISO/IEC TS 27560 record shaped with the W3C DPV vocabulary
// (dpv:hasConsentStatus, dpv:hasNotice, ...). After erasure the personal data
// sections are empty. Throws InputError when the ledger has no such subject.
std::string export_subject_json(const Store& store, std::string_view subject_id, Timestamp as_of);

} // namespace contact_audit::ledger
