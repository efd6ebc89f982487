// SPDX-License-Identifier: MIT
// AuditSession: rules, reviewed decisions and consent states loaded once, then many devices
// audited.
#pragma once

#include <contact_audit/audit/audit.hpp>
#include <contact_audit/audit/result.hpp>
#include <contact_audit/core/diagnostic.hpp>

#include <chrono>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace contact_audit::audit {

// Sees each number a messenger would upload of a business (or, by policy,
// unknown) contact: the consent purpose, the E.164 number and its consent state.
// Called on the thread that audits the device.
using UploadObserver = std::function<void(
    std::string_view purpose, std::string_view e164, std::string_view consent_state)>;

struct SessionOptions
{
  std::filesystem::path rules_root; // Holds classify/ and messengers/.
  // The company's own e-mail domains, added to the rules' company_domains list.
  std::vector<std::string> company_domains;
  std::filesystem::path ledger_path;
  std::optional<std::chrono::sys_seconds> as_of; // Empty: now.
  std::string region = "DE";
  std::string company;
  std::filesystem::path csv_mapping;
  std::string tool_version;
  std::size_t max_attention = 10'000;
};

// Audits many devices against one rule set and one ledger (`contact-audit batch`).
// The rules, the reviewed decisions and each purpose's consent states are
// loaded once; phone numbers are normalised through one cache shared by all
// devices, so a number found in many address books is parsed and looked up once.
class AuditSession
{
public:
  // Load the rules (with the company domains) and the reviewed decisions.
  // Throws InputError for an invalid rule set, IoError when the ledger
  // cannot be read.
  explicit AuditSession(const SessionOptions& options);
  ~AuditSession();
  AuditSession(const AuditSession&) = delete;
  AuditSession& operator=(const AuditSession&) = delete;

  // Audit one device as run_audit() would (same result, same errors), reading
  // `inputs` (or, when empty, the files its profile names) on the calling
  // thread. `observer` may be null. Safe to call from several threads at once.
  AuditResult audit_device(const std::filesystem::path& device_profile,
                           const std::vector<AuditInput>& inputs,
                           DiagnosticSink& sink,
                           const UploadObserver* observer = nullptr) const;

  // The consent state ("valid", "withdrawn", ...) of `e164` for `purpose` as
  // of `at`, from a consent index loaded once per (purpose, time). Safe to call
  // from several threads. Throws IoError when the ledger cannot be read.
  std::string
  consent_state(std::string_view purpose, std::string_view e164, std::chrono::sys_seconds at) const;

  // When the valid consent of `e164` for `purpose` ends (the earliest
  // `valid_until` among the subjects holding it, as of as_of()); nullopt when it
  // does not end or is not valid. Safe to call from several threads.
  std::optional<std::chrono::sys_seconds> consent_valid_until(std::string_view purpose,
                                                              std::string_view e164) const;

  // The time consent states are evaluated for.
  std::chrono::sys_seconds as_of() const;
  // Phone numbers normalised, and those answered from the shared cache.
  std::size_t numbers_parsed() const;
  std::size_t numbers_from_cache() const;

private:
  struct Impl;
  std::unique_ptr<Impl> m_impl;
};

} // namespace contact_audit::audit
