// SPDX-License-Identifier: MIT
// Canonical event serialisation, the chained SHA-256 and the verification walk.
#include <contact_audit/core/hash.hpp>
#include <contact_audit/ledger/hash_chain.hpp>
#include <contact_audit/ledger/store.hpp>

#include <charconv>
#include <chrono>
#include <functional>
#include <future>
#include <map>

namespace contact_audit::ledger {
namespace {

void append_escaped(std::string& out, std::string_view value)
{
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
      anchor.hash.find_first_not_of("0123456789abcdef") != std::string::npos) {
    return std::nullopt;
  }
  return anchor;
}

namespace {

// One event waiting for its checks, with what its hashes are computed from.
struct Pending
{
  Event event;
  std::string secret;
  std::string previous; // The stored hash of the event read before it.
  std::string chain;    // Computed chain hash.
  std::string pii;      // Computed pii_digest; empty without a secret.
};

// Each event's expected hashes depend only on its own fields, its subject's secret
// and the stored hash of the event before it, so a whole batch is hashed and
// checked on a second thread while the reading thread fills the next one. Batches
// are checked one after another, in order, so the first problem still wins; a
// check that stops the walk throws, and the throw reaches the reading thread when
// it hands over its next batch.
class BatchHasher
{
public:
  using Check = std::function<void(const Pending&)>;
  explicit BatchHasher(Check check) : m_check(std::move(check)) {}
  BatchHasher(const BatchHasher&) = delete;
  BatchHasher& operator=(const BatchHasher&) = delete;
  ~BatchHasher()
  {
    if (m_job.valid()) {
      m_job.wait(); // Never leave a thread working on a destroyed batch.
    }
  }

  // Takes the contents of `event`, leaving it the strings of an older event to refill.
  void add(Event& event, std::string_view secret)
  {
    if (m_filled == m_filling.size()) {
      m_filling.emplace_back();
    }
    auto& pending = m_filling[m_filled++];
    std::swap(pending.event, event);
    pending.secret.assign(secret);
    pending.previous.assign(m_previous);
    m_previous.assign(pending.event.hash);
    if (m_filled == k_batch) {
      hand_over();
    }
  }

  // Checks every event added so far, in order.
  void finish()
  {
    hand_over();
    wait_for_job();
  }

private:
  static constexpr std::size_t k_batch = 2048;

  void hash_and_check(std::size_t count)
  {
    for (std::size_t i = 0; i < count; ++i) {
      auto& pending = m_hashing[i];
      pending.chain = chain_hash(pending.event, pending.previous);
      pending.pii = pii_digest(pending.event, pending.secret);
      m_check(pending);
    }
  }

  // Starts hashing and checking the filled batch once the one before is done.
  void hand_over()
  {
    wait_for_job();
    std::swap(m_filling, m_hashing);
    const std::size_t count = m_filled;
    m_filled = 0;
    if (count > 0) {
      m_job = std::async(std::launch::async, [this, count] { hash_and_check(count); });
    }
  }

  void wait_for_job()
  {
    if (m_job.valid()) {
      m_job.get(); // Rethrows what stopped the walk.
    }
  }

  Check m_check;
  std::vector<Pending> m_filling;
  std::vector<Pending> m_hashing;
  std::size_t m_filled = 0;
  std::future<void> m_job;
  std::string m_previous{k_genesis_hash};
};

} // namespace

VerifyReport verify_chain(const Store& store, const std::optional<Anchor>& anchor)
{
  const auto started = std::chrono::steady_clock::now();
  VerifyReport report;
  std::string previous(k_genesis_hash);
  std::int64_t expected_id = 1;
  bool anchor_seen = false;
  // Subjects whose personal data (and key) is gone, with their first event;
  // each must have an `erased` event, or the data was deleted behind our back.
  std::map<std::string, std::int64_t, std::less<>> keyless_subjects;
  std::map<std::string, bool, std::less<>> erased_subjects;
  const auto fail = [&](std::int64_t id, std::string problem) {
    report.intact = false;
    report.first_bad_event = id;
    report.problem = std::move(problem);
    throw StopScan{};
  };
  const auto check = [&](const Pending& pending) {
    ++report.events;
    const Event& event = pending.event;
    if (event.id != expected_id) {
      const auto id = std::to_string(event.id);
      fail(expected_id,
           event.id > expected_id
               ? "Event " + std::to_string(expected_id) + " is missing: the ids jump from " +
                     std::to_string(expected_id - 1) + " to " + id + " (an event was deleted)."
               : "Event " + id + " is out of order (an event was inserted).");
    }
    const auto id = [&] { return std::to_string(event.id); };
    // pending.previous is the stored hash of the event before, which every
    // earlier check has already matched against its recomputed hash.
    if (pending.chain != event.hash) {
      fail(event.id,
           "Event " + id() +
               " does not match its hash: its fields were changed, or an event "
               "before it was deleted, inserted or reordered.");
    }
    if (!pending.secret.empty()) {
      if (pending.pii != event.pii_digest) {
        fail(event.id,
             "The personal details of event " + id() +
                 " (covered numbers, evidence reference, reason) do not match its digest: they "
                 "were changed outside contact-audit.");
      }
    } else {
      if (!event.numbers.empty() || !event.evidence_ref.empty() || !event.reason.empty()) {
        fail(event.id,
             "Event " + id() + " holds personal details although its subject's key is gone.");
      }
      keyless_subjects.try_emplace(event.subject_id, event.id);
    }
    if (event.action == Action::erased) {
      erased_subjects[event.subject_id] = true;
    }
    if (anchor && event.id == anchor->event_id) {
      anchor_seen = true;
      if (event.hash != anchor->hash) {
        fail(event.id,
             "Event " + id() + " does not have the anchored hash: the chain was rewritten.");
      }
    }
    previous.assign(event.hash);
    ++expected_id;
  };
  try {
    BatchHasher hasher(check);
    try {
      store.scan_chain([&](Event& event, std::string_view secret) { hasher.add(event, secret); });
    } catch (const CorruptEventError&) {
      hasher.finish(); // A problem in an earlier event is reported first.
      throw;
    }
    hasher.finish();
    if (report.events > 0) {
      report.head = ChainHead{expected_id - 1, previous};
    }
    std::int64_t first_unexplained = 0;
    for (const auto& [subject, first_event] : keyless_subjects) {
      if (!erased_subjects.contains(subject) &&
          (first_unexplained == 0 || first_event < first_unexplained)) {
        first_unexplained = first_event;
      }
    }
    if (first_unexplained != 0) {
      fail(first_unexplained,
           "The personal data of the subject of event " + std::to_string(first_unexplained) +
               " was deleted without an erased event.");
    }
    if (anchor && !anchor_seen) {
      fail(anchor->event_id,
           "The anchored event " + std::to_string(anchor->event_id) +
               " is missing: events were deleted from the end of the chain.");
    }
  } catch (const StopScan&) {
  } catch (const CorruptEventError& error) {
    report.intact = false;
    report.first_bad_event = error.event_id();
    report.problem = error.what();
  }
  report.seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return report;
}

} // namespace contact_audit::ledger
