// SPDX-License-Identifier: MIT
// Spelling enums as they are serialised: one name table per enum, indexed by value.
#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <string_view>

namespace contact_audit::exposure::detail {

template <typename Enum, std::size_t N>
std::string_view enum_name(const std::array<std::string_view, N>& names, Enum value)
{
  const auto index = static_cast<std::size_t>(value);
  return index < N ? names[index] : std::string_view("unknown");
}

template <typename Enum, std::size_t N>
std::optional<Enum> parse_enum(const std::array<std::string_view, N>& names, std::string_view text)
{
  for (std::size_t i = 0; i < N; ++i) {
    if (names[i] == text) {
      return static_cast<Enum>(i);
    }
  }
  return std::nullopt;
}

} // namespace contact_audit::exposure::detail
