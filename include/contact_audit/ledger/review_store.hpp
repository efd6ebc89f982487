// SPDX-License-Identifier: MIT
// Reviewed business/private decisions for the classifier, kept append-only in the ledger database.
#pragma once

#include <contact_audit/ledger/types.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace contact_audit::ledger {

class Store;

// What a review is keyed by: a normalised number or a contact's UID.
enum class ReviewKeyKind : std::uint8_t
{
  e164,
  uid,
};

std::string_view to_string(ReviewKeyKind kind);
std::optional<ReviewKeyKind> parse_review_key_kind(std::string_view text);

enum class ReviewDecision : std::uint8_t
{
  business,
  private_, // Serialised as "private" (a C++ keyword).
};

std::string_view to_string(ReviewDecision decision);
std::optional<ReviewDecision> parse_review_decision(std::string_view text);

// One append-only review record: a decision set, or unset when `decision` is empty.
struct ReviewRecord
{
  std::int64_t id = 0;
  ReviewKeyKind key_kind = ReviewKeyKind::e164;
  std::string key;
  std::optional<ReviewDecision> decision; // Empty: the earlier decision was unset.
  std::string by;
  Timestamp at{};
  std::string reason;
};

// The current decision for one key, derived from the records.
struct Review
{
  ReviewKeyKind key_kind = ReviewKeyKind::e164;
  std::string key;
  ReviewDecision decision = ReviewDecision::business;
  std::string by;
  Timestamp at{};
  std::string reason;
};

// Record that `key` is a business or private contact. `key` must be E.164
// ("+49...") for kind e164 and non-empty for uid; `by` and `reason` must be
// non-empty. Throws InputError for a bad argument, IoError if the write fails.
void set_review(Store& store,
                ReviewKeyKind key_kind,
                std::string_view key,
                ReviewDecision decision,
                std::string_view by,
                std::string_view reason);

// Record that the decision for `key` no longer applies. Returns false (and
// writes nothing) when `key` has no current decision. Throws like set_review.
bool unset_review(Store& store,
                  ReviewKeyKind key_kind,
                  std::string_view key,
                  std::string_view by,
                  std::string_view reason);

// The decisions in force at `as_of` (records made later are ignored), sorted
// by kind and key. Throws IoError if the store cannot be read.
std::vector<Review> list_reviews(const Store& store, Timestamp as_of);

} // namespace contact_audit::ledger
