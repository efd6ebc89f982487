// SPDX-License-Identifier: MIT
// Number records, findings, remediations and severities of the audit.
#include "findings.hpp"

#include <contact_audit/ledger/time.hpp>
#include <contact_audit/ledger/types.hpp>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <map>
#include <string_view>

namespace contact_audit::audit {
namespace {

bool is_service_line(const phone::NormalisedNumber& number)
{
  return number.status == phone::NumberStatus::service ||
         number.type == phone::NumberType::short_code ||
         number.type == phone::NumberType::toll_free ||
         number.type == phone::NumberType::shared_cost ||
         number.type == phone::NumberType::premium_rate;
}

// An explicit "no" (withdrawn, refused, revoked) must not be asked again at once:
// the contact has to leave the messenger's reach instead.
bool is_explicit_no(std::string_view state)
{
  return state == "withdrawn" || state == "refused" || state == "revoked";
}

int state_severity(std::string_view state)
{
  if (is_explicit_no(state)) {
    return 3;
  }
  if (state == "pending") {
    return 1;
  }
  return state == "valid" || state == k_not_needed ? 0 : 2;
}

struct Remediation
{
  std::string_view id;
  std::string_view de;
  std::string_view en;
};

Remediation choose_remediation(const std::vector<NumberRecord>& numbers, bool has_separate_side)
{
  const bool explicit_no = std::any_of(numbers.begin(), numbers.end(), [](const NumberRecord& n) {
    return is_explicit_no(n.consent_state);
  });
  if (explicit_no && has_separate_side) {
    return {"move_to_managed",
            "Den Kontakt in das verwaltete Konto bzw. das Arbeitsprofil verschieben: die Person "
            "hat die Einwilligung abgelehnt oder widerrufen.",
            "Move the contact to the managed account or work profile: the person refused or "
            "withdrew consent."};
  }
  if (explicit_no) {
    return {"delete_contact",
            "Den Kontakt vom Gerät löschen oder die EMM-Trennung einrichten: die Person hat die "
            "Einwilligung abgelehnt oder widerrufen.",
            "Delete the contact from the device or set up EMM separation: the person refused "
            "or withdrew consent."};
  }
  return {"obtain_consent",
          "Einwilligung einholen (Anfrage erzeugen) oder den Kontakt in das verwaltete Konto "
          "bzw. Arbeitsprofil verschieben.",
          "Obtain consent (generate the request) or move the contact to the managed account or "
          "work profile."};
}

// The reasons as the reports show them. Evidence stays masked, since a stored
// audit keeps it as it is here.
std::vector<Reason> reasons_of(const classify::Verdict& verdict, SharedTexts& texts)
{
  using classify::Language;
  std::vector<Reason> reasons;
  reasons.reserve(verdict.overrides.size() + (verdict.conflict ? 1 : 0) + verdict.fired.size());
  for (const auto* entry : verdict.overrides) {
    reasons.push_back(
        {"review",
         0,
         {classify::explain(*entry, Language::de), classify::explain(*entry, Language::en)},
         nullptr,
         {}});
  }
  if (verdict.conflict) {
    reasons.push_back({"review.conflict",
                       0,
                       {"Die geprüften Entscheidungen widersprechen sich; der Kontakt gilt als "
                        "geschäftlich.",
                        "The reviewed decisions disagree; the contact is treated as business."},
                       nullptr,
                       {}});
  }
  for (const auto& fired : verdict.fired) {
    reasons.push_back({fired.rule->id,
                       fired.rule->weight,
                       {},
                       texts.pattern(*fired.rule),
                       classify::shown_evidence(fired)});
  }
  return reasons;
}

} // namespace

std::shared_ptr<const LocalisedText> SharedTexts::pattern(const classify::RuleInfo& rule)
{
  auto& pattern = m_patterns[&rule];
  if (!pattern) {
    pattern = std::make_shared<const LocalisedText>(
        LocalisedText{classify::explanation_pattern(rule, classify::Language::de),
                      classify::explanation_pattern(rule, classify::Language::en)});
  }
  return pattern;
}

SharedText SharedTexts::text(std::string_view de, std::string_view en)
{
  const auto found = m_texts.find(en);
  if (found != m_texts.end()) {
    if (found->second.get().de == de) {
      return found->second;
    }
    return SharedText(std::string(de), std::string(en)); // Same English, other German: rare.
  }
  return m_texts.emplace(std::string(en), SharedText(std::string(de), std::string(en)))
      .first->second;
}

bool needs_consent(const contact::Phone& phone)
{
  return !phone.number.e164.empty() && !is_service_line(phone.number);
}

NumberRecord number_record(const contact::Phone& phone, const ledger::ConsentIndex& consents)
{
  NumberRecord record;
  record.e164 = phone.number.e164;
  record.raw = phone.raw;
  record.type = std::string(phone::to_string(phone.number.type));
  record.status = std::string(phone::to_string(phone.number.status));
  if (!needs_consent(phone)) {
    record.consent_state = std::string(k_not_needed);
    return record;
  }
  const auto* entry = consents.find(phone.number.e164);
  if (entry == nullptr) {
    record.consent_state = "missing";
    return record;
  }
  record.consent_state = std::string(ledger::to_string(entry->status));
  if (entry->deciding_event != 0) {
    record.consent_detail = "event " + std::to_string(entry->deciding_event);
  }
  if (entry->status == ledger::ConsentStatus::pending && entry->decided_at != 0) {
    const ledger::Timestamp requested{std::chrono::seconds(entry->decided_at)};
    record.requested_at = ledger::format_date(requested);
    record.request_age_days = static_cast<int>(
        std::chrono::floor<std::chrono::days>(consents.as_of() - requested).count());
  }
  if (entry->subjects > 1) {
    record.consent_detail += (record.consent_detail.empty() ? "" : "; ") +
                             std::to_string(entry->subjects) + " subjects share the number";
  }
  if (entry->colleague_verbal) {
    record.consent_detail += (record.consent_detail.empty() ? "" : "; ") +
                             std::string("colleague consent given verbally (§ 26(2) BDSG)");
  }
  return record;
}

bool lacks_consent(const std::vector<NumberRecord>& numbers)
{
  return std::any_of(numbers.begin(), numbers.end(), [](const NumberRecord& number) {
    return number.consent_state != "valid" && number.consent_state != k_not_needed;
  });
}

Finding make_finding(const contact::Contact& contact,
                     const classify::Verdict& verdict,
                     const exposure::Exposure& exposure,
                     std::vector<NumberRecord> numbers,
                     bool has_separate_side,
                     SharedTexts& texts)
{
  Finding finding;
  finding.contact = contact::best_name(contact);
  finding.organisation = contact.organisation;
  for (const auto& email : contact.emails) {
    finding.emails.push_back(email.address);
  }
  finding.file = contact.source.file.string();
  finding.line = contact.source.line;
  finding.account = exposure.account ? std::string(exposure::to_string(*exposure.account))
                                     : contact.source.account;
  finding.classification = std::string(classify::to_string(verdict.classification));
  finding.score = verdict.score;
  finding.reasons = reasons_of(verdict, texts);
  finding.exposure = std::string(exposure::to_string(exposure.level));
  finding.exposure_reason = texts.text(exposure.reason.de, exposure.reason.en);
  const auto remediation = choose_remediation(numbers, has_separate_side);
  finding.remediation = std::string(remediation.id);
  finding.remediation_text = texts.text(remediation.de, remediation.en);
  int severity = 0;
  for (const auto& number : numbers) {
    severity = std::max(severity, state_severity(number.consent_state));
  }
  // Clear business contacts before `unknown` ones treated as business by policy.
  finding.severity = severity * 10 +
                     (verdict.classification == classify::Classification::business ? 5 : 0) +
                     (exposure.level == exposure::ExposureLevel::bulk_upload ? 1 : 0);
  finding.numbers = std::move(numbers);
  return finding;
}

namespace {

// Eight bytes of `text` from `offset` as a big-endian number, zero-padded: comparing
// the numbers orders as comparing those bytes of the texts would.
std::uint64_t order_bytes(std::string_view text, std::size_t offset)
{
  std::uint64_t bytes = 0;
  for (std::size_t i = offset; i < offset + 8; ++i) {
    bytes = (bytes << 8) | (i < text.size() ? static_cast<unsigned char>(text[i]) : 0U);
  }
  return bytes;
}

// Each finding's file as its rank among the distinct files (there are few), so that
// findings of the same name compare files without reading the paths.
std::vector<std::uint32_t> file_ranks(const Findings& findings)
{
  std::map<std::string_view, std::uint32_t> rank_of;
  // Each finding's place in rank_of; consecutive findings mostly share their file.
  std::vector<const std::uint32_t*> rank_at;
  rank_at.reserve(findings.size());
  std::string_view last;
  const std::uint32_t* last_rank = nullptr;
  for (const Finding& finding : findings) {
    if (last_rank == nullptr || finding.file != last) {
      last = finding.file;
      last_rank = &rank_of.try_emplace(last, 0).first->second;
    }
    rank_at.push_back(last_rank);
  }
  std::uint32_t next = 0;
  for (auto& [file, rank] : rank_of) {
    rank = next++;
  }
  std::vector<std::uint32_t> ranks;
  ranks.reserve(rank_at.size());
  for (const auto* rank : rank_at) {
    ranks.push_back(*rank);
  }
  return ranks;
}

} // namespace

void sort_findings(Findings& findings)
{
  // Sort small keys side by side, not the findings: comparing them then reads
  // one array instead of jumping through memory, and each finding moves once.
  // The key holds the first 16 bytes of the name (most names fit) and the file's
  // rank, so most comparisons never read a finding's strings.
  struct Key
  {
    int severity;
    std::uint32_t position;
    std::uint64_t name_head;
    std::uint64_t name_tail;
    std::string_view contact;
    std::uint32_t file_rank;
    std::size_t line;
  };
  constexpr std::size_t k_inline_name = 16;
  const auto ranks = file_ranks(findings);
  std::vector<Key> keys;
  keys.reserve(findings.size());
  for (std::uint32_t i = 0; i < findings.size(); ++i) {
    const Finding& finding = findings[i];
    keys.push_back({finding.severity,
                    i,
                    order_bytes(finding.contact, 0),
                    order_bytes(finding.contact, 8),
                    finding.contact,
                    ranks[i],
                    finding.line});
  }
  std::stable_sort(keys.begin(), keys.end(), [](const Key& a, const Key& b) {
    if (a.severity != b.severity) {
      return a.severity > b.severity;
    }
    if (a.name_head != b.name_head) {
      return a.name_head < b.name_head;
    }
    if (a.name_tail != b.name_tail) {
      return a.name_tail < b.name_tail;
    }
    if (a.contact.size() <= k_inline_name && b.contact.size() <= k_inline_name) {
      // Equal in all 16 bytes, zero-padded: the shorter one is a prefix of the other.
      if (a.contact.size() != b.contact.size()) {
        return a.contact.size() < b.contact.size();
      }
    } else if (a.contact != b.contact) {
      return a.contact < b.contact;
    }
    if (a.file_rank != b.file_rank) {
      return a.file_rank < b.file_rank;
    }
    return a.line < b.line;
  });
  // Apply the order in place, cycle by cycle: no second copy of the findings.
  // keys[i].position names the finding that belongs at i; a done place names itself.
  for (std::uint32_t start = 0; start < keys.size(); ++start) {
    if (keys[start].position == start) {
      continue;
    }
    Finding held = std::move(findings[start]);
    for (std::uint32_t current = start;;) {
      const std::uint32_t next = keys[current].position;
      keys[current].position = current;
      if (next == start) {
        findings[current] = std::move(held);
        break;
      }
      findings[current] = std::move(findings[next]);
      current = next;
    }
  }
}

} // namespace contact_audit::audit
