// SPDX-License-Identifier: MIT
// `contact-audit import`: parse address books, print contacts, diagnostics on stderr.
#include "command.hpp"
#include "contact_output.hpp"
#include "exit_codes.hpp"
#include "input_options.hpp"

#include <contact_audit/importers/pipeline.hpp>

#include <iostream>

namespace contact_audit::cli {

namespace po = boost::program_options;

int run_import(const Arguments& arguments)
{
  po::options_description options("Options");
  InputOptions input;
  std::string format;
  bool reveal = false;
  options.add_options()("help,h", "Show this help.")(
      "format", po::value(&format)->default_value("table"), "Output: table, json or csv.")(
      "reveal", po::bool_switch(&reveal), "Show full phone numbers instead of masked ones.");
  add_input_options(options, input);
  po::positional_options_description positional;
  positional.add("file", -1);
  const auto variables = parse_arguments(arguments, options, positional);
  if (variables.count("help") != 0U) {
    print_help(std::cout,
               "import FILE... [options]",
               "Reads vCard (2.1, 3.0, 4.0) and CSV address books (Google, Outlook, Thunderbird, "
               "generic), normalises every phone number with libphonenumber and prints the "
               "contacts. Problems are printed on stderr as file:line: message. Exit code 0 on "
               "success (also with warnings), 2 when a file cannot be read or a contact was "
               "rejected, 3 on internal failure.",
               options);
    return k_exit_ok;
  }
  const auto files = resolve_input_files(input);
  auto output = make_contact_output(format, std::cout, reveal);
  StderrSink sink;
  output->begin();
  const auto summary = importers::run_import(
      files,
      pipeline_options(input),
      [&](contact::Contact&& contact) { output->write(contact); },
      sink);
  output->end(summary);
  print_import_summary(std::cerr, summary);
  return summary.contacts_rejected > 0 ? k_exit_input_error : k_exit_ok;
}

} // namespace contact_audit::cli
