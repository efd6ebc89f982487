// SPDX-License-Identifier: MIT
// End-to-end: from an audit with missing consents to request letters, `requested` events,
// returned forms and a second audit with fewer findings (testdata/audit, see its SOURCE.md).
#include "run_binary.hpp"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <doctest/doctest.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <memory>
#include <sys/stat.h>

namespace {

using Poco::JSON::Object;

constexpr const char* k_contact = "Beispiel GmbH, Datenschutz, Musterstraße 1, 10115 Berlin, "
                                  "datenschutz@beispiel.example";

std::string now(const std::string& iso)
{
  return "CONTACT_AUDIT_NOW=" + iso;
}

// The text of a PDF as pdftotext (poppler-utils) extracts it.
std::string pdf_text(const std::filesystem::path& pdf)
{
  const std::string command = "pdftotext -enc UTF-8 '" + pdf.string() + "' - 2>/dev/null";
  std::unique_ptr<FILE, int (*)(FILE*)> pipe(::popen(command.c_str(), "r"), ::pclose);
  REQUIRE(pipe != nullptr);
  std::string text;
  std::array<char, 4096> buffer{};
  std::size_t read = 0;
  while ((read = std::fread(buffer.data(), 1, buffer.size(), pipe.get())) > 0) {
    text.append(buffer.data(), read);
  }
  return text;
}

unsigned mode_of(const std::filesystem::path& path)
{
  struct stat info
  {
  };
  REQUIRE(::stat(path.c_str(), &info) == 0);
  return info.st_mode & 0777U;
}

std::size_t events_in(const std::string& ledger)
{
  const auto run = e2e::run({"consent", "verify", "--ledger", ledger});
  REQUIRE(run.exit_code == 0);
  const auto at = run.out.find("Head: event ");
  REQUIRE(at != std::string::npos);
  return std::stoul(run.out.substr(at + 12));
}

class Loop
{
public:
  Loop() { e2e::seed_audit_scenario_ledger(ledger()); }

  std::string ledger() const { return path("ledger.sqlite").string(); }
  std::filesystem::path path(const std::string& name) const { return m_dir.path() / name; }

  // Audit the Android phone without work profile; returns the parsed JSON.
  Object::Ptr audit(const std::string& json, const std::string& at, bool reveal = true) const
  {
    std::vector<std::string> arguments{"audit",
                                       "--device",
                                       e2e::testdata("audit/android-unmanaged.toml").string(),
                                       "--ledger",
                                       ledger(),
                                       "--json",
                                       path(json).string(),
                                       "--company",
                                       "Beispiel GmbH"};
    if (reveal) {
      arguments.emplace_back("--reveal");
    }
    const auto run = e2e::run(arguments, {}, {now(at)});
    REQUIRE(run.exit_code == 1);
    Poco::JSON::Parser parser;
    return parser.parse(e2e::read_file(path(json))).extract<Object::Ptr>();
  }

  e2e::Run request(const std::vector<std::string>& from,
                   const std::string& out,
                   const std::string& at,
                   const std::string& language = "de") const
  {
    std::vector<std::string> arguments{"consent", "request"};
    for (const auto& json : from) {
      arguments.insert(arguments.end(), {"--from", path(json).string()});
    }
    arguments.insert(arguments.end(),
                     {"--out",
                      path(out).string(),
                      "--lang",
                      language,
                      "--contact",
                      k_contact,
                      "--ledger",
                      ledger(),
                      "--by",
                      "dpo"});
    return e2e::run(arguments, {}, {now(at)});
  }

  Poco::JSON::Array::Ptr requests(const std::string& out) const
  {
    Poco::JSON::Parser parser;
    return parser.parse(e2e::read_file(path(out) / "requests.json"))
        .extract<Object::Ptr>()
        ->getArray("requests");
  }

private:
  e2e::TempDir m_dir;
};

Object::Ptr request_for(const Poco::JSON::Array::Ptr& requests, const std::string& name)
{
  for (std::size_t i = 0; i < requests->size(); ++i) {
    const auto entry = requests->getObject(static_cast<unsigned>(i));
    if (entry->getValue<std::string>("name") == name) {
      return entry;
    }
  }
  FAIL("no request for " << name);
  return nullptr;
}

std::size_t non_compliant(const Object::Ptr& audit)
{
  return audit->getObject("totals")->getValue<std::size_t>("non_compliant_contacts");
}

} // namespace

TEST_SUITE("e2e consent requests")
{
  TEST_CASE("an audit with missing consents gives one letter per person and one requested event "
            "each")
  {
    Loop loop;
    const auto audit = loop.audit("audit.json", "2026-11-25T08:00:00Z");
    REQUIRE(non_compliant(audit) == 15);
    const std::size_t before = events_in(loop.ledger());
    const auto run = loop.request({"audit.json"}, "letters", "2026-11-25T10:00:00Z");
    REQUIRE(run.exit_code == 0);
    // 15 findings: 14 without consent (12 expired, 13-20 missing, 21-25 landline) and contact 11,
    // who withdrew and is not asked again.
    CHECK(run.out.find("Wrote 14 consent request letter(s)") != std::string::npos);
    CHECK(run.out.find("14 request(s) recorded now, 0 already pending") != std::string::npos);
    CHECK(run.out.find("1 finding(s) with only refused, withdrawn or revoked numbers") !=
          std::string::npos);
    CHECK(events_in(loop.ledger()) == before + 14);
    const auto requests = loop.requests("letters");
    REQUIRE(requests->size() == 14);
    CHECK(mode_of(loop.path("letters")) == 0700U);
    for (std::size_t i = 0; i < requests->size(); ++i) {
      const auto form_id =
          requests->getObject(static_cast<unsigned>(i))->getValue<std::string>("form_id");
      CHECK(form_id.size() == 22);
      CHECK(mode_of(loop.path("letters") / (form_id + ".pdf")) == 0600U);
      CHECK(mode_of(loop.path("letters") / (form_id + ".txt")) == 0600U);
    }
    CHECK(mode_of(loop.path("letters") / "requests.csv") == 0600U);
    CHECK(mode_of(loop.path("letters") / "requests.json") == 0600U);
  }

  TEST_CASE("a letter asks only about the number without consent and says what the law requires")
  {
    Loop loop;
    loop.audit("audit.json", "2026-11-25T08:00:00Z");
    REQUIRE(loop.request({"audit.json"}, "letters", "2026-11-25T10:00:00Z").exit_code == 0);
    const auto vera = request_for(loop.requests("letters"), "Vera Geschaeft22");
    const auto form_id = vera->getValue<std::string>("form_id");
    CHECK(vera->getArray("numbers")->size() == 1);
    CHECK(vera->getArray("numbers")->getElement<std::string>(0) == "+49302312522");
    const std::string pdf = pdf_text(loop.path("letters") / (form_id + ".pdf"));
    const std::string text = e2e::read_file(loop.path("letters") / (form_id + ".txt"));
    for (const std::string& document : {pdf, text}) {
      CHECK(document.find("Formular-ID: " + form_id) != std::string::npos);
      CHECK(document.find("+49302312522") != std::string::npos);
      CHECK(document.find("+4915120000022") == std::string::npos); // Valid consent: not asked.
      CHECK(document.find("Beispiel GmbH") != std::string::npos);
      CHECK(document.find("datenschutz@beispiel.example") != std::string::npos);
      CHECK(document.find("WhatsApp Ireland Limited") != std::string::npos);
      CHECK(document.find("Data Privacy Framework") != std::string::npos);
      CHECK(document.find("freiwillig") != std::string::npos);
      CHECK(document.find("Art. 7 Abs. 3 DSGVO") != std::string::npos);
      CHECK(document.find("Aufsichtsbehörde") != std::string::npos);
      CHECK(document.find("Unterschrift") != std::string::npos);
      CHECK(document.find(vera->getValue<std::string>("notice_sha256")) != std::string::npos);
    }
    CHECK(text.find("[ ] Ja, ich willige ein") != std::string::npos);
    CHECK(pdf.find("Nein, ich willige nicht ein") != std::string::npos);
  }

  TEST_CASE("letters in English come from the English template")
  {
    Loop loop;
    loop.audit("audit.json", "2026-11-25T08:00:00Z");
    REQUIRE(loop.request({"audit.json"}, "letters", "2026-11-25T10:00:00Z", "en").exit_code == 0);
    const auto form_id = request_for(loop.requests("letters"), "Marta Geschaeft13")
                             ->getValue<std::string>("form_id");
    const std::string pdf = pdf_text(loop.path("letters") / (form_id + ".pdf"));
    CHECK(pdf.find("Declaration of consent") != std::string::npos);
    CHECK(pdf.find("GDPR Art. 7(3)") != std::string::npos);
    CHECK(pdf.find("Form id: " + form_id) != std::string::npos);
  }

  TEST_CASE("re-running on the same audit records no second request and keeps the form ids")
  {
    Loop loop;
    loop.audit("audit.json", "2026-11-25T08:00:00Z");
    REQUIRE(loop.request({"audit.json"}, "first", "2026-11-25T10:00:00Z").exit_code == 0);
    const std::size_t after_first = events_in(loop.ledger());
    const auto again = loop.request({"audit.json"}, "second", "2026-11-27T10:00:00Z");
    REQUIRE(again.exit_code == 0);
    CHECK(again.out.find("0 request(s) recorded now, 14 already pending") != std::string::npos);
    CHECK(events_in(loop.ledger()) == after_first);
    const auto first = loop.requests("first");
    const auto second = loop.requests("second");
    REQUIRE(second->size() == first->size());
    for (std::size_t i = 0; i < first->size(); ++i) {
      const auto a = first->getObject(static_cast<unsigned>(i));
      const auto b = second->getObject(static_cast<unsigned>(i));
      CHECK(a->getValue<std::string>("form_id") == b->getValue<std::string>("form_id"));
      CHECK(b->getValue<std::string>("status") == "pending");
      CHECK(b->getValue<std::string>("requested_at") == "2026-11-25");
      CHECK(b->getValue<int>("request_age_days") == 2);
    }
  }

  TEST_CASE("returned forms found by their form id make consent valid and the next audit smaller")
  {
    Loop loop;
    loop.audit("audit.json", "2026-11-25T08:00:00Z");
    REQUIRE(loop.request({"audit.json"}, "letters", "2026-11-25T10:00:00Z").exit_code == 0);
    // HR types the returned forms: no phone numbers, only the form id, the decision and the
    // date; eight people consent, two refuse.
    const auto requests = loop.requests("letters");
    std::string csv = "Name;Telefon;Entscheidung;Datum;Formular-ID;Textversion;Form\n";
    for (std::size_t i = 0; i < 10; ++i) {
      const auto entry = requests->getObject(static_cast<unsigned>(i));
      csv += entry->getValue<std::string>("name") + ";;" + (i < 8 ? "erteilt" : "abgelehnt") +
             ";25.11.2026;" + entry->getValue<std::string>("form_id") + ";" + (i < 8 ? "1" : "") +
             ";Papier\n";
    }
    e2e::TempDir scratch;
    const auto file = scratch.write("returned.csv", csv);
    const auto import =
        e2e::run({"consent", "import", file.string(), "--by", "hr", "--ledger", loop.ledger()},
                 {},
                 {now("2026-11-26T09:00:00Z")});
    REQUIRE(import.exit_code == 0);
    CHECK(import.out.find("10 imported") != std::string::npos);
    CHECK(import.out.find("0 new subjects") != std::string::npos);

    const auto second = loop.audit("second.json", "2026-11-30T08:00:00Z");
    // 15 before: 8 now valid; 2 refused, 1 withdrawn and 4 still pending remain.
    CHECK(non_compliant(second) == 7);
    const auto states = second->getObject("totals")->getObject("consent_states");
    CHECK(states->getValue<std::size_t>("valid") == 23);
    CHECK(states->getValue<std::size_t>("refused") == 2);
    CHECK(states->getValue<std::size_t>("pending") == 4);
    std::size_t pending_seen = 0;
    const auto findings = second->getArray("findings");
    for (std::size_t i = 0; i < findings->size(); ++i) {
      const auto numbers = findings->getObject(static_cast<unsigned>(i))->getArray("numbers");
      for (std::size_t j = 0; j < numbers->size(); ++j) {
        const auto number = numbers->getObject(static_cast<unsigned>(j));
        if (number->getValue<std::string>("consent_state") == "pending") {
          ++pending_seen;
          CHECK(number->getValue<std::string>("requested_at") == "2026-11-25");
          CHECK(number->getValue<int>("request_age_days") == 5);
        }
      }
    }
    CHECK(pending_seen == 4);

    // Both audits together (two devices): the same people, asked once; nothing new recorded.
    const std::size_t events = events_in(loop.ledger());
    const auto third = loop.request({"second.json", "audit.json"}, "again", "2026-11-30T10:00:00Z");
    REQUIRE(third.exit_code == 0);
    CHECK(third.out.find("Wrote 4 consent request letter(s)") != std::string::npos);
    CHECK(third.out.find("0 request(s) recorded now, 4 already pending") != std::string::npos);
    CHECK(events_in(loop.ledger()) == events);
  }

  TEST_CASE("terminal, HTML and PDF reports show pending consents with the age of the request")
  {
    Loop loop;
    loop.audit("audit.json", "2026-11-25T08:00:00Z");
    REQUIRE(loop.request({"audit.json"}, "letters", "2026-11-25T10:00:00Z", "en").exit_code == 0);
    const auto run = e2e::run({"audit",
                               "--device",
                               e2e::testdata("audit/android-unmanaged.toml").string(),
                               "--ledger",
                               loop.ledger(),
                               "--lang",
                               "en",
                               "--report",
                               loop.path("report.html").string(),
                               "--report",
                               loop.path("report.pdf").string()},
                              {},
                              {now("2026-12-05T08:00:00Z")});
    const std::string label = "pending, requested 2026-11-25 (10 days ago)";
    CHECK(run.out.find("(" + label + ")") != std::string::npos);
    CHECK(e2e::read_file(loop.path("report.html")).find(label) != std::string::npos);
    std::string pdf = pdf_text(loop.path("report.pdf"));
    std::replace(pdf.begin(), pdf.end(), '\n', ' ');
    CHECK(pdf.find("requested 2026-11-25") != std::string::npos);
  }

  TEST_CASE("an audit with masked numbers is refused and nothing is written")
  {
    Loop loop;
    loop.audit("masked.json", "2026-11-25T08:00:00Z", false);
    const std::size_t before = events_in(loop.ledger());
    const auto run = loop.request({"masked.json"}, "letters", "2026-11-25T10:00:00Z");
    CHECK(run.exit_code == 2);
    CHECK(run.err.find("masked.json: The audit lists masked numbers") != std::string::npos);
    CHECK(run.err.find("--reveal") != std::string::npos);
    CHECK_FALSE(std::filesystem::exists(loop.path("letters")));
    CHECK(events_in(loop.ledger()) == before);
  }

  TEST_CASE("without --from, consent request still records a single request")
  {
    Loop loop;
    const auto run = e2e::run({"consent",
                               "request",
                               "+4915120000099",
                               "--name",
                               "Neu Person",
                               "--ledger",
                               loop.ledger(),
                               "--by",
                               "hr"});
    CHECK(run.exit_code == 0);
    CHECK(run.out.find("Recorded event") != std::string::npos);
    CHECK(run.out.find("requested") != std::string::npos);
  }
}
