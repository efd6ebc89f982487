// SPDX-License-Identifier: MIT
// The sample audit and helpers shared by the report tests.
#include "test_report_support.hpp"

#include <cstdio>
#include <memory>
#include <random>

// LeakSanitizer reads this hook at start-up: fontconfig, under pango, keeps its caches
// until exit. Library frames only, as in tests/lsan.supp (which other binaries that
// write PDFs can use through LSAN_OPTIONS=suppressions=...).
extern "C" __attribute__((used)) const char* __lsan_default_suppressions()
{
  return "leak:libfontconfig.so\n";
}

namespace contact_audit::test {

namespace {

audit::Finding make_finding(std::string contact,
                            std::string organisation,
                            std::size_t line,
                            std::string consent,
                            int severity)
{
  audit::Finding finding;
  finding.contact = std::move(contact);
  finding.organisation = std::move(organisation);
  finding.file = "exports/iphone-jürgen.vcf";
  finding.line = line;
  finding.account = "Exchange (verwaltet)";
  finding.classification = "business";
  finding.score = 70;
  finding.reasons.push_back(
      {"org.present", 40, {"Organisation angegeben", "Organisation present"}, nullptr, {}});
  // As an audit makes it: the rule's pattern, shared, and this contact's evidence.
  static const auto work_phone = std::make_shared<const audit::LocalisedText>(
      audit::LocalisedText{"Regel phone.work (+30): Dienstliche Telefonnummer {value}",
                           "rule phone.work (+30): work phone number {value}"});
  finding.reasons.push_back({"phone.work", 30, {}, work_phone, "+49221****567"});
  finding.exposure = "bulk_upload";
  finding.exposure_reason = {
      "WhatsApp ist nicht verwaltet und allowOpenFromManagedToUnmanaged ist true.",
      "WhatsApp is unmanaged and allowOpenFromManagedToUnmanaged is true."};
  finding.numbers.push_back({"+4915112345678",
                             "0151 12345678",
                             "mobile",
                             "valid",
                             consent,
                             consent == "withdrawn" ? "withdrawn 2026-10-01 by e-mail" : "",
                             "",
                             -1});
  finding.remediation = "obtain_consent";
  finding.remediation_text = {"Einwilligung einholen oder den Kontakt in das verwaltete Konto "
                              "verschieben.",
                              "Obtain consent or move the contact to the managed account."};
  finding.severity = severity;
  return finding;
}

void fill_manifest(audit::Manifest& manifest)
{
  manifest.tool_version = "0.1.0";
  manifest.generated_at = "2026-11-22T14:05:00Z";
  manifest.as_of = "2026-11-22T14:05:00Z";
  manifest.region = "DE";
  manifest.company = "Müller & Söhne GmbH";
  manifest.device_id = "DEV-0042";
  manifest.device_name = "iPhone von Jürgen Weiß";
  manifest.device_profile_path = "profiles/iphone-jürgen.toml";
  manifest.device_profile_sha256 = std::string(64, 'a');
  manifest.platform = "ios";
  manifest.messenger = "whatsapp";
  manifest.messenger_name = "WhatsApp";
  manifest.purpose = "whatsapp-contact-upload";
  manifest.transfer_model = {
      "WhatsApp überträgt beim Kontaktabgleich alle Telefonnummern des Adressbuchs regelmäßig an "
      "die Server von WhatsApp Ireland Ltd.",
      "During contact discovery WhatsApp regularly transfers every phone number in the address "
      "book to the servers of WhatsApp Ireland Ltd."};
  manifest.rules_version = "de-business-2026.11";
  manifest.rules_sha256 = std::string(64, 'b');
  manifest.ledger_path = "/var/lib/contact-audit/ledger.sqlite";
  manifest.ledger_head_hash = std::string(64, 'c');
  manifest.ledger_events = 1234;
  manifest.unknown_as = "business";
  manifest.inputs.push_back({"exports/iphone-jürgen.vcf", std::string(64, 'd'), "exchange", 812});
  manifest.inputs.push_back({"exports/icloud.vcf", std::string(64, 'e'), "icloud", 432});
}

void fill_findings(audit::AuditResult& result, std::size_t extra_findings)
{
  result.findings.push_back(
      make_finding("Jürgen Groß-Übermaß", "Straßenbau Köln GmbH", 12, "missing", 90));
  result.findings.push_back(make_finding(k_script_name, k_marker_script, 40, "missing", 80));
  result.findings.push_back(make_finding(k_img_name, k_marker_img, 57, "withdrawn", 80));
  result.findings.push_back(make_finding(
      "Maximiliane Theresia Bernadette Freifrau von und zu Hohenzollern-Sigmaringen-Obermarchtal",
      k_long_word,
      88,
      "expired",
      70));
  result.findings.push_back(make_finding("Zoë Ørsted", "", 120, "refused", 60));
  audit::Finding unknown = make_finding("Dr. Änne Öztürk", "Praxis am Ölberg", 133, "pending", 50);
  unknown.classification = "unknown";
  unknown.numbers.push_back(
      {"+493012345678", "030 12345678", "fixed_line", "valid", "missing", "", "", -1});
  result.findings.push_back(unknown);
  for (std::size_t i = 0; i < extra_findings; ++i) {
    char name[64];
    std::snprintf(name, sizeof name, "Kontakt %06zu Größe", i + 1);
    result.findings.push_back(
        make_finding(name, "Übungsfirma " + std::to_string(i % 97), 200 + i, "missing", 10));
  }
  audit::Finding residual = make_finding("Ursula Weiß", "Bäckerei Weiß", 301, "missing", 20);
  residual.exposure = "lookup_only";
  residual.remediation = "change_emm_setting";
  result.residual.push_back(residual);
}

} // namespace

audit::AuditResult sample_audit(std::size_t extra_findings)
{
  audit::AuditResult result;
  fill_manifest(result.manifest);
  fill_findings(result, extra_findings);
  const std::size_t findings = result.findings.size();
  audit::Totals& totals = result.totals;
  totals.files = 2;
  totals.contacts_read = 1244 + extra_findings;
  totals.contacts_rejected = 3;
  totals.diagnostics = 17;
  totals.visible = 812 + extra_findings;
  totals.lookup_only = 1;
  totals.not_visible = 431;
  totals.business = 240 + extra_findings;
  totals.private_ = 990;
  totals.unknown = 14;
  totals.numbers_uploaded = 300 + extra_findings;
  totals.consent_states = {{"valid", 120},
                           {"missing", 2 + extra_findings + 2},
                           {"withdrawn", 1},
                           {"expired", 1},
                           {"refused", 1},
                           {"pending", 1}};
  totals.non_compliant_contacts = findings;
  totals.non_compliant_numbers = findings + 1;
  totals.remediations = {{"obtain_consent", findings - 1}, {"move_to_managed", 1}};
  const auto what_if = [&](std::string id,
                           audit::LocalisedText name,
                           audit::LocalisedText description,
                           std::size_t contacts,
                           std::size_t numbers) {
    audit::WhatIf alternative;
    alternative.id = std::move(id);
    alternative.name = std::move(name);
    alternative.description = std::move(description);
    alternative.non_compliant_contacts = contacts;
    alternative.non_compliant_numbers = numbers;
    result.what_if.push_back(std::move(alternative));
  };
  what_if("ios-separated",
          {"iOS: verwaltet und nicht verwaltet getrennt", "iOS: managed and unmanaged separated"},
          {"allowOpenFromManagedToUnmanaged = false; WhatsApp bleibt nicht verwaltet.",
           "allowOpenFromManagedToUnmanaged = false; WhatsApp stays unmanaged."},
          0,
          0);
  what_if("ios-limited-access",
          {"iOS 18: eingeschränkter Zugriff", "iOS 18: limited access"},
          {"Nur private Kontakte werden für WhatsApp freigegeben.",
           "Only private contacts are shared with WhatsApp."},
          1,
          1);
  what_if("ios-messenger-managed",
          {"WhatsApp als verwaltete App", "WhatsApp as a managed app"},
          {"Eine verwaltete App sieht verwaltete und nicht verwaltete Konten.",
           "A managed app sees managed and unmanaged accounts."},
          findings + 3,
          findings + 4);
  totals.attention_omitted = 2;
  result.attention.push_back({"Jürgen Groß-Übermaß",
                              "exports/iphone-jürgen.vcf",
                              14,
                              "030 1234",
                              "+49301234",
                              "invalid",
                              "phone.invalid",
                              "Die Nummer ist für die Region DE ungültig."});
  result.attention.push_back({"Notruf",
                              "exports/icloud.vcf",
                              3,
                              "110",
                              "+49110",
                              "service",
                              "phone.service",
                              "Servicenummer; keine Einwilligung nötig."});
  result.attention.push_back({"<b>Fett</b>",
                              "exports/icloud.vcf",
                              9,
                              "+49 (0) 171 2345678",
                              "+491712345678",
                              "ambiguous",
                              "phone.ambiguous",
                              "Die Schreibweise „+49 (0)“ ist mehrdeutig."});
  return result;
}

TempDir::TempDir()
{
  std::random_device random;
  m_path = std::filesystem::temp_directory_path() /
           ("contact-audit-report-" + std::to_string(random()) + std::to_string(random()));
  std::filesystem::create_directories(m_path);
}

TempDir::~TempDir()
{
  std::error_code ignored;
  std::filesystem::remove_all(m_path, ignored);
}

std::size_t count_of(const std::string& haystack, const std::string& needle)
{
  std::size_t count = 0;
  for (std::size_t at = haystack.find(needle); at != std::string::npos;
       at = haystack.find(needle, at + needle.size())) {
    ++count;
  }
  return count;
}

} // namespace contact_audit::test
