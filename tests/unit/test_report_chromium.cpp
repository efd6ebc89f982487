// SPDX-License-Identifier: MIT
// The HTML report in a real headless Chromium: summary and findings in the DOM, no script from
// contact data.
#include "test_report_support.hpp"

#include <contact_audit/report/html.hpp>

#include <doctest/doctest.h>

#include <chrono>
#include <iostream>

using namespace contact_audit;
using contact_audit::test::run_command;
using contact_audit::test::shell_quote;

namespace {

const std::filesystem::path k_artefacts = CONTACT_AUDIT_REPORT_ARTEFACTS;

// Chromium with everything that could reach the network or a profile switched off.
std::string
chromium(const test::TempDir& profile, const std::string& mode, const std::filesystem::path& html)
{
  const auto found = run_command("command -v chromium");
  REQUIRE_MESSAGE(found.exit_code == 0,
                  "chromium is not installed: the HTML report test needs Debian's chromium package "
                  "(apt-get install --no-install-recommends chromium; scripts/setup.sh does it)");
  const std::string command =
      "timeout 180 chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run "
      "--disable-background-networking --disable-component-update --disable-sync "
      "--disable-default-apps --disable-extensions --user-data-dir=" +
      shell_quote(profile.path().string()) + " " + mode + " " +
      shell_quote("file://" + html.string()) + " 2>/dev/null";
  const auto result = run_command(command);
  REQUIRE_MESSAGE(result.exit_code == 0, "chromium failed: " << command);
  return result.output;
}

std::filesystem::path
write_report(const audit::AuditResult& result, const std::string& language, const std::string& name)
{
  std::filesystem::create_directories(k_artefacts);
  report::ReportOptions options;
  options.language = language;
  const auto out = k_artefacts / name;
  report::write_html_report(result, options, out);
  return out;
}

} // namespace

TEST_SUITE("report::chromium")
{
  TEST_CASE(
      "the DOM holds the summary figures and a known finding and no script from contact data ran")
  {
    const auto html = write_report(test::sample_audit(), "de", "report-de.html");
    test::TempDir profile;
    const std::string dom = chromium(profile, "--dump-dom", html);
    INFO("DOM written by chromium for ", html.string());
    // The report's own script ran, so scripts were enabled: an injected one would have run too.
    CHECK(dom.find("data-report-script=\"ready\"") != std::string::npos);
    CHECK(dom.find("data-injected=") == std::string::npos);
    CHECK(dom.find("<title>Datenschutzprüfung: Kontakt-Upload an WhatsApp</title>") !=
          std::string::npos);
    CHECK(dom.find("<img") == std::string::npos);
    CHECK(test::count_of(dom, "<script") == 1);
    // The payloads are text.
    CHECK(dom.find("&lt;script&gt;alert(1)&lt;/script&gt;") != std::string::npos);
    CHECK(dom.find("\"&gt;&lt;img src=x onerror=alert(2)&gt;") != std::string::npos);
    // Summary figures and the verdict.
    CHECK(dom.find("<dt>Nicht konforme Kontakte</dt><dd>6</dd>") != std::string::npos);
    CHECK(dom.find("<dt>Gelesene Kontakte</dt><dd>1.244</dd>") != std::string::npos);
    CHECK(dom.find("Nicht konform: WhatsApp würde 6 Geschäftskontakte mit 7 Telefonnummern") !=
          std::string::npos);
    // A known finding, and the filter the script switched on.
    CHECK(dom.find("<span class=\"name\">Jürgen Groß-Übermaß</span>") != std::string::npos);
    CHECK(dom.find("6 von 6 Befunden angezeigt") != std::string::npos);
    CHECK(dom.find("id=\"findings-controls\" class=\"controls\" hidden") == std::string::npos);
  }

  TEST_CASE("a screenshot of the German and English report is saved")
  {
    for (const std::string language : {"de", "en"}) {
      const auto html =
          write_report(test::sample_audit(), language, "report-" + language + ".html");
      const auto png = k_artefacts / ("report-" + language + ".png");
      std::filesystem::remove(png);
      test::TempDir profile;
      (void)chromium(
          profile, "--screenshot=" + shell_quote(png.string()) + " --window-size=1280,2000", html);
      REQUIRE(std::filesystem::exists(png));
      CHECK(std::filesystem::file_size(png) > 50000);
      std::cout << "screenshot: " << png.string() << "\n";
    }
  }

  TEST_CASE("a report with ten thousand findings loads and its script finishes")
  {
    const auto html = write_report(test::sample_audit(10000), "en", "report-10000-en.html");
    test::TempDir profile;
    const auto start = std::chrono::steady_clock::now();
    const std::string dom = chromium(profile, "--dump-dom", html);
    const auto seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::cout << "chromium loaded " << std::filesystem::file_size(html) / 1024
              << " KiB of HTML with 10,006 findings in " << seconds << " s\n";
    CHECK(dom.find("data-report-script=\"ready\"") != std::string::npos);
    CHECK(dom.find("10,006 of 10,006 findings shown") != std::string::npos);
    CHECK(dom.find("Kontakt 010000 Größe") != std::string::npos);
  }
}
