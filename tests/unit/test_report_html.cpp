// SPDX-License-Identifier: MIT
// Tests of the HTML report: content, escaping of address-book values, masking, templates.
#include "test_report_support.hpp"

#include <contact_audit/core/error.hpp>
#include <contact_audit/report/html.hpp>

#include <doctest/doctest.h>

#include <fstream>
#include <sys/stat.h>

using namespace contact_audit;
using namespace contact_audit::report;
using contact_audit::test::count_of;

namespace {

std::string render(const std::string& language, bool reveal = false)
{
  ReportOptions options;
  options.language = language;
  options.reveal = reveal;
  return render_html_report(test::sample_audit(), options);
}

void write_text(const std::filesystem::path& path, const std::string& text)
{
  std::ofstream(path, std::ios::binary) << text;
}

} // namespace

TEST_SUITE("report::html")
{
  TEST_CASE("contact names with markup are shown as text and never as markup")
  {
    const std::string html = render("de");
    CHECK(html.find(test::k_script_name) == std::string::npos);
    CHECK(html.find("&lt;script&gt;alert(1)&lt;/script&gt;") != std::string::npos);
    CHECK(html.find("<img") == std::string::npos);
    CHECK(html.find("&quot;&gt;&lt;img src=x onerror=alert(2)&gt;") != std::string::npos);
    CHECK(html.find("&lt;b&gt;Fett&lt;/b&gt;") != std::string::npos);
    CHECK(html.find("&lt;script&gt;document.documentElement.setAttribute(") != std::string::npos);
    // The only script element is the report's own.
    CHECK(count_of(html, "<script") == 1);
  }

  TEST_CASE(
      "the page is self-contained with no external requests and a CSP allowing only its own code")
  {
    const std::string html = render("en");
    CHECK(html.find("src=\"http") == std::string::npos);
    CHECK(html.find("href=\"http") == std::string::npos);
    CHECK(html.find("@import") == std::string::npos);
    CHECK(html.find("Content-Security-Policy") != std::string::npos);
    CHECK(html.find("script-src 'sha256-") != std::string::npos);
    CHECK(html.find("<svg") != std::string::npos);
    CHECK(html.find("<style>") != std::string::npos);
  }

  TEST_CASE("the German report has German texts and dates and numbers")
  {
    const std::string html = render("de");
    CHECK(html.find("<html lang=\"de\">") != std::string::npos);
    CHECK(html.find("Nicht konform: WhatsApp würde 6 Geschäftskontakte mit 7 Telefonnummern ohne "
                    "gültige Einwilligung hochladen.") != std::string::npos);
    CHECK(html.find("22.11.2026, 14:05 UTC") != std::string::npos);
    CHECK(html.find("1.244") != std::string::npos); // contacts read
    CHECK(html.find("Jürgen Groß-Übermaß") != std::string::npos);
    CHECK(html.find("5. Methode und Rechtsgrundlage") != std::string::npos);
    CHECK(html.find("Art. 6 Abs. 1 lit. a DSGVO") != std::string::npos);
    CHECK(html.find("Art. 2 Abs. 2 lit. c DSGVO") != std::string::npos);
  }

  TEST_CASE("the English report has English texts and dates and numbers")
  {
    const std::string html = render("en");
    CHECK(html.find("<html lang=\"en\">") != std::string::npos);
    CHECK(html.find("Not compliant: WhatsApp would upload 6 business contacts") !=
          std::string::npos);
    CHECK(html.find("2026-11-22 14:05 UTC") != std::string::npos);
    CHECK(html.find("1,244") != std::string::npos);
    CHECK(html.find("GDPR Art. 6(1)(a)") != std::string::npos);
    CHECK(html.find("Nicht konform") == std::string::npos);
  }

  TEST_CASE("every finding is a table row so the table is complete without JavaScript")
  {
    const std::string html = render("de");
    CHECK(count_of(html, "<tr data-class=") == 7); // six findings and one residual
    CHECK(html.find("id=\"findings-controls\" class=\"controls\" hidden") != std::string::npos);
  }

  TEST_CASE("phone numbers are masked unless revealed")
  {
    const std::string masked = render("de");
    CHECK(masked.find("+4915112345678") == std::string::npos);
    CHECK(masked.find("+49151*****678") != std::string::npos);
    const std::string revealed = render("de", true);
    CHECK(revealed.find("+4915112345678") != std::string::npos);
    CHECK(revealed.find("vollständig angezeigt") != std::string::npos);
  }

  TEST_CASE("a company template directory replaces single files")
  {
    test::TempDir dir;
    write_text(dir.path() / "style.css", "body { color: #123456; }\n");
    write_text(dir.path() / "letterhead.mustache",
               "<div class=\"letterhead\">ACME Briefkopf {{company_display}}</div>\n");
    ReportOptions options;
    options.template_dir = dir.path();
    options.company = "ACME <GmbH>";
    const std::string html = render_html_report(test::sample_audit(), options);
    CHECK(html.find("body { color: #123456; }") != std::string::npos);
    CHECK(html.find("ACME Briefkopf ACME &lt;GmbH&gt;") != std::string::npos);
    CHECK(html.find("data-report-script") != std::string::npos); // built-in script kept
  }

  TEST_CASE("a broken template or a missing template directory is an input error naming the file")
  {
    test::TempDir dir;
    write_text(dir.path() / "report.html.mustache", "<p>{{#findings}}</p>\n");
    ReportOptions options;
    options.template_dir = dir.path();
    try {
      (void)render_html_report(test::sample_audit(), options);
      FAIL("expected InputError");
    } catch (const InputError& error) {
      const std::string message = error.what();
      CHECK(message.find((dir.path() / "report.html.mustache").string()) == 0);
      CHECK(message.find("no report was written") != std::string::npos);
    }
    options.template_dir = dir.path() / "missing";
    CHECK_THROWS_AS(render_html_report(test::sample_audit(), options), InputError);
  }

  TEST_CASE("an unknown language is an input error")
  {
    ReportOptions options;
    options.language = "fr";
    CHECK_THROWS_AS(render_html_report(test::sample_audit(), options), InputError);
  }

  TEST_CASE("the report file is written with mode 0600")
  {
    test::TempDir dir;
    const auto out = dir.path() / "report.html";
    write_html_report(test::sample_audit(), ReportOptions{}, out);
    struct stat info
    {
    };
    REQUIRE(::stat(out.c_str(), &info) == 0);
    CHECK((info.st_mode & 0777) == 0600);
  }

  TEST_CASE("a compliant audit says so and lists no findings")
  {
    audit::AuditResult result = test::sample_audit();
    result.findings.clear();
    result.residual.clear();
    result.totals.non_compliant_contacts = 0;
    result.totals.non_compliant_numbers = 0;
    const std::string html = render_html_report(result, ReportOptions{});
    CHECK(html.find("Konform: WhatsApp würde auf diesem Gerät keinen Geschäftskontakt") !=
          std::string::npos);
    CHECK(html.find("Keine Befunde") != std::string::npos);
    CHECK(html.find("Keine Maßnahme nötig") != std::string::npos);
  }
}
