// SPDX-License-Identifier: MIT
// What a rule file may contain: the keys of each matcher, valid names, and lists of words for
// messages.
#pragma once

#include "rule_set_impl.hpp"

#include <algorithm>
#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace contact_audit::classify {

// "a, b, c": the names for a message that lists the accepted values.
template <std::size_t N> std::string join_names(const std::array<std::string_view, N>& names)
{
  std::string text;
  for (const auto name : names) {
    text += text.empty() ? "" : ", ";
    text += name;
  }
  return text;
}

// The position of `name` in `names`, or nullopt.
template <std::size_t N>
std::optional<std::size_t> index_of(const std::array<std::string_view, N>& names,
                                    std::string_view name)
{
  const auto found = std::find(names.begin(), names.end(), name);
  return found == names.end() ? std::nullopt : std::optional<std::size_t>(found - names.begin());
}

// Lower-case words of letters and digits joined by hyphens, at least two of
// them joined by dots: "org.present", "company.key-account".
bool is_valid_rule_id(std::string_view id);

// Lower-case letters, digits and underscores: "freemail_domains".
bool is_valid_list_name(std::string_view name);

// The parameter keys `kind` takes besides id, match, weight and the descriptions.
std::vector<std::string_view> parameter_keys(MatchKind kind);

// The parameters `kind` cannot do without.
std::vector<std::string_view> required_parameters(MatchKind kind);

// Every phone::NumberType name, for messages.
std::string number_type_names();

} // namespace contact_audit::classify
