// SPDX-License-Identifier: MIT
// Canonical event serialisation, the chained SHA-256 and the verification walk.
#include <contact_audit/core/hash.hpp>
#include <contact_audit/core/hex.hpp>
#include <contact_audit/ledger/hash_chain.hpp>
#include <contact_audit/ledger/store.hpp>

#include <algorithm>
#include <charconv>
#include <chrono>
#include <cstring>
#include <functional>
#include <map>
#include <set>
#include <thread>
#include <vector>

namespace contact_audit::ledger {
namespace {

// True when `value` holds a backslash, newline or carriage return. Eight bytes at
// a time: this runs for every field of every event a verification walk hashes,
// and almost no value has one.
bool needs_escaping(std::string_view value)
{
  constexpr std::uint64_t k_ones = 0x0101010101010101ULL;
  constexpr std::uint64_t k_high_bits = 0x8080808080808080ULL;
  // Non-zero exactly when some byte of `word` is `byte` (the classic zero-byte test).
  const auto holds = [](std::uint64_t word, unsigned char byte) {
    const std::uint64_t zero_where_equal = word ^ (k_ones * byte);
    return (zero_where_equal - k_ones) & ~zero_where_equal & k_high_bits;
  };
  std::uint64_t found = 0;
  std::size_t i = 0;
  for (; i + 8 <= value.size(); i += 8) {
    std::uint64_t word = 0;
    std::memcpy(&word, value.data() + i, sizeof word);
    found |= holds(word, '\\') | holds(word, '\n') | holds(word, '\r');
  }
  for (; i < value.size(); ++i) {
    found |= value[i] == '\\' || value[i] == '\n' || value[i] == '\r' ? 1U : 0U;
  }
  return found != 0;
}

void append_escaped(std::string& out, std::string_view value)
{
  if (!needs_escaping(value)) {
    out += value;
    return;
  }
  for (const char c : value) {
    switch (c) {
    case '\\':
      out += "\\\\";
      break;
    case '\n':
      out += "\\n";
      break;
    case '\r':
      out += "\\r";
      break;
    default:
      out += c;
    }
  }
}

void field(std::string& out, std::string_view key, std::string_view value)
{
  out += key;
  out += '=';
  append_escaped(out, value);
  out += '\n';
}

void field(std::string& out, std::string_view key, std::int64_t value)
{
  char digits[24];
  const auto end = std::to_chars(digits, digits + sizeof digits, value).ptr;
  out += key;
  out += '=';
  out.append(digits, end);
  out += '\n';
}

void field(std::string& out, std::string_view key, const std::optional<std::int64_t>& value)
{
  if (value) {
    field(out, key, *value);
  } else {
    field(out, key, std::string_view());
  }
}

std::int64_t seconds_of(Timestamp time)
{
  return time.time_since_epoch().count();
}

// Thrown from the scan callback to stop at the first problem.
struct StopScan
{
};

} // namespace

namespace {

// Writes the canonical form of `event` into `out` (cleared first).
void write_canonical(std::string& out, const Event& event)
{
  out.clear();
  out += "contact-audit-event-v1\n";
  field(out, "id", event.id);
  field(out, "subject", event.subject_id);
  field(out, "purpose", event.purpose);
  field(out, "action", to_string(event.action));
  field(out, "effective_at", seconds_of(event.effective_at));
  field(out, "recorded_at", seconds_of(event.recorded_at));
  field(out, "method", event.method ? to_string(*event.method) : std::string_view());
  field(out,
        "expressed_by",
        event.expressed_by ? to_string(*event.expressed_by) : std::string_view());
  field(out, "collected_by", event.collected_by);
  field(out,
        "valid_until",
        event.valid_until ? std::optional<std::int64_t>(seconds_of(*event.valid_until))
                          : std::nullopt);
  field(out, "notice_version", event.notice_version);
  field(out, "notice_language", event.notice_language);
  field(out, "notice_sha256", event.notice_sha256);
  field(out, "evidence_sha256", event.evidence_sha256);
  field(out, "source_file", event.source_file);
  field(out, "source_sha256", event.source_sha256);
  field(out, "source_row", static_cast<std::int64_t>(event.source_row));
  field(out, "form_id", event.form_id);
  field(out, "target_event_id", event.target_event_id);
  field(out, "pii_digest", event.pii_digest);
}

} // namespace

std::string canonical_event(const Event& event)
{
  std::string out;
  write_canonical(out, event);
  return out;
}

std::string chain_hash(const Event& event, std::string_view previous_hash)
{
  // Reused per thread: verification hashes a million events without allocating.
  thread_local std::string t_text;
  write_canonical(t_text, event);
  t_text += "prev=";
  t_text += previous_hash;
  t_text += '\n';
  return sha256_hex(t_text);
}

std::string pii_digest(const Event& event, std::string_view subject_secret)
{
  if (subject_secret.empty()) {
    return {};
  }
  thread_local std::string t_text;
  t_text = "contact-audit-pii-v1\n";
  field(t_text, "secret", subject_secret);
  for (const auto& number : event.numbers) {
    field(t_text, "number", number);
  }
  field(t_text, "evidence_ref", event.evidence_ref);
  field(t_text, "reason", event.reason);
  return sha256_hex(t_text);
}

std::optional<Anchor> parse_anchor(std::string_view text)
{
  const auto colon = text.find(':');
  if (colon == std::string_view::npos || colon == 0) {
    return std::nullopt;
  }
  Anchor anchor;
  const auto [end, error] = std::from_chars(text.data(), text.data() + colon, anchor.event_id);
  anchor.hash = std::string(text.substr(colon + 1));
  if (error != std::errc() || end != text.data() + colon || anchor.event_id < 1 ||
      anchor.hash.size() != 64 ||
      anchor.hash.find_first_not_of(k_hex_digits) != std::string::npos) {
    return std::nullopt;
  }
  return anchor;
}

namespace {

// "Event 3 is missing: the ids jump from 2 to 4 (an event was deleted)."
std::string missing_event(std::int64_t missing, std::int64_t next)
{
  return "Event " + std::to_string(missing) + " is missing: the ids jump from " +
         std::to_string(missing - 1) + " to " + std::to_string(next) + " (an event was deleted).";
}

// What the walk over one id range has found so far.
struct RangeWalk
{
  explicit RangeWalk(const ChainPart& range)
      : expected_id(range.first_id), previous(range.previous_hash)
  {
  }

  std::uint64_t events = 0;
  std::int64_t expected_id;
  std::string previous; // The stored hash of the event before the next one.
  std::int64_t first_event = 0;
  std::int64_t bad_event = 0; // 0 while nothing is wrong.
  std::string problem;
  // Subjects whose personal data (and key) is gone, with their first event;
  // each must have an `erased` event, or the data was deleted behind our back.
  std::map<std::string, std::int64_t, std::less<>> keyless_subjects;
  std::set<std::string, std::less<>> erased_subjects;
  bool anchor_seen = false;

  [[noreturn]] void fail(std::int64_t id, std::string what)
  {
    bad_event = id;
    problem = std::move(what);
    throw StopScan{};
  }
};

// Checks the next event of `walk`'s range; records the first problem and stops the range.
void check_event(RangeWalk& walk,
                 const Event& event,
                 std::string_view secret,
                 const std::optional<Anchor>& anchor)
{
  ++walk.events;
  if (walk.first_event == 0) {
    walk.first_event = event.id;
  }
  if (event.id != walk.expected_id) {
    walk.fail(walk.expected_id,
              event.id > walk.expected_id ? missing_event(walk.expected_id, event.id)
                                          : "Event " + std::to_string(event.id) +
                                                " is out of order (an event was inserted).");
  }
  const auto id = [&] { return std::to_string(event.id); };
  // walk.previous is the stored hash of the event before, which the check of
  // that event matches against its recomputed hash.
  if (chain_hash(event, walk.previous) != event.hash) {
    walk.fail(event.id,
              "Event " + id() +
                  " does not match its hash: its fields were changed, or an event "
                  "before it was deleted, inserted or reordered.");
  }
  if (!secret.empty()) {
    if (pii_digest(event, secret) != event.pii_digest) {
      walk.fail(event.id,
                "The personal details of event " + id() +
                    " (covered numbers, evidence reference, reason) do not match its digest: "
                    "they were changed outside contact-audit.");
    }
  } else {
    if (!event.numbers.empty() || !event.evidence_ref.empty() || !event.reason.empty()) {
      walk.fail(event.id,
                "Event " + id() + " holds personal details although its subject's key is gone.");
    }
    walk.keyless_subjects.try_emplace(event.subject_id, event.id);
  }
  if (event.action == Action::erased) {
    walk.erased_subjects.insert(event.subject_id);
  }
  if (anchor && event.id == anchor->event_id) {
    walk.anchor_seen = true;
    if (event.hash != anchor->hash) {
      walk.fail(event.id,
                "Event " + id() + " does not have the anchored hash: the chain was rewritten.");
    }
  }
  walk.previous.assign(event.hash);
  ++walk.expected_id;
}

void report_problem(VerifyReport& report, std::int64_t event_id, std::string problem)
{
  report.intact = false;
  report.first_bad_event = event_id;
  report.problem = std::move(problem);
}

// The first problem over all ranges, in id order, as one walk over the whole
// chain would have found it.
void summarise(VerifyReport& report,
               const std::vector<ChainPart>& ranges,
               const std::vector<RangeWalk>& walks,
               const std::optional<Anchor>& anchor)
{
  for (std::size_t i = 0; i < walks.size(); ++i) {
    const auto& walk = walks[i];
    report.events += walk.events;
    if (walk.bad_event != 0) {
      report_problem(report, walk.bad_event, walk.problem);
      return;
    }
    // A range that ends before its last id lost its last events; the next event
    // read after it shows the gap, as in one walk.
    const auto next = std::find_if(walks.begin() + static_cast<std::ptrdiff_t>(i) + 1,
                                   walks.end(),
                                   [](const RangeWalk& later) { return later.first_event != 0; });
    if (walk.expected_id != ranges[i].last_id + 1 && next != walks.end()) {
      report.events += 1;
      report_problem(report, walk.expected_id, missing_event(walk.expected_id, next->first_event));
      return;
    }
  }
  for (const auto& walk : walks) {
    if (walk.events > 0) {
      report.head = ChainHead{walk.expected_id - 1, walk.previous};
    }
  }
  std::map<std::string_view, std::int64_t> keyless_subjects;
  std::set<std::string_view> erased_subjects;
  bool anchor_seen = false;
  for (const auto& walk : walks) {
    for (const auto& [subject, first_event] : walk.keyless_subjects) {
      keyless_subjects.try_emplace(subject, first_event); // Ranges come in id order.
    }
    erased_subjects.insert(walk.erased_subjects.begin(), walk.erased_subjects.end());
    anchor_seen = anchor_seen || walk.anchor_seen;
  }
  std::int64_t first_unexplained = 0;
  for (const auto& [subject, first_event] : keyless_subjects) {
    if (!erased_subjects.contains(subject) &&
        (first_unexplained == 0 || first_event < first_unexplained)) {
      first_unexplained = first_event;
    }
  }
  if (first_unexplained != 0) {
    report_problem(report,
                   first_unexplained,
                   "The personal data of the subject of event " +
                       std::to_string(first_unexplained) + " was deleted without an erased event.");
  } else if (anchor && !anchor_seen) {
    report_problem(report,
                   anchor->event_id,
                   "The anchored event " + std::to_string(anchor->event_id) +
                       " is missing: events were deleted from the end of the chain.");
  }
}

// Threads reading the chain: one per core, once each has enough events to repay
// its connection.
std::size_t walk_threads(const Store& store, std::size_t requested)
{
  if (requested > 0) {
    return requested;
  }
  constexpr std::int64_t k_min_events_per_thread = 20'000;
  constexpr std::size_t k_max_threads = 8;
  const auto head = store.head();
  const auto by_length = static_cast<std::size_t>(
      std::max<std::int64_t>(head ? head->event_id / k_min_events_per_thread : 0, 1));
  const std::size_t cores = std::max(1U, std::thread::hardware_concurrency());
  return std::min({by_length, cores, k_max_threads});
}

} // namespace

VerifyReport
verify_chain(const Store& store, const std::optional<Anchor>& anchor, std::size_t threads)
{
  const auto started = std::chrono::steady_clock::now();
  VerifyReport report;
  std::vector<ChainPart> ranges;
  std::vector<RangeWalk> walks;
  try {
    store.scan_chain(
        walk_threads(store, threads),
        [&](const std::vector<ChainPart>& plan) {
          ranges = plan;
          walks.clear();
          walks.reserve(ranges.size());
          for (const auto& range : ranges) {
            walks.emplace_back(range);
          }
        },
        [&](const ChainPart& range, const Event& event, std::string_view secret) {
          check_event(walks[range.index], event, secret, anchor);
        });
  } catch (const StopScan&) {
  } catch (const CorruptEventError& error) {
    // An unreadable event stops its range like a failed check.
    const auto range = std::find_if(ranges.begin(), ranges.end(), [&](const ChainPart& part) {
      return error.event_id() <= part.last_id || part.index + 1 == ranges.size();
    });
    auto& walk = walks.at(static_cast<std::size_t>(range - ranges.begin()));
    if (walk.bad_event == 0) {
      walk.bad_event = error.event_id();
      walk.problem = error.what();
    }
    if (walk.first_event == 0) {
      walk.first_event = error.event_id();
    }
  }
  report.ranges = ranges.size();
  summarise(report, ranges, walks, anchor);
  report.seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return report;
}

} // namespace contact_audit::ledger
