// SPDX-License-Identifier: MIT
// audit_devices: a pool of worker threads takes devices in turn; results are merged under a mutex.
#include "collect.hpp"

#include <contact_audit/core/error.hpp>
#include <contact_audit/ledger/run_history.hpp>
#include <contact_audit/report/data_formats.hpp>
#include <contact_audit/report/html.hpp>
#include <contact_audit/report/pdf.hpp>

#include <algorithm>
#include <atomic>
#include <mutex>
#include <thread>

namespace contact_audit::batch {
namespace {

namespace fs = std::filesystem;

// Counts the diagnostics of one device; they are in its report's totals, and
// the log gets one line per device rather than one per problem.
class CountingSink final : public DiagnosticSink
{
public:
  void report(Diagnostic diagnostic) override
  {
    ++count;
    errors += diagnostic.severity == Severity::error ? 1 : 0;
  }
  std::size_t count = 0;
  std::size_t errors = 0;
};

std::vector<std::string> write_device_reports(const Config& config,
                                              const std::string& id,
                                              const audit::AuditResult& result,
                                              const fs::path& folder)
{
  std::vector<std::string> written;
  const auto add = [&](const std::string& name) {
    written.push_back("devices/" + name);
    return folder / "devices" / name;
  };
  for (const auto& format : config.device_formats) {
    if (format == "json") {
      write_private_file(add(id + ".json"), [&](std::ostream& out) {
        report::write_audit_json(out, result, config.reveal_numbers);
      });
    } else if (format == "csv") {
      report::write_csv_report(result, config.reveal_numbers, add(id + ".csv"));
    }
    for (const auto& language : config.languages) {
      report::ReportOptions options;
      options.language = language;
      options.company = config.company;
      if (format == "html") {
        write_private_file(add(id + "." + language + ".html"),
                           report::render_html_report(result, options));
      } else if (format == "pdf") {
        report::write_pdf_report(result, options, add(id + "." + language + ".pdf"));
      }
    }
  }
  return written;
}

report::OverviewDevice row_of(const Device& device, const audit::AuditResult& result)
{
  report::OverviewDevice row;
  row.id = device.id;
  row.name = result.manifest.device_name;
  row.platform = result.manifest.platform;
  row.messenger = result.manifest.messenger_name;
  row.files = result.totals.files;
  row.contacts = result.totals.contacts_read;
  row.numbers_uploaded = result.totals.numbers_uploaded;
  row.non_compliant_contacts = result.totals.non_compliant_contacts;
  row.non_compliant_numbers = result.totals.non_compliant_numbers;
  row.lookup_only = result.totals.lookup_only;
  row.diagnostics = result.totals.diagnostics;
  return row;
}

// The run's state shared by the workers.
struct Shared
{
  Shared(const Config& config_,
         const std::vector<Device>& devices_,
         const audit::AuditSession& session_,
         const std::string& key_salt_,
         const fs::path& folder_,
         Logger& log_)
      : config(config_), devices(devices_), session(session_), key_salt(key_salt_), folder(folder_),
        log(log_)
  {
  }
  const Config& config;
  const std::vector<Device>& devices;
  const audit::AuditSession& session;
  const std::string& key_salt;
  const fs::path& folder;
  Logger& log;
  std::atomic<std::size_t> next{0};
  std::atomic<std::size_t> done{0};
  std::mutex mutex;
  Collected collected;
};

void audit_one(Shared& shared, std::size_t index)
{
  const Device& device = shared.devices[index];
  std::vector<std::pair<std::string, std::string>> valid;
  const audit::UploadObserver observer =
      [&](std::string_view purpose, std::string_view e164, std::string_view state) {
        if (state == "valid") {
          valid.emplace_back(purpose, e164);
        }
      };
  if (!device.problem.empty()) {
    throw IoError(device.problem);
  }
  CountingSink sink;
  const auto result = shared.session.audit_device(device.profile, device.inputs, sink, &observer);
  auto row = row_of(device, result);
  row.reports = write_device_reports(shared.config, device.id, result, shared.folder);
  std::vector<NumberFinding> findings;
  for (const auto& finding : result.findings) {
    for (const auto& number : finding.numbers) {
      if (!number.e164.empty() && number.consent_state != "valid" &&
          number.consent_state != "not_needed") {
        // The keys are hashed here, on the worker threads, not in the serial part of the run.
        findings.push_back({index,
                            result.manifest.purpose,
                            number.e164,
                            number.consent_state,
                            ledger::finding_key(shared.key_salt, device.id, number.e164)});
      }
    }
  }
  shared.log.log(LogLevel::info,
                 device.id,
                 "audited: " + std::to_string(row.contacts) + " contacts, " +
                     std::to_string(row.non_compliant_contacts) + " non-compliant, " +
                     std::to_string(sink.count) + " diagnostics.");
  const std::lock_guard lock(shared.mutex);
  shared.collected.rows[index] = std::move(row);
  auto& all = shared.collected.findings;
  all.insert(all.end(),
             std::make_move_iterator(findings.begin()),
             std::make_move_iterator(findings.end()));
  for (auto& key : valid) {
    // The lowest device index wins, so reports do not depend on thread timing.
    auto [slot, inserted] = shared.collected.valid_numbers.try_emplace(std::move(key), index);
    slot->second = std::min(slot->second, index);
  }
}

void fail_one(Shared& shared, std::size_t index, const std::string& reason)
{
  const Device& device = shared.devices[index];
  shared.log.log(LogLevel::error, device.id, "not audited: " + reason);
  const std::lock_guard lock(shared.mutex);
  auto& row = shared.collected.rows[index];
  row.id = device.id;
  row.name = device.path.filename().string();
  row.failed = true;
  row.error = reason;
}

void work(Shared& shared)
{
  for (;;) {
    const std::size_t index = shared.next.fetch_add(1);
    if (index >= shared.devices.size()) {
      return;
    }
    try {
      audit_one(shared, index);
    } catch (const std::exception& error) {
      // A device that cannot be audited must not stop the others (issue #7).
      fail_one(shared, index, error.what());
    }
    shared.log.progress(shared.done.fetch_add(1) + 1, shared.devices.size());
  }
}

} // namespace

Collected audit_devices(const Config& config,
                        const std::vector<Device>& devices,
                        const audit::AuditSession& session,
                        const std::string& key_salt,
                        const fs::path& folder,
                        Logger& log)
{
  Shared shared(config, devices, session, key_salt, folder, log);
  shared.collected.rows.resize(devices.size());
  make_private_dir(folder / "devices");
  const unsigned threads = std::min<unsigned>(
      config.threads != 0 ? config.threads : std::max(1U, std::thread::hardware_concurrency()),
      static_cast<unsigned>(std::max<std::size_t>(1, devices.size())));
  std::vector<std::thread> pool;
  for (unsigned i = 1; i < threads; ++i) {
    pool.emplace_back([&shared] { work(shared); });
  }
  work(shared); // The calling thread is one of the workers.
  for (auto& thread : pool) {
    thread.join();
  }
  log.finish_progress();
  return std::move(shared.collected);
}

} // namespace contact_audit::batch
