// SPDX-License-Identifier: MIT
// Reading the purpose/notice catalogue (TOML, rules/purposes.toml) with toml++.
#include <contact_audit/core/hash.hpp>
#include <contact_audit/ledger/catalogue.hpp>

#include <toml++/toml.h>

namespace contact_audit::ledger {
namespace {

Diagnostic catalogue_error(const std::filesystem::path& source,
                           const toml::source_region& where,
                           const std::string& message)
{
  Diagnostic diagnostic;
  diagnostic.file = source;
  diagnostic.line = where.begin.line;
  diagnostic.code = "ledger.catalogue.invalid";
  diagnostic.message = message;
  if (where.begin.line > 0) {
    diagnostic.message += " (column " + std::to_string(where.begin.column) + ")";
  }
  return diagnostic;
}

// Reads the [[notice]] entry `entry` into one Notice per language.
Result<std::vector<Notice>> read_entry(const toml::table& entry,
                                       const std::filesystem::path& source)
{
  Notice common;
  const std::pair<std::string_view, std::string*> strings[] = {
      {"purpose", &common.purpose},
      {"version", &common.version},
      {"controller", &common.controller},
      {"recipient", &common.recipient},
      {"data_transmitted", &common.data_transmitted},
      {"legal_basis", &common.legal_basis},
      {"third_country_transfer", &common.third_country_transfer},
      {"retention", &common.retention},
      {"withdrawal", &common.withdrawal},
  };
  for (const auto& [key, target] : strings) {
    const auto value = entry[key].value<std::string>();
    if (!value || value->empty()) {
      return make_unexpected(catalogue_error(
          source, entry.source(), "The notice lacks the text field \"" + std::string(key) + "\"."));
    }
    *target = *value;
  }
  const auto accepted = entry["accepted"].value<bool>();
  const auto months = entry["reconfirm_after_months"].value<std::int64_t>();
  const auto* titles = entry["title"].as_table();
  const auto* texts = entry["text"].as_table();
  if (!accepted || !months || *months < 0 || titles == nullptr || texts == nullptr ||
      texts->empty()) {
    return make_unexpected(catalogue_error(
        source,
        entry.source(),
        "The notice " + common.purpose + " version " + common.version +
            " needs accepted (true/false), reconfirm_after_months (0 or more), [notice.title] "
            "and [notice.text] with one text per language."));
  }
  common.accepted = *accepted;
  common.reconfirm_after_months = static_cast<int>(*months);
  std::vector<Notice> notices;
  for (const auto& [language, node] : *texts) {
    Notice notice = common;
    notice.language = std::string(language.str());
    const auto text = node.value<std::string>();
    const auto title = (*titles)[language.str()].value<std::string>();
    if (!text || !title) {
      return make_unexpected(catalogue_error(source,
                                             node.source(),
                                             "The text \"" + notice.language +
                                                 "\" needs a title in the same language."));
    }
    notice.text = *text;
    notice.title = *title;
    notice.text_sha256 = sha256_hex(notice.text);
    notices.push_back(std::move(notice));
  }
  return notices;
}

} // namespace

bool Catalogue::has_purpose(std::string_view purpose) const
{
  for (const auto& notice : m_notices) {
    if (notice.purpose == purpose) {
      return true;
    }
  }
  return false;
}

const Notice*
Catalogue::find(std::string_view purpose, std::string_view version, std::string_view language) const
{
  const Notice* any = nullptr;
  for (const auto& notice : m_notices) {
    if (notice.purpose != purpose || notice.version != version) {
      continue;
    }
    if (notice.language == language || (language.empty() && notice.language == "de")) {
      return &notice;
    }
    if (language.empty() && any == nullptr) {
      any = &notice;
    }
  }
  return any;
}

const Notice* Catalogue::find_by_sha256(std::string_view sha256) const
{
  for (const auto& notice : m_notices) {
    if (notice.text_sha256 == sha256) {
      return &notice;
    }
  }
  return nullptr;
}

Result<Catalogue> parse_catalogue(std::string_view toml_text, const std::filesystem::path& source)
{
  toml::table root;
  try {
    root = toml::parse(toml_text, source.string());
  } catch (const toml::parse_error& error) {
    return make_unexpected(
        catalogue_error(source, error.source(), std::string(error.description()) + "."));
  }
  const auto* entries = root["notice"].as_array();
  if (entries == nullptr || entries->empty()) {
    return make_unexpected(
        catalogue_error(source, root.source(), "The catalogue has no [[notice]] entries."));
  }
  std::vector<Notice> notices;
  for (const auto& node : *entries) {
    const auto* entry = node.as_table();
    if (entry == nullptr) {
      return make_unexpected(
          catalogue_error(source, node.source(), "Each notice must be a [[notice]] table."));
    }
    auto read = read_entry(*entry, source);
    if (!read) {
      return make_unexpected(read.error());
    }
    for (auto& notice : *read) {
      notices.push_back(std::move(notice));
    }
  }
  return Catalogue(std::move(notices));
}

} // namespace contact_audit::ledger
