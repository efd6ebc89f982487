// SPDX-License-Identifier: MIT
// `contact-audit consent ...`: dispatch, form import, verify, export, erase, void, notices.
#include "command.hpp"
#include "consent_common.hpp"
#include "exit_codes.hpp"

#include <contact_audit/core/atomic_file.hpp>
#include <contact_audit/core/error.hpp>
#include <contact_audit/ledger/consent.hpp>
#include <contact_audit/ledger/form_import.hpp>
#include <contact_audit/ledger/hash_chain.hpp>
#include <contact_audit/ledger/subject_export.hpp>
#include <contact_audit/ledger/time.hpp>

#include <array>
#include <charconv>
#include <iostream>

namespace contact_audit::cli {
namespace {

namespace po = boost::program_options;

// Parses `arguments`; prints help and returns true when --help was given.
bool parse(const Arguments& arguments,
           po::options_description& options,
           const po::positional_options_description& positional,
           std::string_view usage,
           std::string_view summary)
{
  const auto variables = parse_arguments(arguments, options, positional);
  if (variables.count("help") != 0U) {
    print_help(std::cout, "consent " + std::string(usage), summary, options);
    return true;
  }
  return false;
}

int run_import_forms(std::string_view /*verb*/, const Arguments& arguments)
{
  po::options_description options("Options");
  LedgerOptions ledger;
  std::string file;
  ledger::FormImportOptions import;
  std::string rejects;
  add_ledger_options(options, ledger, true, false);
  options.add_options()("file", po::value(&file), "The consent-form CSV file.")(
      "skip-invalid",
      po::bool_switch(&import.skip_invalid),
      "Import the valid rows even when others are rejected (needs --rejects).")(
      "rejects", po::value(&rejects), "Write the rejected rows, unchanged, to this file (0600).");
  po::positional_options_description positional;
  positional.add("file", 1);
  if (parse(arguments,
            options,
            positional,
            "import FILE.csv --by ACTOR [options]",
            "Imports HR consent forms (CSV with German or English headers; docs/ledger.md). All "
            "rows or none are written; importing the same file or rows again adds nothing. Exit "
            "code 0 on success, 2 when rows are invalid (nothing written) or the file is "
            "unusable.")) {
    return k_exit_ok;
  }
  if (file.empty()) {
    throw InputError("Name the consent-form CSV file to import.");
  }
  if (import.skip_invalid != !rejects.empty()) {
    throw InputError("--skip-invalid and --rejects go together, so that no rejected row is lost.");
  }
  import.rejects_path = rejects;
  import.region = ledger.region;
  import.context.actor = actor(ledger);
  import.context.command = masked_command_line("consent import", arguments);
  auto store = open_ledger(ledger, false);
  const auto summary = ledger::import_consent_forms(*store, file, import);
  for (const auto& diagnostic : summary.diagnostics) {
    std::cerr << format(diagnostic) << '\n';
  }
  if (summary.file_already_imported) {
    std::cout << file << ": This file (SHA-256 " << summary.file_sha256.substr(0, 16)
              << "...) was already imported on " << ledger::format_timestamp(summary.previous->at)
              << " by " << summary.previous->actor << "; nothing was added.\n";
    return k_exit_ok;
  }
  std::cout << file << ": " << summary.rows << " rows: " << summary.imported << " imported, "
            << summary.duplicates << " already in the ledger, " << summary.rejected << " rejected";
  if (!summary.written) {
    std::cout << ", " << summary.held_back << " valid but held back.\n";
    std::cerr << "contact-audit: error: " << file << ": " << summary.rejected << " of "
              << summary.rows
              << " rows are invalid; nothing was imported. Fix them, or import the valid rows "
                 "with --skip-invalid --rejects FILE.\n";
    return k_exit_input_error;
  }
  std::cout << " (" << summary.subjects_created << " new subjects).\n";
  if (summary.rows > 0 && summary.imported == 0 && summary.rejected == 0) {
    std::cout << "Every row was already in the ledger; nothing was added.\n";
  }
  if (summary.rejected > 0) {
    std::cout << "The rejected rows were written to " << rejects << ".\n";
  }
  return k_exit_ok;
}

int run_verify(std::string_view verb, const Arguments& arguments)
{
  po::options_description options("Options");
  LedgerOptions ledger;
  std::string anchor_text;
  unsigned threads = 0;
  add_ledger_options(options, ledger, false, false);
  options.add_options()("anchor",
                        po::value(&anchor_text),
                        "EVENT:SHA256 of a chain head kept outside the ledger; verify that the "
                        "chain still contains it.")(
      "threads",
      po::value(&threads)->default_value(0),
      "Threads reading the chain at once; 0 uses every core once the chain has 20,000 events.");
  if (parse(arguments,
            options,
            {},
            std::string(verb) + " [--anchor EVENT:SHA256] [--threads N]",
            "Recomputes the hash chain over every event. Exit code 0 when intact, 1 naming the "
            "first event that was changed, deleted, inserted or reordered.")) {
    return k_exit_ok;
  }
  std::optional<ledger::Anchor> anchor;
  if (!anchor_text.empty()) {
    anchor = ledger::parse_anchor(anchor_text);
    if (!anchor) {
      throw InputError("--anchor must be EVENT:SHA256, e.g. 42:" + std::string(64, 'a') + ".");
    }
  }
  constexpr unsigned k_max_threads = 64;
  if (threads > k_max_threads) {
    throw InputError("--threads must be at most " + std::to_string(k_max_threads) + ".");
  }
  auto store = open_ledger(ledger, true);
  const auto report = ledger::verify_chain(*store, anchor, threads);
  const double rate = report.seconds > 0 ? static_cast<double>(report.events) / report.seconds : 0;
  if (!report.intact) {
    std::cerr << "contact-audit: ledger " << store->location().string()
              << " is not intact: " << report.problem << '\n';
    std::cout << "Checked " << report.events << " events; the first bad one is event "
              << report.first_bad_event << ".\n";
    return k_exit_non_compliant;
  }
  std::cout << "Verified " << report.events << " events in " << report.seconds << " s ("
            << static_cast<std::uint64_t>(rate) << " events/s); the chain is intact.\n";
  if (report.head) {
    std::cout << "Head: event " << report.head->event_id << " " << report.head->hash
              << "\nKeep it outside the ledger and check later with --anchor "
              << report.head->event_id << ":" << report.head->hash << "\n";
  }
  return k_exit_ok;
}

std::string export_as(const std::string& format,
                      const ledger::Store& store,
                      const std::string& subject,
                      ledger::Timestamp as_of)
{
  if (format == "json") {
    return ledger::export_subject_json(store, subject, as_of);
  }
  if (format == "dpv") {
    return ledger::export_subject_dpv(store, subject, as_of);
  }
  if (format == "kantara") {
    return ledger::export_subject_kantara(store, subject, as_of);
  }
  throw InputError("--as: \"" + format + "\" is not an export format; use json, dpv or kantara.");
}

int run_subject_command(std::string_view verb, const Arguments& arguments)
{
  po::options_description options("Options");
  LedgerOptions ledger;
  std::string target;
  std::string reason;
  std::string output;
  const bool is_export = verb == "export";
  add_ledger_options(options, ledger, !is_export, is_export);
  options.add_options()("target",
                        po::value(&target),
                        is_export || verb == "erase" ? "The subject id." : "The event id.")(
      "reason", po::value(&reason), "Why (required for void).");
  std::string format = "json";
  if (is_export) {
    options.add_options()(
        "output,o", po::value(&output), "Write the JSON here (0600) instead of stdout.")(
        "as",
        po::value(&format),
        "json (GDPR Art. 15, everything held; default), dpv (JSON-LD ISO/IEC TS 27560 "
        "records, W3C DPV) or kantara (Kantara Consent Receipt v1.1).");
  }
  po::positional_options_description positional;
  positional.add("target", 1);
  const std::string usage =
      std::string(verb) + (verb == "void" ? " EVENT --reason TEXT" : " SUBJECT");
  if (parse(arguments,
            options,
            positional,
            usage,
            is_export ? "Prints everything held on a subject as JSON (GDPR Art. 15), with an "
                        "ISO/IEC TS 27560 record in W3C DPV terms; --as dpv prints only the "
                        "JSON-LD consent records, --as kantara Kantara v1.1 consent receipts."
            : verb == "erase"
                ? "Deletes the subject's personal data (GDPR Art. 17) and appends an erased "
                  "event; the chain stays verifiable."
                : "Cancels an event entered in error by appending a voided event.")) {
    return k_exit_ok;
  }
  if (target.empty()) {
    throw InputError("Name the " + std::string(verb == "void" ? "event" : "subject") + ".");
  }
  auto store = open_ledger(ledger, true);
  if (is_export) {
    const auto json = export_as(format, *store, target, as_of_time(ledger));
    if (output.empty()) {
      std::cout << json;
    } else {
      write_file_atomically(output, json);
    }
    return k_exit_ok;
  }
  const ledger::WriteContext context{
      actor(ledger), masked_command_line("consent " + std::string(verb), arguments), {}, {}};
  if (verb == "erase") {
    const auto event = ledger::erase_subject(*store, target, reason, context);
    std::cout << "Erased the personal data of subject " << target << " (event " << event.id
              << ").\n";
    return k_exit_ok;
  }
  std::int64_t event_id = 0;
  if (std::from_chars(target.data(), target.data() + target.size(), event_id).ptr !=
      target.data() + target.size()) {
    throw InputError("\"" + target + "\" is not an event number.");
  }
  const auto event = ledger::void_event(*store, event_id, reason, context);
  std::cout << "Voided event " << event_id << " (event " << event.id << ").\n";
  return k_exit_ok;
}

int run_notices(std::string_view verb, const Arguments& arguments)
{
  po::options_description options("Options");
  LedgerOptions ledger;
  std::string install;
  add_ledger_options(options, ledger, true, false);
  options.add_options()("install",
                        po::value(&install),
                        "Add the notices of this catalogue file (format of rules/purposes.toml).");
  if (parse(arguments,
            options,
            {},
            std::string(verb) + " [--install FILE]",
            "Lists the notice texts consents can refer to; --install adds new versions.")) {
    return k_exit_ok;
  }
  auto store = open_ledger(ledger, false);
  if (!install.empty()) {
    std::ifstream in(install, std::ios::binary);
    if (!in) {
      throw InputError(install + ": The catalogue cannot be opened.");
    }
    const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const auto catalogue = ledger::parse_catalogue(text, install);
    if (!catalogue) {
      throw InputError(format(catalogue.error()));
    }
    const auto added = ledger::install_catalogue(
        *store,
        *catalogue,
        ledger::WriteContext{
            actor(ledger), masked_command_line("consent notices", arguments), install, {}});
    std::cout << "Installed " << added << " new notice text(s).\n";
  }
  for (const auto& notice : store->notices()) {
    std::cout << notice.purpose << "  v" << notice.version << "  " << notice.language << "  "
              << (notice.accepted ? "accepted" : "not accepted") << "  re-confirm "
              << notice.reconfirm_after_months << " months  sha256 " << notice.text_sha256 << "\n  "
              << notice.title << '\n';
  }
  return k_exit_ok;
}

struct Subcommand
{
  std::string_view name;
  std::string_view summary;
  int (*run)(std::string_view verb, const Arguments& arguments);
};

constexpr std::array k_subcommands{
    Subcommand{"import", "Import HR consent forms from a CSV file.", run_import_forms},
    Subcommand{"grant", "Record that consent was given.", run_consent_record},
    Subcommand{"renew", "Record that consent was renewed.", run_consent_record},
    Subcommand{"withdraw", "Record a withdrawal by the person.", run_consent_record},
    Subcommand{"refuse", "Record a refusal.", run_consent_record},
    Subcommand{"request",
               "Record that consent was asked for; with --from AUDIT.json, write request letters.",
               run_consent_request},
    Subcommand{"defer", "Record that the person has not decided yet.", run_consent_record},
    Subcommand{"revoke", "Record that the company ended the consent.", run_consent_record},
    Subcommand{"invalidate", "Record that a consent was found invalid.", run_consent_record},
    Subcommand{"expire", "Record that a consent expired.", run_consent_record},
    Subcommand{"show", "Show the state of a number, with its evidence.", run_consent_show},
    Subcommand{"history", "List the events of a number or subject.", run_consent_history},
    Subcommand{"verify", "Check the hash chain of the ledger.", run_verify},
    Subcommand{
        "export", "Export everything held on a subject (GDPR Art. 15).", run_subject_command},
    Subcommand{"erase", "Erase a subject's personal data (GDPR Art. 17).", run_subject_command},
    Subcommand{"void", "Cancel an event entered in error.", run_subject_command},
    Subcommand{"log", "Show the audit log of writes.", run_consent_log},
    Subcommand{"notices", "List or install consent notice texts.", run_notices},
};

void print_overview(std::ostream& out)
{
  out << "Usage: contact-audit consent <subcommand> [options]\n\n"
         "Records consent decisions in an append-only, hash-chained ledger and answers what was "
         "valid when.\n\nSubcommands:\n";
  for (const auto& subcommand : k_subcommands) {
    out << "  " << subcommand.name << std::string(12 - subcommand.name.size(), ' ')
        << subcommand.summary << '\n';
  }
  out << "\nRun 'contact-audit consent <subcommand> --help' for its options.\n";
}

} // namespace

int run_consent(const Arguments& arguments)
{
  if (arguments.empty()) {
    print_overview(std::cerr);
    return k_exit_input_error;
  }
  const std::string_view name = arguments.front();
  if (name == "--help" || name == "-h" || name == "help") {
    print_overview(std::cout);
    return k_exit_ok;
  }
  for (const auto& subcommand : k_subcommands) {
    if (subcommand.name == name) {
      return subcommand.run(name, Arguments(arguments.begin() + 1, arguments.end()));
    }
  }
  throw InputError("Unknown consent subcommand \"" + std::string(name) +
                   "\"; run 'contact-audit consent --help' for the list.");
}

} // namespace contact_audit::cli
