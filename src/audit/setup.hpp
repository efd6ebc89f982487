// SPDX-License-Identifier: MIT
// What an audit loads before it reads a contact, and the audit over a loaded setup.
#pragma once

#include <contact_audit/audit/audit.hpp>
#include <contact_audit/audit/session.hpp>
#include <contact_audit/classify/overrides.hpp>
#include <contact_audit/classify/rule_set.hpp>
#include <contact_audit/exposure/device_profile.hpp>
#include <contact_audit/exposure/messenger_model.hpp>
#include <contact_audit/importers/pipeline.hpp>
#include <contact_audit/ledger/state.hpp>

#include <memory>
#include <optional>
#include <vector>

namespace contact_audit::audit {

// The parts of a setup that do not depend on the device: loaded once per
// audit, or once per batch by AuditSession and then shared read-only.
struct SharedSetup
{
  std::optional<classify::RuleSet> rules;
  classify::Overrides overrides;
  ledger::Timestamp as_of{};
};

// Everything one device's audit needs. `rules`, `overrides` and `consents`
// point into a SharedSetup or an AuditSession that outlives the audit.
struct Setup
{
  exposure::DeviceProfile profile;
  exposure::MessengerModel messenger;
  std::vector<exposure::DeviceProfile> alternatives;
  const classify::RuleSet* rules = nullptr;
  const classify::Overrides* overrides = nullptr;
  std::shared_ptr<const ledger::ConsentIndex> consents;
  ledger::Timestamp as_of{};
};

// Audit the files of `options` (or the profile's) with a loaded `setup`,
// importing through `pipeline`; `observer` (may be null) sees every uploaded
// number. Throws like run_audit.
AuditResult audit_with(const AuditOptions& options,
                       const Setup& setup,
                       const importers::PipelineOptions& pipeline,
                       DiagnosticSink& sink,
                       const UploadObserver* observer);

} // namespace contact_audit::audit
