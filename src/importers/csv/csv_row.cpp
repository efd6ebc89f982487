// SPDX-License-Identifier: MIT
// Row to Contact: multi-value cells, Google type columns, area codes and address groups.
#include "csv_row.hpp"

#include <contact_audit/core/text.hpp>

#include <algorithm>

namespace contact_audit::importers::csv {

namespace {

// Google joins several values of one cell with " ::: " (research/importers.md §1.1).
constexpr std::string_view k_multi_value = ":::";

template <typename Visit>
void for_each_value(std::string_view cell, std::string_view separators, Visit&& visit)
{
  for (;;) {
    std::size_t at = cell.find(k_multi_value);
    std::size_t skip = k_multi_value.size();
    if (const std::size_t other = cell.find_first_of(separators); other < at) {
      at = other;
      skip = 1;
    }
    const std::string_view part = trim(cell.substr(0, at));
    if (!part.empty()) {
      visit(part);
    }
    if (at == std::string_view::npos) {
      return;
    }
    cell.remove_prefix(at + skip);
  }
}

// One-line text: a name never needs the line breaks or tabs a cell may carry.
std::string clean(std::string_view value)
{
  std::string text(trim(value));
  std::replace_if(
      text.begin(), text.end(), [](char c) { return c == '\r' || c == '\n' || c == '\t'; }, ' ');
  return text;
}

void set_once(std::string& target, std::string_view value)
{
  if (target.empty()) {
    target = clean(value);
  }
}

std::string joined_name(const contact::StructuredName& name)
{
  std::string text;
  for (const std::string* part : {&name.given, &name.additional, &name.family}) {
    if (!part->empty()) {
      text += text.empty() ? "" : " ";
      text += *part;
    }
  }
  return text;
}

// Google marks its own groups with "* ". "* myContacts" and "* starred" say nothing
// about the person and are dropped; the system groups "* Coworkers", "* Family" and
// "* Friends" are real groupings the user chose, so they are kept without the star.
std::string_view google_group_name(std::string_view category)
{
  if (category.empty() || category.front() != '*') {
    return category;
  }
  category.remove_prefix(1);
  while (!category.empty() && category.front() == ' ') {
    category.remove_prefix(1);
  }
  for (const std::string_view kept : {"coworkers", "family", "friends"}) {
    if (iequals_ascii(category, kept)) {
      return category;
    }
  }
  return {};
}

} // namespace

void apply_type_label(std::string_view text, std::vector<std::string>& types, std::string& label)
{
  text = trim(text);
  // Google marks its own values with "* " ("* Work"); the star means nothing else.
  if (!text.empty() && text.front() == '*') {
    text = trim(text.substr(1));
  }
  if (text.empty()) {
    return;
  }
  if (std::string type = contact::canonical_type(text); !type.empty()) {
    contact::add_type(types, std::move(type));
    return;
  }
  bool all_known = true;
  for_each_value(text, " /,-_", [&](std::string_view word) {
    std::string type = contact::canonical_type(word);
    all_known = all_known && !type.empty();
    contact::add_type(types, std::move(type));
  });
  if (!all_known) {
    label = std::string(text);
  }
}

bool is_identifiable(const contact::Contact& contact)
{
  return !contact.display_name.empty() || !contact.name.given.empty() ||
         !contact.name.family.empty() || !contact.organisation.empty() || !contact.phones.empty() ||
         !contact.emails.empty();
}

RowBuilder::RowBuilder(const HeaderLayout& layout) : m_layout(layout)
{
  m_address_group.assign(layout.columns.size(), k_no_column);
  for (std::size_t i = 0; i < layout.columns.size(); ++i) {
    const ColumnRole& role = layout.columns[i];
    if (role.field != Field::address) {
      continue;
    }
    const auto found = std::find(m_group_names.begin(), m_group_names.end(), role.group);
    m_address_group[i] = static_cast<std::size_t>(found - m_group_names.begin());
    if (found == m_group_names.end()) {
      m_group_names.push_back(role.group);
      m_group_first.push_back(i);
    }
  }
  m_group_filled.assign(m_group_names.size(), false);
}

std::string_view RowBuilder::cell(std::size_t column) const
{
  return column < m_cells->size() ? (*m_cells)[column] : std::string_view();
}

std::size_t RowBuilder::build(const std::vector<std::string_view>& cells,
                              std::size_t line,
                              contact::Contact& contact)
{
  m_cells = &cells;
  std::fill(m_group_filled.begin(), m_group_filled.end(), false);
  std::size_t dropped = 0;
  for (std::size_t i = 0; i < cells.size(); ++i) {
    const std::string_view value = trim(cells[i]);
    if (value.empty()) {
      continue;
    }
    if (i >= m_layout.columns.size() || m_layout.columns[i].unnamed) {
      ++dropped;
      continue;
    }
    take(i, value, line, contact);
  }
  add_addresses(contact);
  if (contact.display_name.empty()) {
    contact.display_name = joined_name(contact.name);
  }
  m_cells = nullptr;
  return dropped;
}

void RowBuilder::take(std::size_t column,
                      std::string_view value,
                      std::size_t line,
                      contact::Contact& contact)
{
  switch (m_layout.columns[column].field) {
  case Field::display_name:
    return set_once(contact.display_name, value);
  case Field::given:
    return set_once(contact.name.given, value);
  case Field::additional:
    return set_once(contact.name.additional, value);
  case Field::family:
    return set_once(contact.name.family, value);
  case Field::prefix:
    return set_once(contact.name.prefix, value);
  case Field::suffix:
    return set_once(contact.name.suffix, value);
  case Field::organisation:
    return set_once(contact.organisation, value);
  case Field::department:
    return set_once(contact.department, value);
  case Field::title:
    return set_once(contact.title, value);
  case Field::role:
    return set_once(contact.role, value);
  case Field::uid:
    return set_once(contact.uid, value);
  case Field::phone:
    return add_phones(column, value, line, contact);
  case Field::email:
    return add_emails(column, value, contact);
  case Field::category:
    return for_each_value(value, ";,", [&](std::string_view raw_category) {
      const auto category = google_group_name(raw_category);
      if (!category.empty() &&
          std::find(contact.categories.begin(), contact.categories.end(), category) ==
              contact.categories.end()) {
        contact.categories.push_back(clean(category));
      }
    });
  case Field::address:
    m_group_filled[m_address_group[column]] = true;
    return;
  case Field::unknown:
  case Field::ignore:
  case Field::area_code:
  case Field::type_label:
    return;
  }
}

void RowBuilder::add_phones(std::size_t column,
                            std::string_view value,
                            std::size_t line,
                            contact::Contact& contact)
{
  const ColumnRole& role = m_layout.columns[column];
  const std::string_view area_code =
      role.area_code_column == k_no_column ? std::string_view() : trim(cell(role.area_code_column));
  for_each_value(value, "", [&](std::string_view number) {
    contact::Phone phone;
    phone.raw = area_code.empty() ? clean(number) : clean(area_code) + ' ' + clean(number);
    phone.types = role.types;
    phone.label = role.label;
    phone.preferred = role.preferred;
    phone.line = line;
    if (role.type_column != k_no_column) {
      apply_type_label(cell(role.type_column), phone.types, phone.label);
    }
    contact.phones.push_back(std::move(phone));
  });
}

void RowBuilder::add_emails(std::size_t column, std::string_view value, contact::Contact& contact)
{
  const ColumnRole& role = m_layout.columns[column];
  const auto add = [&](std::string_view address) {
    contact::Email email;
    email.address = clean(address);
    email.types = role.types;
    email.label = role.label;
    email.preferred = role.preferred;
    if (role.type_column != k_no_column) {
      apply_type_label(cell(role.type_column), email.types, email.label);
    }
    contact.emails.push_back(std::move(email));
  };
  for_each_value(value, "", [&](std::string_view part) {
    // CRM exports put several addresses in one cell ("a@x.de, b@x.de"); an
    // address itself never holds a comma, semicolon or space outside quotes.
    if (std::count(part.begin(), part.end(), '@') > 1) {
      for_each_value(part, ",; \t", add);
    } else {
      add(part);
    }
  });
}

void RowBuilder::add_addresses(contact::Contact& contact)
{
  for (std::size_t group = 0; group < m_group_names.size(); ++group) {
    if (!m_group_filled[group]) {
      continue;
    }
    const ColumnRole& role = m_layout.columns[m_group_first[group]];
    contact::Address address;
    address.types = role.types;
    if (role.type_column != k_no_column) {
      apply_type_label(cell(role.type_column), address.types, address.label);
    }
    contact.addresses.push_back(std::move(address));
  }
}

} // namespace contact_audit::importers::csv
