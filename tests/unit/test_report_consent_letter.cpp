// SPDX-License-Identifier: MIT
// Unit tests of consent request letters: template loading, rendering, plain text, PDF.
#include "report/letter_markup.hpp"

#include <contact_audit/core/error.hpp>
#include <contact_audit/report/catalog.hpp>
#include <contact_audit/report/consent_letter.hpp>

#include <doctest/doctest.h>

#include <fstream>
#include <random>
#include <sys/stat.h>
#include <unistd.h>

using namespace contact_audit::report;
namespace fs = std::filesystem;

namespace {

ConsentLetter sample_letter(const std::string& language)
{
  ConsentLetter letter;
  letter.language = language;
  letter.form_id = "CR-1A2B-3C4D-5E6F-7A8B";
  letter.date = "2026-11-25";
  letter.name = "Anna <Beispiel> & Söhne";
  letter.organisation = "Beispiel AG";
  letter.numbers = {"+4915123456701", "+493023125001"};
  letter.controller = "Muster GmbH";
  letter.controller_contact = "Musterstraße 1, 10115 Berlin, datenschutz@muster.example";
  letter.messenger = "WhatsApp";
  letter.purpose = "whatsapp-contact-upload";
  letter.notice_title = "Title";
  letter.notice_version = "1";
  letter.notice_language = language;
  letter.notice_sha256 = std::string(64, 'a');
  letter.notice_text = "First paragraph of the notice.\n\nSecond paragraph.";
  letter.recipient = "WhatsApp Ireland Limited";
  letter.third_country_transfer = "USA";
  letter.legal_basis = "GDPR Art. 6(1)(a)";
  letter.retention = "three years";
  letter.reconfirm_after_months = 24;
  return letter;
}

class TempDir
{
public:
  TempDir()
  {
    std::random_device random;
    m_path = fs::temp_directory_path() /
             ("ca-letter-" + std::to_string(::getpid()) + "-" + std::to_string(random()));
    fs::create_directories(m_path);
  }
  ~TempDir()
  {
    std::error_code ignored;
    fs::remove_all(m_path, ignored);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const fs::path& path() const { return m_path; }

private:
  fs::path m_path;
};

} // namespace

TEST_SUITE("report::consent_letter")
{
  TEST_CASE("the built-in templates name the form id, the numbers and withdrawal in both languages")
  {
    for (const std::string language : {"de", "en"}) {
      CAPTURE(language);
      fs::path source;
      const auto text = render_letter(
          sample_letter(language), load_letter_template({}, language, &source), source);
      CHECK(source == fs::path("reports/templates/consent-request." + language + ".txt.mustache"));
      CHECK(text.find("CR-1A2B-3C4D-5E6F-7A8B") != std::string::npos);
      CHECK(text.find("- +4915123456701\n- +493023125001\n") != std::string::npos);
      CHECK(text.find(language == "de" ? "Art. 7 Abs. 3 DSGVO" : "GDPR Art. 7(3)") !=
            std::string::npos);
      CHECK(text.find(std::string(64, 'a')) != std::string::npos);
      CHECK(text.find("[ ] ") != std::string::npos);
      // Text, not HTML: values are inserted as written.
      CHECK(text.find("Anna <Beispiel> & Söhne") != std::string::npos);
    }
  }

  TEST_CASE("a company's template in --template DIR replaces the built-in one")
  {
    TempDir dir;
    std::ofstream(dir.path() / "consent-request.en.txt.mustache")
        << "# Hello {{name}}\n{{form_id}}\n";
    fs::path source;
    const auto text =
        render_letter(sample_letter("en"), load_letter_template(dir.path(), "en", &source), source);
    CHECK(source == dir.path() / "consent-request.en.txt.mustache");
    CHECK(text == "# Hello Anna <Beispiel> & Söhne\nCR-1A2B-3C4D-5E6F-7A8B\n");
    // The German one is not in the folder: the built-in one is used.
    CHECK(load_letter_template(dir.path(), "de").find("Einwilligungserklärung") !=
          std::string::npos);
  }

  TEST_CASE("a broken template or an unknown language is an input error naming the file")
  {
    CHECK_THROWS_AS(load_letter_template({}, "fr"), contact_audit::InputError);
    CHECK_THROWS_WITH_AS(render_letter(sample_letter("en"), "{{#numbers}}", "my.mustache"),
                         doctest::Contains("my.mustache: "),
                         contact_audit::InputError);
  }

  TEST_CASE("the line markup becomes titles, headings, check boxes, paragraphs and page breaks")
  {
    const auto blocks = letter::parse_blocks("---\n# Title\n\nline one\nline two  \n\n## Head\n"
                                             "[ ] yes\n[ ] no\n---\ntext\n---\n");
    REQUIRE(blocks.size() == 7);
    CHECK(blocks[0].kind == letter::BlockKind::title);
    CHECK(blocks[1].kind == letter::BlockKind::paragraph);
    CHECK(blocks[1].lines == std::vector<std::string>{"line one", "line two"});
    CHECK(blocks[2].kind == letter::BlockKind::heading);
    CHECK(blocks[3].kind == letter::BlockKind::checkbox);
    CHECK(blocks[4].lines == std::vector<std::string>{"no"});
    CHECK(blocks[5].kind == letter::BlockKind::page_break);
    CHECK(blocks[6].lines == std::vector<std::string>{"text"});
  }

  TEST_CASE("the plain text wraps at 76 columns counting characters, not bytes")
  {
    std::string words;
    for (int i = 0; i < 30; ++i) {
      words += "Übermittlung ";
    }
    const auto text = letter_plain_text("# Überschrift\n\n" + words + "\n\n[ ] " + words + "\n");
    CHECK(text.starts_with("Überschrift\n===========\n\n"));
    std::size_t start = 0;
    while (start < text.size()) {
      const auto end = text.find('\n', start);
      std::size_t columns = 0;
      for (std::size_t i = start; i < end; ++i) {
        columns += (static_cast<unsigned char>(text[i]) & 0xC0U) != 0x80U ? 1 : 0;
      }
      CHECK(columns <= 76);
      start = end + 1;
    }
    CHECK(text.find("\n    Übermittlung") != std::string::npos); // Check box continuation.
    CHECK(text.back() == '\n');
  }

  TEST_CASE("the PDF letter is written owner-only with the form id in its metadata")
  {
    TempDir dir;
    const auto letter = sample_letter("de");
    const auto out = dir.path() / "CR-1A2B-3C4D-5E6F-7A8B.pdf";
    write_letter_pdf(render_letter(letter, load_letter_template({}, "de"), "t"), letter, out);
    struct stat info
    {
    };
    REQUIRE(::stat(out.c_str(), &info) == 0);
    CHECK((info.st_mode & 0777U) == 0600U);
    std::ifstream in(out, std::ios::binary);
    const std::string bytes{std::istreambuf_iterator<char>(in), {}};
    CHECK(bytes.starts_with("%PDF-"));
    CHECK(bytes.find("CR-1A2B-3C4D-5E6F-7A8B") != std::string::npos);
  }

  TEST_CASE("a pending consent shows the day of the request and its age")
  {
    CHECK(consent_label(Catalog::builtin("en"), "pending", "2026-11-01", 24) ==
          "pending, requested 2026-11-01 (24 days ago)");
    CHECK(consent_label(Catalog::builtin("de"), "pending", "2026-11-01", 24) ==
          "ausstehend, angefragt am 01.11.2026 (vor 24 Tagen)");
    CHECK(consent_label(Catalog::builtin("de"), "pending", "", -1) == "ausstehend");
    CHECK(consent_label(Catalog::builtin("en"), "missing", "", -1) == "missing");
  }
}
