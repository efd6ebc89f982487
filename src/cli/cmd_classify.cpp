// SPDX-License-Identifier: MIT
// `contact-audit classify`: import address books and tell business from private contacts, with
// reasons.
#include "classify_output.hpp"
#include "command.hpp"
#include "consent_common.hpp"
#include "contact_output.hpp"
#include "exit_codes.hpp"
#include "input_options.hpp"

#include <contact_audit/audit/reviewed_decisions.hpp>
#include <contact_audit/classify/classifier.hpp>
#include <contact_audit/core/error.hpp>
#include <contact_audit/importers/pipeline.hpp>
#include <contact_audit/ledger/time.hpp>
#include <contact_audit/report/catalog.hpp>

#include <iostream>

namespace contact_audit::cli {

namespace po = boost::program_options;

namespace {

classify::Language parse_language_option(const std::string& text)
{
  if (const auto language = classify::parse_language(text)) {
    return *language;
  }
  throw InputError("The language \"" + text + "\" is not known; use de or en.");
}

} // namespace

int run_classify(const Arguments& arguments)
{
  po::options_description options("Options");
  InputOptions input;
  std::string rules_dir;
  std::string format;
  std::string language;
  ClassifyOutputOptions output_options;
  LedgerOptions ledger_options;
  bool reviews_from_ledger = false;
  options.add_options()("help,h", "Show this help.")(
      "rules",
      po::value(&rules_dir),
      "Rules directory (the root holding classify/, or the classify folder itself); default: "
      "$CONTACT_AUDIT_RULES, else the installed rules/.")(
      "format", po::value(&format)->default_value("table"), "Output: table, json or csv.")(
      "explain", po::bool_switch(&output_options.explain), "Show the reasons for every verdict.")(
      "lang",
      po::value(&language)->default_value(report::default_language()),
      "Language of reasons and summary: de or en (default from the locale).")(
      "reveal",
      po::bool_switch(&output_options.reveal),
      "Show full phone numbers instead of masked ones.")(
      "reviews-from-ledger",
      po::bool_switch(&reviews_from_ledger),
      "Apply the reviewed decisions (contact-audit review set) kept in the ledger; they win "
      "over the rules.")("ledger",
                         po::value(&ledger_options.ledger),
                         "The ledger file for --reviews-from-ledger; default: "
                         "$CONTACT_AUDIT_LEDGER or ~/.local/share/contact-audit/ledger.sqlite.");
  add_input_options(options, input);
  po::positional_options_description positional;
  positional.add("file", -1);
  const auto variables = parse_arguments(arguments, options, positional);
  if (variables.count("help") != 0U) {
    print_help(std::cout,
               "classify FILE... [options]",
               "Reads address books like `import` and classifies every contact as business, "
               "private or unknown with the rules in the rule directory (docs/rules.md). Prints "
               "class and score per contact, the rules that fired with --explain, and the counts "
               "per class. Unknown contacts are treated as the policy says (default: business). "
               "Exit code 0 on success, 2 when a file or a rule file cannot be used or a contact "
               "was rejected, 3 on internal failure.",
               options);
    return k_exit_ok;
  }
  output_options.language = parse_language_option(language);
  // Rules first: a broken rule file stops the run before any address book is read.
  const auto rules = classify::load_rule_dir(classify::classify_rules_dir(
      rules_dir.empty() ? classify::default_rules_dir() : std::filesystem::path(rules_dir)));
  const auto files = resolve_input_files(input);
  auto output = make_classify_output(format, std::cout, std::cerr, output_options);
  const auto overrides =
      reviews_from_ledger
          ? audit::reviewed_decisions(*open_ledger(ledger_options, true), ledger::now_utc())
          : classify::Overrides{};
  const classify::Classifier classifier(rules, overrides);
  StderrSink sink;
  ClassifySummary summary;
  classify::Verdict verdict;
  output->begin(rules);
  const auto import = importers::run_import(
      files,
      pipeline_options(input),
      [&](contact::Contact&& contact) {
        classifier.classify(contact, verdict);
        summary.add(verdict);
        output->write(contact, verdict);
      },
      sink);
  output->end(summary, import);
  print_import_summary(std::cerr, import);
  return import.contacts_rejected > 0 ? k_exit_input_error : k_exit_ok;
}

} // namespace contact_audit::cli
