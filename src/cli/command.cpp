// SPDX-License-Identifier: MIT
// Argument parsing and help output shared by the subcommands.
#include "command.hpp"

#include <contact_audit/core/error.hpp>

#include <ostream>

namespace contact_audit::cli {

namespace po = boost::program_options;

po::variables_map parse_arguments(const Arguments& arguments,
                                  const po::options_description& options,
                                  const po::positional_options_description& positional)
{
  po::variables_map variables;
  try {
    po::store(po::command_line_parser(arguments).options(options).positional(positional).run(),
              variables);
    po::notify(variables);
  } catch (const po::error& error) {
    std::string message = error.what();
    if (!message.empty()) {
      message[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(message[0])));
    }
    throw InputError(message + "; run the command with --help for its options.");
  }
  return variables;
}

void print_help(std::ostream& out,
                std::string_view usage,
                std::string_view summary,
                const po::options_description& options)
{
  out << "Usage: contact-audit " << usage << "\n\n" << summary << "\n\n" << options << '\n';
}

} // namespace contact_audit::cli
