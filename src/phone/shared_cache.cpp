// SPDX-License-Identifier: MIT
// SharedNumberCache: a sharded, mutex-protected map from (region, raw) to the normalised number.
#include <contact_audit/phone/shared_cache.hpp>

#include <functional>
#include <mutex>
#include <string>
#include <unordered_map>

namespace contact_audit::phone {
namespace {

struct KeyHash
{
  using is_transparent = void;
  std::size_t operator()(std::string_view key) const noexcept
  {
    return std::hash<std::string_view>{}(key);
  }
};

// "<REGION>\0<raw>": the region as given (upper-cased by the caller's Normaliser
// when empty), so that the same raw text read for two regions stays apart.
std::string make_key(const Normaliser& local, std::string_view raw, std::string_view region)
{
  std::string key(region.empty() ? std::string_view(local.default_region()) : region);
  for (auto& c : key) {
    c = (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
  }
  key.push_back('\0');
  key.append(raw);
  return key;
}

} // namespace

struct SharedNumberCache::Shard
{
  std::mutex mutex;
  std::unordered_map<std::string, NormalisedNumber, KeyHash, std::equal_to<>> numbers;
};

SharedNumberCache::SharedNumberCache(std::size_t max_entries)
    : m_max_per_shard(max_entries / k_shards + 1)
{
  for (auto& shard : m_shards) {
    shard = std::make_unique<Shard>();
  }
}

SharedNumberCache::~SharedNumberCache() = default;

NormalisedNumber
SharedNumberCache::normalise(Normaliser& local, std::string_view raw, std::string_view region)
{
  auto key = make_key(local, raw, region);
  auto& shard = *m_shards[KeyHash{}(key) % k_shards];
  {
    const std::lock_guard lock(shard.mutex);
    if (const auto hit = shard.numbers.find(key); hit != shard.numbers.end()) {
      m_hits.fetch_add(1, std::memory_order_relaxed);
      return hit->second;
    }
  }
  // Normalise outside the lock: two threads may both miss the same number now
  // and then, which costs one extra parse but never a wrong result.
  auto result = local.normalise(raw, region);
  m_misses.fetch_add(1, std::memory_order_relaxed);
  const std::lock_guard lock(shard.mutex);
  if (shard.numbers.size() < m_max_per_shard) {
    shard.numbers.try_emplace(std::move(key), result);
  }
  return result;
}

std::size_t SharedNumberCache::size() const
{
  std::size_t total = 0;
  for (const auto& shard : m_shards) {
    const std::lock_guard lock(shard->mutex);
    total += shard->numbers.size();
  }
  return total;
}

} // namespace contact_audit::phone
