// SPDX-License-Identifier: MIT
// Parsing and printing ledger times (ISO 8601 and German dd.mm.yyyy dates), always UTC.
#pragma once

#include <contact_audit/core/result.hpp>
#include <contact_audit/ledger/types.hpp>

#include <string>
#include <string_view>

namespace contact_audit::ledger {

// Which second of the day a date without a time stands for.
enum class DayBoundary : std::uint8_t
{
  start, // 00:00:00 UTC: effective times of forms dated by day.
  end,   // 23:59:59 UTC: `--as-of 2024-06-01` includes everything on that day.
};

// Parse "2024-06-01", "01.06.2024", "2024-06-01T12:30[:00]" with optional "Z"
// or "+02:00". A time without offset is UTC. Fails with code "ledger.date.invalid"
// (message: a complete sentence quoting `text`) for anything else, including
// impossible dates such as 31.02.2024.
[[nodiscard]] Result<Timestamp> parse_timestamp(std::string_view text,
                                                DayBoundary boundary = DayBoundary::start);

// "2024-06-01T12:30:00Z".
std::string format_timestamp(Timestamp time);

// "2024-06-01".
std::string format_date(Timestamp time);

// The current time, truncated to seconds. $CONTACT_AUDIT_NOW (an ISO 8601
// time) overrides it, so tests can reproduce "today"; an unparsable value is ignored.
Timestamp now_utc();

// `time` plus `months` calendar months; the day is clamped to the month's last day.
Timestamp add_months(Timestamp time, int months);

} // namespace contact_audit::ledger
