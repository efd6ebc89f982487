// SPDX-License-Identifier: MIT
// Reading and validating the batch configuration; all problems are reported at once.
#include "toml_checker.hpp"

#include <contact_audit/batch/config.hpp>
#include <contact_audit/core/hash.hpp>
#include <contact_audit/phone/normaliser.hpp>

#include <algorithm>
#include <array>

namespace contact_audit::batch {
namespace {

using exposure::detail::TomlChecker;

constexpr std::array<std::string_view, 4> k_top_keys{"company", "audit", "output", "source"};
constexpr std::array<std::string_view, 2> k_company_keys{"name", "domains"};
constexpr std::array<std::string_view, 4> k_audit_keys{"ledger", "rules", "region", "csv_mapping"};
constexpr std::array<std::string_view, 9> k_output_keys{"directory",
                                                        "languages",
                                                        "formats",
                                                        "device_formats",
                                                        "keep_runs",
                                                        "history_days",
                                                        "expiry_warning_days",
                                                        "threads",
                                                        "reveal_numbers"};
constexpr std::array<std::string_view, 4> k_source_keys{"name", "devices", "profile", "accounts"};
constexpr std::array<std::string_view, 2> k_languages{"de", "en"};
constexpr std::array<std::string_view, 3> k_formats{"json", "html", "pdf"};
constexpr std::array<std::string_view, 4> k_device_formats{"json", "html", "pdf", "csv"};

std::filesystem::path resolve(const std::filesystem::path& base, const std::string& text)
{
  const std::filesystem::path path(text);
  return (path.is_absolute() ? path : base / path).lexically_normal();
}

// A non-negative integer in [minimum, maximum], or nullopt after an error.
std::optional<std::size_t> count(TomlChecker& checker,
                                 const toml::table& table,
                                 std::string_view key,
                                 std::string_view where,
                                 std::int64_t minimum,
                                 std::int64_t maximum)
{
  const toml::node* node = table.get(key);
  if (node == nullptr) {
    return std::nullopt;
  }
  const auto* value = node->as_integer();
  if (value == nullptr || value->get() < minimum || value->get() > maximum) {
    checker.error(node->source(),
                  "The key \"" + std::string(key) + "\" in " + std::string(where) +
                      " must be a whole number from " + std::to_string(minimum) + " to " +
                      std::to_string(maximum) + ".");
    return std::nullopt;
  }
  return static_cast<std::size_t>(value->get());
}

// A list of words from `allowed`; every other entry is reported.
std::optional<std::vector<std::string>> choices(TomlChecker& checker,
                                                const toml::table& table,
                                                std::string_view key,
                                                std::string_view where,
                                                std::span<const std::string_view> allowed)
{
  auto values = checker.strings(table, key, where, true);
  if (!values) {
    return std::nullopt;
  }
  bool ok = !values->empty();
  for (const auto& value : *values) {
    ok = ok && std::find(allowed.begin(), allowed.end(), value) != allowed.end();
  }
  if (!ok) {
    checker.error(table.get(key)->source(),
                  "The key \"" + std::string(key) + "\" in " + std::string(where) +
                      " must list one or more of " + exposure::detail::quoted_choices(allowed) +
                      ".");
    return std::nullopt;
  }
  return values;
}

void read_company(TomlChecker& checker, const toml::table& root, Config& config)
{
  const auto* company = checker.table(root, "company", "the configuration");
  if (company == nullptr) {
    return;
  }
  checker.check_keys(*company, "[company]", k_company_keys);
  config.company = checker.string(*company, "name", "[company]").value_or("");
  config.company_domains =
      checker.strings(*company, "domains", "[company]", true).value_or(std::vector<std::string>{});
}

void read_audit(TomlChecker& checker, const toml::table& root, Config& config)
{
  const auto base = config.file.parent_path();
  const auto* audit = checker.table(root, "audit", "the configuration");
  if (audit == nullptr) {
    checker.missing(root, "[audit]", "the configuration", "it names the consent ledger.");
    return;
  }
  checker.check_keys(*audit, "[audit]", k_audit_keys);
  if (const auto ledger = checker.string(*audit, "ledger", "[audit]")) {
    config.ledger = resolve(base, *ledger);
  } else if (audit->get("ledger") == nullptr) {
    checker.missing(*audit, "ledger", "[audit]", "it names the consent ledger (SQLite file).");
  }
  if (const auto rules = checker.string(*audit, "rules", "[audit]")) {
    config.rules = resolve(base, *rules);
  }
  if (const auto mapping = checker.string(*audit, "csv_mapping", "[audit]")) {
    config.csv_mapping = resolve(base, *mapping);
  }
  if (const auto region = checker.string(*audit, "region", "[audit]")) {
    if (phone::is_known_region(*region)) {
      config.region = *region;
    } else {
      checker.error(audit->get("region")->source(),
                    "The region \"" + *region +
                        "\" in [audit] is not known; use an ISO 3166 code such as DE.");
    }
  }
}

void read_output(TomlChecker& checker, const toml::table& root, Config& config)
{
  const auto* output = checker.table(root, "output", "the configuration");
  if (output == nullptr) {
    checker.missing(root, "[output]", "the configuration", "it names the report folder.");
    return;
  }
  constexpr std::string_view where = "[output]";
  checker.check_keys(*output, where, k_output_keys);
  if (const auto directory = checker.string(*output, "directory", where)) {
    config.output_dir = resolve(config.file.parent_path(), *directory);
  } else if (output->get("directory") == nullptr) {
    checker.missing(*output, "directory", where, "reports are written there.");
  }
  config.languages =
      choices(checker, *output, "languages", where, k_languages).value_or(config.languages);
  config.formats = choices(checker, *output, "formats", where, k_formats).value_or(config.formats);
  config.device_formats = choices(checker, *output, "device_formats", where, k_device_formats)
                              .value_or(config.device_formats);
  config.keep_runs = count(checker, *output, "keep_runs", where, 1, 100'000).value_or(30);
  config.history_days = count(checker, *output, "history_days", where, 1, 36'500).value_or(400);
  config.expiry_warning_days =
      count(checker, *output, "expiry_warning_days", where, 0, 3'650).value_or(30);
  config.threads =
      static_cast<unsigned>(count(checker, *output, "threads", where, 0, 256).value_or(0));
  config.reveal_numbers = checker.boolean(*output, "reveal_numbers", where).value_or(false);
}

void read_accounts(TomlChecker& checker, const toml::table& source, Source& result)
{
  const auto* accounts = checker.table(source, "accounts", "[[source]]");
  if (accounts == nullptr) {
    return;
  }
  for (const auto& [pattern, node] : *accounts) {
    if (const auto* label = node.as_string()) {
      result.accounts.emplace_back(std::string(pattern.str()), label->get());
    } else {
      checker.error(node.source(),
                    "The account of \"" + std::string(pattern.str()) +
                        "\" in [source.accounts] must be a string such as \"managed\".");
    }
  }
}

void read_sources(TomlChecker& checker, const toml::table& root, Config& config)
{
  const auto* sources = checker.table_array(root, "source", "the configuration");
  if (sources == nullptr || sources->empty()) {
    if (root.get("source") == nullptr) {
      checker.missing(root, "[[source]]", "the configuration", "it names the address books.");
    }
    return;
  }
  const auto base = config.file.parent_path();
  for (const auto& node : *sources) {
    const auto* table = node.as_table();
    if (table == nullptr) {
      continue; // table_array() has reported it.
    }
    Source source;
    source.line = table->source().begin.line;
    checker.check_keys(*table, "[[source]]", k_source_keys);
    source.name = checker.string(*table, "name", "[[source]]").value_or("");
    if (const auto devices = checker.string(*table, "devices", "[[source]]")) {
      source.devices = resolve(base, *devices).string();
    } else if (table->get("devices") == nullptr) {
      checker.missing(*table, "devices", "[[source]]", "it names the device folders (a glob).");
    }
    if (const auto profile = checker.string(*table, "profile", "[[source]]")) {
      source.profile = resolve(base, *profile);
      std::error_code error;
      if (!std::filesystem::is_regular_file(source.profile, error)) {
        checker.error(table->get("profile")->source(),
                      "The device profile \"" + source.profile.string() + "\" does not exist.");
      }
    }
    read_accounts(checker, *table, source);
    config.sources.push_back(std::move(source));
  }
}

} // namespace

Config load_config(const std::filesystem::path& path)
{
  Config config;
  config.file = std::filesystem::absolute(path).lexically_normal();
  const std::string text = exposure::detail::read_text_file(path, "batch configuration");
  config.config_sha256 = sha256_hex(text);
  TomlChecker checker(path, "batch configuration");
  const toml::table root = checker.parse_text(text);
  checker.check_keys(root, "the configuration", k_top_keys);
  read_company(checker, root, config);
  read_audit(checker, root, config);
  read_output(checker, root, config);
  read_sources(checker, root, config);
  checker.throw_if_errors();
  return config;
}

} // namespace contact_audit::batch
