// SPDX-License-Identifier: MIT
// The columns of an events row and reading one into an Event: shared by SqliteStore's event
// queries and its chain walk.
#pragma once

#include "sqlite.hpp"

#include <contact_audit/ledger/types.hpp>

#include <string_view>

namespace contact_audit::ledger {

inline constexpr std::string_view k_event_select =
    "SELECT e.id, e.subject_id, e.purpose, e.action, e.effective_at, e.recorded_at, e.method, "
    "e.expressed_by, e.collected_by, e.valid_until, e.notice_version, e.notice_language, "
    "e.notice_sha256, e.evidence_sha256, e.source_file, e.source_sha256, e.source_row, e.form_id, "
    "e.target_event_id, e.pii_digest, e.hash, n.evidence_ref, n.reason";
// The same columns with the two event_notes ones left NULL (read_event gives "" for them).
inline constexpr std::string_view k_event_select_without_notes =
    "SELECT e.id, e.subject_id, e.purpose, e.action, e.effective_at, e.recorded_at, e.method, "
    "e.expressed_by, e.collected_by, e.valid_until, e.notice_version, e.notice_language, "
    "e.notice_sha256, e.evidence_sha256, e.source_file, e.source_sha256, e.source_row, e.form_id, "
    "e.target_event_id, e.pii_digest, e.hash, NULL, NULL";

// Reads the 23 columns of k_event_select into `event`, reusing its strings; leaves
// `event.numbers` alone. Throws CorruptEventError for a value no event can hold.
void read_event(const sqlite::Statement& row, Event& event);

} // namespace contact_audit::ledger
