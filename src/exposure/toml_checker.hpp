// SPDX-License-Identifier: MIT
// TomlChecker: typed reads from toml++ tables that collect every problem with its position.
#pragma once

#include <toml++/toml.h>

#include <cstddef>
#include <filesystem>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace contact_audit::exposure::detail {

// Collects "file:line:column: sentence" errors while a file is read, so that all of
// them are reported at once. `what` names the file kind in messages ("device profile").
// Getters record an error and return nullopt/nullptr for a wrong type; an absent key
// is not an error unless required() is used.
class TomlChecker
{
public:
  TomlChecker(std::filesystem::path file, std::string what);

  // Parse `text`. A syntax error throws InputError at once (nothing else can be checked).
  toml::table parse_text(std::string_view text) const;

  void error(const toml::source_region& where, std::string message);
  void error(std::size_t line, std::size_t column, std::string message);
  bool has_errors() const { return !m_errors.empty(); }
  // Throws InputError listing every error in file order; does nothing without errors.
  void throw_if_errors() const;

  const std::filesystem::path& file() const { return m_file; }

  // Report every key of `table` that is not in `allowed`. `where` names the table in
  // messages, e.g. "[ios]".
  void check_keys(const toml::table& table,
                  std::string_view where,
                  std::span<const std::string_view> allowed);
  // Report `key` as missing from `table`, at the table's header; `hint` ends the sentence.
  // A `key` in brackets ("[device]") is called a table.
  void missing(const toml::table& table,
               std::string_view key,
               std::string_view where,
               std::string_view hint = {});

  const toml::table* table(const toml::table& parent, std::string_view key, std::string_view where);
  const toml::array*
  table_array(const toml::table& parent, std::string_view key, std::string_view where);
  std::optional<std::string>
  string(const toml::table& table, std::string_view key, std::string_view where);
  std::optional<bool>
  boolean(const toml::table& table, std::string_view key, std::string_view where);
  // A list of strings; a single string counts as a list of one when `one_allowed`.
  std::optional<std::vector<std::string>> strings(const toml::table& table,
                                                  std::string_view key,
                                                  std::string_view where,
                                                  bool one_allowed = false);

  // A string that `parse` accepts; otherwise an error naming the `choices`.
  template <typename Enum, typename Parse>
  std::optional<Enum> enumeration(const toml::table& table,
                                  std::string_view key,
                                  std::string_view where,
                                  Parse parse_value,
                                  std::string_view choices)
  {
    const auto text = string(table, key, where);
    if (!text) {
      return std::nullopt;
    }
    const std::optional<Enum> value = parse_value(*text);
    if (!value) {
      error(table.get(key)->source(), unknown_value(key, *text, where, choices));
    }
    return value;
  }

  // The position of `key` itself in `table` (the position of the table when absent).
  toml::source_region key_region(const toml::table& table, std::string_view key) const;

private:
  static std::string unknown_value(std::string_view key,
                                   std::string_view value,
                                   std::string_view where,
                                   std::string_view choices);
  void wrong_type(const toml::node& node,
                  std::string_view key,
                  std::string_view where,
                  std::string_view expected);

  struct Entry
  {
    std::size_t line = 0;
    std::size_t column = 0;
    std::string message;
  };
  std::filesystem::path m_file;
  std::string m_what;
  std::vector<Entry> m_errors;
};

// `"a", "b" or "c"` for a message.
std::string quoted_choices(std::span<const std::string_view> values);

// The contents of `path`; throws InputError naming `what` when it cannot be read.
std::string read_text_file(const std::filesystem::path& path, std::string_view what);

} // namespace contact_audit::exposure::detail
