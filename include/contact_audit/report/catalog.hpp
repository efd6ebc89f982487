// SPDX-License-Identifier: MIT
// Catalog: the report texts of one language (reports/i18n/<lang>.toml), and date/number formatting.
#pragma once

#include <contact_audit/core/text.hpp>

#include <cstdint>
#include <initializer_list>
#include <map>
#include <string>
#include <string_view>
#include <utility>

namespace contact_audit::report {

// The texts of one report language, keyed by dotted names ("summary.heading").
// The built-in catalogues are compiled in from reports/i18n/{de,en}.toml, so the
// binary needs no data files; both must hold the same keys (a unit test checks).
// Immutable after construction: safe to share between threads.
class Catalog
{
public:
  // The built-in catalogue for "de" or "en" (parsed once, on first use; the
  // reference stays valid until exit). Throws InputError for another language.
  static const Catalog& builtin(std::string_view language);

  // Parse a catalogue from TOML `text`; nested tables give dotted keys, every
  // leaf must be a string. Throws InputError naming `source`, line and column.
  static Catalog from_toml(std::string_view text, const std::string& source);

  // The text for `key`. Throws Error naming the key when it is missing: a
  // missing key is a defect that the unit tests are there to catch.
  const std::string& text(std::string_view key) const;

  // The text for `key`, or `fallback` when there is none (for ids from the
  // audit that a newer tool may have added, e.g. an unknown consent state).
  std::string text_or(std::string_view key, std::string_view fallback) const;

  // text(key) with each "{name}" replaced by its value from `values`.
  std::string format(std::string_view key,
                     std::initializer_list<std::pair<std::string_view, std::string>> values) const;

  // "de" or "en" (the catalogue's meta.language).
  const std::string& language() const { return m_language; }
  // Every text by key; the templates see them as {{t.<section>.<key>}}.
  const std::map<std::string, std::string, std::less<>>& entries() const { return m_entries; }

private:
  std::string m_language;
  std::map<std::string, std::string, std::less<>> m_entries;
};

// "de" when the locale in LC_ALL, LC_MESSAGES or LANG (the first one set)
// starts with "de", else "en".
std::string default_language();

// Check that `language` is "de" or "en"; throws InputError naming it otherwise.
void check_language(std::string_view language);

// An ISO 8601 date or time ("2026-11-22", "2026-11-22T14:05:00Z") as a date:
// "22.11.2026" (de) or "2026-11-22" (en). Text that does not start with a date
// is returned unchanged.
std::string format_date(std::string_view iso, std::string_view language);

// Date and time in UTC: "22.11.2026, 14:05 UTC" (de) or "2026-11-22 14:05 UTC" (en).
// Falls back to format_date when `iso` has no time.
std::string format_date_time(std::string_view iso, std::string_view language);

// The consent state of `state` as shown: its catalogue term ("pending"), and for a
// pending request with a date the day it was sent and its age in days
// ("pending, requested 2026-11-01 (24 days ago)").
std::string consent_label(const Catalog& catalog,
                          const std::string& state,
                          const std::string& requested_at,
                          int request_age_days);

// A count with digit grouping: 10000 -> "10.000" (de) or "10,000" (en).
std::string format_number(std::uint64_t n, std::string_view language);

// A signed difference: "−3", "+2", "±0" (the minus is U+2212).
std::string format_change(std::int64_t n, std::string_view language);

// Placeholders ("{name}") are filled by the shared helper in core.
using contact_audit::fill;

} // namespace contact_audit::report
