// SPDX-License-Identifier: MIT
// Tests of the PDF report, read back with poppler's pdfinfo and pdftotext.
#include "test_report_support.hpp"

#include <contact_audit/core/error.hpp>
#include <contact_audit/report/pdf.hpp>

#include <doctest/doctest.h>

#include <algorithm>
#include <chrono>
#include <iostream>
#include <sys/stat.h>
#include <thread>

using namespace contact_audit;
using namespace contact_audit::report;
using contact_audit::test::run_command;
using contact_audit::test::shell_quote;

namespace {

std::string pdfinfo(const std::filesystem::path& pdf)
{
  const auto result = run_command("pdfinfo " + shell_quote(pdf.string()));
  REQUIRE_MESSAGE(result.exit_code == 0, "pdfinfo (poppler-utils) failed or is not installed");
  return result.output;
}

std::string pdftotext(const std::filesystem::path& pdf, int first = 0, int last = 0)
{
  std::string command = "pdftotext -enc UTF-8";
  if (first > 0) {
    command += " -f " + std::to_string(first) + " -l " + std::to_string(last);
  }
  const auto result = run_command(command + " " + shell_quote(pdf.string()) + " -");
  REQUIRE_MESSAGE(result.exit_code == 0, "pdftotext (poppler-utils) failed or is not installed");
  return result.output;
}

int page_count(const std::string& info)
{
  const auto at = info.find("Pages:");
  REQUIRE(at != std::string::npos);
  return std::stoi(info.substr(at + 6));
}

// `text` without spaces, line breaks and hyphens: pdftotext drops a hyphen that
// ends a line, taking it for a hyphenation, so wrapped text is compared without them.
std::string without_whitespace(std::string text)
{
  text.erase(std::remove_if(text.begin(),
                            text.end(),
                            [](char c) { return c == ' ' || c == '\n' || c == '\f' || c == '-'; }),
             text.end());
  return text;
}

std::filesystem::path write(const test::TempDir& dir,
                            const audit::AuditResult& result,
                            const std::string& language,
                            const std::string& name)
{
  ReportOptions options;
  options.language = language;
  const auto out = dir.path() / name;
  write_pdf_report(result, options, out);
  return out;
}

} // namespace

TEST_SUITE("report::pdf")
{
  TEST_CASE("the German PDF has German text with umlauts and page numbers and metadata")
  {
    test::TempDir dir;
    const auto pdf = write(dir, test::sample_audit(), "de", "bericht.pdf");
    const std::string info = pdfinfo(pdf);
    CHECK(info.find("Title:           Datenschutzprüfung: Kontakt-Upload an WhatsApp") !=
          std::string::npos);
    CHECK(info.find("Author:          Müller & Söhne GmbH") != std::string::npos);
    CHECK(info.find("Subject:         Geschäftskontakte, die WhatsApp ohne gültige Einwilligung "
                    "hochladen würde") != std::string::npos);
    CHECK(info.find("Creator:         contact-audit 0.1.0") != std::string::npos);
    CHECK(info.find("CreationDate:") != std::string::npos);
    CHECK(info.find("2026") != std::string::npos);
    CHECK(info.find("Page size:       595.276 x 841.89 pts (A4)") != std::string::npos);
    const int pages = page_count(info);
    CHECK(pages >= 3);

    const std::string text = pdftotext(pdf);
    CHECK(text.find("Seite 1 von " + std::to_string(pages)) != std::string::npos);
    CHECK(text.find("Seite " + std::to_string(pages) + " von " + std::to_string(pages)) !=
          std::string::npos);
    CHECK(text.find("Jürgen Groß-Übermaß") != std::string::npos);
    CHECK(text.find("Straßenbau Köln GmbH") != std::string::npos);
    CHECK(text.find("1. Zusammenfassung") != std::string::npos);
    CHECK(text.find("Nicht konform") != std::string::npos);
    CHECK(text.find("Erstellt am 22.11.2026") != std::string::npos);
    CHECK(text.find("6. Nachweis der Grundlagen (Manifest)") != std::string::npos);
    CHECK(text.find("Müller & Söhne GmbH") != std::string::npos);
    // Markup from the address book is just text in the PDF; long names wrap
    // (line breaks but no added hyphens) and nothing is cut off.
    const std::string compact = without_whitespace(text);
    CHECK(compact.find(without_whitespace(test::k_script_name)) != std::string::npos);
    CHECK(compact.find(without_whitespace(test::k_marker_img)) != std::string::npos);
    CHECK(compact.find(without_whitespace(test::k_long_word)) != std::string::npos);
    CHECK(compact.find("FreifrauvonundzuHohenzollernSigmaringenObermarchtal") != std::string::npos);
    CHECK(text.find("+4915112345678") == std::string::npos);
  }

  TEST_CASE("the English PDF has English text and page numbers")
  {
    test::TempDir dir;
    const auto pdf = write(dir, test::sample_audit(), "en", "report.pdf");
    const std::string info = pdfinfo(pdf);
    CHECK(info.find("Title:           Data protection audit: contact upload to WhatsApp") !=
          std::string::npos);
    const int pages = page_count(info);
    const std::string text = pdftotext(pdf);
    CHECK(text.find("Page 1 of " + std::to_string(pages)) != std::string::npos);
    CHECK(text.find("1. Summary") != std::string::npos);
    CHECK(text.find("Not compliant") != std::string::npos);
    CHECK(text.find("Created 2026-11-22") != std::string::npos);
    CHECK(text.find("Seite") == std::string::npos);
  }

  TEST_CASE("table headers repeat on every page a table continues on")
  {
    test::TempDir dir;
    const auto pdf = write(dir, test::sample_audit(120), "de", "lang.pdf");
    const int pages = page_count(pdfinfo(pdf));
    REQUIRE(pages >= 6);
    for (int page = 3; page <= 5; ++page) {
      const std::string text = pdftotext(pdf, page, page);
      INFO("page ", page);
      CHECK(without_whitespace(text).find("NummernundEinwilligung") != std::string::npos);
      CHECK(text.find("Seite " + std::to_string(page) + " von " + std::to_string(pages)) !=
            std::string::npos);
      CHECK(text.find("Müller & Söhne GmbH") != std::string::npos); // header
    }
  }

  TEST_CASE("a contact taller than a page is split between lines and kept whole")
  {
    audit::AuditResult result = test::sample_audit();
    std::string huge;
    for (int i = 1; i <= 400; ++i) {
      huge += "Zeile" + std::to_string(i) + " ";
    }
    result.findings.front().organisation = huge;
    test::TempDir dir;
    const auto pdf = write(dir, result, "de", "gross.pdf");
    const std::string compact = without_whitespace(pdftotext(pdf));
    CHECK(compact.find("Zeile1Zeile2") != std::string::npos);
    CHECK(compact.find("Zeile400") != std::string::npos);
    for (int i = 1; i <= 400; i += 37) {
      INFO("line ", i);
      CHECK(compact.find("Zeile" + std::to_string(i) + "Zeile") != std::string::npos);
    }
  }

  TEST_CASE("the file is written with mode 0600 and an unwritable target is an I/O error")
  {
    test::TempDir dir;
    const auto pdf = write(dir, test::sample_audit(), "de", "modus.pdf");
    struct stat info
    {
    };
    REQUIRE(::stat(pdf.c_str(), &info) == 0);
    CHECK((info.st_mode & 0777) == 0600);
    CHECK_THROWS_AS(write(dir, test::sample_audit(), "de", "fehlt/bericht.pdf"), IoError);
    CHECK_THROWS_AS(write(dir, test::sample_audit(), "xx", "x.pdf"), InputError);
  }

  TEST_CASE("ten thousand findings render with the rest of the list in a compact appendix")
  {
    const audit::AuditResult result = test::sample_audit(10000);
    test::TempDir dir;
    const auto start = std::chrono::steady_clock::now();
    const auto pdf = write(dir, result, "de", "gross.pdf");
    const auto seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    const int pages = page_count(pdfinfo(pdf));
    std::cout << "PDF with " << result.findings.size() << " findings: " << pages << " pages in "
              << seconds << " s, " << std::filesystem::file_size(pdf) / 1024 << " KiB\n";
    CHECK(seconds < 120); // Only that it finishes; timings are reported above, not asserted.
    const std::string last = pdftotext(pdf, pages, pages);
    CHECK(last.find("Seite " + std::to_string(pages) + " von " + std::to_string(pages)) !=
          std::string::npos);
    CHECK(last.find("10.006") != std::string::npos); // the last finding's number
    const std::string first = pdftotext(pdf, 1, 2);
    CHECK(first.find("10.006 Geschäftskontakte") != std::string::npos);
    const std::string all = pdftotext(pdf);
    CHECK(all.find("Anhang: weitere Befunde (Kurzform)") != std::string::npos);
    CHECK(all.find("Kontakt 010000 Größe") != std::string::npos);
  }

  // cairo 1.16 aborts when two threads use a shared scaled font's glyph cache at
  // once; batch runs write per-device PDFs on several threads (pdf::Canvas).
  TEST_CASE("PDF reports written on two threads at once are all complete")
  {
    const audit::AuditResult result = test::sample_audit(60);
    test::TempDir dir;
    constexpr int k_per_thread = 10;
    const auto write_many = [&](const std::string& prefix) {
      for (int i = 0; i < k_per_thread; ++i) {
        write(dir, result, i % 2 == 0 ? "de" : "en", prefix + std::to_string(i) + ".pdf");
      }
    };
    std::thread other(write_many, "b");
    write_many("a");
    other.join();
    for (const std::string prefix : {"a", "b"}) {
      for (int i = 0; i < k_per_thread; ++i) {
        const auto pdf = dir.path() / (prefix + std::to_string(i) + ".pdf");
        CHECK(page_count(pdfinfo(pdf)) > 1);
        CHECK(pdftotext(pdf).find("Kontakt 000060") != std::string::npos);
      }
    }
  }
}
