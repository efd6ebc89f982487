// SPDX-License-Identifier: MIT
// `contact-audit split`: per device, a vCard of the contacts that may stay and one of those to
// move.
#include "command.hpp"
#include "exit_codes.hpp"
#include "input_options.hpp"

#include <contact_audit/audit/split.hpp>
#include <contact_audit/classify/rule_set.hpp>
#include <contact_audit/core/error.hpp>
#include <contact_audit/ledger/store.hpp>
#include <contact_audit/ledger/time.hpp>
#include <contact_audit/phone/normaliser.hpp>

#include <iostream>

namespace contact_audit::cli {

namespace po = boost::program_options;

namespace {

constexpr std::string_view k_summary =
    "Runs the audit (same options and decisions) and writes, into --out, "
    "<device>.keep.vcf with the contacts the messenger may see (private, or business with valid "
    "consent), <device>.move.vcf with the business contacts to move to the managed account or "
    "work profile, <device>.managed.vcf with the contacts already out of the messenger's reach, "
    "<device>.unreadable.vcf with cards the reader rejected, and <device>.summary.json with the "
    "counts and a reason for every moved contact. vCard cards are copied as written; CSV rows "
    "become vCard 4.0 cards. Every contact read is in exactly one file (docs/split.md). Exit "
    "code 0 when the files were written, 2 for usage or input errors, 3 for failures.";

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

std::string numbers_text(const audit::SplitEntry& entry, bool reveal)
{
  std::string text;
  for (const auto& number : entry.numbers) {
    const auto& shown = number.e164.empty() ? number.raw : number.e164;
    text += text.empty() ? "" : ", ";
    text += (reveal ? shown : phone::mask(shown)) + " " + number.consent_state;
  }
  return text;
}

void print_split_summary(std::ostream& out, const audit::SplitResult& result, bool reveal)
{
  const auto& counts = result.counts;
  out << "Split for " << result.manifest.device_name << " (" << result.manifest.device_id
      << "), consent as of " << result.manifest.as_of << ":\n"
      << "  " << counts.contacts_read << " contacts read: " << counts.keep << " keep, "
      << counts.move << " move, " << counts.managed << " already out of the messenger's reach.\n";
  if (counts.unreadable_cards != 0) {
    out << "  " << counts.unreadable_cards
        << " card(s) the reader rejected were written unchanged to "
        << result.unreadable_file.filename().string() << ".\n";
  }
  out << "  Keep:       " << result.keep_file.string() << "\n"
      << "  Move:       " << result.move_file.string() << "\n"
      << "  Managed:    " << result.managed_file.string() << "\n"
      << "  Unreadable: " << result.unreadable_file.string() << "\n"
      << "  Summary:    " << result.summary_file.string() << "\n";
  if (!result.moved.empty()) {
    out << "To move (no valid consent for these numbers):\n";
  }
  for (const auto& entry : result.moved) {
    out << "  " << entry.contact << " (" << entry.file << ":" << entry.line
        << "): " << numbers_text(entry, reveal) << "\n";
  }
}

} // namespace

int run_split(const Arguments& arguments)
{
  po::options_description options("Options");
  InputOptions input;
  std::string device;
  std::string out_dir;
  std::string ledger_path;
  std::string rules;
  std::string as_of;
  bool reveal = false;
  bool quiet = false;
  options.add_options()("help,h", "Show this help.")(
      "device", po::value(&device)->required(), "Device profile (TOML).")(
      "out", po::value(&out_dir)->required(), "Folder for the files (created with mode 0700).")(
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
      "reveal", po::bool_switch(&reveal), "Show full phone numbers in the summary.")(
      "quiet,q", po::bool_switch(&quiet), "Print no summary on the terminal.");
  add_input_options(options, input);
  po::positional_options_description positional;
  positional.add("file", -1);
  if (std::find(arguments.begin(), arguments.end(), "--help") != arguments.end() ||
      std::find(arguments.begin(), arguments.end(), "-h") != arguments.end()) {
    print_help(
        std::cout, "split --device PROFILE [FILE...] --out DIR [options]", k_summary, options);
    return k_exit_ok;
  }
  parse_arguments(arguments, options, positional);

  audit::SplitOptions split;
  split.out_dir = out_dir;
  split.reveal = reveal;
  auto& audit_options = split.audit;
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
  audit_options.csv_mapping = input.csv_mapping;
  audit_options.threads = input.threads;
  audit_options.tool_version = CONTACT_AUDIT_VERSION;

  StderrSink sink;
  const auto result = audit::run_split(split, sink);
  if (!quiet) {
    print_split_summary(std::cout, result, reveal);
  }
  return k_exit_ok;
}

} // namespace contact_audit::cli
