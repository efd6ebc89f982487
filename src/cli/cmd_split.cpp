// SPDX-License-Identifier: MIT
// `contact-audit split`: per device, a vCard of the contacts that may stay and one of those to
// move.
#include "audit_arguments.hpp"
#include "command.hpp"
#include "exit_codes.hpp"
#include "input_options.hpp"

#include <contact_audit/audit/split.hpp>
#include <contact_audit/core/error.hpp>
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
  AuditArguments audit_arguments;
  std::string out_dir;
  bool reveal = false;
  bool quiet = false;
  options.add_options()("help,h", "Show this help.");
  add_audit_arguments(options, audit_arguments);
  options.add_options()(
      "out", po::value(&out_dir)->required(), "Folder for the files (created with mode 0700).")(
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
  split.audit = audit_options_from(audit_arguments, input);

  StderrSink sink;
  const auto result = audit::run_split(split, sink);
  if (!quiet) {
    print_split_summary(std::cout, result, reveal);
  }
  return k_exit_ok;
}

} // namespace contact_audit::cli
