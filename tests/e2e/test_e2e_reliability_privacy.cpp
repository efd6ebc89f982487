// SPDX-License-Identifier: MIT
// End-to-end: the tool's own privacy. Files with personal data are owner-only whatever the
// umask, numbers are masked in terminal output and diagnostics unless --reveal, and no
// command of the audit path opens a socket.
#include "reliability_support.hpp"

#include <doctest/doctest.h>

#include <sys/stat.h>

namespace fs = std::filesystem;
using namespace e2e::reliability;

namespace {

unsigned mode_of(const fs::path& path)
{
  struct stat info
  {
  };
  REQUIRE(::stat(path.c_str(), &info) == 0);
  return info.st_mode & 0777U;
}

// Sets the umask of this process (and so of the children it starts) for one scope.
class Umask
{
public:
  explicit Umask(mode_t mask) : m_previous(::umask(mask)) {}
  ~Umask() { ::umask(m_previous); }
  Umask(const Umask&) = delete;
  Umask& operator=(const Umask&) = delete;

private:
  mode_t m_previous;
};

const std::string k_audit_now = "CONTACT_AUDIT_NOW=2026-02-01T09:00:00Z";

std::vector<std::string> audit_arguments(const fs::path& dir, const fs::path& ledger)
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
          "--json",
          (dir / "a.json").string(),
          "--csv",
          (dir / "a.csv").string(),
          "--report",
          (dir / "a.html").string(),
          "--report",
          (dir / "a.pdf").string()};
}

} // namespace

TEST_SUITE("e2e reliability: privacy of the tool")
{
  TEST_CASE("ledger, reports, rejects and exports are owner-only even with umask 000")
  {
    e2e::TempDir dir;
    const Umask open_umask(0);
    const auto ledger = dir.path() / "ledger" / "ledger.sqlite";
    REQUIRE(e2e::run({"consent",
                      "import",
                      e2e::testdata("audit/consent.csv").string(),
                      "--by",
                      "hr",
                      "--ledger",
                      ledger.string()},
                     {},
                     {k_audit_now})
                .exit_code == 0);
    CHECK(mode_of(ledger) == 0600);
    CHECK(mode_of(ledger.parent_path()) == 0700);
    const auto audit = e2e::run(audit_arguments(dir.path(), ledger));
    CHECK(audit.exit_code == 1);
    for (const char* report : {"a.json", "a.csv", "a.html", "a.pdf"}) {
      CAPTURE(report);
      CHECK(mode_of(dir.path() / report) == 0600);
    }
    const auto rejects = dir.path() / "rejects.csv";
    const Ledger forms_ledger(ledger);
    REQUIRE(forms_ledger
                .consent({"import",
                          e2e::testdata("consent/formulare-fehler.csv").string(),
                          "--by",
                          "hr",
                          "--skip-invalid",
                          "--rejects",
                          rejects.string()})
                .exit_code == 0);
    CHECK(mode_of(rejects) == 0600);
    const auto grant = forms_ledger.consent(
        {"grant", "0151 29999999", "--name", "Ida Export", "--notice-version", "1", "--by", "hr"});
    REQUIRE(grant.exit_code == 0);
    const auto subject = grant.out.substr(grant.out.find("subject ") + 8, 36);
    const auto exported = dir.path() / "export.json";
    REQUIRE(forms_ledger.consent({"export", subject, "-o", exported.string()}).exit_code == 0);
    CHECK(mode_of(exported) == 0600);
  }

  TEST_CASE("numbers are masked in terminal output and diagnostics unless --reveal")
  {
    e2e::TempDir dir;
    const auto vcf = dir.write("book.vcf",
                               "BEGIN:VCARD\nVERSION:3.0\nFN:Anna\nTEL:0151 23456701\n"
                               "TEL:0151 2345 670 1 2 3 4 5 6 7 8\nEND:VCARD\n");
    auto run = e2e::run({"import", vcf.string()});
    CHECK(run.exit_code == 0);
    CHECK(run.out.find("+49151*****701") != std::string::npos);
    for (const char* digits : {"23456701", "2345 670 1 2 3"}) {
      CAPTURE(digits);
      CHECK(run.out.find(digits) == std::string::npos);
      CHECK(run.err.find(digits) == std::string::npos);
    }
    CHECK(run.err.find(vcf.string() + ":5:") != std::string::npos);
    run = e2e::run({"import", vcf.string(), "--reveal"});
    CHECK(run.out.find("+4915123456701") != std::string::npos);

    const auto ledger = dir.path() / "ledger.sqlite";
    REQUIRE(e2e::run({"consent",
                      "import",
                      e2e::testdata("audit/consent.csv").string(),
                      "--by",
                      "hr",
                      "--ledger",
                      ledger.string()},
                     {},
                     {k_audit_now})
                .exit_code == 0);
    run = e2e::run(audit_arguments(dir.path(), ledger));
    CHECK(run.out.find("+49151*****013") != std::string::npos);
    CHECK(run.out.find("+4915120000013") == std::string::npos);
    auto revealed = audit_arguments(dir.path(), ledger);
    revealed.push_back("--reveal");
    CHECK(e2e::run(revealed).out.find("+4915120000013") != std::string::npos);
  }

  TEST_CASE("no command of the audit path opens a socket")
  {
    e2e::TempDir dir;
    const auto log = dir.path() / "network.log";
    std::vector<std::string> environment{"LD_PRELOAD=" CONTACT_AUDIT_NO_NETWORK_SHIM,
                                         "CONTACT_AUDIT_NETWORK_LOG=" + log.string(),
                                         k_audit_now,
                                         // The shim is loaded ahead of the ASan runtime.
                                         "ASAN_OPTIONS=verify_asan_link_order=0:detect_leaks=0"};
    // Control: the shim sees a program that does connect (bash's /dev/tcp).
    const std::string control =
        "env LD_PRELOAD=" CONTACT_AUDIT_NO_NETWORK_SHIM " CONTACT_AUDIT_NETWORK_LOG='" +
        log.string() + "' bash -c 'exec 3<>/dev/tcp/127.0.0.1/9' 2>/dev/null";
    CHECK(std::system(control.c_str()) != 0);
    CHECK(!e2e::read_file(log).empty());
    fs::remove(log);

    const auto ledger = (dir.path() / "ledger.sqlite").string();
    const std::vector<std::vector<std::string>> commands{
        {"consent",
         "import",
         e2e::testdata("audit/consent.csv").string(),
         "--by",
         "hr",
         "--ledger",
         ledger},
        {"consent", "verify", "--ledger", ledger},
        {"import", e2e::testdata("sample/phone-anna.vcf").string()},
        {"classify", e2e::testdata("sample/phone-anna.vcf").string()},
        audit_arguments(dir.path(), ledger),
        {"report",
         (dir.path() / "a.json").string(),
         "--report",
         (dir.path() / "again.pdf").string()},
    };
    for (const auto& command : commands) {
      CAPTURE(command[0] + " " + command[1]);
      const auto run = e2e::run(command, {{}, environment, 0});
      CHECK(run.exit_code <= 1);
      CHECK(run.err.find("ERROR: AddressSanitizer") == std::string::npos);
    }
    CHECK(fs::exists(dir.path() / "again.pdf"));
    CHECK(e2e::read_file(log) == "");
  }
}
