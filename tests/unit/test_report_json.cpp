// SPDX-License-Identifier: MIT
// The audit JSON: the streaming writer's layout and escaping, and a full round trip.
#include "report/json_stream.hpp"
#include "test_report_support.hpp"

#include <contact_audit/report/data_formats.hpp>

#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <doctest/doctest.h>

#include <sstream>

namespace contact_audit::report {
namespace {

TEST_CASE("JsonStream lays out nested objects and arrays one key per line")
{
  std::ostringstream out;
  JsonStream json(out);
  json.begin_object();
  json.field("name", "Anna");
  json.field("count", std::uint64_t{3});
  json.field("score", -4);
  json.field("ok", true);
  json.key("list");
  json.begin_array();
  json.value("a");
  json.begin_object();
  json.field("k", "v");
  json.end_object();
  json.end_array();
  json.key("empty");
  json.begin_array();
  json.end_array();
  json.key("none");
  json.begin_object();
  json.end_object();
  json.end_object();
  CHECK(out.str() == "{\n"
                     " \"name\": \"Anna\",\n"
                     " \"count\": 3,\n"
                     " \"score\": -4,\n"
                     " \"ok\": true,\n"
                     " \"list\": [\n"
                     "  \"a\",\n"
                     "  {\n"
                     "   \"k\": \"v\"\n"
                     "  }\n"
                     " ],\n"
                     " \"empty\": [],\n"
                     " \"none\": {}\n"
                     "}");
}

TEST_CASE("JsonStream escapes what JSON requires and keeps UTF-8 text as it is")
{
  const std::string hostile = "Quote \" backslash \\ newline \n tab \t nul " +
                              std::string(1, '\0') + " bell \x07 Größe </script>";
  std::ostringstream out;
  JsonStream json(out);
  json.begin_object();
  json.field("text", hostile);
  json.field("key \"quoted\"", "x");
  json.end_object();
  CHECK(out.str().find("Größe") != std::string::npos);
  CHECK(out.str().find('\n', 2) == out.str().find("\n \"key"));
  Poco::JSON::Parser parser;
  const auto parsed = parser.parse(out.str()).extract<Poco::JSON::Object::Ptr>();
  CHECK(parsed->getValue<std::string>("text") == hostile);
  CHECK(parsed->getValue<std::string>("key \"quoted\"") == "x");
}

TEST_CASE("an audit written as JSON reads back with every finding, number and text")
{
  auto audit = test::sample_audit(25);
  REQUIRE(!audit.findings.empty());
  audit.findings.front().emails = {"anna.mueller@example.de", "a.m@mueller-soehne.de"};
  const auto text = audit_to_json(audit, true);
  const auto back = audit_from_json(text, "round-trip.json");
  REQUIRE(back.findings.size() == audit.findings.size());
  REQUIRE(back.residual.size() == audit.residual.size());
  CHECK(back.what_if.size() == audit.what_if.size());
  CHECK(back.attention.size() == audit.attention.size());
  CHECK(back.manifest.device_id == audit.manifest.device_id);
  CHECK(back.manifest.inputs.size() == audit.manifest.inputs.size());
  CHECK(back.totals.non_compliant_numbers == audit.totals.non_compliant_numbers);
  CHECK(back.totals.consent_states == audit.totals.consent_states);
  for (std::size_t i = 0; i < audit.findings.size(); ++i) {
    const auto& written = audit.findings[i];
    const auto& read = back.findings[i];
    CHECK(read.contact == written.contact);
    CHECK(read.emails == written.emails);
    CHECK(read.score == written.score);
    REQUIRE(read.reasons.size() == written.reasons.size());
    for (std::size_t r = 0; r < written.reasons.size(); ++r) {
      // A reason made from a pattern reads back with the same text, rendered.
      CHECK(read.reasons[r].rule_id == written.reasons[r].rule_id);
      CHECK(read.reasons[r].text().de == written.reasons[r].text().de);
      CHECK(read.reasons[r].text("en") == written.reasons[r].text("en"));
    }
    REQUIRE(written.reasons.back().pattern);
    CHECK(read.reasons.back().text("en") ==
          "rule phone.work (+30): work phone number +49221****567");
    CHECK(read.reasons.back().text("de") ==
          "Regel phone.work (+30): Dienstliche Telefonnummer +49221****567");
    CHECK(read.exposure_reason.in("de") == written.exposure_reason.in("de"));
    CHECK(read.remediation_text.in("en") == written.remediation_text.in("en"));
    REQUIRE(read.numbers.size() == written.numbers.size());
    for (std::size_t n = 0; n < written.numbers.size(); ++n) {
      CHECK(read.numbers[n].e164 == written.numbers[n].e164);
      CHECK(read.numbers[n].consent_state == written.numbers[n].consent_state);
      CHECK(read.numbers[n].requested_at == written.numbers[n].requested_at);
    }
  }
  // Streaming to a file and building the string give the same document.
  std::ostringstream streamed;
  write_audit_json(streamed, audit, true);
  CHECK(streamed.str() == text);
}

TEST_CASE("the audit JSON masks numbers and e-mail addresses unless revealed")
{
  auto audit = test::sample_audit();
  REQUIRE(!audit.findings.empty());
  audit.findings.front().emails = {"anna.mueller@example.de", "@no-local-part.de"};
  const auto masked = audit_from_json(audit_to_json(audit, false), "masked.json");
  CHECK(masked.findings.front().emails == std::vector<std::string>{"a***@example.de", "***"});
  for (std::size_t i = 0; i < audit.findings.size(); ++i) {
    for (std::size_t n = 0; n < audit.findings[i].numbers.size(); ++n) {
      const auto& e164 = audit.findings[i].numbers[n].e164;
      if (!e164.empty()) {
        CHECK(masked.findings[i].numbers[n].e164 != e164);
        CHECK(masked.findings[i].numbers[n].e164.find('*') != std::string::npos);
      }
    }
    for (const auto& email : masked.findings[i].emails) {
      CHECK(email.find("***") != std::string::npos);
    }
  }
}

} // namespace
} // namespace contact_audit::report
