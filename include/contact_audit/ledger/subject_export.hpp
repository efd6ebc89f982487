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

// The subject's consent records as JSON-LD following the DPVCG guide "Consent
// Records and Receipts as per ISO/IEC TS 27560:2023 using DPV" (profile
// dpv-27560:record-2): one dpv:ConsentRecord per purpose in an "@graph", with
// the data subject, controller and recipient entities, the notice, the process
// (purpose, personal data, processing, storage, legal basis, withdrawal) and the
// consent status as of `as_of` with its event history. Values come from the
// ledger and the notice catalogue only. Throws InputError when the ledger has no
// such subject.
std::string export_subject_dpv(const Store& store, std::string_view subject_id, Timestamp as_of);

// The subject's consents as Kantara Consent Receipts v1.1 (KI-CR-v1.1.0), one per
// purpose whose consent as of `as_of` rests on a given or renewed consent. A
// refusal, withdrawal, revocation, invalidation, pending request or missing
// consent cannot be expressed in v1.1: it is listed under "not_expressible" with
// a sentence saying so, and no receipt is made up for it. Throws InputError when
// the ledger has no such subject.
std::string
export_subject_kantara(const Store& store, std::string_view subject_id, Timestamp as_of);

} // namespace contact_audit::ledger
