// SPDX-License-Identifier: MIT
// Reads the TOML column-mapping file of docs/csv-mapping.md with toml++.
#include "csv_mapping.hpp"

#include <contact_audit/contact/contact.hpp>
#include <contact_audit/core/error.hpp>

#include <toml++/toml.h>

#include <algorithm>
#include <fstream>
#include <iterator>
#include <sstream>

namespace contact_audit::importers::csv {

namespace {

constexpr std::size_t k_max_mapping_bytes = 1024 * 1024;

struct FieldName
{
  std::string_view name;
  Field field;
};

constexpr FieldName k_field_names[] = {
    {"display_name", Field::display_name},
    {"given", Field::given},
    {"additional", Field::additional},
    {"family", Field::family},
    {"prefix", Field::prefix},
    {"suffix", Field::suffix},
    {"organisation", Field::organisation},
    {"organization", Field::organisation},
    {"department", Field::department},
    {"title", Field::title},
    {"role", Field::role},
    {"phone", Field::phone},
    {"area_code", Field::area_code},
    {"email", Field::email},
    {"category", Field::category},
    {"uid", Field::uid},
    {"address", Field::address},
    {"ignore", Field::ignore},
};

constexpr std::string_view k_canonical_types[] = {"work",
                                                  "home",
                                                  "cell",
                                                  "fax",
                                                  "pager",
                                                  "voice",
                                                  "main",
                                                  "text",
                                                  "video",
                                                  "textphone",
                                                  "car",
                                                  "isdn",
                                                  "other"};

class MappingParser
{
public:
  explicit MappingParser(const std::filesystem::path& file) : m_file(file) { m_spec.file = file; }

  MappingSpec parse(std::string_view text)
  {
    toml::table root;
    try {
      root = toml::parse(text, m_file.string());
    } catch (const toml::parse_error& error) {
      report(error.source(), std::string(error.description()) + ".");
      throw_if_errors();
    }
    // toml++ keeps keys sorted; settings first, since "header" decides how [columns] is read.
    for (const auto& [key, node] : root) {
      if (key != "columns") {
        top_level(key, node);
      }
    }
    if (const toml::node* node = root.get("columns")) {
      columns(*node);
    }
    if (!root.contains("columns")) {
      report({}, "The mapping has no [columns] table; add one that names at least one column.");
    }
    throw_if_errors();
    return std::move(m_spec);
  }

private:
  struct Problem
  {
    toml::source_position where;
    std::string text;
  };

  void report(const toml::source_region& where, std::string message)
  {
    std::string text = m_file.string();
    if (where.begin.line != 0) {
      text += ':' + std::to_string(where.begin.line) + ':' + std::to_string(where.begin.column);
    }
    m_errors.push_back({where.begin, text + ": " + message});
  }

  void throw_if_errors()
  {
    if (m_errors.empty()) {
      return;
    }
    // toml++ visits keys in sorted order; the user reads the file top to bottom.
    std::stable_sort(m_errors.begin(), m_errors.end(), [](const Problem& a, const Problem& b) {
      return a.where.line != b.where.line ? a.where.line < b.where.line
                                          : a.where.column < b.where.column;
    });
    std::string message;
    for (const Problem& error : m_errors) {
      message += message.empty() ? "" : "\n";
      message += error.text;
    }
    throw InputError(message);
  }

  void top_level(const toml::key& key, const toml::node& node)
  {
    if (key == "separator") {
      separator(node);
    } else if (key == "header") {
      boolean(node, m_spec.has_header);
    } else if (key == "builtin") {
      boolean(node, m_spec.builtin);
    } else if (key == "encoding") {
      if (const auto* value = node.as_string()) {
        m_spec.encoding = value->get();
      } else {
        report(node.source(), "\"encoding\" must be a string such as \"windows-1252\".");
      }
    } else {
      report(key.source(),
             "The key \"" + std::string(key.str()) +
                 "\" is not known; use separator, header, builtin, encoding or [columns].");
    }
  }

  void separator(const toml::node& node)
  {
    const auto* value = node.as_string();
    const std::string text = value != nullptr ? value->get() : std::string();
    if (text == "," || text == "comma") {
      m_spec.separator = ',';
    } else if (text == ";" || text == "semicolon") {
      m_spec.separator = ';';
    } else if (text == "\t" || text == "tab") {
      m_spec.separator = '\t';
    } else {
      report(node.source(), "\"separator\" must be \",\", \";\" or \"tab\".");
    }
  }

  void boolean(const toml::node& node, bool& target)
  {
    if (const auto* value = node.as_boolean()) {
      target = value->get();
    } else {
      report(node.source(), "This value must be true or false.");
    }
  }

  void columns(const toml::node& node)
  {
    const auto* table = node.as_table();
    if (table == nullptr) {
      report(node.source(),
             "\"columns\" must be a table: [columns] followed by \"Name\" = \"field\" lines.");
      return;
    }
    for (const auto& [key, value] : *table) {
      MappedColumn column;
      column.name = std::string(key.str());
      if (!m_spec.has_header && !position(key, column)) {
        continue;
      }
      if (role(value, column.role)) {
        m_spec.columns.push_back(std::move(column));
      }
    }
  }

  bool position(const toml::key& key, MappedColumn& column)
  {
    const std::string_view text = key.str();
    std::size_t number = 0;
    const bool digits =
        !text.empty() && text.size() <= 6 &&
        std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
    if (digits) {
      number = std::stoul(std::string(text));
    }
    if (number == 0) {
      report(
          key.source(),
          "With header = false, columns are named by their number (\"1\" is the first column); \"" +
              std::string(text) + "\" is not one.");
      return false;
    }
    column.position = number;
    return true;
  }

  bool role(const toml::node& node, ColumnRole& role)
  {
    if (const auto* name = node.as_string()) {
      return field(*name, role);
    }
    const auto* table = node.as_table();
    if (table == nullptr) {
      report(node.source(),
             "A column maps to a field name (\"phone\") or a table ({ field = \"phone\", types = "
             "[\"work\"] }).");
      return false;
    }
    const auto* name = table->get_as<std::string>("field");
    if (name == nullptr) {
      report(node.source(), "The table has no \"field\" string.");
      return false;
    }
    bool ok = field(*name, role);
    for (const auto& [key, value] : *table) {
      ok = option(key, value, role) && ok;
    }
    return ok;
  }

  bool field(const toml::value<std::string>& name, ColumnRole& role)
  {
    for (const FieldName& known : k_field_names) {
      if (name.get() == known.name) {
        role.field = known.field;
        return true;
      }
    }
    std::string list;
    for (const std::string_view known : mapping_field_names()) {
      list += list.empty() ? "" : ", ";
      list += known;
    }
    report(name.source(),
           "The field \"" + name.get() + "\" is not known; use one of " + list + ".");
    return false;
  }

  bool option(const toml::key& key, const toml::node& value, ColumnRole& role)
  {
    if (key == "field") {
      return true;
    }
    if (key == "label") {
      if (const auto* label = value.as_string()) {
        role.label = label->get();
        return true;
      }
      report(value.source(), "\"label\" must be a string.");
      return false;
    }
    if (key == "preferred") {
      boolean(value, role.preferred);
      return true;
    }
    if (key == "types") {
      return types(value, role);
    }
    report(key.source(),
           "The key \"" + std::string(key.str()) +
               "\" is not known here; use field, types, label or preferred.");
    return false;
  }

  bool types(const toml::node& node, ColumnRole& role)
  {
    const auto* array = node.as_array();
    if (array == nullptr) {
      report(node.source(), "\"types\" must be an array of strings, e.g. [\"work\", \"cell\"].");
      return false;
    }
    bool ok = true;
    for (const toml::node& element : *array) {
      const auto* word = element.as_string();
      std::string type = word != nullptr ? word->get() : std::string();
      if (std::find(std::begin(k_canonical_types), std::end(k_canonical_types), type) ==
          std::end(k_canonical_types)) {
        type = contact::canonical_type(type);
      }
      if (type.empty()) {
        report(
            element.source(),
            "This is not a type word; use work, home, cell, fax, pager, voice, main, text, video, "
            "textphone, car, isdn or other.");
        ok = false;
      } else {
        contact::add_type(role.types, type);
      }
    }
    if (role.field == Field::address) {
      for (const std::string& type : role.types) {
        role.group += role.group.empty() ? type : ' ' + type;
      }
    }
    return ok;
  }

  std::filesystem::path m_file;
  MappingSpec m_spec;
  std::vector<Problem> m_errors;
};

} // namespace

const std::vector<std::string_view>& mapping_field_names()
{
  static const std::vector<std::string_view> names = [] {
    std::vector<std::string_view> result;
    for (const FieldName& known : k_field_names) {
      if (known.name != "organization") {
        result.push_back(known.name);
      }
    }
    return result;
  }();
  return names;
}

MappingSpec parse_mapping(std::string_view text, const std::filesystem::path& file)
{
  return MappingParser(file).parse(text);
}

MappingSpec load_mapping(const std::filesystem::path& file)
{
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    throw InputError(
        file.string() +
        ": The CSV mapping file cannot be opened; check that it exists and is readable.");
  }
  std::string text(k_max_mapping_bytes + 1, '\0');
  in.read(text.data(), static_cast<std::streamsize>(text.size()));
  text.resize(static_cast<std::size_t>(in.gcount()));
  if (text.size() > k_max_mapping_bytes) {
    throw InputError(file.string() +
                     ": The CSV mapping file is larger than 1 MiB; it cannot be a column mapping.");
  }
  return parse_mapping(text, file);
}

} // namespace contact_audit::importers::csv
