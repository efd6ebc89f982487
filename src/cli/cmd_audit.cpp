// SPDX-License-Identifier: MIT
// `contact-audit audit`: the main job — findings before sync, reports, exit code.
#include "command.hpp"
#include "exit_codes.hpp"
#include "input_options.hpp"
#include "report_output.hpp"

#include <contact_audit/audit/audit.hpp>
#include <contact_audit/classify/rule_set.hpp>
#include <contact_audit/core/error.hpp>
#include <contact_audit/ledger/store.hpp>
#include <contact_audit/ledger/time.hpp>
#include <contact_audit/report/data_formats.hpp>

#include <iostream>

namespace contact_audit::cli {

namespace po = boost::program_options;

namespace {

constexpr std::string_view k_summary =
    "Finds the business contacts that the device's messenger would upload without valid "
    "consent: reads the address books, classifies each contact (rules/), applies the device's "
    "EMM settings (--device, docs/device-profiles.md) and looks up every number in the consent "
    "ledger. Without FILE arguments the files named by the profile's address books are read. "
    "Exit code 0 when compliant, 1 when non-compliant uploads were found, 2 for usage or input "
    "errors, 3 for internal failures.";

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

int run_audit(const Arguments& arguments)
{
  po::options_description options("Options");
  InputOptions input;
  ReportRequest request;
  std::string device;
  std::string ledger_path;
  std::string rules;
  std::string as_of;
  bool quiet = false;
  options.add_options()("help,h", "Show this help.")(
      "device", po::value(&device)->required(), "Device profile (TOML).")(
      "ledger",
      po::value(&ledger_path),
      "Consent ledger (default: $CONTACT_AUDIT_LEDGER or "
      "~/.local/share/contact-audit/ledger.sqlite).")(
      "rules",
      po::value(&rules),
      "Rules root holding classify/ and messengers/ (default: $CONTACT_AUDIT_RULES, else the "
      "installed rules/).")(
      "as-of",
      po::value(&as_of),
      "Evaluate consent as it was at this date or time (2026-05-01, 01.05.2026, ISO 8601).")(
      "quiet,q", po::bool_switch(&quiet), "Print no summary (the exit code still tells).");
  add_input_options(options, input);
  add_report_options(options, request);
  po::positional_options_description positional;
  positional.add("file", -1);
  if (std::find(arguments.begin(), arguments.end(), "--help") != arguments.end() ||
      std::find(arguments.begin(), arguments.end(), "-h") != arguments.end()) {
    print_help(std::cout, "audit --device PROFILE [FILE...] [options]", k_summary, options);
    return k_exit_ok;
  }
  parse_arguments(arguments, options, positional);
  check_report_request(request);

  audit::AuditOptions audit_options;
  audit_options.device_profile = device;
  for (const auto& file : input.files) {
    audit_options.inputs.push_back({file, input.account, input.encoding});
  }
  audit_options.rules_root =
      rules.empty() ? classify::default_rules_dir() : std::filesystem::path(rules);
  audit_options.ledger_path =
      ledger_path.empty() ? ledger::default_ledger_path() : std::filesystem::path(ledger_path);
  audit_options.as_of = parse_as_of(as_of);
  audit_options.region = input.region;
  audit_options.company = request.company;
  audit_options.csv_mapping = input.csv_mapping;
  audit_options.threads = input.threads;
  audit_options.tool_version = CONTACT_AUDIT_VERSION;

  StderrSink sink;
  const auto result = audit::run_audit(audit_options, sink);
  write_reports(result, request);
  if (!quiet) {
    report::print_summary(std::cout, result, report_language(request), request.reveal);
  }
  return result.compliant() ? k_exit_ok : k_exit_non_compliant;
}

} // namespace contact_audit::cli
