// SPDX-License-Identifier: MIT
// A subject id (UUID) as 128 bits, for hash maps over a million subjects without heap keys.
#pragma once

#include <charconv>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

namespace contact_audit::ledger {

struct SubjectKey
{
  std::uint64_t high = 0;
  std::uint64_t low = 0;
  friend bool operator==(const SubjectKey&, const SubjectKey&) = default;
};

// The key of `id`; ids that are not UUIDs (a ledger changed by hand) get two
// independent string hashes instead.
inline SubjectKey subject_key(std::string_view id)
{
  char hex[32];
  std::size_t length = 0;
  for (const char c : id) {
    if (c != '-' && length < sizeof hex) {
      hex[length++] = c;
    }
  }
  SubjectKey key;
  if (id.size() != 36 || length != 32 ||
      std::from_chars(hex, hex + 16, key.high, 16).ptr != hex + 16 ||
      std::from_chars(hex + 16, hex + 32, key.low, 16).ptr != hex + 32) {
    key.high = std::hash<std::string_view>{}(id);
    key.low = std::hash<std::string>{}(std::string(id) + "#");
  }
  return key;
}

struct SubjectKeyHash
{
  std::size_t operator()(const SubjectKey& key) const noexcept
  {
    return static_cast<std::size_t>(key.high ^ (key.low * 0x9E3779B97F4A7C15ULL));
  }
};

} // namespace contact_audit::ledger
