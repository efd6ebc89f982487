// SPDX-License-Identifier: MIT
// ConsentIndex: every number's consent state for one purpose, preloaded into a hash map.
#include "subject_key.hpp"

#include <contact_audit/ledger/catalogue.hpp>
#include <contact_audit/ledger/state.hpp>
#include <contact_audit/ledger/store.hpp>

#include <algorithm>
#include <charconv>
#include <functional>
#include <unordered_map>
#include <unordered_set>

namespace contact_audit::ledger {
namespace {

// One subject's deciding event for one number while loading.
struct PerSubject
{
  SubjectKey subject;
  std::int64_t event_id = 0; // 0: no event covers the number (missing).
  std::int64_t effective_at = 0;
  std::optional<Timestamp> valid_until;
  Action action = Action::given;
  bool accepted = false;
  bool verbal = false;
  bool colleague = false;
};

struct TransparentHash
{
  using is_transparent = void;
  std::size_t operator()(std::string_view text) const noexcept
  {
    return std::hash<std::string_view>{}(text);
  }
};

struct Slot
{
  ConsentIndex::Entry entry;
  std::vector<PerSubject> subjects;
};

PerSubject& subject_slot(Slot& slot, const SubjectKey& key)
{
  for (auto& subject : slot.subjects) {
    if (subject.subject == key) {
      return subject;
    }
  }
  PerSubject subject;
  subject.subject = key;
  slot.subjects.push_back(subject);
  return slot.subjects.back();
}

void finish(Slot& slot, Timestamp as_of)
{
  std::vector<ConsentStatus> statuses;
  statuses.reserve(slot.subjects.size());
  for (const auto& subject : slot.subjects) {
    statuses.push_back(
        subject.event_id == 0
            ? ConsentStatus::missing
            : status_of_event(subject.action, subject.valid_until, subject.accepted, as_of));
  }
  slot.entry.status = combine_statuses(statuses);
  slot.entry.subjects = static_cast<std::uint32_t>(slot.subjects.size());
  for (std::size_t i = 0; i < slot.subjects.size(); ++i) {
    const auto& subject = slot.subjects[i];
    if ((subject.action == Action::given || subject.action == Action::renewed) &&
        subject.event_id != 0 && subject.verbal && subject.colleague) {
      slot.entry.colleague_verbal = true;
    }
    if (statuses[i] == slot.entry.status && slot.entry.deciding_event == 0) {
      slot.entry.deciding_event = subject.event_id;
      slot.entry.decided_at = subject.effective_at;
    }
  }
  slot.subjects.clear();
  slot.subjects.shrink_to_fit();
}

} // namespace

struct ConsentIndex::Impl
{
  std::unordered_map<std::string, Slot, TransparentHash, std::equal_to<>> slots;
  std::string purpose;
  Timestamp as_of{};
  std::optional<ChainHead> head;
};

ConsentIndex::ConsentIndex() : m_impl(std::make_unique<Impl>()) {}
ConsentIndex::~ConsentIndex() = default;
ConsentIndex::ConsentIndex(ConsentIndex&&) noexcept = default;
ConsentIndex& ConsentIndex::operator=(ConsentIndex&&) noexcept = default;

const ConsentIndex::Entry* ConsentIndex::find(std::string_view e164) const
{
  const auto found = m_impl->slots.find(e164);
  return found == m_impl->slots.end() ? nullptr : &found->second.entry;
}

ConsentStatus ConsentIndex::lookup(std::string_view e164) const
{
  const Entry* entry = find(e164);
  return entry == nullptr ? ConsentStatus::missing : entry->status;
}

std::size_t ConsentIndex::size() const
{
  return m_impl->slots.size();
}
const std::string& ConsentIndex::purpose() const
{
  return m_impl->purpose;
}
Timestamp ConsentIndex::as_of() const
{
  return m_impl->as_of;
}
const std::optional<ChainHead>& ConsentIndex::head() const
{
  return m_impl->head;
}

ConsentIndex load_consent_index(const Store& store, std::string_view purpose, Timestamp as_of)
{
  ConsentIndex index;
  auto& impl = *index.m_impl;
  impl.purpose = purpose;
  impl.as_of = as_of;
  impl.head = store.head();
  const Catalogue catalogue(store.notices());
  impl.slots.reserve(static_cast<std::size_t>(store.event_count()));
  const auto voided_ids = store.voided_event_ids(as_of);
  const std::unordered_set<std::int64_t> voided(voided_ids.begin(), voided_ids.end());
  // Numbers held by subjects count even without any event: they are `missing`.
  store.scan_holders(as_of, [&](const HolderRow& row) {
    auto [found, inserted] = impl.slots.try_emplace(std::string(row.e164));
    subject_slot(found->second, subject_key(row.subject_id)).colleague =
        row.relationship == Relationship::colleague;
  });
  std::string last_version;
  bool last_accepted = false;
  store.scan_number_events(purpose, as_of, [&](const NumberEventRow& row) {
    if (row.action == Action::voided || row.action == Action::erased ||
        voided.contains(row.event_id)) {
      return;
    }
    auto [found, inserted] = impl.slots.try_emplace(std::string(row.e164));
    auto& subject = subject_slot(found->second, subject_key(row.subject_id));
    const auto effective = row.effective_at.time_since_epoch().count();
    if (subject.event_id != 0 &&
        (effective < subject.effective_at ||
         (effective == subject.effective_at && row.event_id < subject.event_id))) {
      return;
    }
    if (row.notice_version != last_version) {
      last_version = row.notice_version;
      const Notice* notice = catalogue.find(purpose, last_version);
      last_accepted = notice != nullptr && notice->accepted;
    }
    subject.event_id = row.event_id;
    subject.effective_at = effective;
    subject.valid_until = row.valid_until;
    subject.action = row.action;
    subject.accepted = last_accepted;
    subject.verbal = row.method == Method::verbal;
  });
  for (auto& [e164, slot] : impl.slots) {
    finish(slot, as_of);
  }
  return index;
}

} // namespace contact_audit::ledger
