// SPDX-License-Identifier: MIT
// The rule-file schema: valid ids and list names, the keys of each matcher.
#include "rule_schema.hpp"

#include <contact_audit/phone/normaliser.hpp>

namespace contact_audit::classify {

bool is_valid_rule_id(std::string_view id)
{
  std::size_t dots = 0;
  char previous = '.'; // A word must start the id.
  for (const char c : id) {
    const bool alphanumeric = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    if (!alphanumeric && (c != '.' && c != '-')) {
      return false;
    }
    if (!alphanumeric && (previous == '.' || previous == '-')) {
      return false; // Two separators in a row, or one at the start.
    }
    dots += c == '.' ? 1 : 0;
    previous = c;
  }
  return dots > 0 && previous != '.' && previous != '-';
}

bool is_valid_list_name(std::string_view name)
{
  return !name.empty() && std::all_of(name.begin(), name.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
  });
}

// The parameter keys each matcher takes besides id, match, weight and the descriptions.
std::vector<std::string_view> parameter_keys(MatchKind kind)
{
  switch (kind) {
  case MatchKind::field:
    return {"fields", "ignore", "pattern", "ignore_pattern"};
  case MatchKind::typed:
    return {"on", "types"};
  case MatchKind::email_domain:
    return {"lists", "negate"};
  case MatchKind::phone_prefix:
    return {"lists"};
  case MatchKind::number_type:
  case MatchKind::phones_only:
    return {"number_types"};
  case MatchKind::category_words:
    return {"lists", "skip"};
  case MatchKind::name_words:
    return {"lists", "fields"};
  case MatchKind::account:
    return {"accounts"};
  }
  return {};
}

// The parameters a matcher cannot do without.
std::vector<std::string_view> required_parameters(MatchKind kind)
{
  switch (kind) {
  case MatchKind::field:
    return {"fields"};
  case MatchKind::typed:
    return {"on", "types"};
  case MatchKind::name_words:
    return {"lists", "fields"};
  case MatchKind::number_type:
  case MatchKind::phones_only:
    return {"number_types"};
  case MatchKind::account:
    return {"accounts"};
  case MatchKind::email_domain:
  case MatchKind::phone_prefix:
  case MatchKind::category_words:
    return {"lists"};
  }
  return {};
}

std::string number_type_names()
{
  std::string names;
  for (auto type = static_cast<unsigned>(phone::NumberType::fixed_line);
       type <= static_cast<unsigned>(phone::NumberType::unknown);
       ++type) {
    names += names.empty() ? "" : ", ";
    names += phone::to_string(static_cast<phone::NumberType>(type));
  }
  return names;
}

} // namespace contact_audit::classify
