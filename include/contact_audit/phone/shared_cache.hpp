// SPDX-License-Identifier: MIT
// SharedNumberCache: normalised numbers shared by threads, so each distinct number is parsed once.
#pragma once

#include <contact_audit/phone/normaliser.hpp>

#include <array>
#include <atomic>
#include <cstddef>
#include <memory>
#include <string_view>

namespace contact_audit::phone {

// A process-wide cache of normalised numbers keyed by (region, raw text), for
// runs that audit many address books in parallel (`contact-audit batch`):
// colleagues and customers appear in many books, and libphonenumber's parse is
// the dominant cost of an import. Safe for concurrent use; the cache is split
// into shards with one mutex each, so two threads rarely wait for each other.
// Past `max_entries` entries nothing more is cached (lookups still work), which
// bounds memory for companies with very many distinct numbers.
class SharedNumberCache
{
public:
  explicit SharedNumberCache(std::size_t max_entries = 1'000'000);
  ~SharedNumberCache();
  SharedNumberCache(const SharedNumberCache&) = delete;
  SharedNumberCache& operator=(const SharedNumberCache&) = delete;

  // The normalised form of `raw` read with `region` (see Normaliser::normalise):
  // from the cache, or normalised with `local` (the calling thread's own
  // Normaliser, which supplies the default region when `region` is empty) and
  // then cached. Never throws for bad input.
  NormalisedNumber normalise(Normaliser& local, std::string_view raw, std::string_view region);

  // Lookups answered from the cache, and numbers that had to be normalised.
  std::size_t hits() const { return m_hits.load(std::memory_order_relaxed); }
  std::size_t misses() const { return m_misses.load(std::memory_order_relaxed); }
  std::size_t size() const;

private:
  struct Shard;
  static constexpr std::size_t k_shards = 32;
  std::array<std::unique_ptr<Shard>, k_shards> m_shards;
  std::size_t m_max_per_shard;
  std::atomic<std::size_t> m_hits{0};
  std::atomic<std::size_t> m_misses{0};
};

} // namespace contact_audit::phone
