// SPDX-License-Identifier: MIT
// What the subject exports (Art. 15 JSON, DPV, Kantara) are made from, read once from the store.
#pragma once

#include <contact_audit/ledger/catalogue.hpp>
#include <contact_audit/ledger/state.hpp>
#include <contact_audit/ledger/store.hpp>

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace contact_audit::ledger {

// The state of one number of the subject for one purpose.
struct NumberPurposeState
{
  std::string e164;
  std::string purpose;
  SubjectState state;
};

struct SubjectExportData
{
  std::string ledger_id;
  std::string subject_id;
  std::optional<Subject> subject; // Empty after erasure.
  std::vector<Event> events;      // In recorded order.
  Catalogue catalogue;
  Timestamp as_of{};
  std::vector<NumberPurposeState> states; // Per purpose, then per number.
  // Per purpose (every purpose an event names): the state whose deciding event is
  // the latest over the subject's numbers; empty when no number has one.
  std::map<std::string, std::optional<SubjectState>> purposes;
};

// Read everything the exports need on `subject_id` as of `as_of`. Throws
// InputError when the ledger has no such subject, IoError when it cannot be read.
SubjectExportData
load_subject_export(const Store& store, std::string_view subject_id, Timestamp as_of);

// The notice the deciding event of `state` concerns (its own, else that of the
// subject's latest event for `purpose` naming one), or null.
const Notice* deciding_notice(const SubjectExportData& data,
                              const std::string& purpose,
                              const std::optional<SubjectState>& state);

} // namespace contact_audit::ledger
