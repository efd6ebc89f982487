// SPDX-License-Identifier: MIT
// The combined report of a batch run: devices, totals, change since the last run, trend.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace contact_audit::report {

// One device of the run, audited or failed.
struct OverviewDevice
{
  std::string id;
  std::string name;
  std::string platform;
  std::string messenger;
  bool failed = false;
  std::string error; // Why the device could not be audited (a complete sentence).
  std::size_t files = 0;
  std::size_t contacts = 0;
  std::size_t numbers_uploaded = 0;
  std::size_t non_compliant_contacts = 0;
  std::size_t non_compliant_numbers = 0;
  std::size_t lookup_only = 0;
  std::size_t diagnostics = 0;
  std::vector<std::string> reports; // Per-device report files, relative to the run folder.
};

// One uploaded number that changed since the last run. `number` is masked (or
// empty when only its keyed hash is known, as for fixed findings).
struct OverviewChange
{
  std::string device_id;
  std::string number;
  std::string consent_state;
  std::string detail; // e.g. the date a consent expires.
};

// A list of changes; only the first ones are shown, `total` counts all.
struct ChangeList
{
  std::size_t total = 0;
  std::vector<OverviewChange> shown;
};

// One earlier (or this) run for the trend chart.
struct TrendPoint
{
  std::string started_at; // ISO 8601 UTC.
  std::uint64_t devices = 0;
  std::uint64_t devices_failed = 0;
  std::uint64_t non_compliant_contacts = 0;
  std::uint64_t non_compliant_numbers = 0;
};

struct RunOverview
{
  std::string company;
  std::string tool_version;
  std::string started_at; // ISO 8601 UTC.
  std::string as_of;
  std::string folder;
  int exit_code = 0;
  std::vector<OverviewDevice> devices;
  std::size_t devices_failed = 0;
  std::size_t contacts = 0;
  std::size_t numbers_uploaded = 0;
  std::size_t non_compliant_contacts = 0;
  std::size_t non_compliant_numbers = 0;
  std::size_t numbers_parsed = 0;     // Distinct numbers normalised.
  std::size_t numbers_from_cache = 0; // Numbers answered from the shared cache.
  // Change since the last run; `previous_run_at` is empty on the first run.
  std::string previous_run_at;
  ChangeList newly_exposed;
  ChangeList fixed;
  ChangeList withdrawn;
  ChangeList expiring;
  int expiry_warning_days = 30;
  std::vector<TrendPoint> trend; // Oldest first, this run last.
};

// The overview as JSON (schema "contact-audit/batch/1", docs/batch.md).
std::string overview_to_json(const RunOverview& overview);

// The overview as one self-contained HTML page in `language` ("de" or "en"):
// totals, change since the last run, an SVG trend chart and the device table
// with links to the per-device reports. Throws InputError for another language.
std::string render_overview_html(const RunOverview& overview, std::string_view language);

// The overview as an A4 PDF in `language` with a vector trend chart, written
// to `out` (mode 0600). Throws InputError for an unknown language, IoError
// when cairo fails or `out` cannot be written.
void write_overview_pdf(const RunOverview& overview,
                        std::string_view language,
                        const std::filesystem::path& out);

} // namespace contact_audit::report
