// SPDX-License-Identifier: MIT
// Lowercase hexadecimal: bytes written as digits and digits read back, as the ledger stores
// digests, secrets and UUIDs.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace contact_audit {

inline constexpr std::string_view k_hex_digits = "0123456789abcdef";

// The value of each character as a lowercase hex digit, 0xFF for any other: a table,
// as ledger verification reads a UUID for every event.
inline constexpr std::array<std::uint8_t, 256> k_hex_values = [] {
  std::array<std::uint8_t, 256> values{};
  values.fill(0xFF);
  for (std::size_t digit = 0; digit < k_hex_digits.size(); ++digit) {
    values[static_cast<unsigned char>(k_hex_digits[digit])] = static_cast<std::uint8_t>(digit);
  }
  return values;
}();

// Writes the `size` bytes at `bytes` as 2 * `size` digits from `out` on.
inline void write_hex(const unsigned char* bytes, std::size_t size, char* out)
{
  for (std::size_t i = 0; i < size; ++i) {
    out[2 * i] = k_hex_digits[bytes[i] >> 4U];
    out[2 * i + 1] = k_hex_digits[bytes[i] & 0xFU];
  }
}

inline void append_hex(std::string& out, const unsigned char* bytes, std::size_t size)
{
  const auto at = out.size();
  out.resize(at + 2 * size);
  write_hex(bytes, size, out.data() + at);
}

// Reads `text`, exactly 2 * N lowercase digits, into `bytes`; false for any other text.
template <std::size_t N> bool read_hex(std::string_view text, std::array<std::uint8_t, N>& bytes)
{
  if (text.size() != 2 * N) {
    return false;
  }
  std::uint8_t invalid = 0;
  for (std::size_t i = 0; i < N; ++i) {
    const auto high = k_hex_values[static_cast<unsigned char>(text[2 * i])];
    const auto low = k_hex_values[static_cast<unsigned char>(text[2 * i + 1])];
    invalid |= high | low;
    bytes[i] = static_cast<std::uint8_t>((high << 4U) | (low & 0xFU));
  }
  return (invalid & 0xF0U) == 0;
}

} // namespace contact_audit
