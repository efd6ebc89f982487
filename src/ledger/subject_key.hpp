// SPDX-License-Identifier: MIT
// A subject id (UUID) as 128 bits, for hash maps over a million subjects without heap keys.
#pragma once

#include <contact_audit/core/hex.hpp>

#include <array>
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

// The key of `id`; ids that are not UUIDs in lowercase (a ledger changed by hand)
// get two independent string hashes instead. Read for every event of a
// verification walk, so the digits are decoded through a table (core/hex.hpp).
inline SubjectKey subject_key(std::string_view id)
{
  // Where the 32 digits of "xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx" are.
  static constexpr std::array<std::uint8_t, 32> k_digit_at{
      0,  1,  2,  3,  4,  5,  6,  7,  9,  10, 11, 12, 14, 15, 16, 17,
      19, 20, 21, 22, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35};
  SubjectKey key;
  if (id.size() == 36 && id[8] == '-' && id[13] == '-' && id[18] == '-' && id[23] == '-') {
    std::uint8_t invalid = 0;
    for (std::size_t i = 0; i < k_digit_at.size(); ++i) {
      const auto value = k_hex_values[static_cast<unsigned char>(id[k_digit_at[i]])];
      invalid |= value;
      auto& half = i < 16 ? key.high : key.low;
      half = (half << 4U) | (value & 0xFU);
    }
    if ((invalid & 0xF0U) == 0) {
      return key;
    }
  }
  key.high = std::hash<std::string_view>{}(id);
  key.low = std::hash<std::string>{}(std::string(id) + "#");
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
