// SPDX-License-Identifier: MIT
// The tamper-evident hash chain over ledger events and its verification.
#pragma once

#include <contact_audit/ledger/types.hpp>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace contact_audit::ledger {

class Store;

// The "previous hash" of event 1: 64 zeros.
inline constexpr std::string_view k_genesis_hash =
    "0000000000000000000000000000000000000000000000000000000000000000";

// The canonical serialisation of the chain-covered fields of `event` (docs/ledger.md):
// "contact-audit-event-v1\n" then one "key=value\n" per field in a fixed order,
// values escaped so that no two events serialise alike. Excludes `hash` and the
// erasable details.
std::string canonical_event(const Event& event);

// SHA-256 hex of canonical_event(`event`) followed by "prev=" and `previous_hash`.
std::string chain_hash(const Event& event, std::string_view previous_hash);

// The commitment over the erasable details of `event` (numbers, evidence
// reference, reason): SHA-256 of `subject_secret` and those details. Empty
// when `subject_secret` is empty (the subject was erased before the event).
std::string pii_digest(const Event& event, std::string_view subject_secret);

// What verify_chain found.
struct VerifyReport
{
  std::uint64_t events = 0; // Events read.
  bool intact = true;
  std::int64_t first_bad_event = 0; // 0 when intact.
  std::string problem;              // Sentence naming the event and what is wrong.
  std::optional<ChainHead> head;    // The last event read.
  double seconds = 0;               // Wall time of the walk.
  std::size_t ranges = 0;           // Id ranges the walk was split into.
};

// An externally kept chain head to compare with (docs/ledger.md "Anchoring").
struct Anchor
{
  std::int64_t event_id = 0;
  std::string hash;
};

// "12:ab34..." -> Anchor; fails with code "ledger.anchor.invalid".
[[nodiscard]] std::optional<Anchor> parse_anchor(std::string_view text);

// Walk every event in id order and recompute its hash from its stored fields
// and the previous event's hash. Reports the first event that was changed,
// inserted, reordered or follows a deleted one (ids must be 1, 2, 3, ...),
// and an event whose erasable details no longer match its pii_digest. With
// `anchor`, also requires that event `anchor.event_id` exists with that hash
// (this detects a rewritten chain and deleted tail events). Throws IoError if
// the store cannot be read. The walk reads and checks `threads` id ranges at
// once (0: one per core on a chain long enough to gain from it).
VerifyReport
verify_chain(const Store& store, const std::optional<Anchor>& anchor = {}, std::size_t threads = 0);

} // namespace contact_audit::ledger
