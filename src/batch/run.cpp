// SPDX-License-Identifier: MIT
// run_batch: configuration, lock, audits, combined reports, publication, history, retention.
#include "change.hpp"
#include "collect.hpp"
#include "output_dir.hpp"

#include <contact_audit/audit/session.hpp>
#include <contact_audit/batch/config.hpp>
#include <contact_audit/batch/devices.hpp>
#include <contact_audit/batch/run.hpp>
#include <contact_audit/classify/rule_set.hpp>
#include <contact_audit/core/error.hpp>
#include <contact_audit/ledger/run_history.hpp>
#include <contact_audit/ledger/time.hpp>
#include <contact_audit/report/overview.hpp>

#include <algorithm>

namespace contact_audit::batch {
namespace {

namespace fs = std::filesystem;

void print_dry_run(const Config& config, const std::vector<Device>& devices, std::ostream& out)
{
  out << "Would audit " << devices.size() << " devices into " << config.output_dir.string()
      << ":\n";
  for (const auto& device : devices) {
    out << device.id << "  profile=" << device.profile.string() << '\n';
    for (const auto& input : device.inputs) {
      out << "  " << input.path.string()
          << (input.account.empty() ? "" : "  account=" + input.account) << '\n';
    }
  }
}

int exit_code_of(const report::RunOverview& overview)
{
  if (overview.devices_failed > 0) {
    return k_exit_device_failed;
  }
  return overview.non_compliant_contacts > 0 ? k_exit_non_compliant : k_exit_compliant;
}

void add_totals(report::RunOverview& overview)
{
  for (const auto& device : overview.devices) {
    overview.devices_failed += device.failed ? 1 : 0;
    overview.contacts += device.contacts;
    overview.numbers_uploaded += device.numbers_uploaded;
    overview.non_compliant_contacts += device.non_compliant_contacts;
    overview.non_compliant_numbers += device.non_compliant_numbers;
  }
  overview.exit_code = exit_code_of(overview);
}

void add_trend(report::RunOverview& overview, const std::vector<ledger::BatchRun>& earlier)
{
  for (auto run = earlier.rbegin(); run != earlier.rend(); ++run) {
    overview.trend.push_back({ledger::format_timestamp(run->started_at),
                              run->devices,
                              run->devices_failed,
                              run->non_compliant_contacts,
                              run->non_compliant_numbers});
  }
  overview.trend.push_back({overview.started_at,
                            overview.devices.size(),
                            overview.devices_failed,
                            overview.non_compliant_contacts,
                            overview.non_compliant_numbers});
}

void write_combined(const Config& config, const report::RunOverview& overview, const fs::path& dir)
{
  for (const auto& format : config.formats) {
    if (format == "json") {
      write_private_file(dir / "overview.json", report::overview_to_json(overview));
      continue;
    }
    for (const auto& language : config.languages) {
      if (format == "html") {
        write_private_file(dir / ("overview." + language + ".html"),
                           report::render_overview_html(overview, language));
      } else if (format == "pdf") {
        report::write_overview_pdf(overview, language, dir / ("overview." + language + ".pdf"));
      }
    }
  }
}

ledger::BatchRun run_record(const report::RunOverview& overview,
                            const Config& config,
                            const std::vector<Device>& devices,
                            ledger::Timestamp started_at,
                            ledger::Timestamp as_of)
{
  ledger::BatchRun run;
  run.started_at = started_at;
  run.finished_at = ledger::now_utc();
  run.as_of = as_of;
  run.folder = overview.folder;
  run.config_sha256 = config.config_sha256;
  for (const auto& device : devices) {
    run.inputs += device.inputs.size();
  }
  run.devices = devices.size();
  run.devices_failed = overview.devices_failed;
  run.contacts = overview.contacts;
  run.numbers_uploaded = overview.numbers_uploaded;
  run.non_compliant_contacts = overview.non_compliant_contacts;
  run.non_compliant_numbers = overview.non_compliant_numbers;
  run.exit_code = overview.exit_code;
  return run;
}

audit::SessionOptions session_options(const Config& config, const std::string& tool_version)
{
  audit::SessionOptions options;
  options.rules_root = config.rules.empty() ? classify::default_rules_dir() : config.rules;
  options.company_domains = config.company_domains;
  options.ledger_path = config.ledger;
  options.region = config.region;
  options.company = config.company;
  options.csv_mapping = config.csv_mapping;
  options.tool_version = tool_version;
  return options;
}

// Everything after the lock is taken.
int run_locked(const Config& config,
               const std::vector<Device>& devices,
               const RunOptions& options,
               Logger& log)
{
  for (const auto& stale : remove_stale_temp_folders(config.output_dir)) {
    log.log(LogLevel::warn, {}, "Removed " + stale + ", left by a run that did not finish.");
  }
  const auto started_at = ledger::now_utc();
  const std::string name = run_folder_name(config.output_dir, started_at);
  const fs::path temp = temp_folder(config.output_dir, name);
  make_private_dir(temp);
  log.info("Run " + name + ": auditing " + std::to_string(devices.size()) + " devices.");

  const audit::AuditSession session(session_options(config, options.tool_version));
  auto history = ledger::open_run_history(config.ledger);
  const auto key_salt = history.key_salt();
  auto collected = audit_devices(config, devices, session, key_salt, temp, log);

  report::RunOverview overview;
  overview.company = config.company;
  overview.tool_version = options.tool_version;
  overview.started_at = ledger::format_timestamp(started_at);
  overview.as_of = ledger::format_timestamp(session.as_of());
  overview.folder = name;
  overview.devices = collected.rows;
  overview.numbers_parsed = session.numbers_parsed();
  overview.numbers_from_cache = session.numbers_from_cache();
  overview.expiry_warning_days = static_cast<int>(config.expiry_warning_days);
  add_totals(overview);

  const auto earlier = history.recent_runs(config.keep_runs > 0 ? config.keep_runs - 1 : 0);
  std::optional<ledger::BatchRun> previous;
  if (!earlier.empty()) {
    previous = earlier.front();
    overview.previous_run_at = ledger::format_timestamp(previous->started_at);
  }
  auto change =
      compute_change(collected, devices, session, history, previous, config.expiry_warning_days);
  overview.newly_exposed = std::move(change.newly_exposed);
  overview.fixed = std::move(change.fixed);
  overview.withdrawn = std::move(change.withdrawn);
  overview.expiring = std::move(change.expiring);
  add_trend(overview, earlier);
  write_combined(config, overview, temp);

  publish(config.output_dir, temp, name);
  history.record_run(run_record(overview, config, devices, started_at, session.as_of()),
                     change.keys);
  const auto pruned_history =
      history.prune_runs_before(started_at - std::chrono::days(config.history_days));
  const auto pruned = prune_run_folders(config.output_dir, config.keep_runs);
  log.info("Run " + name + " done: " + std::to_string(devices.size()) + " devices (" +
           std::to_string(overview.devices_failed) + " failed), " +
           std::to_string(overview.contacts) + " contacts, " +
           std::to_string(overview.non_compliant_contacts) + " non-compliant contacts; " +
           std::to_string(change.newly_exposed.total) + " newly exposed, " +
           std::to_string(overview.fixed.total) + " fixed; " + std::to_string(pruned.size()) +
           " old report folders and " + std::to_string(pruned_history) +
           " old history runs removed; exit code " + std::to_string(overview.exit_code) + ".");
  return overview.exit_code;
}

} // namespace

int run_batch(const RunOptions& options, std::ostream& out)
{
  const Config config = load_config(options.config);
  const auto devices = discover_devices(config);
  if (options.dry_run) {
    print_dry_run(config, devices, out);
    return k_exit_compliant;
  }
  Logger log(options.log);
  make_private_dir(config.output_dir);
  auto lock = RunLock::acquire(config.output_dir, options.wait);
  if (!lock) {
    const std::string holder = RunLock::holder(config.output_dir);
    log.log(LogLevel::error,
            {},
            "Another batch run" + (holder.empty() ? "" : " (pid " + holder + ")") +
                " is writing to " + config.output_dir.string() +
                "; this run did nothing (use --wait to wait for it).");
    return k_exit_locked;
  }
  return run_locked(config, devices, options, log);
}

} // namespace contact_audit::batch
