// SPDX-License-Identifier: MIT
// Ledger times: ISO 8601 and dd.mm.yyyy parsing, UTC formatting, calendar months.
#include <contact_audit/ledger/time.hpp>

#include <charconv>
#include <cstdio>
#include <cstdlib>

namespace contact_audit::ledger {
namespace {

using namespace std::chrono;

// Reads exactly `width` digits at `pos`; advances `pos`.
bool read_digits(std::string_view text, std::size_t& pos, std::size_t width, int& value)
{
  if (pos + width > text.size()) {
    return false;
  }
  for (std::size_t i = pos; i < pos + width; ++i) {
    if (text[i] < '0' || text[i] > '9') {
      return false;
    }
  }
  std::from_chars(text.data() + pos, text.data() + pos + width, value);
  pos += width;
  return true;
}

bool expect(std::string_view text, std::size_t& pos, char c)
{
  if (pos < text.size() && text[pos] == c) {
    ++pos;
    return true;
  }
  return false;
}

std::optional<sys_days> parse_day(std::string_view text, std::size_t& pos)
{
  int y = 0;
  int m = 0;
  int d = 0;
  const auto dot = text.find('.');
  if (dot == 1 || dot == 2) {
    // German d.m.yyyy or dd.mm.yyyy.
    const auto second_dot = text.find('.', dot + 1);
    if (second_dot != dot + 2 && second_dot != dot + 3) {
      return std::nullopt;
    }
    if (!read_digits(text, pos, dot, d) || !expect(text, pos, '.') ||
        !read_digits(text, pos, second_dot - dot - 1, m) || !expect(text, pos, '.') ||
        !read_digits(text, pos, 4, y)) {
      return std::nullopt;
    }
  } else if (!read_digits(text, pos, 4, y) || !expect(text, pos, '-') ||
             !read_digits(text, pos, 2, m) || !expect(text, pos, '-') ||
             !read_digits(text, pos, 2, d)) {
    return std::nullopt;
  }
  const year_month_day date{
      year{y}, month{static_cast<unsigned>(m)}, day{static_cast<unsigned>(d)}};
  if (!date.ok()) {
    return std::nullopt;
  }
  return sys_days{date};
}

// Parses "THH:MM[:SS][Z|+HH:MM|-HH:MM]"; returns seconds since midnight minus the offset.
std::optional<seconds> parse_time_of_day(std::string_view text, std::size_t& pos)
{
  int h = 0;
  int mi = 0;
  int s = 0;
  if (!read_digits(text, pos, 2, h) || !expect(text, pos, ':') || !read_digits(text, pos, 2, mi)) {
    return std::nullopt;
  }
  if (expect(text, pos, ':') && !read_digits(text, pos, 2, s)) {
    return std::nullopt;
  }
  if (h > 23 || mi > 59 || s > 59) {
    return std::nullopt;
  }
  seconds result = hours{h} + minutes{mi} + seconds{s};
  if (expect(text, pos, 'Z') || pos == text.size()) {
    return result;
  }
  const char sign = text[pos++];
  int oh = 0;
  int om = 0;
  if ((sign != '+' && sign != '-') || !read_digits(text, pos, 2, oh) || !expect(text, pos, ':') ||
      !read_digits(text, pos, 2, om)) {
    return std::nullopt;
  }
  const seconds offset = hours{oh} + minutes{om};
  return sign == '+' ? result - offset : result + offset;
}

} // namespace

Result<Timestamp> parse_timestamp(std::string_view text, DayBoundary boundary)
{
  std::size_t pos = 0;
  const auto fail = [&] {
    return make_unexpected(Diagnostic{{},
                                      0,
                                      Severity::error,
                                      "ledger.date.invalid",
                                      "\"" + std::string(text) +
                                          "\" is not a date; write 2024-06-01, 01.06.2024 or "
                                          "2024-06-01T12:30:00Z."});
  };
  const auto day = parse_day(text, pos);
  if (!day) {
    return fail();
  }
  if (pos == text.size()) {
    const seconds within = boundary == DayBoundary::end ? seconds{86'399} : seconds{0};
    return Timestamp{*day} + within;
  }
  if (text[pos] != 'T' && text[pos] != ' ') {
    return fail();
  }
  ++pos;
  const auto time_of_day = parse_time_of_day(text, pos);
  if (!time_of_day || pos != text.size()) {
    return fail();
  }
  return Timestamp{*day} + *time_of_day;
}

std::string format_timestamp(Timestamp time)
{
  const auto day = floor<days>(time);
  const year_month_day date{day};
  const hh_mm_ss clock{time - day};
  char buffer[32];
  std::snprintf(buffer,
                sizeof buffer,
                "%04d-%02u-%02uT%02d:%02d:%02dZ",
                static_cast<int>(date.year()),
                static_cast<unsigned>(date.month()),
                static_cast<unsigned>(date.day()),
                static_cast<int>(clock.hours().count()),
                static_cast<int>(clock.minutes().count()),
                static_cast<int>(clock.seconds().count()));
  return buffer;
}

std::string format_date(Timestamp time)
{
  return format_timestamp(time).substr(0, 10);
}

Timestamp now_utc()
{
  if (const char* fixed = std::getenv("CONTACT_AUDIT_NOW"); fixed != nullptr && *fixed != '\0') {
    if (const auto parsed = parse_timestamp(fixed)) {
      return *parsed;
    }
  }
  return floor<seconds>(system_clock::now());
}

Timestamp add_months(Timestamp time, int months)
{
  const auto day = floor<days>(time);
  const year_month_day date{day};
  year_month_day shifted = date + std::chrono::months{months};
  if (!shifted.ok()) {
    shifted = year_month_day_last{shifted.year(), month_day_last{shifted.month()}};
  }
  return Timestamp{sys_days{shifted}} + (time - day);
}

} // namespace contact_audit::ledger
