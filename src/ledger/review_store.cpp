// SPDX-License-Identifier: MIT
// Reviewed business/private decisions: append-only records, the current decision derived.
#include <contact_audit/core/error.hpp>
#include <contact_audit/core/text.hpp>
#include <contact_audit/ledger/review_store.hpp>
#include <contact_audit/ledger/store.hpp>
#include <contact_audit/ledger/time.hpp>

#include <algorithm>
#include <map>

namespace contact_audit::ledger {
namespace {

void check_arguments(ReviewKeyKind key_kind,
                     std::string_view key,
                     std::string_view by,
                     std::string_view reason)
{
  if (key_kind == ReviewKeyKind::e164 &&
      (key.size() < 3 || key.front() != '+' ||
       key.find_first_not_of("0123456789", 1) != std::string_view::npos)) {
    throw InputError("A reviewed number must be in E.164 form (+4930123456).");
  }
  if (trim(key).empty()) {
    throw InputError("A reviewed contact needs a key (number or UID).");
  }
  if (trim(by).empty()) {
    throw InputError("A review needs the person who made it (--by).");
  }
  if (trim(reason).empty()) {
    throw InputError("A review needs a reason (--reason).");
  }
}

using Key = std::pair<ReviewKeyKind, std::string>;

// The current decision per key among `records` made at or before `as_of`.
std::map<Key, ReviewRecord> current(const std::vector<ReviewRecord>& records, Timestamp as_of)
{
  std::map<Key, ReviewRecord> decisions;
  for (const auto& record : records) {
    if (record.at > as_of) {
      continue;
    }
    const Key key{record.key_kind, record.key};
    if (record.decision) {
      decisions[key] = record;
    } else {
      decisions.erase(key);
    }
  }
  return decisions;
}

} // namespace

void set_review(Store& store,
                ReviewKeyKind key_kind,
                std::string_view key,
                ReviewDecision decision,
                std::string_view by,
                std::string_view reason)
{
  check_arguments(key_kind, key, by, reason);
  ReviewRecord record;
  record.key_kind = key_kind;
  record.key = std::string(trim(key));
  record.decision = decision;
  record.by = std::string(trim(by));
  record.at = now_utc();
  record.reason = std::string(trim(reason));
  store.write([&] { store.append_review(record); });
}

bool unset_review(Store& store,
                  ReviewKeyKind key_kind,
                  std::string_view key,
                  std::string_view by,
                  std::string_view reason)
{
  check_arguments(key_kind, key, by, reason);
  bool unset = false;
  store.write([&] {
    const auto decisions = current(store.review_records(), now_utc());
    if (!decisions.contains(Key{key_kind, std::string(trim(key))})) {
      return;
    }
    ReviewRecord record;
    record.key_kind = key_kind;
    record.key = std::string(trim(key));
    record.by = std::string(trim(by));
    record.at = now_utc();
    record.reason = std::string(trim(reason));
    store.append_review(record);
    unset = true;
  });
  return unset;
}

std::vector<Review> list_reviews(const Store& store, Timestamp as_of)
{
  std::vector<Review> reviews;
  for (const auto& [key, record] : current(store.review_records(), as_of)) {
    reviews.push_back(
        Review{record.key_kind, record.key, *record.decision, record.by, record.at, record.reason});
  }
  return reviews;
}

} // namespace contact_audit::ledger
