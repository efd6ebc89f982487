// SPDX-License-Identifier: MIT
// The options shared by the commands that run the audit (audit, split).
#pragma once

#include "input_options.hpp"

#include <contact_audit/audit/audit.hpp>

#include <boost/program_options.hpp>

#include <string>

namespace contact_audit::cli {

struct AuditArguments
{
  std::string device;
  std::string ledger_path;
  std::string rules;
  std::string as_of;
};

// Adds --device (required), --ledger, --rules and --as-of.
void add_audit_arguments(boost::program_options::options_description& options,
                         AuditArguments& arguments);

// The audit these arguments and the address-book options ask for, with the
// documented defaults for the ledger and the rules. Throws InputError for a bad --as-of.
audit::AuditOptions audit_options_from(const AuditArguments& arguments, const InputOptions& input);

} // namespace contact_audit::cli
