// SPDX-License-Identifier: MIT
// `contact-audit consent show|history|log`: read-only answers from the ledger.
#include "consent_common.hpp"
#include "exit_codes.hpp"

#include <contact_audit/core/error.hpp>
#include <contact_audit/ledger/consent.hpp>
#include <contact_audit/ledger/state.hpp>
#include <contact_audit/ledger/time.hpp>

#include <iostream>
#include <map>

namespace contact_audit::cli {
namespace {

namespace po = boost::program_options;

// Parses NUMBER|SUBJECT plus the ledger options; returns false after --help.
bool parse_query(std::string_view verb,
                 const Arguments& arguments,
                 LedgerOptions& ledger,
                 std::string& target,
                 std::string* purpose,
                 std::string_view summary)
{
  po::options_description options("Options");
  add_ledger_options(options, ledger, false, true);
  options.add_options()("target", po::value(&target), "NUMBER or SUBJECT id.");
  if (purpose != nullptr) {
    options.add_options()("purpose", po::value(purpose)->default_value(*purpose), "The purpose.");
  }
  po::positional_options_description positional;
  positional.add("target", 1);
  const auto variables = parse_arguments(arguments, options, positional);
  if (variables.count("help") != 0U) {
    print_help(
        std::cout, "consent " + std::string(verb) + " NUMBER|SUBJECT [options]", summary, options);
    return false;
  }
  if (target.empty()) {
    throw InputError("Name the NUMBER or SUBJECT id to look up.");
  }
  return true;
}

void print_event(std::ostream& out, const ledger::Event& event, bool reveal)
{
  out << "    event " << event.id << ": " << ledger::to_string(event.action) << " " << event.purpose
      << ", effective " << ledger::format_timestamp(event.effective_at) << ", recorded "
      << ledger::format_timestamp(event.recorded_at) << " by " << event.collected_by << '\n';
  if (event.method || event.expressed_by) {
    out << "      method " << (event.method ? ledger::to_string(*event.method) : "-")
        << ", expressed by " << (event.expressed_by ? ledger::to_string(*event.expressed_by) : "-")
        << '\n';
  }
  if (!event.notice_version.empty()) {
    out << "      notice version " << event.notice_version << " (" << event.notice_language
        << ", sha256 " << event.notice_sha256 << ")\n";
  }
  if (event.valid_until) {
    out << "      valid until " << ledger::format_timestamp(*event.valid_until) << '\n';
  }
  if (!event.evidence_sha256.empty()) {
    out << "      evidence " << event.evidence_ref << " (sha256 " << event.evidence_sha256 << ")\n";
  }
  if (!event.source_file.empty()) {
    out << "      source " << event.source_file << ":" << event.source_row
        << (event.form_id.empty() ? "" : ", form " + event.form_id) << '\n';
  }
  if (event.target_event_id) {
    out << "      voids event " << *event.target_event_id << '\n';
  }
  if (!event.reason.empty()) {
    out << "      reason: " << event.reason << '\n';
  }
  if (!event.numbers.empty()) {
    out << "      covers";
    for (const auto& number : event.numbers) {
      out << ' ' << shown_number(number, reveal);
    }
    out << '\n';
  }
}

} // namespace

int run_consent_show(std::string_view verb, const Arguments& arguments)
{
  LedgerOptions ledger;
  std::string target;
  std::string purpose(ledger::k_default_purpose);
  if (!parse_query(verb,
                   arguments,
                   ledger,
                   target,
                   &purpose,
                   "Shows the consent state of a number (any format; normalised with --region) "
                   "for a purpose, per subject holding it, with the deciding event and its "
                   "evidence. The number is valid only when every subject holding it consented.")) {
    return k_exit_ok;
  }
  const auto as_of = as_of_time(ledger);
  const std::string e164 = normalise_number(target, ledger.region);
  auto store = open_ledger(ledger, true);
  const auto state = ledger::state_of_number(*store, e164, purpose, as_of);
  std::cout << shown_number(e164, ledger.reveal) << "  " << purpose << "  as of "
            << ledger::format_timestamp(as_of) << ": " << ledger::to_string(state.status)
            << (state.colleague_verbal ? "  [flag: colleague consent given verbally, § 26(2) BDSG]"
                                       : "")
            << '\n';
  if (state.subjects.empty()) {
    std::cout << "  No subject in the ledger holds this number.\n";
  }
  for (const auto& subject : state.subjects) {
    const auto details = store->find_subject(subject.subject_id);
    std::cout << "  subject " << subject.subject_id;
    if (details) {
      std::cout << " (" << details->name
                << (details->relationship
                        ? ", " + std::string(ledger::to_string(*details->relationship))
                        : "")
                << ")";
    }
    std::cout << ": " << ledger::to_string(subject.status) << " - " << subject.explanation << '\n';
    if (subject.deciding_event) {
      print_event(std::cout, *subject.deciding_event, ledger.reveal);
    }
  }
  return k_exit_ok;
}

int run_consent_history(std::string_view verb, const Arguments& arguments)
{
  LedgerOptions ledger;
  std::string target;
  if (!parse_query(verb,
                   arguments,
                   ledger,
                   target,
                   nullptr,
                   "Lists every event of a number or subject recorded up to --as-of, oldest "
                   "first; voided events are marked.")) {
    return k_exit_ok;
  }
  const auto as_of = as_of_time(ledger);
  auto store = open_ledger(ledger, true);
  const auto events = ledger::looks_like_subject_id(target)
                          ? store->events_of_subject(target)
                          : store->events_of_number(normalise_number(target, ledger.region));
  std::map<std::int64_t, std::int64_t> voided_by;
  for (const auto& event : events) {
    if (event.action == ledger::Action::voided && event.target_event_id &&
        event.recorded_at <= as_of) {
      voided_by[*event.target_event_id] = event.id;
    }
  }
  std::size_t shown = 0;
  for (const auto& event : events) {
    if (event.recorded_at > as_of) {
      continue;
    }
    ++shown;
    if (const auto found = voided_by.find(event.id); found != voided_by.end()) {
      std::cout << "  [voided by event " << found->second << "]\n";
    }
    print_event(std::cout, event, ledger.reveal);
  }
  std::cout << shown << " event(s).\n";
  return k_exit_ok;
}

int run_consent_log(std::string_view verb, const Arguments& arguments)
{
  po::options_description options("Options");
  LedgerOptions ledger;
  add_ledger_options(options, ledger, false, false);
  const auto variables = parse_arguments(arguments, options, {});
  if (variables.count("help") != 0U) {
    print_help(std::cout,
               "consent " + std::string(verb),
               "Lists every write to the ledger: when, who, which command and file.",
               options);
    return k_exit_ok;
  }
  auto store = open_ledger(ledger, true);
  for (const auto& entry : store->audit_entries()) {
    std::cout << entry.id << "  " << ledger::format_timestamp(entry.at) << "  " << entry.actor
              << "  " << entry.command << (entry.file.empty() ? "" : "  file " + entry.file) << "  "
              << entry.summary << '\n';
  }
  return k_exit_ok;
}

} // namespace contact_audit::cli
