// SPDX-License-Identifier: MIT
// Shared helpers of the reliability tests.
#include "reliability_support.hpp"

#include <cstdlib>
#include <fstream>
#include <random>
#include <regex>

namespace e2e::reliability {

bool full_size()
{
  if (const char* forced = std::getenv("CONTACT_AUDIT_TEST_FULL_SIZE"); forced != nullptr) {
    return std::string(forced) == "1";
  }
#if defined(__SANITIZE_ADDRESS__) || !defined(NDEBUG)
  return false;
#else
  return true;
#endif
}

std::uint64_t test_seed()
{
  if (const char* seed = std::getenv("CONTACT_AUDIT_TEST_SEED"); seed != nullptr) {
    return std::strtoull(seed, nullptr, 10);
  }
  std::random_device random;
  return (static_cast<std::uint64_t>(random()) << 32U) | random();
}

std::string mobile_number(std::size_t index)
{
  return "+49 151 " + std::to_string(20000000 + index);
}

std::filesystem::path
write_forms(const std::filesystem::path& path, std::size_t rows, std::size_t first)
{
  std::ofstream out(path, std::ios::binary);
  out << "Name;Telefon;Entscheidung;Datum;Formular-ID;Textversion\n";
  for (std::size_t row = first; row < first + rows; ++row) {
    out << "Person " << row << ';' << mobile_number(row) << ";erteilt;05.03.2024;F-" << row
        << ";1\n";
  }
  return path;
}

const std::vector<std::string>& fixed_now()
{
  static const std::vector<std::string> environment{"CONTACT_AUDIT_NOW=2024-12-01T08:00:00Z"};
  return environment;
}

std::vector<std::string> Ledger::arguments(std::vector<std::string> consent_arguments) const
{
  consent_arguments.insert(consent_arguments.begin(), "consent");
  consent_arguments.push_back("--ledger");
  consent_arguments.push_back(m_path.string());
  return consent_arguments;
}

Run Ledger::consent(const std::vector<std::string>& consent_arguments,
                    const RunOptions& options) const
{
  RunOptions with_now = options;
  with_now.environment.insert(with_now.environment.end(), fixed_now().begin(), fixed_now().end());
  return run(arguments(consent_arguments), with_now);
}

long Ledger::verified_events() const
{
  const auto verify = consent({"verify"});
  std::smatch match;
  if (verify.exit_code != 0 ||
      !std::regex_search(verify.out, match, std::regex("^Verified ([0-9]+) events"))) {
    return -1;
  }
  return std::stol(match[1]);
}

std::string Ledger::head() const
{
  const auto verify = consent({"verify"});
  std::smatch match;
  if (verify.exit_code != 0 ||
      !std::regex_search(verify.out, match, std::regex("Head: event [0-9]+ [0-9a-f]{64}"))) {
    return {};
  }
  return match[0];
}

} // namespace e2e::reliability
