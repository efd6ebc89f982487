// SPDX-License-Identifier: MIT
// AuditSession: the shared part of many audits loaded once; per device only the profile.
#include "setup.hpp"

#include <contact_audit/audit/reviewed_decisions.hpp>
#include <contact_audit/audit/session.hpp>
#include <contact_audit/exposure/what_if.hpp>
#include <contact_audit/ledger/consent.hpp>
#include <contact_audit/ledger/time.hpp>
#include <contact_audit/phone/shared_cache.hpp>

#include <map>
#include <mutex>

namespace contact_audit::audit {
namespace {

// The company domains as one more rule source: `[lists] company_domains` entries
// are merged with those of the rule files (docs/rules.md).
classify::RuleSource domains_source(const std::vector<std::string>& domains)
{
  std::string text = "[lists]\ncompany_domains = [";
  for (std::size_t i = 0; i < domains.size(); ++i) {
    text += (i == 0 ? "\"" : ", \"");
    for (const char c : domains[i]) {
      if (c == '"' || c == '\\') {
        text += '\\';
      }
      text += c;
    }
    text += '"';
  }
  text += "]\n";
  return {"<batch configuration: company domains>", text};
}

} // namespace

struct AuditSession::Impl
{
  SessionOptions options;
  SharedSetup shared;
  mutable phone::SharedNumberCache numbers; // Thread-safe; shared by every device.
  mutable std::mutex ledger_mutex;          // The Store is used by one thread at a time.
  std::unique_ptr<ledger::Store> store;
  mutable std::map<std::pair<std::string, std::int64_t>,
                   std::shared_ptr<const ledger::ConsentIndex>>
      indexes;

  std::shared_ptr<const ledger::ConsentIndex> index(std::string_view purpose,
                                                    ledger::Timestamp at) const
  {
    const std::lock_guard lock(ledger_mutex);
    auto& slot = indexes[{std::string(purpose), at.time_since_epoch().count()}];
    if (!slot) {
      slot = std::make_shared<const ledger::ConsentIndex>(
          ledger::load_consent_index(*store, purpose, at));
    }
    return slot;
  }
};

AuditSession::AuditSession(const SessionOptions& options) : m_impl(std::make_unique<Impl>())
{
  auto& impl = *m_impl;
  impl.options = options;
  std::vector<classify::RuleSource> extra;
  if (!options.company_domains.empty()) {
    extra.push_back(domains_source(options.company_domains));
  }
  impl.shared.rules =
      classify::load_rule_dir(classify::classify_rules_dir(options.rules_root), extra);
  impl.shared.as_of = options.as_of.value_or(ledger::now_utc());
  impl.store = ledger::open_ledger(options.ledger_path);
  impl.shared.overrides = reviewed_decisions(*impl.store, impl.shared.as_of);
}

AuditSession::~AuditSession() = default;

AuditResult AuditSession::audit_device(const std::filesystem::path& device_profile,
                                       const std::vector<AuditInput>& inputs,
                                       DiagnosticSink& sink,
                                       const UploadObserver* observer) const
{
  const auto& impl = *m_impl;
  AuditOptions options;
  options.device_profile = device_profile;
  options.inputs = inputs;
  options.rules_root = impl.options.rules_root;
  options.ledger_path = impl.options.ledger_path;
  options.as_of = impl.shared.as_of;
  options.region = impl.options.region;
  options.company = impl.options.company;
  options.csv_mapping = impl.options.csv_mapping;
  options.tool_version = impl.options.tool_version;
  options.max_attention = impl.options.max_attention;

  std::size_t profile_warnings = 0;
  struct Counting final : DiagnosticSink
  {
    Counting(DiagnosticSink& next, std::size_t& count) : m_next(next), m_count(count) {}
    void report(Diagnostic diagnostic) override
    {
      ++m_count;
      m_next.report(std::move(diagnostic));
    }
    DiagnosticSink& m_next;
    std::size_t& m_count;
  } counted(sink, profile_warnings);
  auto profile = exposure::load_device_profile(device_profile, counted);
  auto messenger = exposure::load_messenger(profile, options.rules_root);
  auto alternatives = exposure::alternative_configurations(profile);
  auto consents = impl.index(messenger.purpose, impl.shared.as_of);
  const Setup setup{std::move(profile),
                    std::move(messenger),
                    std::move(alternatives),
                    &*impl.shared.rules,
                    &impl.shared.overrides,
                    std::move(consents),
                    impl.shared.as_of};
  importers::PipelineOptions pipeline;
  pipeline.region = options.region;
  pipeline.shared_cache = &impl.numbers;
  auto result = audit_with(options, setup, pipeline, sink, observer);
  result.totals.diagnostics += profile_warnings;
  return result;
}

std::string AuditSession::consent_state(std::string_view purpose,
                                        std::string_view e164,
                                        std::chrono::sys_seconds at) const
{
  const auto index = m_impl->index(purpose, at);
  return std::string(ledger::to_string(index->lookup(e164)));
}

std::optional<std::chrono::sys_seconds>
AuditSession::consent_valid_until(std::string_view purpose, std::string_view e164) const
{
  const std::lock_guard lock(m_impl->ledger_mutex);
  const auto state = ledger::state_of_number(*m_impl->store, e164, purpose, m_impl->shared.as_of);
  std::optional<std::chrono::sys_seconds> until;
  for (const auto& subject : state.subjects) {
    if (subject.deciding_event && subject.deciding_event->valid_until) {
      const auto end = *subject.deciding_event->valid_until;
      until = until ? std::min(*until, end) : end;
    }
  }
  return until;
}

std::chrono::sys_seconds AuditSession::as_of() const
{
  return m_impl->shared.as_of;
}

std::size_t AuditSession::numbers_parsed() const
{
  return m_impl->numbers.misses();
}

std::size_t AuditSession::numbers_from_cache() const
{
  return m_impl->numbers.hits();
}

} // namespace contact_audit::audit
