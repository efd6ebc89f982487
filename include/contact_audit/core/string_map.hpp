// SPDX-License-Identifier: MIT
// Hash maps and sets keyed by std::string that are looked up by std::string_view
// without building a string per lookup.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

namespace contact_audit {

struct TransparentHash
{
  using is_transparent = void;
  std::size_t operator()(std::string_view text) const noexcept
  {
    return std::hash<std::string_view>{}(text);
  }
};

template <typename Value>
using StringMap = std::unordered_map<std::string, Value, TransparentHash, std::equal_to<>>;

using StringSet = std::unordered_set<std::string, TransparentHash, std::equal_to<>>;

} // namespace contact_audit
