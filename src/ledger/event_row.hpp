// SPDX-License-Identifier: MIT
// The columns of an events row and reading one into an Event: shared by SqliteStore's event
// queries and its chain walk.
#pragma once

#include "sqlite.hpp"

#include <contact_audit/ledger/types.hpp>

#include <string>
#include <string_view>

namespace contact_audit::ledger {

// The 21 columns of an events row `e`, in the order read_event reads them.
inline constexpr std::string_view k_event_columns =
    "e.id, e.subject_id, e.purpose, e.action, e.effective_at, e.recorded_at, e.method, "
    "e.expressed_by, e.collected_by, e.valid_until, e.notice_version, e.notice_language, "
    "e.notice_sha256, e.evidence_sha256, e.source_file, e.source_sha256, e.source_row, e.form_id, "
    "e.target_event_id, e.pii_digest, e.hash";

// "SELECT" and the 23 columns read_event reads: the event's, then its note's two
// from `n` (a LEFT JOIN of event_notes), or NULL for both without `with_notes`.
inline std::string event_select(bool with_notes = true)
{
  return "SELECT " + std::string(k_event_columns) +
         (with_notes ? ", n.evidence_ref, n.reason" : ", NULL, NULL");
}

// Reads the 23 columns of event_select() into `event`, reusing its strings; leaves
// `event.numbers` alone. Throws CorruptEventError for a value no event can hold.
void read_event(const sqlite::Statement& row, Event& event);

} // namespace contact_audit::ledger
