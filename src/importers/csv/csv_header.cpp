// SPDX-License-Identifier: MIT
// Header resolution: choose the profile that knows most columns, then give every column a role.
#include "csv_columns.hpp"
#include "csv_mapping.hpp"

#include <contact_audit/core/text.hpp>

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

namespace contact_audit::importers::csv {

namespace {

// Longer header cells are no column names; matching them would only cost time.
constexpr std::size_t k_max_key_bytes = 128;

constexpr std::string_view k_google_ignored_bases[] = {
    "website", "event", "im", "relation", "customfield", "externalid", "jot", "calendarlink"};

struct ColumnKeys
{
  std::string key;      // Normalised name.
  std::string repaired; // Normalised name after undoing double encoding, or empty.
  std::optional<ColumnRole> numbered;
  std::string numbered_kind;
};

std::size_t profile_index(std::string_view name)
{
  const auto& names = profile_names();
  return static_cast<std::size_t>(std::find(names.begin(), names.end(), name) - names.begin());
}

const ColumnRole* lookup(std::size_t profile, const ColumnKeys& keys)
{
  if (keys.key.empty() || keys.key.size() > k_max_key_bytes) {
    return nullptr;
  }
  if (const ColumnRole* role = find_profile_column(profile, keys.key)) {
    return role;
  }
  return keys.repaired.empty() ? nullptr : find_profile_column(profile, keys.repaired);
}

ColumnKeys keys_for(std::string_view name)
{
  ColumnKeys keys;
  if (name.size() > k_max_key_bytes * 2) {
    return keys;
  }
  keys.key = normalise_header_name(name);
  if (const auto repaired = undo_double_encoding(name)) {
    keys.repaired = normalise_header_name(*repaired);
  }
  keys.numbered = google_numbered_column(name, &keys.numbered_kind);
  return keys;
}

// Google's numbered columns count for the format that writes their part name.
bool numbered_counts_for(std::string_view profile, const ColumnKeys& keys)
{
  if (!keys.numbered) {
    return false;
  }
  if (profile == "google-old") {
    return keys.numbered_kind != "label";
  }
  if (profile == "google-new") {
    return keys.numbered_kind != "type" && keys.numbered_kind != "organization";
  }
  return false;
}

// The profile that knows most columns. The generic names go first, so a
// specific profile is chosen only when it knows more than they do.
std::size_t best_profile(const std::vector<ColumnKeys>& columns)
{
  const auto& names = profile_names();
  std::vector<std::size_t> order{profile_index("generic")};
  for (std::size_t profile = 0; profile < names.size(); ++profile) {
    order.push_back(profile);
  }
  std::size_t best = names.size();
  std::size_t best_score = 0;
  for (const std::size_t profile : order) {
    std::size_t score = 0;
    for (const ColumnKeys& keys : columns) {
      if (lookup(profile, keys) != nullptr || numbered_counts_for(names[profile], keys)) {
        ++score;
      }
    }
    if (score > best_score) {
      best = profile;
      best_score = score;
    }
  }
  return best;
}

// The built-in role of a column: the chosen profile first, then the generic
// names, then any other profile, then Google's numbered groups.
std::optional<ColumnRole> builtin_role(std::size_t best, const ColumnKeys& keys)
{
  const std::size_t generic = profile_index("generic");
  std::vector<std::size_t> order{best, generic};
  for (std::size_t profile = 0; profile < profile_names().size(); ++profile) {
    order.push_back(profile);
  }
  for (const std::size_t profile : order) {
    if (profile < profile_names().size()) {
      if (const ColumnRole* role = lookup(profile, keys)) {
        return *role;
      }
    }
  }
  return keys.numbered;
}

void link_groups(HeaderLayout& layout)
{
  std::unordered_map<std::string, std::size_t> type_columns;
  for (std::size_t i = 0; i < layout.columns.size(); ++i) {
    const ColumnRole& role = layout.columns[i];
    if (role.field == Field::type_label && !role.group.empty()) {
      type_columns.emplace(role.group, i);
    }
  }
  for (ColumnRole& role : layout.columns) {
    if (!role.group.empty() && role.field != Field::type_label) {
      if (const auto found = type_columns.find(role.group); found != type_columns.end()) {
        role.type_column = found->second;
      }
    }
  }
  // An area-code column belongs to the phone column after it ("Vorwahl_Tel;Telefonnummer").
  for (std::size_t i = 0; i < layout.columns.size(); ++i) {
    if (layout.columns[i].field != Field::area_code) {
      continue;
    }
    for (std::size_t j = i + 1; j < layout.columns.size(); ++j) {
      ColumnRole& phone = layout.columns[j];
      if (phone.field == Field::phone && phone.area_code_column == k_no_column) {
        phone.area_code_column = i;
        break;
      }
    }
  }
}

void resolve_with_mapping(HeaderLayout& layout,
                          const std::vector<ColumnKeys>& keys,
                          const MappingSpec& mapping,
                          std::size_t best)
{
  std::unordered_map<std::string, const MappedColumn*> mapped;
  for (const MappedColumn& column : mapping.columns) {
    mapped.emplace(normalise_header_name(column.name), &column);
  }
  std::unordered_set<std::string> seen;
  for (std::size_t i = 0; i < layout.columns.size(); ++i) {
    if (const auto found = mapped.find(keys[i].key);
        found != mapped.end() && !keys[i].key.empty()) {
      layout.columns[i] = found->second->role;
      seen.insert(keys[i].key);
    } else if (mapping.builtin && !keys[i].key.empty()) {
      if (auto role = builtin_role(best, keys[i])) {
        layout.columns[i] = std::move(*role);
      }
    }
  }
  for (const MappedColumn& column : mapping.columns) {
    if (!seen.contains(normalise_header_name(column.name))) {
      layout.missing_mapped_columns.push_back(column.name);
    }
  }
  layout.profile = "mapping";
}

// Display, given and family name columns: the first column that is the other two
// joined by a space in most rows.
bool assign_name_triple(HeaderLayout& layout,
                        const std::vector<std::vector<std::string>>& rows,
                        const std::vector<std::size_t>& text_columns)
{
  const auto value = [](const std::vector<std::string>& row, std::size_t column) {
    return column < row.size() ? std::string_view(trim(row[column])) : std::string_view();
  };
  const std::size_t count = std::min<std::size_t>(text_columns.size(), 8);
  for (std::size_t d = 0; d < count; ++d) {
    for (std::size_t g = 0; g < count; ++g) {
      for (std::size_t f = 0; f < count; ++f) {
        if (d == g || d == f || g == f) {
          continue;
        }
        std::size_t matches = 0;
        for (const auto& row : rows) {
          const auto given = value(row, text_columns[g]);
          const auto family = value(row, text_columns[f]);
          const auto display = value(row, text_columns[d]);
          matches += !given.empty() && !family.empty() &&
                     display.size() == given.size() + 1 + family.size() &&
                     display.substr(0, given.size()) == given && display[given.size()] == ' ' &&
                     display.substr(given.size() + 1) == family;
        }
        if (matches * 2 > rows.size()) {
          layout.columns[text_columns[d]].field = Field::display_name;
          layout.columns[text_columns[g]].field = Field::given;
          layout.columns[text_columns[f]].field = Field::family;
          return true;
        }
      }
    }
  }
  return false;
}

} // namespace

std::optional<ColumnRole> google_numbered_column(std::string_view name, std::string* part_kind)
{
  const std::size_t dash = name.rfind(" - ");
  if (dash == std::string_view::npos) {
    return std::nullopt;
  }
  const std::string_view left = trim(name.substr(0, dash));
  std::size_t digits = left.size();
  while (digits > 0 && left[digits - 1] >= '0' && left[digits - 1] <= '9') {
    --digits;
  }
  if (digits == left.size() || digits < 2 || left[digits - 1] != ' ' || left.size() - digits > 6) {
    return std::nullopt;
  }
  const std::string base = normalise_header_name(left.substr(0, digits));
  const std::string part = normalise_header_name(name.substr(dash + 3));
  ColumnRole role;
  role.group = base + ' ' + std::string(left.substr(digits));
  const bool type_part = part == "type" || part == "label";
  *part_kind = type_part ? part : "value";
  if (base == "email" || base == "phone") {
    role.field = type_part ? Field::type_label
                           : (part == "value" ? (base == "email" ? Field::email : Field::phone)
                                              : Field::ignore);
  } else if (base == "address") {
    role.field = type_part ? Field::type_label : Field::address;
  } else if (base == "organization" || base == "organisation") {
    *part_kind = "organization";
    role.field = part == "name"         ? Field::organisation
                 : part == "title"      ? Field::title
                 : part == "department" ? Field::department
                                        : Field::ignore;
  } else if (std::find(std::begin(k_google_ignored_bases),
                       std::end(k_google_ignored_bases),
                       base) != std::end(k_google_ignored_bases)) {
    role.field = Field::ignore;
  } else {
    return std::nullopt;
  }
  return role;
}

HeaderLayout resolve_header(const std::vector<std::string>& names, const MappingSpec* mapping)
{
  HeaderLayout layout;
  layout.names = names;
  layout.columns.resize(names.size());
  std::vector<ColumnKeys> keys;
  keys.reserve(names.size());
  for (const std::string& name : names) {
    keys.push_back(keys_for(name));
  }
  const std::size_t best = best_profile(keys);
  if (mapping != nullptr) {
    resolve_with_mapping(layout, keys, *mapping, best);
  } else {
    for (std::size_t i = 0; i < names.size(); ++i) {
      if (auto role = builtin_role(best, keys[i])) {
        layout.columns[i] = std::move(*role);
      }
    }
    layout.profile = best < profile_names().size() ? std::string(profile_names()[best]) : "";
  }
  for (std::size_t i = 0; i < names.size(); ++i) {
    ColumnRole& role = layout.columns[i];
    if (trim(names[i]).empty()) {
      role = ColumnRole{};
      role.field = Field::ignore;
      role.unnamed = true;
    } else if (role.field == Field::unknown) {
      layout.unknown_columns.push_back(names[i]);
    }
  }
  link_groups(layout);
  return layout;
}

HeaderLayout layout_from_positions(const MappingSpec& mapping, std::size_t width)
{
  HeaderLayout layout;
  layout.profile = "mapping";
  for (const MappedColumn& column : mapping.columns) {
    width = std::max(width, column.position);
  }
  layout.columns.resize(width);
  for (std::size_t i = 0; i < width; ++i) {
    layout.names.push_back("column " + std::to_string(i + 1));
  }
  for (const MappedColumn& column : mapping.columns) {
    if (column.position > 0) {
      layout.columns[column.position - 1] = column.role;
    }
  }
  for (std::size_t i = 0; i < width; ++i) {
    if (layout.columns[i].field == Field::unknown) {
      layout.unknown_columns.push_back(layout.names[i]);
    }
  }
  link_groups(layout);
  return layout;
}

std::optional<HeaderLayout> infer_layout(const std::vector<std::vector<std::string>>& rows)
{
  std::size_t width = 0;
  for (const auto& row : rows) {
    width = std::max(width, row.size());
  }
  HeaderLayout layout;
  layout.profile = "headerless";
  layout.columns.resize(width);
  std::vector<std::size_t> text_columns;
  bool identified = false;
  for (std::size_t c = 0; c < width; ++c) {
    layout.names.push_back("column " + std::to_string(c + 1));
    std::size_t filled = 0;
    std::size_t emails = 0;
    std::size_t phones = 0;
    for (const auto& row : rows) {
      const std::string_view value = c < row.size() ? trim(row[c]) : std::string_view();
      filled += !value.empty();
      emails += looks_like_email(value);
      phones += looks_like_phone(value);
    }
    ColumnRole& role = layout.columns[c];
    role.field = Field::ignore;
    if (emails > 0 && emails * 2 > filled) {
      role.field = Field::email;
      identified = true;
    } else if (phones > 0 && phones * 2 > filled) {
      role.field = Field::phone;
      identified = true;
    } else if (filled > 0) {
      text_columns.push_back(c);
    }
  }
  if (!assign_name_triple(layout, rows, text_columns) && !text_columns.empty()) {
    layout.columns[text_columns.front()].field = Field::display_name;
  }
  if (!identified) {
    return std::nullopt;
  }
  return layout;
}

bool has_identifying_column(const HeaderLayout& layout)
{
  return std::any_of(layout.columns.begin(), layout.columns.end(), [](const ColumnRole& role) {
    switch (role.field) {
    case Field::display_name:
    case Field::given:
    case Field::family:
    case Field::organisation:
    case Field::phone:
    case Field::email:
      return true;
    default:
      return false;
    }
  });
}

} // namespace contact_audit::importers::csv
