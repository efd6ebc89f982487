// SPDX-License-Identifier: MIT
// `contact-audit consent grant|renew|withdraw|refuse|request|defer|revoke|invalidate|expire`.
#include "consent_common.hpp"
#include "exit_codes.hpp"

#include <contact_audit/core/error.hpp>
#include <contact_audit/core/hash.hpp>
#include <contact_audit/ledger/consent.hpp>
#include <contact_audit/ledger/time.hpp>

#include <array>
#include <iostream>

namespace contact_audit::cli {
namespace {

namespace po = boost::program_options;

constexpr std::array<std::pair<std::string_view, ledger::Action>, 9> k_verbs{{
    {"grant", ledger::Action::given},
    {"renew", ledger::Action::renewed},
    {"withdraw", ledger::Action::withdrawn},
    {"refuse", ledger::Action::refused},
    {"request", ledger::Action::requested},
    {"defer", ledger::Action::deferred},
    {"revoke", ledger::Action::revoked},
    {"invalidate", ledger::Action::invalidated},
    {"expire", ledger::Action::expired},
}};

struct RecordOptions
{
  std::string target;
  std::vector<std::string> numbers;
  std::string name;
  std::vector<std::string> emails;
  std::string relationship;
  std::string method;
  std::string expressed_by;
  std::string date;
  std::string valid_until;
  std::string evidence;
};

ledger::Timestamp
time_option(const std::string& text, std::string_view option, ledger::DayBoundary boundary)
{
  const auto parsed = ledger::parse_timestamp(text, boundary);
  if (!parsed) {
    throw InputError("--" + std::string(option) + ": " + parsed.error().message);
  }
  return *parsed;
}

// The subject the command names, created when a number is new to the ledger.
std::string resolve_subject(ledger::Store& store,
                            const RecordOptions& record,
                            ledger::SubjectDetails& details,
                            ledger::Timestamp now)
{
  if (ledger::looks_like_subject_id(record.target)) {
    if (!store.find_subject(record.target)) {
      throw InputError("There is no subject " + record.target +
                       " with personal data in the ledger.");
    }
    for (const auto& number : details.numbers) {
      store.add_subject_number(record.target, number);
    }
    return record.target;
  }
  const auto holders = store.subjects_with_number(details.numbers.front().e164);
  if (holders.size() > 1) {
    std::string ids;
    for (const auto& id : holders) {
      ids += " " + id;
    }
    throw InputError("The number is held by " + std::to_string(holders.size()) + " subjects (" +
                     ids.substr(1) + "); name the subject id instead.");
  }
  if (holders.empty()) {
    return ledger::create_subject(store, details, now);
  }
  for (const auto& number : details.numbers) {
    store.add_subject_number(holders.front(), number);
  }
  for (const auto& email : details.emails) {
    store.add_subject_email(holders.front(), email);
  }
  return holders.front();
}

} // namespace

int run_consent_record(std::string_view verb, const Arguments& arguments)
{
  po::options_description options("Options");
  LedgerOptions ledger;
  RecordOptions record;
  ledger::Decision decision;
  add_ledger_options(options, ledger, true, false);
  options.add_options()("target", po::value(&record.target), "NUMBER or SUBJECT id.")(
      "number",
      po::value(&record.numbers)->composing(),
      "A further number this decision covers (repeatable).")(
      "name", po::value(&record.name), "Name of a new subject.")(
      "email", po::value(&record.emails)->composing(), "E-mail of the subject (repeatable).")(
      "relationship",
      po::value(&record.relationship),
      "customer, supplier, partner, colleague or other.")(
      "purpose", po::value(&decision.purpose)->default_value(decision.purpose), "The purpose.")(
      "method", po::value(&record.method), "paper, web_form, email, verbal or other.")(
      "expressed-by", po::value(&record.expressed_by), "subject or representative.")(
      "date", po::value(&record.date), "When it took effect (default: now).")(
      "valid-until",
      po::value(&record.valid_until),
      "Override the notice's re-confirmation period.")(
      "notice-version",
      po::value(&decision.notice_version),
      "Version of the notice text shown (required for grant and renew).")(
      "language",
      po::value(&decision.notice_language),
      "Language of the notice text shown (de, en).")(
      "evidence",
      po::value(&record.evidence),
      "Evidence file (signed form scan); its SHA-256 is recorded.")(
      "reason", po::value(&decision.reason), "Reason or note.")(
      "reveal", po::bool_switch(&ledger.reveal), "Show full phone numbers.");
  po::positional_options_description positional;
  positional.add("target", 1);
  const auto variables = parse_arguments(arguments, options, positional);
  if (variables.count("help") != 0U) {
    print_help(std::cout,
               "consent " + std::string(verb) + " NUMBER|SUBJECT [options]",
               "Records one consent decision. A NUMBER covers that number (and --number ones); a "
               "SUBJECT id covers all of the subject's numbers.",
               options);
    return k_exit_ok;
  }
  if (record.target.empty()) {
    throw InputError("Name the NUMBER or SUBJECT id the decision is about.");
  }
  for (const auto& [name, action] : k_verbs) {
    decision.action = name == verb ? action : decision.action;
  }
  const auto now = ledger::now_utc();
  ledger::SubjectDetails details;
  details.name = record.name;
  details.emails = record.emails;
  if (!ledger::looks_like_subject_id(record.target)) {
    record.numbers.insert(record.numbers.begin(), record.target);
  }
  for (const auto& raw : record.numbers) {
    details.numbers.push_back(
        ledger::SubjectNumber{normalise_number(raw, ledger.region), raw, now});
  }
  if (!record.relationship.empty()) {
    details.relationship =
        required_enum<ledger::Relationship>(record.relationship,
                                            "relationship",
                                            ledger::parse_relationship,
                                            "customer, supplier, partner, colleague, other");
  }
  if (!record.method.empty()) {
    decision.method = required_enum<ledger::Method>(
        record.method, "method", ledger::parse_method, "paper, web_form, email, verbal, other");
  }
  if (!record.expressed_by.empty()) {
    decision.expressed_by = required_enum<ledger::ExpressedBy>(
        record.expressed_by, "expressed-by", ledger::parse_expressed_by, "subject, representative");
  }
  decision.effective_at =
      record.date.empty() ? now : time_option(record.date, "date", ledger::DayBoundary::start);
  if (!record.valid_until.empty()) {
    decision.valid_until = time_option(record.valid_until, "valid-until", ledger::DayBoundary::end);
  }
  if (!record.evidence.empty()) {
    if (!std::filesystem::is_regular_file(record.evidence)) {
      throw InputError(record.evidence + ": The evidence file does not exist.");
    }
    decision.evidence_ref = record.evidence;
    decision.evidence_sha256 = sha256_file_hex(record.evidence);
  }
  const ledger::WriteContext context{actor(ledger),
                                     masked_command_line("consent " + std::string(verb), arguments),
                                     record.evidence,
                                     decision.evidence_sha256};
  auto store = open_ledger(ledger, false);
  const auto catalogue = ledger::stored_catalogue(*store);
  ledger::Event stored;
  std::optional<ledger::Relationship> relationship;
  store->write([&] {
    const std::string subject_id = resolve_subject(*store, record, details, now);
    const auto subject = store->find_subject(subject_id);
    relationship = subject->relationship;
    decision.numbers.clear();
    for (const auto& number : details.numbers.empty() ? subject->numbers : details.numbers) {
      decision.numbers.push_back(number.e164);
    }
    const auto event = ledger::make_event(catalogue, subject_id, decision, context.actor, now);
    if (!event) {
      throw InputError(event.error().message);
    }
    stored = ledger::record_event(*store, *event, context);
  });
  std::cout << "Recorded event " << stored.id << ": " << ledger::to_string(stored.action) << " for";
  for (const auto& number : stored.numbers) {
    std::cout << ' ' << shown_number(number, ledger.reveal);
  }
  std::cout << " (subject " << stored.subject_id << ") on "
            << ledger::format_date(stored.effective_at);
  if (stored.valid_until) {
    std::cout << ", valid until " << ledger::format_date(*stored.valid_until);
  }
  std::cout << ".\n";
  if ((stored.action == ledger::Action::given || stored.action == ledger::Action::renewed) &&
      stored.method == ledger::Method::verbal && relationship == ledger::Relationship::colleague) {
    std::cerr << "contact-audit: warning: a colleague's consent was given verbally; § 26(2) BDSG "
                 "asks for written or electronic form, so it is flagged in every audit.\n";
  }
  return k_exit_ok;
}

} // namespace contact_audit::cli
