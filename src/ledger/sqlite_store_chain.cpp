// SPDX-License-Identifier: MIT
// SqliteStore's chain walk for verification: the chain split into id ranges, read at the same
// time over connections that share one snapshot.
#include "event_row.hpp"
#include "sqlite_store.hpp"
#include "subject_key.hpp"

#include <contact_audit/core/hex.hpp>
#include <contact_audit/ledger/hash_chain.hpp>

#include <algorithm>
#include <array>
#include <atomic>
#include <exception>
#include <limits>
#include <new>
#include <sys/mman.h>
#include <thread>
#include <type_traits>
#include <unordered_map>
#include <utility>

namespace contact_audit::ledger {
namespace {

using sqlite::Statement;

// Zero-filled memory straight from the kernel, asked for in huge pages: a table for a
// million subjects is written once and read at random, and zeroing and faulting it in
// 4 KiB pages took a tenth of the whole walk. The mapping is zero until written, so
// only element types whose all-zero bytes are a valid empty value belong here.
template <typename T> class ZeroedArray
{
  static_assert(std::is_trivially_copyable_v<T> && std::is_trivially_destructible_v<T>);

public:
  ZeroedArray() = default;
  explicit ZeroedArray(std::size_t count) : m_count(count)
  {
    if (count == 0) {
      return;
    }
    void* memory =
        ::mmap(nullptr, bytes(), PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (memory == MAP_FAILED) {
      throw std::bad_alloc();
    }
    ::madvise(memory, bytes(), MADV_HUGEPAGE); // Only advice: without it, 4 KiB pages.
    m_items = static_cast<T*>(memory);
  }
  ~ZeroedArray()
  {
    if (m_items != nullptr) {
      ::munmap(m_items, bytes());
    }
  }
  ZeroedArray(ZeroedArray&& other) noexcept
      : m_items(std::exchange(other.m_items, nullptr)), m_count(std::exchange(other.m_count, 0))
  {
  }
  ZeroedArray& operator=(ZeroedArray&& other) noexcept
  {
    std::swap(m_items, other.m_items);
    std::swap(m_count, other.m_count);
    return *this;
  }
  ZeroedArray(const ZeroedArray&) = delete;
  ZeroedArray& operator=(const ZeroedArray&) = delete;

  std::size_t size() const { return m_count; }
  T& operator[](std::size_t index) { return m_items[index]; }
  const T& operator[](std::size_t index) const { return m_items[index]; }

private:
  std::size_t bytes() const { return m_count * sizeof(T); }

  T* m_items = nullptr;
  std::size_t m_count = 0;
};

// The subjects' secrets by subject id, in one flat open-addressing table: a million
// lookups in id order hit random subjects, so one cache miss per lookup (and no
// node per subject) is what keeps the verification walk fast. A slot is 32 bytes:
// the id as 128 bits and the secret, 32 hex digits, as 16 bytes. The all-zero id
// marks an empty slot, so that id and any secret of another form (both only
// possible in a ledger changed by hand) are kept aside.
class SecretTable
{
public:
  explicit SecretTable(std::size_t expected)
      : m_slots(std::max<std::size_t>(expected + expected / 4, 16))
  {
  }

  void insert(const SubjectKey& key, std::string_view secret)
  {
    Packed packed{};
    if (key == SubjectKey{} || !read_hex(secret, packed)) {
      m_aside.insert_or_assign(key, std::string(secret));
      return;
    }
    if ((m_used + 1) * 5 > m_slots.size() * 4) {
      grow();
    }
    Slot& slot = m_slots[position(key)];
    m_used += slot.key == SubjectKey{} ? 1 : 0;
    slot = Slot{key, packed};
  }

  // Starts loading the slot where `key` would be: a lookup or insert shortly after
  // then finds it in the cache instead of waiting for memory.
  void prefetch(const SubjectKey& key) const { __builtin_prefetch(&m_slots[home(key)]); }

  // The secret of `key`, spelt into `text` when needed; "" when the subject is gone.
  std::string_view find(const SubjectKey& key, std::array<char, 32>& text) const
  {
    if (const Slot& slot = m_slots[position(key)]; slot.key == key) {
      write_hex(slot.secret.data(), slot.secret.size(), text.data());
      return {text.data(), text.size()};
    }
    const auto aside = m_aside.find(key);
    return aside == m_aside.end() ? std::string_view() : std::string_view(aside->second);
  }

private:
  using Packed = std::array<std::uint8_t, 16>;
  struct Slot
  {
    SubjectKey key;
    Packed secret;
  };

  void grow()
  {
    auto old = std::exchange(m_slots, ZeroedArray<Slot>(m_slots.size() * 2));
    for (std::size_t i = 0; i < old.size(); ++i) {
      if (old[i].key != SubjectKey{}) {
        m_slots[position(old[i].key)] = old[i];
      }
    }
  }

  // The slot holding `key`, or the empty one where it would go (the table is
  // never more than four fifths full, so there always is one). The hash is
  // mapped onto the table by multiplication, so its size need not be a power of two.
  std::size_t position(const SubjectKey& key) const
  {
    const auto size = m_slots.size();
    auto i = home(key);
    while (m_slots[i].key != SubjectKey{} && m_slots[i].key != key) {
      i = i + 1 == size ? 0 : i + 1;
    }
    return i;
  }

  // Where probing for `key` starts.
  std::size_t home(const SubjectKey& key) const
  {
    const auto hash = static_cast<std::uint64_t>(SubjectKeyHash{}(key));
    __extension__ using Wide = unsigned __int128; // GCC and Clang; the pedantic warning is moot.
    return static_cast<std::size_t>((static_cast<Wide>(hash) * m_slots.size()) >> 64U);
  }

  ZeroedArray<Slot> m_slots;
  std::size_t m_used = 0;
  std::unordered_map<SubjectKey, std::string, SubjectKeyHash> m_aside;
};

// The secrets split by subject id into one table per reading thread, so that each
// thread loads its share. Subject ids are UUIDv7, which begin with their creation
// time, and events are appended in time order: the subjects of the events that
// cut the chain into equal parts cut the subjects about as evenly. Any cut is
// correct, as text compares bytewise here as in SQLite: every id has one table.
class Secrets
{
public:
  Secrets(std::vector<std::string> cuts, std::size_t expected_subjects) : m_cuts(std::move(cuts))
  {
    std::sort(m_cuts.begin(), m_cuts.end());
    for (std::size_t i = 0; i <= m_cuts.size(); ++i) {
      m_tables.emplace_back(expected_subjects / (m_cuts.size() + 1));
    }
  }

  // Loads the subjects of table `index` over `database`: one sequential pass, where
  // joining each event to its subject would be a random lookup by UUID per event.
  void load(sqlite::Database& database, std::size_t index)
  {
    const bool first = index == 0;
    const bool last = index + 1 == m_tables.size();
    std::string sql = "SELECT id, secret FROM subjects";
    if (!first && !last) {
      sql += " WHERE id >= ?1 AND id < ?2";
    } else if (!first) {
      sql += " WHERE id >= ?1";
    } else if (!last) {
      sql += " WHERE id < ?2";
    }
    Statement subjects(database, sql);
    if (!first) {
      subjects.bind(1, m_cuts[index - 1]);
    }
    if (!last) {
      subjects.bind(2, m_cuts[index]);
    }
    // Each subject is inserted one row later, so that its slot is fetched while
    // SQLite reads the next row.
    auto& table = m_tables[index];
    SubjectKey pending;
    std::string pending_secret;
    bool have_pending = false;
    while (subjects.step()) {
      const auto key = subject_key(subjects.column_text(0));
      table.prefetch(key);
      if (have_pending) {
        table.insert(pending, pending_secret);
      }
      pending = key;
      pending_secret.assign(subjects.column_text(1));
      have_pending = true;
    }
    if (have_pending) {
      table.insert(pending, pending_secret);
    }
  }

  std::size_t tables() const { return m_tables.size(); }

  // Where a subject's secret is: its table and key.
  struct Place
  {
    const SecretTable* table;
    SubjectKey key;
  };

  // The place of the subject's secret, whose slot starts loading now.
  Place locate(std::string_view subject_id) const
  {
    const auto table =
        std::upper_bound(m_cuts.begin(),
                         m_cuts.end(),
                         subject_id,
                         [](std::string_view id, const std::string& cut) { return id < cut; }) -
        m_cuts.begin();
    const Place place{&m_tables[static_cast<std::size_t>(table)], subject_key(subject_id)};
    place.table->prefetch(place.key);
    return place;
  }

  // The secret at `place`, spelt into `text` when needed; "" when the subject is gone.
  static std::string_view find(const Place& place, std::array<char, 32>& text)
  {
    return place.table->find(place.key, text);
  }

private:
  std::vector<std::string> m_cuts;
  std::vector<SecretTable> m_tables;
};

// Ranges per reading thread: more than one, so that threads that finish early
// take over the rest.
constexpr std::size_t k_ranges_per_thread = 4;

// Ranges of ids 1..`last_id`, at most one per event.
std::vector<ChainPart> split_chain(std::int64_t last_id, std::size_t parts)
{
  const auto count = static_cast<std::size_t>(std::max<std::int64_t>(last_id, 0));
  parts = std::clamp<std::size_t>(parts, 1, std::max<std::size_t>(count, 1));
  std::vector<ChainPart> ranges(parts);
  for (std::size_t i = 0; i < parts; ++i) {
    ranges[i].index = i;
    ranges[i].first_id = static_cast<std::int64_t>(1 + count * i / parts);
    ranges[i].last_id = static_cast<std::int64_t>(count * (i + 1) / parts);
  }
  ranges[0].previous_hash = k_genesis_hash;
  return ranges;
}

std::int64_t last_event_id(sqlite::Database& database)
{
  Statement query(database, "SELECT max(id) FROM events");
  return query.step() ? query.column_int64(0) : 0;
}

// Reads the events of `range` over `database` and hands each to `visit`. Three
// cursors walk in step: the events, their covered numbers along event_numbers'
// primary key (event_id, e164), and the few notes along event_notes' (a join
// would look each event up in the other tables).
void walk_range(sqlite::Database& database,
                const ChainPart& range,
                bool last_range,
                const Secrets& secrets,
                const std::function<void(const ChainPart&, const Event&, std::string_view)>& visit)
{
  const std::int64_t low =
      range.index == 0 ? std::numeric_limits<std::int64_t>::min() : range.first_id;
  const std::int64_t high = last_range ? std::numeric_limits<std::int64_t>::max() : range.last_id;
  Statement events(database,
                   event_select(false) +
                       " FROM events e WHERE e.id >= ?1 AND e.id <= ?2 ORDER BY e.id");
  Statement numbers(database,
                    "SELECT event_id, e164 FROM event_numbers WHERE event_id >= ?1 AND "
                    "event_id <= ?2 ORDER BY event_id, e164");
  Statement notes(database,
                  "SELECT event_id, evidence_ref, reason FROM event_notes WHERE event_id >= ?1 "
                  "AND event_id <= ?2 ORDER BY event_id");
  for (auto* statement : {&events, &numbers, &notes}) {
    statement->bind(1, low);
    statement->bind(2, high);
  }
  bool have_number = numbers.step();
  bool have_note = notes.step();
  Event event;
  std::array<char, 32> secret{};
  while (events.step()) {
    read_event(events, event);
    const auto subject = secrets.locate(event.subject_id);
    event.numbers.clear();
    while (have_number && numbers.column_int64(0) < event.id) {
      have_number = numbers.step(); // Numbers of a deleted event: verify reports the gap.
    }
    while (have_number && numbers.column_int64(0) == event.id) {
      event.numbers.emplace_back(numbers.column_text(1));
      have_number = numbers.step();
    }
    while (have_note && notes.column_int64(0) < event.id) {
      have_note = notes.step();
    }
    if (have_note && notes.column_int64(0) == event.id) {
      event.evidence_ref.assign(notes.column_text(1));
      event.reason.assign(notes.column_text(2));
    }
    visit(range, event, Secrets::find(subject, secret));
  }
}

// Runs job(thread) on `threads` threads (the first is the calling one) and waits for all.
void run_on_threads(std::size_t threads, const std::function<void(std::size_t)>& job)
{
  std::vector<std::jthread> others;
  for (std::size_t i = 1; i < threads; ++i) {
    others.emplace_back(job, i);
  }
  job(0);
}

// Runs job(thread, item) for every item in [0, items) on `threads` threads, each
// taking the next item when done with one, so that a thread that finishes early
// helps with the rest. An item's exception ends that item only; when all are
// done, the exception of the lowest item is rethrown.
void share_out(std::size_t threads,
               std::size_t items,
               const std::function<void(std::size_t, std::size_t)>& job)
{
  std::vector<std::exception_ptr> errors(items);
  std::atomic<std::size_t> next{0};
  run_on_threads(threads, [&](std::size_t thread) {
    for (std::size_t item = next++; item < items; item = next++) {
      try {
        job(thread, item);
      } catch (...) {
        errors[item] = std::current_exception();
      }
    }
  });
  for (const auto& error : errors) {
    if (error) {
      std::rethrow_exception(error);
    }
  }
}

} // namespace

std::vector<std::unique_ptr<sqlite::Database>>
SqliteStore::open_snapshot_readers(std::size_t count) const
{
  std::vector<std::unique_ptr<sqlite::Database>> readers;
  for (std::size_t i = 0; i < count; ++i) {
    readers.push_back(std::make_unique<sqlite::Database>(m_database.path()));
    configure(*readers.back());
  }
  // Debian's SQLite has no sqlite3_snapshot_open, so the readers get one snapshot
  // by starting while this connection holds the write lock: no commit can land
  // between their first reads. It is held for milliseconds. When another process
  // is writing, the lock is not waited for: the walk reads over one connection.
  m_database.set_busy_timeout(std::chrono::milliseconds(0));
  try {
    m_database.exec("BEGIN IMMEDIATE");
  } catch (const IoError&) { // Busy, or a ledger this user may only read.
    m_database.set_busy_timeout(m_options.busy_timeout);
    return {};
  }
  m_database.set_busy_timeout(m_options.busy_timeout);
  try {
    for (auto& reader : readers) {
      reader->exec("BEGIN");
      last_event_id(*reader); // The first read fixes the snapshot.
    }
  } catch (...) {
    m_database.exec("ROLLBACK");
    throw;
  }
  m_database.exec("ROLLBACK");
  return readers;
}

void SqliteStore::scan_chain(
    std::size_t parts,
    const std::function<void(const std::vector<ChainPart>&)>& plan,
    const std::function<void(const ChainPart&, const Event&, std::string_view)>& visit) const
{
  // Inside a write transaction only this connection sees what it wrote.
  std::vector<std::unique_ptr<sqlite::Database>> readers;
  if (parts > 1 && m_transaction_depth == 0) {
    readers = open_snapshot_readers(parts);
  }
  const bool own_transaction = readers.empty() && m_transaction_depth == 0;
  if (own_transaction) {
    m_database.exec("BEGIN"); // One snapshot for the three cursors.
  }
  std::vector<sqlite::Database*> connections;
  for (auto& reader : readers) {
    connections.push_back(reader.get());
  }
  if (connections.empty()) {
    connections.push_back(&m_database);
  }
  try {
    const std::int64_t last_id = last_event_id(*connections.front());
    const std::size_t threads = connections.size();
    auto ranges = split_chain(last_id, threads == 1 ? 1 : threads * k_ranges_per_thread);
    // The event before each range gives the range its previous hash, and every
    // k_ranges_per_thread-th one a cut between the secrets tables (see Secrets).
    std::vector<std::string> cuts;
    Statement before(*connections.front(), "SELECT hash, subject_id FROM events WHERE id = ?1");
    for (std::size_t i = 1; i < ranges.size(); ++i) {
      before.reset();
      before.bind(1, ranges[i].first_id - 1);
      const bool found = before.step(); // A missing event leaves both empty; verify reports it.
      ranges[i].previous_hash = found ? before.column_text(0) : std::string_view();
      if (i % k_ranges_per_thread == 0) {
        cuts.emplace_back(found ? before.column_text(1) : std::string_view());
      }
    }
    plan(ranges);
    Secrets secrets(std::move(cuts), static_cast<std::size_t>(std::max<std::int64_t>(last_id, 0)));
    share_out(threads, secrets.tables(), [&](std::size_t thread, std::size_t table) {
      secrets.load(*connections[thread], table);
    });
    share_out(threads, ranges.size(), [&](std::size_t thread, std::size_t range) {
      walk_range(*connections[thread], ranges[range], range + 1 == ranges.size(), secrets, visit);
    });
  } catch (...) {
    if (own_transaction) {
      m_database.exec("ROLLBACK");
    }
    throw;
  }
  if (own_transaction) {
    m_database.exec("COMMIT");
  }
  for (auto& reader : readers) {
    reader->exec("COMMIT");
  }
}

} // namespace contact_audit::ledger
