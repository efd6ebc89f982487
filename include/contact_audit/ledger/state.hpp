// SPDX-License-Identifier: MIT
// Deriving the consent state of a number for a purpose as of any time, and the preloaded index.
#pragma once

#include <contact_audit/ledger/catalogue.hpp>
#include <contact_audit/ledger/types.hpp>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace contact_audit::ledger {

class Store;

// The state of one subject's consent for one number.
struct SubjectState
{
  std::string subject_id;
  ConsentStatus status = ConsentStatus::missing;
  // The event the state comes from (latest effective, not voided, covering the
  // number); empty for `missing`.
  std::optional<Event> deciding_event;
  // § 26(2) BDSG: a colleague's consent should be written or electronic; set
  // when the deciding event is a verbal `given`/`renewed` of a colleague.
  bool colleague_verbal = false;
  std::string explanation; // One sentence, e.g. "Consent was withdrawn on 2024-06-01."
};

// The state of a number: per subject holding it, and the overall verdict.
struct NumberState
{
  std::string e164;
  std::string purpose;
  Timestamp as_of{};
  // `valid` only when every subject holding the number has valid consent;
  // otherwise the most severe state (see combine_statuses).
  ConsentStatus status = ConsentStatus::missing;
  bool colleague_verbal = false; // Any subject's valid consent is flagged.
  std::vector<SubjectState> subjects;
};

// The state a single event leads to at `as_of`: `valid` for given/renewed on an
// accepted notice within `valid_until`, `expired` after it, `invalidated` on a
// notice that is unknown or not accepted; the DPV mapping otherwise
// (requested/deferred -> pending). `voided`/`erased` give `missing`.
ConsentStatus status_of_event(Action action,
                              std::optional<Timestamp> valid_until,
                              bool notice_accepted,
                              Timestamp as_of);

// Overall verdict for a number held by several subjects: `valid` only when all
// are valid (and there is at least one); otherwise the first of withdrawn,
// refused, revoked, invalidated, expired, pending, missing that occurs.
ConsentStatus combine_statuses(const std::vector<ConsentStatus>& statuses);

// Derive one subject's state for `e164` and `purpose` from `events` (that
// subject's events, any order, voids included). Events with effective_at or
// recorded_at after `as_of` are ignored; voided events are ignored; the latest
// by effective_at, then id, wins. Only events whose scope lists `e164` count.
SubjectState derive_subject_state(const std::vector<Event>& events,
                                  std::string_view e164,
                                  std::string_view purpose,
                                  Timestamp as_of,
                                  const Catalogue& catalogue,
                                  std::optional<Relationship> relationship);

// The state of `e164` (E.164) for `purpose` as it was at `as_of`. Events
// recorded after `as_of` are ignored, so a past audit can be reproduced exactly.
// Throws IoError if the store cannot be read.
// The notice acceptance comes from the ledger's own catalogue.
NumberState state_of_number(const Store& store,
                            std::string_view e164,
                            std::string_view purpose,
                            Timestamp as_of);

// Consent states of every number for one purpose, preloaded for fast lookups
// in an audit. Immutable after loading; safe for concurrent readers.
class ConsentIndex
{
public:
  struct Entry
  {
    ConsentStatus status = ConsentStatus::missing;
    bool colleague_verbal = false;
    std::uint32_t subjects = 0;      // Subjects holding the number.
    std::int64_t deciding_event = 0; // Of the subject that decided the verdict; 0 if none.
    // Effective time (Unix seconds) of the deciding event, e.g. when a pending
    // request was sent; 0 if none.
    std::int64_t decided_at = 0;
  };

  ConsentIndex();
  ~ConsentIndex();
  ConsentIndex(ConsentIndex&&) noexcept;
  ConsentIndex& operator=(ConsentIndex&&) noexcept;

  // The entry of `e164`, or null when the ledger knows nothing of it (missing).
  const Entry* find(std::string_view e164) const;
  // The verdict for `e164`: `missing` when unknown.
  ConsentStatus lookup(std::string_view e164) const;
  std::size_t size() const;
  const std::string& purpose() const;
  Timestamp as_of() const;
  // The chain head when the index was loaded (for the report's manifest).
  const std::optional<ChainHead>& head() const;

private:
  friend ConsentIndex load_consent_index(const Store&, std::string_view, Timestamp);
  struct Impl;
  std::unique_ptr<Impl> m_impl;
};

// Load the state of every number for `purpose` at `as_of` (same rules as
// state_of_number). Throws IoError if the store cannot be read.
ConsentIndex load_consent_index(const Store& store, std::string_view purpose, Timestamp as_of);

} // namespace contact_audit::ledger
