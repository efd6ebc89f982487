// SPDX-License-Identifier: MIT
// contact-audit's entry point: dispatch to a subcommand, turn exceptions into exit codes.
#include "command.hpp"
#include "exit_codes.hpp"

#include <contact_audit/core/error.hpp>

#include <array>
#include <iostream>

namespace contact_audit::cli {
namespace {

constexpr std::array k_commands{
    Command{
        "audit", "Find business contacts the messenger would upload without consent.", run_audit},
    Command{"report", "Render a stored audit result again (HTML, PDF, JSON, CSV).", run_report},
    Command{"import", "Parse address books; print contacts and diagnostics.", run_import},
    Command{"classify", "Tell business from private contacts, with the reasons.", run_classify},
    Command{"consent",
            "Record and query consent (import, grant, withdraw, show, verify, ...).",
            run_consent},
    Command{"review", "Set or list reviewed business/private decisions.", run_review},
    Command{
        "split", "Write keep/move vCards: contacts that may stay, contacts to move.", run_split},
    Command{
        "batch", "Audit many devices on a schedule: dated reports, history, change.", run_batch},
};

void print_overview(std::ostream& out)
{
  out << "Usage: contact-audit <command> [options]\n\n"
         "Finds business contacts that a messenger would upload without consent.\n\n"
         "Commands:\n";
  for (const auto& command : k_commands) {
    out << "  " << command.name << std::string(12 - command.name.size(), ' ') << command.summary
        << '\n';
  }
  out << "\nRun 'contact-audit <command> --help' for the options of a command.\n"
         "Exit codes: 0 success/compliant, 1 non-compliant uploads found, 2 usage or input "
         "error, 3 internal or I/O failure.\n";
}

int dispatch(int argc, char** argv)
{
  if (argc < 2) {
    print_overview(std::cerr);
    return k_exit_input_error;
  }
  const std::string_view name = argv[1];
  if (name == "--help" || name == "-h" || name == "help") {
    print_overview(std::cout);
    return k_exit_ok;
  }
  if (name == "--version") {
    std::cout << "contact-audit " << CONTACT_AUDIT_VERSION << '\n';
    return k_exit_ok;
  }
  for (const auto& command : k_commands) {
    if (command.name == name) {
      return command.run(Arguments(argv + 2, argv + argc));
    }
  }
  throw InputError("Unknown command \"" + std::string(name) +
                   "\"; run 'contact-audit --help' for the list of commands.");
}

} // namespace
} // namespace contact_audit::cli

int main(int argc, char** argv)
{
  using namespace contact_audit;
  try {
    return cli::dispatch(argc, argv);
  } catch (const InputError& error) {
    std::cerr << "contact-audit: error: " << error.what() << '\n';
    return cli::k_exit_input_error;
  } catch (const IoError& error) {
    std::cerr << "contact-audit: error: " << error.what() << '\n';
    return cli::k_exit_failure;
  } catch (const std::exception& error) {
    std::cerr << "contact-audit: internal error: " << error.what() << '\n';
    return cli::k_exit_failure;
  }
}
