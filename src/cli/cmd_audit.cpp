// SPDX-License-Identifier: MIT
// `contact-audit audit`: the main job — findings before sync, reports, exit code.
#include "audit_arguments.hpp"
#include "command.hpp"
#include "exit_codes.hpp"
#include "input_options.hpp"
#include "report_output.hpp"

#include <contact_audit/audit/audit.hpp>
#include <contact_audit/core/error.hpp>
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

// The result of a large audit holds gigabytes in millions of small blocks, and the
// process ends right after the command. So the result is left to the end of the
// process, which returns the memory at once, where freeing it block by block took
// seconds. Static storage keeps it reachable, so leak checkers do not report it.
const audit::AuditResult* g_result = nullptr;

} // namespace

int run_audit(const Arguments& arguments)
{
  po::options_description options("Options");
  InputOptions input;
  ReportRequest request;
  AuditArguments audit_arguments;
  bool quiet = false;
  options.add_options()("help,h", "Show this help.");
  add_audit_arguments(options, audit_arguments);
  options.add_options()(
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

  auto audit_options = audit_options_from(audit_arguments, input);
  audit_options.company = request.company;

  StderrSink sink;
  g_result = new audit::AuditResult(audit::run_audit(audit_options, sink));
  const auto& result = *g_result;
  write_reports(result, request);
  if (!quiet) {
    report::print_summary(std::cout, result, report_language(request), request.reveal);
  }
  return result.compliant() ? k_exit_ok : k_exit_non_compliant;
}

} // namespace contact_audit::cli
