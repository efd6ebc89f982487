// SPDX-License-Identifier: MIT
// Tests of report::Catalog and the per-language date and number formatting.
#include <contact_audit/core/error.hpp>
#include <contact_audit/report/catalog.hpp>

#include <doctest/doctest.h>

#include <cstdlib>

using namespace contact_audit;
using namespace contact_audit::report;

TEST_SUITE("report::Catalog")
{
  TEST_CASE("the German and English catalogues hold the same keys")
  {
    const Catalog& de = Catalog::builtin("de");
    const Catalog& en = Catalog::builtin("en");
    CHECK(de.language() == "de");
    CHECK(en.language() == "en");
    // Named references, not structured bindings: INFO makes a lambda, and clang
    // before 16 cannot capture a structured binding.
    for (const auto& entry : de.entries()) {
      const auto& key = entry.first;
      INFO("key: ", key);
      CHECK(en.entries().count(key) == 1);
      CHECK_FALSE(entry.second.empty());
    }
    for (const auto& entry : en.entries()) {
      const auto& key = entry.first;
      INFO("key: ", key);
      CHECK(de.entries().count(key) == 1);
    }
    CHECK(de.entries().size() > 150);
  }

  TEST_CASE("texts come from the catalogue files with umlauts and ß intact")
  {
    CHECK(Catalog::builtin("de").text("report.page_of") == "Seite {page} von {pages}");
    CHECK(Catalog::builtin("en").text("report.page_of") == "Page {page} of {pages}");
    CHECK(Catalog::builtin("de").text("remediation.obtain_consent") == "Einwilligung einholen");
    CHECK(Catalog::builtin("de").text("summary.top_remediations") ==
          "Die drei Maßnahmen mit der größten Wirkung");
    CHECK(Catalog::builtin("de").format("report.page_of", {{"page", "1"}, {"pages", "7"}}) ==
          "Seite 1 von 7");
  }

  TEST_CASE("a missing key is an error naming the key and text_or falls back")
  {
    const Catalog& de = Catalog::builtin("de");
    CHECK_THROWS_WITH_AS(de.text("consent.nonsense"),
                         "The report catalogue \"de\" has no text \"consent.nonsense\".",
                         Error);
    CHECK(de.text_or("consent.nonsense", "nonsense") == "nonsense");
    CHECK(de.text_or("consent.withdrawn", "x") == "widerrufen");
  }

  TEST_CASE("an unknown language is refused")
  {
    CHECK_THROWS_WITH_AS(Catalog::builtin("fr"),
                         "The report language \"fr\" is not supported; use de or en.",
                         InputError);
  }

  TEST_CASE("a catalogue with a syntax error or a non-string entry names file and line and column")
  {
    CHECK_THROWS_WITH_AS(Catalog::from_toml("[meta]\nlanguage = \"de\"\n[x]\ny = 3\n", "x.toml"),
                         "x.toml:4:5: The catalogue entry \"x.y\" is not a string; every text must "
                         "be a quoted string.",
                         InputError);
    try {
      (void)Catalog::from_toml("[meta\n", "broken.toml");
      FAIL("expected InputError");
    } catch (const InputError& error) {
      CHECK(std::string(error.what()).rfind("broken.toml:1:", 0) == 0);
    }
  }

  TEST_CASE("default_language follows the locale")
  {
    const char* saved = std::getenv("LC_ALL");
    const std::string restore = saved != nullptr ? saved : "";
    ::setenv("LC_ALL", "de_DE.UTF-8", 1);
    CHECK(default_language() == "de");
    ::setenv("LC_ALL", "en_GB.UTF-8", 1);
    CHECK(default_language() == "en");
    ::setenv("LC_ALL", "C", 1);
    CHECK(default_language() == "en");
    if (saved != nullptr) {
      ::setenv("LC_ALL", restore.c_str(), 1);
    } else {
      ::unsetenv("LC_ALL");
    }
  }
}

TEST_SUITE("report::format")
{
  TEST_CASE("dates are 22.11.2026 in German and 2026-11-22 in English")
  {
    CHECK(format_date("2026-11-22", "de") == "22.11.2026");
    CHECK(format_date("2026-11-22T14:05:00Z", "de") == "22.11.2026");
    CHECK(format_date("2026-11-22T14:05:00Z", "en") == "2026-11-22");
    CHECK(format_date("not a date", "de") == "not a date");
    CHECK(format_date("", "en").empty());
  }

  TEST_CASE("date and time carry the time zone UTC")
  {
    CHECK(format_date_time("2026-11-22T14:05:00Z", "de") == "22.11.2026, 14:05 UTC");
    CHECK(format_date_time("2026-11-22T14:05:00Z", "en") == "2026-11-22 14:05 UTC");
    CHECK(format_date_time("2026-11-22T14:05:00+01:00", "de") == "22.11.2026, 14:05");
    CHECK(format_date_time("2026-11-22", "de") == "22.11.2026");
  }

  TEST_CASE("numbers are grouped with a dot in German and a comma in English")
  {
    CHECK(format_number(0, "de") == "0");
    CHECK(format_number(999, "de") == "999");
    CHECK(format_number(10000, "de") == "10.000");
    CHECK(format_number(10000, "en") == "10,000");
    CHECK(format_number(1234567, "de") == "1.234.567");
    CHECK(format_number(100000, "en") == "100,000");
  }

  TEST_CASE("changes carry their sign")
  {
    CHECK(format_change(-3, "de") == "\u22123");
    CHECK(format_change(1200, "de") == "+1.200");
    CHECK(format_change(0, "en") == "\u00b10");
  }
}
