// SPDX-License-Identifier: MIT
// ConsentIndex: every number's consent state for one purpose, preloaded into a flat hash table.
//
// An E.164 number is "+" and at most 15 digits, the first not 0, so it fits a 64-bit
// integer: the table holds 16-byte slots (number, entry index) with open addressing,
// the entries sit in one vector. A lookup is one multiplication and usually one cache
// line; loading a million numbers allocates a handful of vectors instead of a million
// nodes. Texts that are not of that form (a ledger edited by hand) go to a small
// string-keyed map, so nothing is lost.
#include "subject_key.hpp"

#include <contact_audit/core/string_map.hpp>
#include <contact_audit/ledger/catalogue.hpp>
#include <contact_audit/ledger/state.hpp>
#include <contact_audit/ledger/store.hpp>

#include <algorithm>
#include <functional>
#include <unordered_map>
#include <unordered_set>

namespace contact_audit::ledger {
namespace {

// One subject's deciding event for one number while loading.
struct PerSubject
{
  SubjectKey subject;
  bool present = false;      // False: this slot holds no subject yet.
  std::int64_t event_id = 0; // 0: no event covers the number (missing).
  std::int64_t effective_at = 0;
  std::optional<Timestamp> valid_until;
  Action action = Action::given;
  bool accepted = false;
  bool verbal = false;
  bool colleague = false;
};

// The digits of "+<1 to 15 digits, the first not 0>" as a number; 0 for any other text.
std::uint64_t number_key(std::string_view e164)
{
  if (e164.size() < 2 || e164.size() > 16 || e164[0] != '+' || e164[1] == '0') {
    return 0;
  }
  std::uint64_t key = 0;
  for (const char c : e164.substr(1)) {
    if (c < '0' || c > '9') {
      return 0;
    }
    key = key * 10 + static_cast<std::uint64_t>(c - '0');
  }
  return key;
}

} // namespace

struct ConsentIndex::Impl
{
  static constexpr std::uint32_t k_none = UINT32_MAX;

  struct Slot
  {
    std::uint64_t key = 0; // 0: empty.
    std::uint32_t entry = k_none;
  };

  std::vector<Entry> entries;
  std::vector<Slot> slots; // Power-of-two size, at most half full.
  unsigned shift = 64;     // 64 - log2(slots.size()).
  StringMap<std::uint32_t> odd_numbers;
  std::string purpose;
  Timestamp as_of{};
  std::optional<ChainHead> head;

  std::size_t home(std::uint64_t key) const
  {
    return static_cast<std::size_t>((key * 0x9E3779B97F4A7C15ULL) >> shift); // Fibonacci hashing.
  }

  std::uint32_t find(std::string_view e164) const
  {
    const auto key = number_key(e164);
    if (key == 0) {
      const auto found = odd_numbers.find(e164);
      return found == odd_numbers.end() ? k_none : found->second;
    }
    if (slots.empty()) {
      return k_none;
    }
    const std::size_t mask = slots.size() - 1;
    for (std::size_t i = home(key);; i = (i + 1) & mask) {
      if (slots[i].key == key || slots[i].key == 0) {
        return slots[i].entry;
      }
    }
  }

  void grow(std::size_t wanted)
  {
    std::size_t size = 16;
    unsigned bits = 4;
    while (size < 2 * wanted) {
      size *= 2;
      ++bits;
    }
    if (size <= slots.size()) {
      return;
    }
    std::vector<Slot> old(size);
    old.swap(slots);
    shift = 64 - bits;
    for (const auto& slot : old) {
      if (slot.key != 0) {
        place(slot.key, slot.entry);
      }
    }
  }

  Slot& place(std::uint64_t key, std::uint32_t entry)
  {
    const std::size_t mask = slots.size() - 1;
    for (std::size_t i = home(key);; i = (i + 1) & mask) {
      if (slots[i].key == 0) {
        slots[i] = {key, entry};
        return slots[i];
      }
      if (slots[i].key == key) {
        return slots[i];
      }
    }
  }

  // The entry of `e164`, created when new.
  std::uint32_t find_or_add(std::string_view e164)
  {
    const auto next = static_cast<std::uint32_t>(entries.size());
    std::uint32_t index = 0;
    if (const auto key = number_key(e164); key != 0) {
      if (2 * (entries.size() + 1) > slots.size()) {
        grow(std::max<std::size_t>(entries.size() + 1, 2 * entries.size()));
      }
      index = place(key, next).entry;
    } else {
      index = odd_numbers.try_emplace(std::string(e164), next).first->second;
    }
    if (index == next) {
      entries.emplace_back();
    }
    return index;
  }
};

namespace {

// Per entry, the subjects holding the number while loading: the first inline (the
// usual case), more in a side map.
class Subjects
{
public:
  PerSubject& of(std::uint32_t entry, const SubjectKey& key)
  {
    if (entry >= m_first.size()) {
      m_first.resize(std::max<std::size_t>(entry + 1, 2 * m_first.size()));
    }
    auto& first = m_first[entry];
    if (!first.present || first.subject == key) {
      first.present = true;
      first.subject = key;
      return first;
    }
    auto& more = m_more[entry];
    for (auto& subject : more) {
      if (subject.subject == key) {
        return subject;
      }
    }
    PerSubject subject;
    subject.present = true;
    subject.subject = key;
    more.push_back(subject);
    return more.back();
  }

  // The verdict of every subject holding the number of `entry`, combined.
  void finish(std::uint32_t entry_index, ConsentIndex::Entry& entry, Timestamp as_of) const
  {
    m_holders.clear();
    if (entry_index < m_first.size() && m_first[entry_index].present) {
      m_holders.push_back(&m_first[entry_index]);
    }
    if (const auto more = m_more.find(entry_index); more != m_more.end()) {
      for (const auto& subject : more->second) {
        m_holders.push_back(&subject);
      }
    }
    m_statuses.clear();
    for (const auto* subject : m_holders) {
      m_statuses.push_back(
          subject->event_id == 0
              ? ConsentStatus::missing
              : status_of_event(subject->action, subject->valid_until, subject->accepted, as_of));
    }
    entry.status = combine_statuses(m_statuses);
    entry.subjects = static_cast<std::uint32_t>(m_holders.size());
    for (std::size_t i = 0; i < m_holders.size(); ++i) {
      const auto& subject = *m_holders[i];
      if ((subject.action == Action::given || subject.action == Action::renewed) &&
          subject.event_id != 0 && subject.verbal && subject.colleague) {
        entry.colleague_verbal = true;
      }
      if (m_statuses[i] == entry.status && entry.deciding_event == 0) {
        entry.deciding_event = subject.event_id;
        entry.decided_at = subject.effective_at;
      }
    }
  }

private:
  std::vector<PerSubject> m_first;
  std::unordered_map<std::uint32_t, std::vector<PerSubject>> m_more;
  mutable std::vector<const PerSubject*> m_holders;
  mutable std::vector<ConsentStatus> m_statuses;
};

} // namespace

ConsentIndex::ConsentIndex() : m_impl(std::make_unique<Impl>()) {}
ConsentIndex::~ConsentIndex() = default;
ConsentIndex::ConsentIndex(ConsentIndex&&) noexcept = default;
ConsentIndex& ConsentIndex::operator=(ConsentIndex&&) noexcept = default;

const ConsentIndex::Entry* ConsentIndex::find(std::string_view e164) const
{
  const auto index = m_impl->find(e164);
  return index == Impl::k_none ? nullptr : &m_impl->entries[index];
}

ConsentStatus ConsentIndex::lookup(std::string_view e164) const
{
  const Entry* entry = find(e164);
  return entry == nullptr ? ConsentStatus::missing : entry->status;
}

std::size_t ConsentIndex::size() const
{
  return m_impl->entries.size();
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
  const auto expected = static_cast<std::size_t>(store.event_count());
  impl.grow(expected);
  impl.entries.reserve(expected);
  Subjects subjects;
  const auto voided_ids = store.voided_event_ids(as_of);
  const std::unordered_set<std::int64_t> voided(voided_ids.begin(), voided_ids.end());
  // Numbers held by subjects count even without any event: they are `missing`.
  store.scan_holders(as_of, [&](const HolderRow& row) {
    subjects.of(impl.find_or_add(row.e164), subject_key(row.subject_id)).colleague =
        row.relationship == Relationship::colleague;
  });
  std::string last_version;
  bool last_accepted = false;
  store.scan_number_events(purpose, as_of, [&](const NumberEventRow& row) {
    if (row.action == Action::voided || row.action == Action::erased ||
        voided.contains(row.event_id)) {
      return;
    }
    auto& subject = subjects.of(impl.find_or_add(row.e164), subject_key(row.subject_id));
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
  for (std::size_t i = 0; i < impl.entries.size(); ++i) {
    subjects.finish(static_cast<std::uint32_t>(i), impl.entries[i], as_of);
  }
  impl.entries.shrink_to_fit();
  return index;
}

} // namespace contact_audit::ledger
