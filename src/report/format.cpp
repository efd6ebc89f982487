// SPDX-License-Identifier: MIT
// Dates and numbers as the German and English reports write them.
#include <contact_audit/report/catalog.hpp>

#include <cctype>
#include <string>

namespace contact_audit::report {

namespace {

bool all_digits(std::string_view text)
{
  for (const char c : text) {
    if (std::isdigit(static_cast<unsigned char>(c)) == 0) {
      return false;
    }
  }
  return !text.empty();
}

// "2026-11-22..." -> true when the first ten characters are YYYY-MM-DD.
bool starts_with_date(std::string_view iso)
{
  return iso.size() >= 10 && all_digits(iso.substr(0, 4)) && iso[4] == '-' &&
         all_digits(iso.substr(5, 2)) && iso[7] == '-' && all_digits(iso.substr(8, 2));
}

} // namespace

std::string consent_label(const Catalog& catalog,
                          const std::string& state,
                          const std::string& requested_at,
                          int request_age_days)
{
  if (state != "pending" || requested_at.empty() || request_age_days < 0) {
    return catalog.text_or("consent." + state, state);
  }
  return catalog.format("request.pending",
                        {{"date", format_date(requested_at, catalog.language())},
                         {"days", std::to_string(request_age_days)}});
}

std::string format_date(std::string_view iso, std::string_view language)
{
  if (!starts_with_date(iso)) {
    return std::string(iso);
  }
  if (language == "de") {
    // DIN 5008 numeric date: DD.MM.YYYY.
    std::string out;
    out.append(iso.substr(8, 2)).append(".").append(iso.substr(5, 2)).append(".");
    out.append(iso.substr(0, 4));
    return out;
  }
  return std::string(iso.substr(0, 10));
}

std::string format_date_time(std::string_view iso, std::string_view language)
{
  std::string date = format_date(iso, language);
  // Only "YYYY-MM-DDThh:mm..." carries a time; anything else is shown as a date.
  if (!starts_with_date(iso) || iso.size() < 16 || (iso[10] != 'T' && iso[10] != ' ') ||
      !all_digits(iso.substr(11, 2)) || iso[13] != ':' || !all_digits(iso.substr(14, 2))) {
    return date;
  }
  const std::string_view zone = iso.substr(16);
  const bool utc = zone.empty() || zone.back() == 'Z' || zone.ends_with("+00:00");
  std::string out = std::move(date);
  out += language == "de" ? ", " : " ";
  out.append(iso.substr(11, 5));
  out += utc ? " UTC" : "";
  return out;
}

std::string format_number(std::uint64_t n, std::string_view language)
{
  const std::string digits = std::to_string(n);
  const char separator = language == "de" ? '.' : ',';
  std::string out;
  out.reserve(digits.size() + digits.size() / 3);
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) {
      out += separator;
    }
    out += digits[i];
  }
  return out;
}

std::string format_change(std::int64_t n, std::string_view language)
{
  if (n == 0) {
    return "\u00b10";
  }
  const std::uint64_t magnitude =
      n < 0 ? static_cast<std::uint64_t>(-(n + 1)) + 1 : static_cast<std::uint64_t>(n);
  return (n < 0 ? "\u2212" : "+") + format_number(magnitude, language);
}

} // namespace contact_audit::report
