// SPDX-License-Identifier: MIT
// Turns the cells of one CSV row into a Contact, following a HeaderLayout.
#pragma once

#include "csv_columns.hpp"

#include <contact_audit/contact/contact.hpp>

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace contact_audit::importers::csv {

// Builds contacts from rows; keeps per-row scratch space, so one builder serves a whole file.
// `layout` must outlive the builder. Not thread-safe.
class RowBuilder
{
public:
  explicit RowBuilder(const HeaderLayout& layout);

  // Fill `contact` (expected empty) from `cells`, a data row that starts on
  // `line`. Returns the number of non-empty cells that no named column takes;
  // their values are not used.
  std::size_t
  build(const std::vector<std::string_view>& cells, std::size_t line, contact::Contact& contact);

private:
  std::string_view cell(std::size_t column) const;
  void
  take(std::size_t column, std::string_view value, std::size_t line, contact::Contact& contact);
  void add_phones(std::size_t column,
                  std::string_view value,
                  std::size_t line,
                  contact::Contact& contact);
  void add_emails(std::size_t column, std::string_view value, contact::Contact& contact);
  void add_addresses(contact::Contact& contact);

  const HeaderLayout& m_layout;
  std::vector<std::string> m_group_names;   // Address groups in header order.
  std::vector<std::size_t> m_address_group; // Per column: index into m_group_names.
  std::vector<std::size_t> m_group_first;   // Per group: its first column.
  std::vector<bool> m_group_filled;         // Per group, this row.
  const std::vector<std::string_view>* m_cells = nullptr;
};

// Add the types that `text` (a Google "Type"/"Label" value such as "* Work" or
// "Work Fax", or a free label) names to `types`; text that names no type word
// becomes `label`.
void apply_type_label(std::string_view text, std::vector<std::string>& types, std::string& label);

// True when `contact` has a name, organisation, phone number or e-mail address.
bool is_identifiable(const contact::Contact& contact);

} // namespace contact_audit::importers::csv
