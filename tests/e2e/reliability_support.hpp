// SPDX-License-Identifier: MIT
// Shared helpers of the reliability tests: generated consent forms, ledger counts, sizes.
#pragma once

#include "run_binary.hpp"

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace e2e::reliability {

// True in optimised builds without sanitizers (the release preset CI runs), where the tests
// use the sizes the reliability issue names; Debug and ASan builds use smaller inputs, unless
// CONTACT_AUDIT_TEST_FULL_SIZE=1.
bool full_size();

// The seed for a randomised test: $CONTACT_AUDIT_TEST_SEED, else a fresh random one.
std::uint64_t test_seed();

// Writes a consent-form CSV of `rows` valid rows with numbers and form ids numbered from
// `first`, all given on 05.03.2024 for notice version 1.
std::filesystem::path
write_forms(const std::filesystem::path& path, std::size_t rows, std::size_t first);

// A German mobile number, unique for `index` below 10^7.
std::string mobile_number(std::size_t index);

// A ledger in `dir` with "now" fixed; runs `consent` commands against it.
class Ledger
{
public:
  explicit Ledger(std::filesystem::path path) : m_path(std::move(path)) {}
  const std::filesystem::path& path() const { return m_path; }
  std::vector<std::string> arguments(std::vector<std::string> consent_arguments) const;
  Run consent(const std::vector<std::string>& consent_arguments,
              const RunOptions& options = {}) const;
  // Runs `consent verify`; the number of events when it passes, -1 when it fails.
  long verified_events() const;
  // The "Head: event N HASH" line of a passing verify, empty when it fails.
  std::string head() const;

private:
  std::filesystem::path m_path;
};

// The environment every reliability test runs the binary with ("now" fixed).
const std::vector<std::string>& fixed_now();

} // namespace e2e::reliability
