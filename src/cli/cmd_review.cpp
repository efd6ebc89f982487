// SPDX-License-Identifier: MIT
// `contact-audit review set|unset|list`: reviewed business/private decisions for the classifier.
#include "command.hpp"
#include "consent_common.hpp"
#include "exit_codes.hpp"

#include <contact_audit/core/error.hpp>
#include <contact_audit/ledger/review_store.hpp>
#include <contact_audit/ledger/time.hpp>

#include <iostream>

namespace contact_audit::cli {

namespace po = boost::program_options;

int run_review(const Arguments& arguments)
{
  const std::string verb = arguments.empty() ? "" : arguments.front();
  if (verb != "set" && verb != "unset" && verb != "list") {
    (verb == "--help" || verb == "-h" ? std::cout : std::cerr)
        << "Usage: contact-audit review set KEY business|private --reason TEXT [--uid]\n"
           "       contact-audit review unset KEY --reason TEXT [--uid]\n"
           "       contact-audit review list [--as-of DATE] [--reveal]\n\n"
           "Reviewed decisions override the classifier for a number (KEY, any format) or, with "
           "--uid, a contact UID. They are kept append-only in the ledger.\n";
    return verb == "--help" || verb == "-h" ? k_exit_ok : k_exit_input_error;
  }
  po::options_description options("Options");
  LedgerOptions ledger;
  std::string key;
  std::string decision_text;
  std::string reason;
  bool uid = false;
  add_ledger_options(options, ledger, verb != "list", verb == "list");
  options.add_options()("key", po::value(&key), "Number or (with --uid) contact UID.")(
      "decision", po::value(&decision_text), "business or private.")(
      "reason", po::value(&reason), "Why.")("uid", po::bool_switch(&uid), "KEY is a contact UID.");
  po::positional_options_description positional;
  positional.add("key", 1).add("decision", 1);
  const auto variables =
      parse_arguments(Arguments(arguments.begin() + 1, arguments.end()), options, positional);
  if (variables.count("help") != 0U) {
    print_help(
        std::cout, "review " + verb + " [options]", "Reviewed classifier decisions.", options);
    return k_exit_ok;
  }
  if (verb == "list") {
    auto store = open_ledger(ledger, true);
    const auto reviews = ledger::list_reviews(*store, as_of_time(ledger));
    for (const auto& review : reviews) {
      std::cout << ledger::to_string(review.key_kind) << "  "
                << (review.key_kind == ledger::ReviewKeyKind::e164
                        ? shown_number(review.key, ledger.reveal)
                        : review.key)
                << "  " << ledger::to_string(review.decision) << "  by " << review.by << " at "
                << ledger::format_timestamp(review.at) << "  " << review.reason << '\n';
    }
    std::cout << reviews.size() << " review(s).\n";
    return k_exit_ok;
  }
  if (key.empty()) {
    throw InputError("Name the number or UID to review.");
  }
  const auto kind = uid ? ledger::ReviewKeyKind::uid : ledger::ReviewKeyKind::e164;
  const std::string normalised_key = uid ? key : normalise_number(key, ledger.region);
  auto store = open_ledger(ledger, false);
  if (verb == "set") {
    const auto decision = required_enum<ledger::ReviewDecision>(
        decision_text, "decision", ledger::parse_review_decision, "business, private");
    ledger::set_review(*store, kind, normalised_key, decision, actor(ledger), reason);
    std::cout << "Recorded: " << (uid ? key : shown_number(normalised_key, ledger.reveal)) << " is "
              << ledger::to_string(decision) << ".\n";
    return k_exit_ok;
  }
  if (!ledger::unset_review(*store, kind, normalised_key, actor(ledger), reason)) {
    throw InputError("There is no current review for this key; nothing was changed.");
  }
  std::cout << "Removed the review of " << (uid ? key : shown_number(normalised_key, ledger.reveal))
            << ".\n";
  return k_exit_ok;
}

} // namespace contact_audit::cli
