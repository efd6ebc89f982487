// SPDX-License-Identifier: MIT
// Options and helpers shared by the `consent` and `review` subcommands.
#pragma once

#include "command.hpp"

#include <contact_audit/ledger/store.hpp>
#include <contact_audit/ledger/types.hpp>

#include <boost/program_options.hpp>

#include <memory>
#include <string>
#include <string_view>

namespace contact_audit::cli {

// The options every ledger command takes.
struct LedgerOptions
{
  std::string ledger; // --ledger PATH; empty: ledger::default_ledger_path().
  std::string by;     // --by ACTOR; empty: $USER.
  std::string as_of;  // --as-of DATE; empty: now.
  std::string region = "DE";
  bool reveal = false;
};

// Adds --help, --ledger and, as asked, --by, --as-of, --region and --reveal.
void add_ledger_options(boost::program_options::options_description& options,
                        LedgerOptions& ledger,
                        bool writes,
                        bool queries);

// Open the ledger named by `ledger` (installing the built-in notices). With
// `must_exist`, a missing ledger is an InputError instead of being created.
std::unique_ptr<ledger::Store> open_ledger(const LedgerOptions& ledger, bool must_exist);

// The actor for the audit log: --by, else $USER; InputError when neither is set.
std::string actor(const LedgerOptions& ledger);

// The audit log's copy of the command line: names, e-mails, reasons and
// anything that looks like a phone number are masked.
std::string masked_command_line(std::string_view command, const Arguments& arguments);

// --as-of as a time (a bare date means the end of that day); now when empty.
// Throws InputError for an unparsable date.
ledger::Timestamp as_of_time(const LedgerOptions& ledger);

// Normalise a number given on the command line to E.164 with `region`;
// throws InputError (number masked) when it is not a valid number.
std::string normalise_number(std::string_view raw, const std::string& region);

// `e164` as printed: masked unless `reveal`.
std::string shown_number(std::string_view e164, bool reveal);

// Parse a required enum option value; InputError listing the accepted values.
template <typename Enum>
Enum required_enum(const std::string& text,
                   std::string_view option,
                   std::optional<Enum> (*parse)(std::string_view),
                   std::string_view accepted);

// The `consent` subcommands defined outside cmd_consent.cpp; `verb` is the subcommand name.
int run_consent_record(std::string_view verb, const Arguments& arguments);
int run_consent_show(std::string_view verb, const Arguments& arguments);
int run_consent_history(std::string_view verb, const Arguments& arguments);
int run_consent_log(std::string_view verb, const Arguments& arguments);
// `consent request`: with --from, the letters of cmd_consent_letters.cpp; else one decision.
int run_consent_request(std::string_view verb, const Arguments& arguments);

} // namespace contact_audit::cli
