// SPDX-License-Identifier: MIT
// Serialised names of NumberType and NumberStatus, spelled exactly as the enum values.
#include <contact_audit/phone/normaliser.hpp>

#include <array>
#include <cstddef>

namespace contact_audit::phone {

namespace {

// Indexed by the enum value, so the order must follow the declarations in normaliser.hpp.
constexpr std::array<std::string_view, 13> k_number_type_names{
    "fixed_line",
    "mobile",
    "fixed_line_or_mobile",
    "toll_free",
    "premium_rate",
    "shared_cost",
    "voip",
    "personal_number",
    "pager",
    "uan",
    "voicemail",
    "short_code",
    "unknown",
};
static_assert(k_number_type_names.size() == static_cast<std::size_t>(NumberType::unknown) + 1);

constexpr std::array<std::string_view, 5> k_number_status_names{
    "valid",
    "ambiguous",
    "invalid",
    "service",
    "unparsable",
};
static_assert(k_number_status_names.size() ==
              static_cast<std::size_t>(NumberStatus::unparsable) + 1);

template <typename Enum, std::size_t N>
std::optional<Enum> parse_name(const std::array<std::string_view, N>& names, std::string_view text)
{
  for (std::size_t i = 0; i < N; ++i) {
    if (names[i] == text) {
      return static_cast<Enum>(i);
    }
  }
  return std::nullopt;
}

} // namespace

std::string_view to_string(NumberType type)
{
  return k_number_type_names.at(static_cast<std::size_t>(type));
}

std::optional<NumberType> parse_number_type(std::string_view text)
{
  return parse_name<NumberType>(k_number_type_names, text);
}

std::string_view to_string(NumberStatus status)
{
  return k_number_status_names.at(static_cast<std::size_t>(status));
}

std::optional<NumberStatus> parse_number_status(std::string_view text)
{
  return parse_name<NumberStatus>(k_number_status_names, text);
}

} // namespace contact_audit::phone
