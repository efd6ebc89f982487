// SPDX-License-Identifier: MIT
// `contact-audit report`: render a stored audit result (JSON) again, in any format and language.
#include "command.hpp"
#include "exit_codes.hpp"
#include "report_output.hpp"

#include <contact_audit/core/error.hpp>
#include <contact_audit/report/data_formats.hpp>

#include <fstream>
#include <iostream>

namespace contact_audit::cli {

namespace po = boost::program_options;

int run_report(const Arguments& arguments)
{
  po::options_description options("Options");
  ReportRequest request;
  std::string from;
  options.add_options()("help,h", "Show this help.")(
      "from", po::value(&from)->required(), "Audit result written with 'audit --json'.");
  add_report_options(options, request);
  po::positional_options_description positional;
  positional.add("from", 1);
  const auto variables = parse_arguments(arguments, options, positional);
  if (variables.count("help") != 0U) {
    print_help(std::cout,
               "report FROM.json --report OUT.pdf [--report OUT.html] [--lang de|en]",
               "Renders a stored audit result again: HTML, PDF, JSON or CSV, in German or "
               "English. Numbers masked in the stored result stay masked.",
               options);
    return k_exit_ok;
  }
  check_report_request(request);
  std::ifstream in(from, std::ios::binary);
  if (!in) {
    throw InputError(from + ": The audit result cannot be opened.");
  }
  const std::string text{std::istreambuf_iterator<char>(in), {}};
  const auto result = report::audit_from_json(text, from);
  write_reports(result, request);
  report::print_summary(std::cout, result, report_language(request), request.reveal);
  return result.compliant() ? k_exit_ok : k_exit_non_compliant;
}

} // namespace contact_audit::cli
