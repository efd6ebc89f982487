// SPDX-License-Identifier: MIT
// Unit tests of phone::Normaliser, mask() and the enum names, pinned to Debian 12's
// libphonenumber 8.12.57.
#include <contact_audit/core/error.hpp>
#include <contact_audit/phone/normaliser.hpp>

#include <doctest/doctest.h>

#include <string>
#include <string_view>
#include <thread>
#include <tuple>
#include <utility>
#include <vector>

using contact_audit::phone::is_known_region;
using contact_audit::phone::mask;
using contact_audit::phone::NormalisedNumber;
using contact_audit::phone::Normaliser;
using contact_audit::phone::NumberStatus;
using contact_audit::phone::NumberType;
using contact_audit::phone::parse_number_status;
using contact_audit::phone::parse_number_type;

namespace {

NormalisedNumber normalise(std::string_view raw, std::string_view region = {})
{
  Normaliser normaliser;
  return normaliser.normalise(raw, region);
}

// Checks the fields of a number that needs no issue.
void check_clean(const NormalisedNumber& number,
                 std::string_view e164,
                 NumberType type,
                 std::string_view region = "DE",
                 std::string_view extension = "")
{
  CHECK(number.e164 == e164);
  CHECK(number.type == type);
  CHECK(number.status == NumberStatus::valid);
  CHECK(number.region == region);
  CHECK(number.extension == extension);
  CHECK(number.issue_code.empty());
  CHECK(number.issue.empty());
}

void check_unparsable(const NormalisedNumber& number, std::string_view code, std::string_view issue)
{
  CHECK(number.e164.empty());
  CHECK(number.region.empty());
  CHECK(number.extension.empty());
  CHECK(number.type == NumberType::unknown);
  CHECK(number.status == NumberStatus::unparsable);
  CHECK(number.issue_code == code);
  CHECK(number.issue == issue);
}

} // namespace

TEST_SUITE("phone::Normaliser")
{
  TEST_CASE("a German mobile number in any common notation normalises to one E.164 number")
  {
    std::string raw;
    SUBCASE("national with spaces")
    {
      raw = "0151 12345678";
    }
    SUBCASE("national with hyphen")
    {
      raw = "0151-1234 5678";
    }
    SUBCASE("international with no-break spaces")
    {
      raw = "+49\u00A0151\u00A012345678";
    }
    SUBCASE("full-width digits")
    {
      raw = "\uFF10\uFF11\uFF15\uFF11 \uFF11\uFF12\uFF13\uFF14\uFF15\uFF16\uFF17\uFF18";
    }
    SUBCASE("international with trunk zero in brackets")
    {
      raw = "+49 (0)151 12345678";
    }
    SUBCASE("international prefix 00")
    {
      raw = "0049 151 12345678";
    }
    check_clean(normalise(raw), "+4915112345678", NumberType::mobile);
  }

  TEST_CASE("a trunk zero written after the country code is dropped")
  {
    std::string raw;
    SUBCASE("00 and (0)")
    {
      raw = "0049 (0)30 1234567";
    }
    SUBCASE("+ and 0")
    {
      raw = "+49 030 1234567";
    }
    check_clean(normalise(raw), "+49301234567", NumberType::fixed_line);
  }

  TEST_CASE("a German number written with its country code but without plus is ambiguous")
  {
    // libphonenumber reads the digits as a national number with area code 049xx
    // (google/libphonenumber#705); that reading is kept, the other one reported.
    std::string raw;
    std::string masked_raw;
    SUBCASE("with spaces")
    {
      raw = "49 151 12345678";
      masked_raw = "49 1** *****678";
    }
    SUBCASE("without spaces")
    {
      raw = "4915112345678";
      masked_raw = "491*******678";
    }
    const auto number = normalise(raw);
    CHECK(number.e164 == "+494915112345678");
    CHECK(number.type == NumberType::fixed_line);
    CHECK(number.region == "DE");
    CHECK(number.status == NumberStatus::ambiguous);
    CHECK(number.issue_code == "phone.country-code-without-plus");
    CHECK(number.issue ==
          "The number \"" + masked_raw +
              "\" has no leading + or 00, so it was read as the national number +49491*******678 "
              "of region DE; it may also be the international number +49151*****678.");
  }

  TEST_CASE("a foreign number written without plus that is valid in both readings is ambiguous")
  {
    const auto number = normalise("44 20 7946 0958");
    CHECK(number.e164 == "+49442079460958");
    CHECK(number.status == NumberStatus::ambiguous);
    CHECK(number.issue_code == "phone.country-code-without-plus");
  }

  TEST_CASE("digits without plus that are only valid internationally are read internationally")
  {
    const auto number = normalise("12125550100");
    CHECK(number.e164 == "+12125550100");
    CHECK(number.type == NumberType::fixed_line_or_mobile);
    CHECK(number.region == "US");
    CHECK(number.status == NumberStatus::ambiguous);
    CHECK(number.issue_code == "phone.country-code-without-plus");
    CHECK(number.issue ==
          "The number \"121*****100\" has no leading + or 00 and is not valid as a national number "
          "of region DE, so it was read as the international number +1212****100.");
  }

  TEST_CASE(
      "a country code without plus that libphonenumber strips gives a valid number with a warning")
  {
    const auto number = normalise("4930 1234567");
    CHECK(number.e164 == "+49301234567");
    CHECK(number.type == NumberType::fixed_line);
    CHECK(number.status == NumberStatus::valid);
    CHECK(number.issue_code == "phone.country-code-without-plus");
    CHECK(number.issue == "The number \"493* ****567\" starts with the country code 49 without a "
                          "leading + or 00; it was read as +49301***567.");
  }

  TEST_CASE("a DIN 5008 direct-dial suffix is part of the number")
  {
    const auto with_suffix = normalise("030 12345-67");
    check_clean(with_suffix, "+49301234567", NumberType::fixed_line);
    CHECK(with_suffix == normalise("030 1234567"));
  }

  TEST_CASE("a DIN 5008 switchboard suffix -0 gives the switchboard, a different number")
  {
    check_clean(normalise("030 12345-0"), "+4930123450", NumberType::fixed_line);
  }

  TEST_CASE(
      "extension markers libphonenumber understands keep the extension apart without an issue")
  {
    std::string raw;
    SUBCASE("x")
    {
      raw = "030 1234567 x12";
    }
    SUBCASE("ext.")
    {
      raw = "030 1234567 ext. 12";
    }
    SUBCASE("#")
    {
      raw = "030 1234567 #12";
    }
    SUBCASE("tel URI")
    {
      raw = "tel:+49-30-1234567;ext=12";
    }
    check_clean(normalise(raw), "+49301234567", NumberType::fixed_line, "DE", "12");
  }

  TEST_CASE(
      "a German extension word is cut off and its digits kept as the extension, with a warning")
  {
    // Unhandled, libphonenumber reads "App. 12" as +4930123456727712 and "Dw. 12" as
    // +4930123456712.
    std::string raw;
    std::string word;
    SUBCASE("App.")
    {
      raw = "030 1234567 App. 12";
      word = "App.";
    }
    SUBCASE("Dw.")
    {
      raw = "030 1234567 Dw. 12";
      word = "Dw.";
    }
    SUBCASE("Durchwahl")
    {
      raw = "030 1234567 Durchwahl 12";
      word = "Durchwahl";
    }
    SUBCASE("Apparat with colon")
    {
      raw = "030 1234567 Apparat: 12";
      word = "Apparat";
    }
    SUBCASE("nst in lower case")
    {
      raw = "030 1234567 nst 12";
      word = "nst";
    }
    SUBCASE("NEBENSTELLE in upper case")
    {
      raw = "030 1234567 NEBENSTELLE 12";
      word = "NEBENSTELLE";
    }
    const auto number = normalise(raw);
    CHECK(number.e164 == "+49301234567");
    CHECK(number.type == NumberType::fixed_line);
    CHECK(number.extension == "12");
    CHECK(number.status == NumberStatus::valid);
    CHECK(number.issue_code == "phone.extension-word");
    CHECK(number.issue == "The number \"030 ****567\" is followed by the German extension word \"" +
                              word + "\"; the extension \"12\" was kept apart from the number.");
  }

  TEST_CASE("a German extension word without digits is dropped with a warning")
  {
    const auto number = normalise("030 1234567 Dw.");
    CHECK(number.e164 == "+49301234567");
    CHECK(number.extension.empty());
    CHECK(number.status == NumberStatus::valid);
    CHECK(number.issue == "The number \"030 ****567\" is followed by the German extension word "
                          "\"Dw.\"; no digits follow it, so the word was dropped.");
  }

  TEST_CASE("pause and wait characters split off the post-dial digits as the extension")
  {
    std::string raw;
    SUBCASE("two pauses")
    {
      raw = "030 1234567,,12";
    }
    SUBCASE("wait")
    {
      raw = "030 1234567;12";
    }
    SUBCASE("p")
    {
      raw = "030 1234567p12";
    }
    SUBCASE("w")
    {
      raw = "030 1234567w12";
    }
    const auto number = normalise(raw);
    CHECK(number.e164 == "+49301234567");
    CHECK(number.extension == "12");
    CHECK(number.status == NumberStatus::valid);
    CHECK(number.issue_code == "phone.post-dial");
    CHECK(number.issue == "The number \"030 ****567\" is followed by pause or wait characters; the "
                          "digits dialled after them (\"12\") were kept as the extension.");
  }

  TEST_CASE("a text that starts with a pause holds no number and is unparsable")
  {
    check_unparsable(normalise(",1234,5678;9"),
                     "phone.post-dial-only",
                     "The text \",123*,**78;9\" starts with a pause or wait character, so it holds "
                     "only digits to dial after a call connects; it was kept without a normalised "
                     "form.");
  }

  TEST_CASE("short service numbers get status service and an E.164-like form")
  {
    std::string raw;
    std::string e164;
    SUBCASE("police")
    {
      std::tie(raw, e164) = std::pair("110", "+49110");
    }
    SUBCASE("emergency")
    {
      std::tie(raw, e164) = std::pair("112", "+49112");
    }
    SUBCASE("authorities")
    {
      std::tie(raw, e164) = std::pair("115", "+49115");
    }
    SUBCASE("on-call doctors")
    {
      std::tie(raw, e164) = std::pair("116117", "+49116117");
    }
    SUBCASE("on-call doctors with space")
    {
      std::tie(raw, e164) = std::pair("116 117", "+49116117");
    }
    SUBCASE("blocking service")
    {
      std::tie(raw, e164) = std::pair("116116", "+49116116");
    }
    const auto number = normalise(raw);
    CHECK(number.e164 == e164);
    CHECK(number.type == NumberType::short_code);
    CHECK(number.status == NumberStatus::service);
    CHECK(number.region == "DE");
    CHECK(number.issue_code == "phone.service-number");
  }

  TEST_CASE("a service number's issue masks the number")
  {
    CHECK(normalise("110").issue == "The number \"*10\" is a short service number of region DE, "
                                    "not the number of a subscriber.");
  }

  TEST_CASE("a short number is a service number of the region it is dialled in")
  {
    const auto number = normalise("112", "AT");
    CHECK(number.e164 == "+43112");
    CHECK(number.region == "AT");
    CHECK(number.status == NumberStatus::service);
  }

  TEST_CASE("German service-rate numbers get their own types")
  {
    check_clean(normalise("0800 1234567"), "+498001234567", NumberType::toll_free);
    check_clean(normalise("0180 2 123456"), "+491802123456", NumberType::shared_cost);
    check_clean(normalise("0900 1 123456"), "+499001123456", NumberType::premium_rate);
  }

  TEST_CASE("a local number without area code is invalid")
  {
    const auto number = normalise("1234567");
    CHECK(number.e164 == "+491234567");
    CHECK(number.type == NumberType::unknown);
    CHECK(number.region == "DE");
    CHECK(number.status == NumberStatus::invalid);
    CHECK(number.issue_code == "phone.no-area-code");
    CHECK(number.issue == "The number \"*****67\" has no area code, so it cannot be completed for "
                          "region DE; it was kept but marked invalid.");
  }

  TEST_CASE("a valid number with an extra trailing digit is invalid as too long")
  {
    const auto number = normalise("+49 1511 2345678 0");
    CHECK(number.e164 == "+49151123456780");
    CHECK(number.type == NumberType::unknown);
    CHECK(number.status == NumberStatus::invalid);
    CHECK(number.issue_code == "phone.too-long");
    CHECK(number.issue == "The number \"+49 151* *****78 0\" has too many digits for a number of "
                          "region DE (without its last 1 digit it would be valid); it was kept but "
                          "marked invalid.");
  }

  TEST_CASE("an invalid number names the reason")
  {
    std::string raw;
    std::string e164;
    std::string code;
    SUBCASE("too short")
    {
      std::tie(raw, e164, code) = std::tuple("+49 151", "+49151", "phone.too-short");
    }
    SUBCASE("area code only")
    {
      std::tie(raw, e164, code) = std::tuple("030", "+49030", "phone.too-short");
    }
    SUBCASE("longer than any German number")
    {
      std::tie(raw, e164, code) =
          std::tuple("+49 30 12345678901234", "+493012345678901234", "phone.too-long");
    }
    SUBCASE("mobile prefix with a digit missing")
    {
      std::tie(raw, e164, code) =
          std::tuple("0151 1234567", "+491511234567", "phone.unknown-range");
    }
    const auto number = normalise(raw);
    CHECK(number.e164 == e164);
    CHECK(number.status == NumberStatus::invalid);
    CHECK(number.issue_code == code);
  }

  TEST_CASE("an invalid number in no range says so")
  {
    CHECK(normalise("0151 1234567").issue == "The number \"015* ****567\" is in no number range of "
                                             "region DE; it was kept but marked invalid.");
  }

  TEST_CASE("text that is no phone number is unparsable with the reason")
  {
    check_unparsable(normalise("BusinessPhone"),
                     "phone.not-a-number",
                     "The text \"Bus*******one\" is not a phone number; it was kept without a "
                     "normalised form.");
    check_unparsable(normalise(""),
                     "phone.empty",
                     "The phone number is empty; it was kept without a normalised form.");
    check_unparsable(normalise(" \t "),
                     "phone.empty",
                     "The phone number is empty; it was kept without a normalised form.");
    check_unparsable(normalise("+999 123456"),
                     "phone.invalid-country-code",
                     "The number \"+999 ***456\" starts with an unknown country code; it was kept "
                     "without a normalised form.");
    check_unparsable(normalise("00"),
                     "phone.too-short",
                     "The number \"**\" has too few digits to be a phone number; it was kept "
                     "without a normalised form.");
  }

  TEST_CASE("a number of only zeros is unparsable, never its raw text as E.164")
  {
    // libphonenumber formats a national number 0 as the raw input; found by fuzzing.
    check_unparsable(normalise("0000000"),
                     "phone.not-a-number",
                     "The text \"*****00\" is not a phone number; it was kept without a "
                     "normalised form.");
    check_unparsable(normalise("ADR0000000"),
                     "phone.not-a-number",
                     "The text \"ADR****000\" is not a phone number; it was kept without a "
                     "normalised form.");
    CHECK(normalise("+49 0000").e164.empty());
  }

  TEST_CASE("letters after the first digit make the reading ambiguous, or invalid when it fails")
  {
    const auto vanity = normalise("0800 FLOWERS");
    CHECK(vanity.e164 == "+498003569377");
    CHECK(vanity.type == NumberType::toll_free);
    CHECK(vanity.status == NumberStatus::ambiguous);
    CHECK(vanity.issue_code == "phone.letters");
    CHECK(vanity.issue ==
          "The number \"080* ****ERS\" contains letters after its first digit, which were read as "
          "keypad digits or dropped (giving +49800****377); check that they are not a word such as "
          "an extension.");

    const auto dropped = normalise("030 1234567 ab");
    CHECK(dropped.e164 == "+49301234567");
    CHECK(dropped.status == NumberStatus::ambiguous);
    CHECK(dropped.issue_code == "phone.letters");

    const auto word = normalise("030 1234567 Zentrale");
    CHECK(word.e164 == "+4930123456793687253");
    CHECK(word.status == NumberStatus::invalid);
    CHECK(word.issue_code == "phone.letters");
  }

  TEST_CASE("a label before the first digit is ignored")
  {
    check_clean(normalise("Tel. 030 1234567"), "+49301234567", NumberType::fixed_line);
  }

  TEST_CASE("the region decides how a national number is read")
  {
    check_clean(normalise("0151 12345678", "AT"), "+4315112345678", NumberType::fixed_line, "AT");
    check_clean(normalise("0151 12345678", "at"), "+4315112345678", NumberType::fixed_line, "AT");
  }

  TEST_CASE("a number with a country code keeps it whatever the region")
  {
    check_clean(
        normalise("+1 212 555 0100"), "+12125550100", NumberType::fixed_line_or_mobile, "US");
    check_clean(normalise("+44 20 7946 0958"), "+442079460958", NumberType::fixed_line, "GB");
    check_clean(normalise("0043 1 234567"), "+431234567", NumberType::fixed_line, "AT");
  }

  TEST_CASE("a non-geographic number has region 001")
  {
    check_clean(normalise("+800 12345678"), "+80012345678", NumberType::toll_free, "001");
  }

  TEST_CASE("an unknown region passed to normalise gives unparsable instead of throwing")
  {
    check_unparsable(normalise("0151 12345678", "xx"),
                     "phone.unknown-region",
                     "The region \"XX\" is not known, so the number \"015* *****678\" was kept "
                     "without a normalised form.");
  }

  TEST_CASE("the constructor rejects an unknown region and upper-cases a known one")
  {
    CHECK_THROWS_WITH_AS(Normaliser("XX"),
                         "The phone region \"XX\" is not known to libphonenumber; use an ISO 3166 "
                         "code such as DE.",
                         contact_audit::InputError);
    CHECK(Normaliser().default_region() == "DE");
    CHECK(Normaliser("at").default_region() == "AT");
  }

  TEST_CASE("normalising the same raw text twice returns equal results")
  {
    Normaliser normaliser;
    for (const std::string_view raw :
         {"0151 12345678", "49 151 12345678", "BusinessPhone", "110"}) {
      CAPTURE(raw);
      const auto first = normaliser.normalise(raw);
      CHECK(normaliser.normalise(raw) == first);
      CHECK(normaliser.normalise(raw, "DE") == first);
    }
  }

  TEST_CASE("the cache keeps results for different regions apart")
  {
    Normaliser normaliser;
    CHECK(normaliser.normalise("0151 12345678").e164 == "+4915112345678");
    CHECK(normaliser.normalise("0151 12345678", "AT").e164 == "+4315112345678");
    CHECK(normaliser.normalise("0151 12345678").e164 == "+4915112345678");
  }

  TEST_CASE("a moved Normaliser keeps its region and works")
  {
    Normaliser source("AT");
    Normaliser moved(std::move(source));
    CHECK(moved.default_region() == "AT");
    CHECK(moved.normalise("0151 12345678").e164 == "+4315112345678");
    Normaliser assigned;
    assigned = std::move(moved);
    CHECK(assigned.default_region() == "AT");
  }

  TEST_CASE("Normalisers on different threads give the same results as one on this thread")
  {
    const std::vector<std::string> raws{
        "0151 12345678", "49 151 12345678", "110", "030 1234567 Dw. 12", "BusinessPhone"};
    Normaliser reference;
    std::vector<NormalisedNumber> expected;
    for (const auto& raw : raws) {
      expected.push_back(reference.normalise(raw));
    }
    std::vector<std::vector<NormalisedNumber>> results(2);
    std::vector<std::thread> threads;
    for (auto& result : results) {
      threads.emplace_back([&raws, &result] {
        Normaliser normaliser; // One per thread: its cache is not synchronised.
        for (int round = 0; round < 50; ++round) {
          for (const auto& raw : raws) {
            result.push_back(normaliser.normalise(raw.substr(0, raw.size() - round % 2)));
          }
        }
      });
    }
    for (auto& thread : threads) {
      thread.join();
    }
    for (const auto& result : results) {
      REQUIRE(result.size() == 50 * raws.size());
      for (std::size_t i = 0; i < raws.size(); ++i) {
        CHECK(result[i] == expected[i]);
      }
    }
  }

  TEST_CASE("no issue contains a full number")
  {
    Normaliser normaliser;
    for (const std::string_view raw : {"49 151 12345678",
                                       "12125550100",
                                       "4930 1234567",
                                       "030 1234567 Dw. 12",
                                       "030 1234567,,12",
                                       "1234567",
                                       "+49 1511 2345678 0",
                                       "0800 FLOWERS",
                                       "+999 123456"}) {
      CAPTURE(raw);
      const auto number = normaliser.normalise(raw);
      REQUIRE_FALSE(number.issue.empty());
      CHECK(number.issue.find(raw) == std::string::npos);
      CHECK(number.issue.find("1234567") == std::string::npos);
      if (!number.e164.empty()) {
        CHECK(number.issue.find(number.e164) == std::string::npos);
      }
    }
  }
}

TEST_SUITE("phone::mask")
{
  TEST_CASE("an E.164 number keeps its country code, three leading and three trailing digits")
  {
    CHECK(mask("+4915112345678") == "+49151*****678");
    CHECK(mask("+12125550100") == "+1212****100");
  }

  TEST_CASE("a short number keeps only its last two digits")
  {
    CHECK(mask("+49110") == "+49*10");
    CHECK(mask("110") == "*10");
    CHECK(mask("1234567") == "*****67");
  }

  TEST_CASE("two digits or fewer are masked completely")
  {
    CHECK(mask("12") == "**");
    CHECK(mask("+4912") == "+49**");
    CHECK(mask("") == "");
  }

  TEST_CASE("raw text keeps its spacing and punctuation")
  {
    CHECK(mask("0151 12345678") == "015* *****678");
    CHECK(mask("+1 212 555 0100") == "+1 212 *** *100");
    CHECK(mask("+49\u00A0151\u00A012345678") == "+49\u00A0151\u00A0*****678");
  }

  TEST_CASE("full-width digits are masked as whole characters")
  {
    CHECK(mask("\uFF10\uFF11\uFF15\uFF11 \uFF11\uFF12\uFF13\uFF14\uFF15\uFF16\uFF17\uFF18") ==
          "\uFF10\uFF11\uFF15* *****\uFF16\uFF17\uFF18");
  }

  TEST_CASE("letters count as digits because they may be vanity digits")
  {
    CHECK(mask("0800 FLOWERS") == "080* ****ERS");
  }

  TEST_CASE("an unknown country code is masked like national digits")
  {
    CHECK(mask("+999 123456") == "+999 ***456");
  }

  TEST_CASE("broken UTF-8 is never copied")
  {
    CHECK(mask("\xFF") == "*");
  }
}

TEST_SUITE("phone names")
{
  TEST_CASE("number types are serialised as their enum names and parse back")
  {
    CHECK(to_string(NumberType::fixed_line) == "fixed_line");
    CHECK(to_string(NumberType::fixed_line_or_mobile) == "fixed_line_or_mobile");
    CHECK(to_string(NumberType::toll_free) == "toll_free");
    CHECK(to_string(NumberType::short_code) == "short_code");
    CHECK(to_string(NumberType::unknown) == "unknown");
    for (int i = 0; i <= static_cast<int>(NumberType::unknown); ++i) {
      const auto type = static_cast<NumberType>(i);
      CHECK(parse_number_type(to_string(type)) == type);
    }
    CHECK_FALSE(parse_number_type("Fixed_Line").has_value());
    CHECK_FALSE(parse_number_type("").has_value());
  }

  TEST_CASE("number statuses are serialised as their enum names and parse back")
  {
    CHECK(to_string(NumberStatus::valid) == "valid");
    CHECK(to_string(NumberStatus::unparsable) == "unparsable");
    for (int i = 0; i <= static_cast<int>(NumberStatus::unparsable); ++i) {
      const auto status = static_cast<NumberStatus>(i);
      CHECK(parse_number_status(to_string(status)) == status);
    }
    CHECK_FALSE(parse_number_status("VALID").has_value());
  }

  TEST_CASE("regions known to libphonenumber are recognised in any letter case")
  {
    CHECK(is_known_region("DE"));
    CHECK(is_known_region("at"));
    CHECK_FALSE(is_known_region("XX"));
    CHECK_FALSE(is_known_region("ZZ"));
    CHECK_FALSE(is_known_region("001"));
    CHECK_FALSE(is_known_region(""));
  }
}
