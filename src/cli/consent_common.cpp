// SPDX-License-Identifier: MIT
// Shared helpers of the ledger commands: ledger path, actor, masking, dates, numbers.
#include "consent_common.hpp"

#include <contact_audit/core/error.hpp>
#include <contact_audit/ledger/consent.hpp>
#include <contact_audit/ledger/time.hpp>
#include <contact_audit/phone/normaliser.hpp>

#include <algorithm>
#include <cstdlib>

namespace contact_audit::cli {

namespace po = boost::program_options;

void add_ledger_options(po::options_description& options,
                        LedgerOptions& ledger,
                        bool writes,
                        bool queries)
{
  options.add_options()("help,h", "Show this help.")(
      "ledger",
      po::value(&ledger.ledger),
      "Ledger file (default: $CONTACT_AUDIT_LEDGER, else "
      "${XDG_DATA_HOME:-~/.local/share}/contact-audit/ledger.sqlite).")(
      "region",
      po::value(&ledger.region)->default_value("DE"),
      "Region for numbers written without country code (ISO 3166).");
  if (writes) {
    options.add_options()(
        "by", po::value(&ledger.by), "Who records this (for the audit log; default: $USER).");
  }
  if (queries) {
    options.add_options()("as-of",
                          po::value(&ledger.as_of),
                          "Answer as of this date or time (2024-06-01 means the end of that day); "
                          "events recorded later are ignored.")(
        "reveal", po::bool_switch(&ledger.reveal), "Show full phone numbers.");
  }
}

std::unique_ptr<ledger::Store> open_ledger(const LedgerOptions& ledger, bool must_exist)
{
  const std::filesystem::path path =
      ledger.ledger.empty() ? ledger::default_ledger_path() : std::filesystem::path(ledger.ledger);
  ledger::StoreOptions options;
  options.must_exist = must_exist;
  return ledger::open_ledger(path, options);
}

std::string actor(const LedgerOptions& ledger)
{
  if (!ledger.by.empty()) {
    return ledger.by;
  }
  if (const char* user = std::getenv("USER"); user != nullptr && *user != '\0') {
    return user;
  }
  throw InputError("Say who records this with --by NAME ($USER is not set).");
}

namespace {

// Phone-number characters only, six digits or more, and not a date.
bool looks_like_phone_number(std::string_view argument)
{
  const auto digits =
      std::count_if(argument.begin(), argument.end(), [](char c) { return c >= '0' && c <= '9'; });
  return digits >= 6 && argument.find_first_not_of("0123456789 +-()/") == std::string_view::npos &&
         !ledger::parse_timestamp(argument);
}

} // namespace

std::string masked_command_line(std::string_view command, const Arguments& arguments)
{
  static constexpr std::array<std::string_view, 3> k_personal{"--name", "--email", "--reason"};
  std::string line = "contact-audit " + std::string(command);
  bool hide_next = false;
  for (const auto& argument : arguments) {
    line += ' ';
    const auto equals = argument.find('=');
    const std::string_view option =
        argument.starts_with("--") ? std::string_view(argument).substr(0, equals) : "";
    const bool personal =
        std::find(k_personal.begin(), k_personal.end(), option) != k_personal.end();
    if (hide_next) {
      line += "***";
    } else if (personal && equals != std::string::npos) {
      line += std::string(option) + "=***";
    } else if (looks_like_phone_number(argument)) {
      line += phone::mask(argument);
    } else {
      line += argument;
    }
    hide_next = personal && equals == std::string::npos;
  }
  return line;
}

ledger::Timestamp as_of_time(const LedgerOptions& ledger)
{
  if (ledger.as_of.empty()) {
    return ledger::now_utc();
  }
  const auto parsed = ledger::parse_timestamp(ledger.as_of, ledger::DayBoundary::end);
  if (!parsed) {
    throw InputError("--as-of: " + parsed.error().message);
  }
  return *parsed;
}

std::string normalise_number(std::string_view raw, const std::string& region)
{
  if (!phone::is_known_region(region)) {
    throw InputError("The region \"" + region +
                     "\" is not known; use an ISO 3166 code such as DE, AT or CH.");
  }
  phone::Normaliser normaliser(region);
  const auto number = normaliser.normalise(raw);
  if (number.status != phone::NumberStatus::valid) {
    std::string problem = number.issue.empty() ? std::string(phone::to_string(number.status))
                                               : number.issue.substr(0, number.issue.find(';'));
    if (!problem.empty() && problem.back() == '.') {
      problem.pop_back();
    }
    throw InputError("\"" + phone::mask(raw) + "\" is not a usable phone number (" + problem +
                     "); write it with country code, e.g. +49 151 12345678.");
  }
  return number.e164;
}

std::string shown_number(std::string_view e164, bool reveal)
{
  return reveal ? std::string(e164) : phone::mask(e164);
}

template <typename Enum>
Enum required_enum(const std::string& text,
                   std::string_view option,
                   std::optional<Enum> (*parse)(std::string_view),
                   std::string_view accepted)
{
  const auto value = parse(text);
  if (!value) {
    throw InputError("--" + std::string(option) + ": \"" + text + "\" is not one of " +
                     std::string(accepted) + ".");
  }
  return *value;
}

template ledger::Method required_enum(const std::string&,
                                      std::string_view,
                                      std::optional<ledger::Method> (*)(std::string_view),
                                      std::string_view);
template ledger::Relationship
required_enum(const std::string&,
              std::string_view,
              std::optional<ledger::Relationship> (*)(std::string_view),
              std::string_view);
template ledger::ExpressedBy required_enum(const std::string&,
                                           std::string_view,
                                           std::optional<ledger::ExpressedBy> (*)(std::string_view),
                                           std::string_view);
template ledger::ReviewDecision
required_enum(const std::string&,
              std::string_view,
              std::optional<ledger::ReviewDecision> (*)(std::string_view),
              std::string_view);

} // namespace contact_audit::cli
