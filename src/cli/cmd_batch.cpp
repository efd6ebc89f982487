// SPDX-License-Identifier: MIT
// `contact-audit batch`: scheduled audits of many devices (wiring only; see src/batch/).
#include "command.hpp"
#include "exit_codes.hpp"

#include <contact_audit/batch/run.hpp>

#include <algorithm>
#include <iostream>

namespace contact_audit::cli {

namespace po = boost::program_options;

namespace {

constexpr std::string_view k_summary =
    "Audits every device named by the configuration (TOML, docs/batch.md), writes per-device and "
    "combined reports into a dated folder that appears complete or not at all, points 'latest' "
    "at it, and records the run with the change since the last one in the ledger. Meant for "
    "cron or a systemd timer. Exit code 0 when all devices are compliant, 1 when non-compliant "
    "uploads were found, 2 for configuration errors, 3 when one or more devices could not be "
    "audited, 4 when another run is writing to the same output folder.";

} // namespace

int run_batch(const Arguments& arguments)
{
  po::options_description options("Options");
  batch::RunOptions run;
  std::string config;
  std::string log_file;
  options.add_options()("help,h", "Show this help.")(
      "config", po::value(&config)->required(), "The batch configuration (TOML).")(
      "dry-run", po::bool_switch(&run.dry_run), "List the devices and files; audit nothing.")(
      "wait",
      po::bool_switch(&run.wait),
      "Wait for a run that holds the output folder instead of exiting with code 4.")(
      "log-file", po::value(&log_file), "Append the log lines to this file as well.")(
      "quiet,q", po::bool_switch(&run.log.quiet), "Log errors only (for cron).");
  po::positional_options_description positional;
  positional.add("config", 1);
  if (std::find(arguments.begin(), arguments.end(), "--help") != arguments.end() ||
      std::find(arguments.begin(), arguments.end(), "-h") != arguments.end()) {
    print_help(std::cout, "batch --config CONFIG [options]", k_summary, options);
    return k_exit_ok;
  }
  parse_arguments(arguments, options, positional);
  run.config = config;
  run.log.file = log_file;
  run.log.progress = true; // Drawn only when stderr is a terminal.
  run.tool_version = CONTACT_AUDIT_VERSION;
  return batch::run_batch(run, std::cout);
}

} // namespace contact_audit::cli
