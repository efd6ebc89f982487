// SPDX-License-Identifier: MIT
// The batch run overview as JSON (schema "contact-audit/batch/1", docs/batch.md).
#include <contact_audit/core/json.hpp>
#include <contact_audit/report/overview.hpp>

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include <sstream>

namespace contact_audit::report {
namespace {

using Poco::JSON::Array;
using Poco::JSON::Object;

Object::Ptr device_json(const OverviewDevice& device)
{
  auto item = json::ordered_object();
  item->set("id", device.id);
  item->set("name", device.name);
  item->set("platform", device.platform);
  item->set("messenger", device.messenger);
  item->set("status", device.failed ? "failed" : "audited");
  if (device.failed) {
    item->set("error", device.error);
  }
  item->set("files", device.files);
  item->set("contacts", device.contacts);
  item->set("numbers_uploaded", device.numbers_uploaded);
  item->set("non_compliant_contacts", device.non_compliant_contacts);
  item->set("non_compliant_numbers", device.non_compliant_numbers);
  item->set("lookup_only", device.lookup_only);
  item->set("diagnostics", device.diagnostics);
  Array::Ptr reports = new Array;
  for (const auto& report : device.reports) {
    reports->add(report);
  }
  item->set("reports", reports);
  return item;
}

Object::Ptr changes_json(const ChangeList& list)
{
  auto item = json::ordered_object();
  item->set("total", list.total);
  Array::Ptr shown = new Array;
  for (const auto& change : list.shown) {
    auto entry = json::ordered_object();
    entry->set("device", change.device_id);
    entry->set("number", change.number);
    entry->set("consent_state", change.consent_state);
    entry->set("detail", change.detail);
    shown->add(entry);
  }
  item->set("shown", shown);
  return item;
}

} // namespace

std::string overview_to_json(const RunOverview& overview)
{
  Object document(Poco::JSON_PRESERVE_KEY_ORDER);
  document.set("schema", "contact-audit/batch/1");
  document.set("tool_version", overview.tool_version);
  document.set("company", overview.company);
  document.set("started_at", overview.started_at);
  document.set("as_of", overview.as_of);
  document.set("folder", overview.folder);
  document.set("exit_code", overview.exit_code);
  auto totals = json::ordered_object();
  totals->set("devices", overview.devices.size());
  totals->set("devices_failed", overview.devices_failed);
  totals->set("contacts", overview.contacts);
  totals->set("numbers_uploaded", overview.numbers_uploaded);
  totals->set("non_compliant_contacts", overview.non_compliant_contacts);
  totals->set("non_compliant_numbers", overview.non_compliant_numbers);
  totals->set("numbers_parsed", overview.numbers_parsed);
  totals->set("numbers_from_cache", overview.numbers_from_cache);
  document.set("totals", totals);
  auto change = json::ordered_object();
  change->set("previous_run_at", overview.previous_run_at);
  change->set("newly_exposed", changes_json(overview.newly_exposed));
  change->set("fixed", changes_json(overview.fixed));
  change->set("withdrawn", changes_json(overview.withdrawn));
  change->set("expiry_warning_days", overview.expiry_warning_days);
  change->set("expiring", changes_json(overview.expiring));
  document.set("change", change);
  Array::Ptr trend = new Array;
  for (const auto& point : overview.trend) {
    auto entry = json::ordered_object();
    entry->set("started_at", point.started_at);
    entry->set("devices", point.devices);
    entry->set("devices_failed", point.devices_failed);
    entry->set("non_compliant_contacts", point.non_compliant_contacts);
    entry->set("non_compliant_numbers", point.non_compliant_numbers);
    trend->add(entry);
  }
  document.set("trend", trend);
  Array::Ptr devices = new Array;
  for (const auto& device : overview.devices) {
    devices->add(device_json(device));
  }
  document.set("devices", devices);
  std::ostringstream out;
  document.stringify(out, 2);
  out << '\n';
  return out.str();
}

} // namespace contact_audit::report
