// SPDX-License-Identifier: MIT
// Catalog: report texts loaded from the compiled-in reports/i18n/*.toml with toml++.
#include "embedded_files.hpp"

#include <contact_audit/core/error.hpp>
#include <contact_audit/report/catalog.hpp>

#include <toml++/toml.h>

#include <cstdlib>
#include <sstream>

namespace contact_audit::report {

namespace {

void flatten(const toml::table& table,
             const std::string& prefix,
             const std::string& source,
             std::map<std::string, std::string, std::less<>>& out)
{
  for (const auto& [key, node] : table) {
    std::string name =
        prefix.empty() ? std::string(key.str()) : prefix + "." + std::string(key.str());
    if (const toml::table* child = node.as_table()) {
      flatten(*child, name, source, out);
    } else if (const auto* value = node.as_string()) {
      out.emplace(std::move(name), value->get());
    } else {
      const auto& where = node.source().begin;
      std::ostringstream message;
      message << source << ":" << where.line << ":" << where.column << ": The catalogue entry \""
              << name << "\" is not a string; every text must be a quoted string.";
      throw InputError(message.str());
    }
  }
}

Catalog load_builtin(std::string_view language)
{
  const std::string name = "i18n/" + std::string(language) + ".toml";
  for (const EmbeddedFile& file : embedded_files()) {
    if (file.name == name) {
      return Catalog::from_toml(file.content, "reports/" + name);
    }
  }
  throw Error("The built-in report catalogue " + name + " is missing from this build.");
}

} // namespace

const Catalog& Catalog::builtin(std::string_view language)
{
  check_language(language);
  // Function-local statics: parsed once, thread-safe initialisation.
  if (language == "de") {
    static const Catalog de = load_builtin("de");
    return de;
  }
  static const Catalog en = load_builtin("en");
  return en;
}

Catalog Catalog::from_toml(std::string_view text, const std::string& source)
{
  toml::table table;
  try {
    table = toml::parse(text, source);
  } catch (const toml::parse_error& error) {
    const auto& where = error.source().begin;
    std::ostringstream message;
    message << source << ":" << where.line << ":" << where.column << ": " << error.description()
            << "; the catalogue was not loaded.";
    throw InputError(message.str());
  }
  Catalog catalog;
  flatten(table, "", source, catalog.m_entries);
  const auto language = catalog.m_entries.find("meta.language");
  if (language == catalog.m_entries.end()) {
    throw InputError(source + ": The catalogue has no meta.language; it was not loaded.");
  }
  catalog.m_language = language->second;
  return catalog;
}

const std::string& Catalog::text(std::string_view key) const
{
  const auto found = m_entries.find(key);
  if (found == m_entries.end()) {
    throw Error("The report catalogue \"" + m_language + "\" has no text \"" + std::string(key) +
                "\".");
  }
  return found->second;
}

std::string Catalog::text_or(std::string_view key, std::string_view fallback) const
{
  const auto found = m_entries.find(key);
  return found == m_entries.end() ? std::string(fallback) : found->second;
}

std::string
Catalog::format(std::string_view key,
                std::initializer_list<std::pair<std::string_view, std::string>> values) const
{
  return fill(text(key), values);
}

std::string default_language()
{
  for (const char* variable : {"LC_ALL", "LC_MESSAGES", "LANG"}) {
    const char* value = std::getenv(variable);
    if (value != nullptr && *value != '\0') {
      const std::string_view locale(value);
      return locale.size() >= 2 && (locale[0] == 'd' || locale[0] == 'D') &&
                     (locale[1] == 'e' || locale[1] == 'E')
                 ? "de"
                 : "en";
    }
  }
  return "en";
}

void check_language(std::string_view language)
{
  if (language != "de" && language != "en") {
    throw InputError("The report language \"" + std::string(language) +
                     "\" is not supported; use de or en.");
  }
}

} // namespace contact_audit::report
