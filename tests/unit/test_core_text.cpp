// SPDX-License-Identifier: MIT
#include <contact_audit/core/text.hpp>

#include <doctest/doctest.h>

using namespace contact_audit;

TEST_SUITE("core::text")
{
  TEST_CASE("ASCII case folding leaves UTF-8 bytes alone")
  {
    CHECK(to_lower_ascii("BEGIN:vCard Ä") == "begin:vcard Ä");
    CHECK(iequals_ascii("VCARD", "vCard"));
    CHECK_FALSE(iequals_ascii("VCARD", "vCar"));
    CHECK(istarts_with_ascii("BEGIN:VCARD", "begin:"));
  }

  TEST_CASE("trim and split")
  {
    CHECK(trim("  a b \r\n") == "a b");
    const auto parts = split("a;;b", ';');
    REQUIRE(parts.size() == 3);
    CHECK(parts[1].empty());
    CHECK(parts[2] == "b");
  }

  TEST_CASE("UTF-8 validation rejects overlong, surrogate and truncated sequences")
  {
    CHECK(is_valid_utf8("Müller ß €"));
    CHECK_FALSE(is_valid_utf8("M\xfcller"));
    CHECK_FALSE(is_valid_utf8("\xC0\xAF"));
    CHECK_FALSE(is_valid_utf8("\xED\xA0\x80"));
    CHECK_FALSE(is_valid_utf8("\xE2\x82"));
  }

  TEST_CASE("fill replaces known placeholders once and keeps unknown ones")
  {
    CHECK(fill("{a} und {b} und {c}", {{"a", "1"}, {"b", "{a}"}}) == "1 und {a} und {c}");
    CHECK(fill("ohne", {}) == "ohne");
    CHECK(fill("{offen", {{"offen", "x"}}) == "{offen");
  }

  TEST_CASE("an e-mail address is masked to its first character and its domain")
  {
    CHECK(mask_email("j.mueller@acme.de") == "j***@acme.de");
    CHECK(mask_email("ärger@web.de") == "ä***@web.de");
    CHECK(is_valid_utf8(mask_email("€uro@example.de")));
    CHECK(mask_email("€uro@example.de") == "€***@example.de");
    CHECK(mask_email("a@b@example.de") == "a***@example.de");
    CHECK(mask_email("@example.de") == "***");
    CHECK(mask_email("no address") == "***");
  }
}
