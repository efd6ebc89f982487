// SPDX-License-Identifier: MIT
// TomlChecker: typed reads from toml++ tables that collect every problem with its position.
#include "toml_checker.hpp"

#include <contact_audit/core/error.hpp>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

namespace contact_audit::exposure::detail {

namespace {

std::string_view type_phrase(toml::node_type type)
{
  switch (type) {
  case toml::node_type::string:
    return "a string";
  case toml::node_type::integer:
    return "an integer";
  case toml::node_type::floating_point:
    return "a floating-point number";
  case toml::node_type::boolean:
    return "a boolean";
  case toml::node_type::date:
    return "a date";
  case toml::node_type::time:
    return "a time";
  case toml::node_type::date_time:
    return "a date-time";
  case toml::node_type::array:
    return "a list";
  case toml::node_type::table:
    return "a table";
  case toml::node_type::none:
    break;
  }
  return "nothing";
}

} // namespace

TomlChecker::TomlChecker(std::filesystem::path file, std::string what)
    : m_file(std::move(file)), m_what(std::move(what))
{
}

toml::table TomlChecker::parse_text(std::string_view text) const
{
  try {
    return toml::parse(text, std::string_view(m_file.string()));
  } catch (const toml::parse_error& failure) {
    const auto& begin = failure.source().begin;
    std::string description(failure.description());
    while (!description.empty() && (description.back() == '.' || description.back() == '\n')) {
      description.pop_back();
    }
    throw InputError(m_file.string() + ':' + std::to_string(begin.line) + ':' +
                     std::to_string(begin.column) + ": The " + m_what + " is not valid TOML (" +
                     description + "); nothing was read from it.");
  }
}

void TomlChecker::error(const toml::source_region& where, std::string message)
{
  error(where.begin.line, where.begin.column, std::move(message));
}

void TomlChecker::error(std::size_t line, std::size_t column, std::string message)
{
  m_errors.push_back({line, column, std::move(message)});
}

void TomlChecker::throw_if_errors() const
{
  if (m_errors.empty()) {
    return;
  }
  auto sorted = m_errors;
  std::stable_sort(sorted.begin(), sorted.end(), [](const Entry& a, const Entry& b) {
    return a.line != b.line ? a.line < b.line : a.column < b.column;
  });
  const std::string file = m_file.string();
  std::string text = file + ": The " + m_what + " is invalid (" + std::to_string(sorted.size()) +
                     (sorted.size() == 1 ? " error" : " errors") + "); fix it and run again.";
  for (const auto& entry : sorted) {
    text += '\n';
    text += file + ':' + std::to_string(entry.line) + ':' + std::to_string(entry.column) + ": " +
            entry.message;
  }
  throw InputError(text);
}

void TomlChecker::check_keys(const toml::table& table,
                             std::string_view where,
                             std::span<const std::string_view> allowed)
{
  for (const auto& [key, node] : table) {
    if (std::find(allowed.begin(), allowed.end(), key.str()) != allowed.end()) {
      continue;
    }
    std::string list;
    for (const auto name : allowed) {
      list += list.empty() ? "" : ", ";
      list += name;
    }
    error(key.source(),
          "Unknown key \"" + std::string(key.str()) + "\" in " + std::string(where) +
              "; the keys allowed there are " + list + '.');
  }
}

void TomlChecker::missing(const toml::table& table,
                          std::string_view key,
                          std::string_view where,
                          std::string_view hint)
{
  const bool is_table = !key.empty() && key.front() == '[';
  std::string message = std::string("The required ") + (is_table ? "table " : "key ") +
                        std::string(key) + " is missing in " + std::string(where);
  if (!hint.empty()) {
    message += " (" + std::string(hint) + ')';
  }
  error(table.source(), message + '.');
}

toml::source_region TomlChecker::key_region(const toml::table& table, std::string_view key) const
{
  const auto found = table.find(key);
  return found == table.end() ? table.source() : found->first.source();
}

void TomlChecker::wrong_type(const toml::node& node,
                             std::string_view key,
                             std::string_view where,
                             std::string_view expected)
{
  error(node.source(),
        std::string(key) + " in " + std::string(where) + " must be " + std::string(expected) +
            ", not " + std::string(type_phrase(node.type())) + '.');
}

const toml::table*
TomlChecker::table(const toml::table& parent, std::string_view key, std::string_view where)
{
  const toml::node* node = parent.get(key);
  if (node == nullptr) {
    return nullptr;
  }
  if (!node->is_table()) {
    wrong_type(*node, key, where, "a table ([" + std::string(key) + "])");
  }
  return node->as_table();
}

const toml::array*
TomlChecker::table_array(const toml::table& parent, std::string_view key, std::string_view where)
{
  const toml::node* node = parent.get(key);
  if (node == nullptr) {
    return nullptr;
  }
  const toml::array* array = node->as_array();
  if (array == nullptr || !array->is_array_of_tables()) {
    wrong_type(*node, key, where, "a list of tables ([[" + std::string(key) + "]])");
    return nullptr;
  }
  return array;
}

std::optional<std::string>
TomlChecker::string(const toml::table& table, std::string_view key, std::string_view where)
{
  const toml::node* node = table.get(key);
  if (node == nullptr) {
    return std::nullopt;
  }
  if (const auto* value = node->as_string()) {
    return value->get();
  }
  wrong_type(*node, key, where, "a string in quotes");
  return std::nullopt;
}

std::optional<bool>
TomlChecker::boolean(const toml::table& table, std::string_view key, std::string_view where)
{
  const toml::node* node = table.get(key);
  if (node == nullptr) {
    return std::nullopt;
  }
  if (const auto* value = node->as_boolean()) {
    return value->get();
  }
  wrong_type(*node, key, where, "a boolean (true or false)");
  return std::nullopt;
}

std::optional<std::vector<std::string>> TomlChecker::strings(const toml::table& table,
                                                             std::string_view key,
                                                             std::string_view where,
                                                             bool one_allowed)
{
  const toml::node* node = table.get(key);
  if (node == nullptr) {
    return std::nullopt;
  }
  if (const auto* value = node->as_string(); value != nullptr && one_allowed) {
    return std::vector<std::string>{value->get()};
  }
  const auto* array = node->as_array();
  if (array == nullptr) {
    wrong_type(*node, key, where, "a list of strings");
    return std::nullopt;
  }
  std::vector<std::string> values;
  bool all_strings = true;
  for (std::size_t i = 0; i < array->size(); ++i) {
    const toml::node& element = *array->get(i);
    if (const auto* text = element.as_string()) {
      values.push_back(text->get());
      continue;
    }
    all_strings = false;
    error(element.source(),
          std::string(key) + " in " + std::string(where) + " must be a list of strings; element " +
              std::to_string(i + 1) + " is " + std::string(type_phrase(element.type())) + '.');
  }
  if (!all_strings) {
    return std::nullopt;
  }
  return values;
}

std::string TomlChecker::unknown_value(std::string_view key,
                                       std::string_view value,
                                       std::string_view where,
                                       std::string_view choices)
{
  return std::string(key) + " = \"" + std::string(value) + "\" in " + std::string(where) +
         " is not known; use " + std::string(choices) + '.';
}

std::string quoted_choices(std::span<const std::string_view> values)
{
  std::string text;
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (i > 0) {
      text += i + 1 == values.size() ? " or " : ", ";
    }
    text += '"';
    text += values[i];
    text += '"';
  }
  return text;
}

std::string read_text_file(const std::filesystem::path& path, std::string_view what)
{
  std::error_code ignored;
  if (std::filesystem::is_directory(path, ignored)) {
    throw InputError(path.string() + ": The " + std::string(what) +
                     " cannot be read (it is a folder).");
  }
  std::ifstream input(path, std::ios::binary);
  if (!input) {
    const int code = errno;
    throw InputError(path.string() + ": The " + std::string(what) + " cannot be read (" +
                     std::strerror(code) + ").");
  }
  std::ostringstream text;
  text << input.rdbuf();
  if (input.bad()) {
    throw InputError(path.string() + ": The " + std::string(what) + " cannot be read.");
  }
  return text.str();
}

} // namespace contact_audit::exposure::detail
