// SPDX-License-Identifier: MIT
// Unit tests of ledger time parsing and formatting and of the enum names.
#include <contact_audit/ledger/time.hpp>
#include <contact_audit/ledger/types.hpp>

#include <doctest/doctest.h>

using namespace contact_audit::ledger;

TEST_SUITE("ledger::time")
{
  TEST_CASE("ISO and German dates, times and offsets are read as UTC")
  {
    CHECK(format_timestamp(*parse_timestamp("2024-06-01")) == "2024-06-01T00:00:00Z");
    CHECK(format_timestamp(*parse_timestamp("01.06.2024")) == "2024-06-01T00:00:00Z");
    CHECK(format_timestamp(*parse_timestamp("1.6.2024")) == "2024-06-01T00:00:00Z");
    CHECK(format_timestamp(*parse_timestamp("2024-06-01", DayBoundary::end)) ==
          "2024-06-01T23:59:59Z");
    CHECK(format_timestamp(*parse_timestamp("2024-06-01T12:30")) == "2024-06-01T12:30:00Z");
    CHECK(format_timestamp(*parse_timestamp("2024-06-01T12:30:15Z")) == "2024-06-01T12:30:15Z");
    CHECK(format_timestamp(*parse_timestamp("2024-06-01T12:30:00+02:00")) ==
          "2024-06-01T10:30:00Z");
    CHECK(format_timestamp(*parse_timestamp("2024-06-01 00:30:00-01:00")) ==
          "2024-06-01T01:30:00Z");
  }

  TEST_CASE("impossible or malformed dates are refused with the text quoted")
  {
    for (const char* text : {"31.02.2024",
                             "2024-13-01",
                             "2024-6-1",
                             "1.6.24",
                             "123.6.2024",
                             "1.600.2024",
                             "2024-06-01T25:00",
                             "yesterday",
                             "",
                             "2024-06-01Tx"}) {
      CAPTURE(text);
      CHECK_FALSE(parse_timestamp(text));
    }
    CHECK(parse_timestamp("2024-02-30").error().message ==
          "\"2024-02-30\" is not a date; write 2024-06-01, 01.06.2024 or 2024-06-01T12:30:00Z.");
  }

  TEST_CASE("adding months clamps to the end of a shorter month")
  {
    CHECK(format_date(add_months(*parse_timestamp("2024-01-31"), 1)) == "2024-02-29");
    CHECK(format_date(add_months(*parse_timestamp("2024-03-15"), 24)) == "2026-03-15");
  }

  TEST_CASE("enum names round-trip as serialised")
  {
    for (int i = 0; i <= static_cast<int>(Action::erased); ++i) {
      const auto action = static_cast<Action>(i);
      CHECK(parse_action(to_string(action)) == action);
    }
    CHECK(to_string(Method::web_form) == "web_form");
    CHECK(parse_consent_status("withdrawn") == ConsentStatus::withdrawn);
    CHECK(dpv_concept(Action::renewed) == "dpv:RenewedConsentGiven");
    CHECK_FALSE(parse_relationship("friend"));
  }
}
