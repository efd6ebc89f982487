// SPDX-License-Identifier: MIT
// The subcommand table and helpers every command shares.
#pragma once

#include <boost/program_options.hpp>

#include <iosfwd>
#include <string>
#include <string_view>
#include <vector>

namespace contact_audit::cli {

using Arguments = std::vector<std::string>;

struct Command
{
  std::string_view name;
  std::string_view summary;
  int (*run)(const Arguments& arguments);
};

// Parse `arguments` against `options` (and `positional`), throwing InputError
// with boost's message turned into a sentence. Returns the variables map.
boost::program_options::variables_map
parse_arguments(const Arguments& arguments,
                const boost::program_options::options_description& options,
                const boost::program_options::positional_options_description& positional);

// Print "Usage: contact-audit <usage>", the summary and the options.
void print_help(std::ostream& out,
                std::string_view usage,
                std::string_view summary,
                const boost::program_options::options_description& options);

int run_import(const Arguments& arguments);
int run_classify(const Arguments& arguments);
int run_consent(const Arguments& arguments);
int run_review(const Arguments& arguments);
int run_audit(const Arguments& arguments);
int run_report(const Arguments& arguments);
int run_split(const Arguments& arguments);
int run_batch(const Arguments& arguments);

} // namespace contact_audit::cli
