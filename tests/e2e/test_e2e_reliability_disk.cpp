// SPDX-License-Identifier: MIT
// End-to-end: a full disk (simulated with RLIMIT_FSIZE, so no root is needed) during a report
// or a consent import is a clear error with exit code 3 that leaves the earlier files intact.
#include "reliability_support.hpp"

#include <doctest/doctest.h>

namespace fs = std::filesystem;
using namespace e2e::reliability;

namespace {

// The files in `dir` whose names end in ".tmp": what a half-written report would leave.
std::vector<std::string> temporary_files(const fs::path& dir)
{
  std::vector<std::string> found;
  for (const auto& entry : fs::directory_iterator(dir)) {
    if (entry.path().extension() == ".tmp") {
      found.push_back(entry.path().filename().string());
    }
  }
  return found;
}

// The audit scenario of test_e2e_audit.cpp: a ledger and the reports of a first audit.
struct AuditedPhone
{
  AuditedPhone()
  {
    const auto import = e2e::run({"consent",
                                  "import",
                                  e2e::testdata("audit/consent.csv").string(),
                                  "--by",
                                  "hr",
                                  "--ledger",
                                  ledger.string()},
                                 {},
                                 {"CONTACT_AUDIT_NOW=2026-02-01T09:00:00Z"});
    REQUIRE(import.exit_code == 0);
    const auto audit = e2e::run(audit_arguments());
    REQUIRE(audit.exit_code == 1);
  }

  std::vector<std::string> audit_arguments() const
  {
    return {"audit",
            "--device",
            e2e::testdata("audit/android-unmanaged.toml").string(),
            "--ledger",
            ledger.string(),
            "--as-of",
            "2026-11-25",
            "--lang",
            "en",
            "-q",
            "--json",
            report("json").string()};
  }

  fs::path report(const std::string& extension) const { return reports / ("audit." + extension); }

  e2e::TempDir dir;
  fs::path ledger = dir.path() / "ledger.sqlite";
  fs::path reports = [this] {
    fs::create_directories(dir.path() / "reports");
    return dir.path() / "reports";
  }();
};

} // namespace

TEST_SUITE("e2e reliability: disk full")
{
  TEST_CASE("an audit whose JSON report cannot be written exits 3 and keeps the earlier report")
  {
    AuditedPhone phone;
    const auto before = e2e::read_file(phone.report("json"));
    REQUIRE(before.size() > 36000);
    // Room for SQLite's 32 KiB shared-memory file, not for the report.
    const auto run = e2e::run(phone.audit_arguments(), {{}, {}, 36000});
    CHECK(run.exit_code == 3);
    CHECK(run.err.find("File too large") != std::string::npos);
    CHECK(run.err.find("The report " + phone.report("json").string() +
                       " was not written; an earlier file at that path is unchanged.") !=
          std::string::npos);
    CHECK(e2e::read_file(phone.report("json")) == before);
    CHECK(temporary_files(phone.reports).empty());
  }

  TEST_CASE("re-rendering HTML, PDF and CSV reports onto a full disk exits 3 for each, "
            "leaving the earlier files")
  {
    AuditedPhone phone;
    for (const std::string extension : {"html", "pdf", "csv"}) {
      CAPTURE(extension);
      const auto output = phone.report(extension);
      const auto option = extension == "csv" ? "--csv" : "--report";
      REQUIRE(
          e2e::run({"report", phone.report("json").string(), option, output.string()}).exit_code ==
          1);
      const auto before = e2e::read_file(output);
      REQUIRE(before.size() > 4000);
      const auto run = e2e::run({"report", phone.report("json").string(), option, output.string()},
                                {{}, {}, 4000});
      CHECK(run.exit_code == 3);
      CHECK(run.err.starts_with("contact-audit: error: "));
      CHECK(run.err.find("The report " + output.string() + " was not written") !=
            std::string::npos);
      CHECK(e2e::read_file(output) == before);
      CHECK(temporary_files(phone.reports).empty());
    }
  }

  TEST_CASE("a consent import onto a full disk exits 3, writes nothing and succeeds later")
  {
    e2e::TempDir dir;
    const Ledger ledger(dir.path() / "ledger.sqlite");
    REQUIRE(
        ledger.consent({"import", e2e::testdata("consent/formulare.csv").string(), "--by", "hr"})
            .exit_code == 0);
    const auto head = ledger.head();
    REQUIRE(head == "Head: event 5 " + head.substr(14));
    const auto forms = write_forms(dir.path() / "forms.csv", 5000, 0);
    const auto limit = fs::file_size(ledger.path()) + 512 * 1024;
    const auto run = ledger.consent({"import", forms.string(), "--by", "hr"}, {{}, {}, limit});
    CHECK(run.exit_code == 3);
    CHECK(run.err.find(ledger.path().string() + ": The ledger failed while") != std::string::npos);
    CHECK(run.err.find("(writing to the disk failed: it may be full") != std::string::npos);
    CHECK(run.err.find("Nothing was written: the whole change was rolled back.") !=
          std::string::npos);
    CHECK(ledger.head() == head);
    const auto again = ledger.consent({"import", forms.string(), "--by", "hr"});
    CHECK(again.exit_code == 0);
    CHECK(ledger.verified_events() == 5005);
  }
}
