// SPDX-License-Identifier: MIT
#include "audit_arguments.hpp"

#include <contact_audit/classify/rule_set.hpp>
#include <contact_audit/core/error.hpp>
#include <contact_audit/ledger/store.hpp>
#include <contact_audit/ledger/time.hpp>

namespace contact_audit::cli {
namespace {

namespace po = boost::program_options;

std::optional<std::chrono::sys_seconds> parse_as_of(const std::string& text)
{
  if (text.empty()) {
    return std::nullopt;
  }
  auto parsed = ledger::parse_timestamp(text, ledger::DayBoundary::end);
  if (!parsed) {
    throw InputError("--as-of: " + parsed.error().message);
  }
  return *parsed;
}

} // namespace

void add_audit_arguments(po::options_description& options, AuditArguments& arguments)
{
  options.add_options()(
      "device", po::value(&arguments.device)->required(), "Device profile (TOML).")(
      "ledger",
      po::value(&arguments.ledger_path),
      "Consent ledger (default: $CONTACT_AUDIT_LEDGER or "
      "~/.local/share/contact-audit/ledger.sqlite).")(
      "rules",
      po::value(&arguments.rules),
      "Rules root holding classify/ and messengers/ (default: $CONTACT_AUDIT_RULES, else the "
      "installed rules/).")(
      "as-of",
      po::value(&arguments.as_of),
      "Evaluate consent as it was at this date or time (2026-05-01, 01.05.2026, ISO 8601).");
}

audit::AuditOptions audit_options_from(const AuditArguments& arguments, const InputOptions& input)
{
  audit::AuditOptions options;
  options.device_profile = arguments.device;
  for (const auto& file : input.files) {
    options.inputs.push_back({file, input.account, input.encoding});
  }
  options.rules_root = arguments.rules.empty() ? classify::default_rules_dir()
                                               : std::filesystem::path(arguments.rules);
  options.ledger_path = arguments.ledger_path.empty()
                            ? ledger::default_ledger_path()
                            : std::filesystem::path(arguments.ledger_path);
  options.as_of = parse_as_of(arguments.as_of);
  options.region = input.region;
  options.csv_mapping = input.csv_mapping;
  options.threads = input.threads;
  options.tool_version = CONTACT_AUDIT_VERSION;
  return options;
}

} // namespace contact_audit::cli
