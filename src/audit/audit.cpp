// SPDX-License-Identifier: MIT
// run_audit: load the profile, rules and ledger, then stream every contact through
// classification, exposure and consent lookup into findings.
#include "findings.hpp"
#include "setup.hpp"

#include <contact_audit/audit/audit.hpp>
#include <contact_audit/audit/reviewed_decisions.hpp>
#include <contact_audit/classify/rule_set.hpp>
#include <contact_audit/core/error.hpp>
#include <contact_audit/core/hash.hpp>
#include <contact_audit/exposure/book_files.hpp>
#include <contact_audit/exposure/messenger_model.hpp>
#include <contact_audit/exposure/what_if.hpp>
#include <contact_audit/importers/pipeline.hpp>
#include <contact_audit/ledger/consent.hpp>
#include <contact_audit/ledger/time.hpp>

#include <algorithm>
#include <future>

namespace contact_audit::audit {
namespace {

// Counts what passes through on its way to the caller's sink.
class CountingSink final : public DiagnosticSink
{
public:
  explicit CountingSink(DiagnosticSink& next) : m_next(next) {}
  void report(Diagnostic diagnostic) override
  {
    ++count;
    m_next.report(std::move(diagnostic));
  }
  std::size_t count = 0;

private:
  DiagnosticSink& m_next;
};

std::vector<importers::InputFile> input_files(const AuditOptions& options,
                                              const exposure::DeviceProfile& profile,
                                              DiagnosticSink& sink)
{
  std::vector<importers::InputFile> files;
  const auto add =
      [&](const std::filesystem::path& path, std::string account, std::string encoding) {
        importers::InputFile file{path, {}};
        file.options.account = std::move(account);
        file.options.encoding = std::move(encoding);
        file.options.csv_mapping = options.csv_mapping;
        files.push_back(std::move(file));
      };
  if (options.inputs.empty()) {
    for (const auto& book_file : exposure::book_files(profile, sink)) {
      add(book_file.path, book_file.account, {});
    }
    if (files.empty()) {
      throw InputError(profile.file.string() +
                       ": No address book file was given and the profile's address books name "
                       "no existing file; give the files on the command line.");
    }
    return files;
  }
  for (const auto& input : options.inputs) {
    add(input.path,
        input.account.empty() ? exposure::account_for_file(profile, input.path) : input.account,
        input.encoding);
  }
  return files;
}

bool has_separate_side(const exposure::DeviceProfile& profile)
{
  return std::any_of(profile.address_books.begin(),
                     profile.address_books.end(),
                     [](const exposure::AddressBook& book) {
                       return book.account == exposure::Zone::managed ||
                              book.account == exposure::Zone::work;
                     });
}

LocalisedText localised(const exposure::LocalisedText& text)
{
  return {text.de, text.en};
}

Setup load_setup(const AuditOptions& options, DiagnosticSink& sink, SharedSetup& shared)
{
  // The profile first: it names the messenger, and with it the consent purpose.
  auto profile = exposure::load_device_profile(options.device_profile, sink);
  auto messenger = exposure::load_messenger(profile, options.rules_root);
  auto alternatives = exposure::alternative_configurations(profile);
  shared.rules = classify::load_rule_dir(classify::classify_rules_dir(options.rules_root));
  shared.as_of = options.as_of.value_or(ledger::now_utc());
  const auto store = ledger::open_ledger(options.ledger_path);
  shared.overrides = reviewed_decisions(*store, shared.as_of);
  auto consents = std::make_shared<const ledger::ConsentIndex>(
      ledger::load_consent_index(*store, messenger.purpose, shared.as_of));
  return Setup{std::move(profile),
               std::move(messenger),
               std::move(alternatives),
               &*shared.rules,
               &shared.overrides,
               std::move(consents),
               shared.as_of};
}

Manifest make_manifest(const AuditOptions& options, const Setup& setup)
{
  Manifest manifest;
  manifest.tool_version = options.tool_version;
  manifest.generated_at = ledger::format_timestamp(ledger::now_utc());
  manifest.as_of = ledger::format_timestamp(setup.as_of);
  manifest.region = options.region;
  manifest.company = options.company;
  manifest.device_id = setup.profile.id;
  manifest.device_name = setup.profile.name;
  manifest.device_profile_path = options.device_profile.string();
  manifest.device_profile_sha256 = sha256_file_hex(options.device_profile);
  manifest.platform = std::string(exposure::to_string(setup.profile.platform));
  manifest.messenger = setup.messenger.id;
  manifest.messenger_name = setup.messenger.name;
  manifest.purpose = setup.messenger.purpose;
  manifest.transfer_model = localised(setup.messenger.summary);
  manifest.rules_sha256 = setup.rules->sha256();
  manifest.rules_version = setup.rules->sha256().substr(0, 12);
  manifest.ledger_path = options.ledger_path.string();
  if (const auto& head = setup.consents->head()) {
    manifest.ledger_head_hash = head->hash;
    manifest.ledger_events = static_cast<std::size_t>(head->event_id);
  }
  manifest.unknown_as = std::string(classify::to_string(setup.rules->policy().unknown_as));
  return manifest;
}

// Streams contacts into the result; keeps only findings, never the contacts.
class Assessor
{
public:
  Assessor(const Setup& setup,
           AuditResult& result,
           std::size_t max_attention,
           ContactObserver on_contact,
           const UploadObserver* observer)
      : m_setup(setup), m_classifier(*setup.rules, *setup.overrides), m_result(result),
        m_max_attention(max_attention), m_separate(has_separate_side(setup.profile)),
        m_on_contact(std::move(on_contact)), m_observer(observer)
  {
    for (const auto& alternative : setup.alternatives) {
      const auto& what_if = *alternative.what_if;
      m_result.what_if.push_back({what_if.id,
                                  {what_if.name.de, what_if.name.en},
                                  {what_if.description.de, what_if.description.en},
                                  0,
                                  0,
                                  0});
    }
  }

  void assess(const contact::Contact& contact)
  {
    m_classifier.classify(contact, m_verdict);
    const bool business = m_verdict.treated_as == classify::Classification::business;
    count_class();
    note_attention(contact);
    std::vector<NumberRecord> numbers;
    numbers.reserve(contact.phones.size());
    for (const auto& phone : contact.phones) {
      numbers.push_back(number_record(phone, *m_setup.consents));
    }
    const bool lacking = business && lacks_consent(numbers);
    const auto seen = exposure::expose(m_setup.profile, contact, business);
    count_exposure(seen, numbers, business);
    count_what_if(contact, business, lacking, numbers);
    if (!lacking || seen.level == exposure::ExposureLevel::not_visible) {
      tell_observer(contact, seen, numbers, lacking, nullptr);
      return;
    }
    auto finding = make_finding(contact, m_verdict, seen, std::move(numbers), m_separate, m_texts);
    tell_observer(contact, seen, finding.numbers, lacking, &finding);
    if (seen.level == exposure::ExposureLevel::lookup_only) {
      m_result.residual.push_back(std::move(finding));
      return;
    }
    auto& totals = m_result.totals;
    ++totals.non_compliant_contacts;
    for (const auto& number : finding.numbers) {
      totals.non_compliant_numbers +=
          number.consent_state != "valid" && number.consent_state != k_not_needed ? 1 : 0;
    }
    ++totals.remediations[finding.remediation];
    m_result.findings.push_back(std::move(finding));
  }

  std::size_t attention_omitted() const { return m_attention_omitted; }

private:
  void tell_observer(const contact::Contact& contact,
                     const exposure::Exposure& seen,
                     const std::vector<NumberRecord>& numbers,
                     bool lacking,
                     const Finding* finding) const
  {
    if (!m_on_contact) {
      return;
    }
    m_on_contact(ContactDecision{contact,
                                 std::string(classify::to_string(m_verdict.classification)),
                                 std::string(classify::to_string(m_verdict.treated_as)),
                                 std::string(exposure::to_string(seen.level)),
                                 localised(seen.reason),
                                 numbers,
                                 lacking,
                                 finding});
  }

  void count_class()
  {
    auto& totals = m_result.totals;
    switch (m_verdict.classification) {
    case classify::Classification::business:
      ++totals.business;
      break;
    case classify::Classification::private_:
      ++totals.private_;
      break;
    case classify::Classification::unknown:
      ++totals.unknown;
      break;
    }
  }

  void count_exposure(const exposure::Exposure& seen,
                      const std::vector<NumberRecord>& numbers,
                      bool business)
  {
    auto& totals = m_result.totals;
    if (seen.level == exposure::ExposureLevel::not_visible) {
      ++totals.not_visible;
      return;
    }
    if (seen.level == exposure::ExposureLevel::lookup_only) {
      ++totals.lookup_only;
      return;
    }
    ++totals.visible;
    if (!business) {
      return;
    }
    for (const auto& number : numbers) {
      totals.numbers_uploaded += number.e164.empty() ? 0 : 1;
      ++totals.consent_states[number.consent_state];
      if (m_observer != nullptr && !number.e164.empty()) {
        (*m_observer)(m_setup.messenger.purpose, number.e164, number.consent_state);
      }
    }
  }

  void count_what_if(const contact::Contact& contact,
                     bool business,
                     bool lacking,
                     const std::vector<NumberRecord>& numbers)
  {
    for (std::size_t i = 0; i < m_setup.alternatives.size(); ++i) {
      const auto level = exposure::exposure_level(m_setup.alternatives[i], contact, business);
      auto& what_if = m_result.what_if[i];
      if (level == exposure::ExposureLevel::lookup_only && lacking) {
        ++what_if.lookup_only;
      }
      if (level != exposure::ExposureLevel::bulk_upload || !lacking) {
        continue;
      }
      ++what_if.non_compliant_contacts;
      for (const auto& number : numbers) {
        what_if.non_compliant_numbers +=
            number.consent_state != "valid" && number.consent_state != k_not_needed ? 1 : 0;
      }
    }
  }

  void note_attention(const contact::Contact& contact)
  {
    for (const auto& phone : contact.phones) {
      const auto& number = phone.number;
      const bool attention = number.status != phone::NumberStatus::valid || !needs_consent(phone);
      if (!attention) {
        continue;
      }
      if (m_result.attention.size() >= m_max_attention) {
        ++m_attention_omitted;
        continue;
      }
      m_result.attention.push_back({contact::best_name(contact),
                                    contact.source.file.string(),
                                    phone.line,
                                    phone.raw,
                                    number.e164,
                                    std::string(phone::to_string(number.status)),
                                    number.issue_code.empty()
                                        ? std::string(phone::to_string(number.type))
                                        : number.issue_code,
                                    number.issue});
    }
  }

  const Setup& m_setup;
  classify::Classifier m_classifier;
  classify::Verdict m_verdict;
  SharedTexts m_texts;
  AuditResult& m_result;
  std::size_t m_max_attention;
  std::size_t m_attention_omitted = 0;
  bool m_separate;
  ContactObserver m_on_contact;
  const UploadObserver* m_observer;
};

} // namespace

AuditResult audit_with(const AuditOptions& options,
                       const Setup& setup,
                       const importers::PipelineOptions& pipeline,
                       DiagnosticSink& sink,
                       const UploadObserver* observer)
{
  CountingSink counted(sink);
  const auto files = input_files(options, setup.profile, counted);

  AuditResult result;
  result.manifest = make_manifest(options, setup);
  // The manifest records each input with its hash, so the audit can be reproduced.
  // The hashes are taken while the contacts are read, not in a serial step after.
  auto hashes = std::async(std::launch::async, [&files] {
    std::vector<std::string> hex;
    for (const auto& file : files) {
      hex.push_back(sha256_file_hex(file.path));
    }
    return hex;
  });
  Assessor assessor(setup, result, options.max_attention, options.on_contact, observer);
  const auto summary = importers::run_import(
      files, pipeline, [&](contact::Contact&& contact) { assessor.assess(contact); }, counted);

  const auto input_hashes = hashes.get();
  for (std::size_t i = 0; i < files.size(); ++i) {
    result.manifest.inputs.push_back({files[i].path.string(),
                                      input_hashes[i],
                                      files[i].options.account,
                                      summary.per_file[i].contacts_read});
  }
  auto& totals = result.totals;
  totals.files = summary.files;
  totals.contacts_read = summary.contacts_read;
  totals.contacts_rejected = summary.contacts_rejected;
  totals.diagnostics = counted.count;
  totals.attention_omitted = assessor.attention_omitted();
  sort_findings(result.findings);
  sort_findings(result.residual);
  std::sort(result.what_if.begin(), result.what_if.end(), [](const WhatIf& a, const WhatIf& b) {
    return a.non_compliant_contacts < b.non_compliant_contacts;
  });
  return result;
}

AuditResult run_audit(const AuditOptions& options, DiagnosticSink& sink)
{
  // Load and validate everything before reading a contact, so a broken profile
  // or rule file stops the audit before any work is done.
  CountingSink counted(sink);
  SharedSetup shared;
  const Setup setup = load_setup(options, counted, shared);
  importers::PipelineOptions pipeline;
  pipeline.region = options.region;
  pipeline.threads = options.threads;
  auto result = audit_with(options, setup, pipeline, sink, nullptr);
  result.totals.diagnostics += counted.count;
  return result;
}

} // namespace contact_audit::audit
