// SPDX-License-Identifier: MIT
// The split summary: the counts that must add up, and their JSON form (docs/split.md).
#include "split_summary.hpp"

#include <contact_audit/core/error.hpp>
#include <contact_audit/core/json.hpp>
#include <contact_audit/phone/normaliser.hpp>

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include <sstream>

namespace contact_audit::audit {
namespace {

using Poco::JSON::Array;
using Poco::JSON::Object;

constexpr const char* k_schema = "contact-audit/split/1";

Object::Ptr text_json(const LocalisedText& text)
{
  auto object = json::ordered_object();
  object->set("de", text.de);
  object->set("en", text.en);
  return object;
}

std::string shown(const std::string& number, bool reveal)
{
  return reveal || number.empty() ? number : phone::mask(number);
}

Object::Ptr counts_json(const SplitCounts& counts)
{
  auto object = json::ordered_object();
  object->set("contacts_read", counts.contacts_read);
  object->set("contacts_rejected", counts.contacts_rejected);
  object->set("keep", counts.keep);
  object->set("move", counts.move);
  object->set("managed", counts.managed);
  object->set("unreadable_cards", counts.unreadable_cards);
  object->set("copied_verbatim", counts.copied_verbatim);
  object->set("written_from_model", counts.written_from_model);
  object->set("stray_lines", counts.stray_lines);
  return object;
}

Array::Ptr entries_json(const std::vector<SplitEntry>& entries, bool reveal)
{
  auto array = Array::Ptr(new Array);
  for (const auto& entry : entries) {
    auto object = json::ordered_object();
    object->set("contact", entry.contact);
    object->set("file", entry.file);
    object->set("line", entry.line);
    object->set("account", entry.account);
    object->set("classification", entry.classification);
    object->set("exposure", entry.exposure);
    object->set("reason_code", entry.reason_code);
    object->set("reason", text_json(entry.reason));
    object->set("remediation", entry.remediation);
    object->set("remediation_text", text_json(entry.remediation_text));
    auto numbers = Array::Ptr(new Array);
    for (const auto& number : entry.numbers) {
      auto record = json::ordered_object();
      record->set("e164", shown(number.e164, reveal));
      record->set("raw", shown(number.raw, reveal));
      record->set("consent_state", number.consent_state);
      numbers->add(record);
    }
    object->set("numbers", numbers);
    array->add(object);
  }
  return array;
}

Object::Ptr files_json(const SplitResult& result)
{
  auto object = json::ordered_object();
  object->set("keep", result.keep_file.filename().string());
  object->set("move", result.move_file.filename().string());
  object->set("managed", result.managed_file.filename().string());
  object->set("unreadable", result.unreadable_file.filename().string());
  return object;
}

} // namespace

void check_counts(const SplitResult& result)
{
  const auto& counts = result.counts;
  const bool placed = counts.keep + counts.move + counts.managed == counts.contacts_read;
  const bool written = counts.copied_verbatim + counts.written_from_model == counts.contacts_read;
  if (!placed || !written) {
    throw IoError("The split does not account for every contact (" +
                  std::to_string(counts.contacts_read) + " read, " +
                  std::to_string(counts.keep + counts.move + counts.managed) + " placed, " +
                  std::to_string(counts.copied_verbatim + counts.written_from_model) +
                  " written); no file was written.");
  }
}

std::string split_summary_json(const SplitResult& result, bool reveal)
{
  const auto& manifest = result.manifest;
  Object document(Poco::JSON_PRESERVE_KEY_ORDER);
  document.set("schema", k_schema);
  document.set("tool_version", manifest.tool_version);
  document.set("generated_at", manifest.generated_at);
  document.set("as_of", manifest.as_of);
  document.set("device_id", manifest.device_id);
  document.set("device_name", manifest.device_name);
  document.set("messenger", manifest.messenger);
  document.set("purpose", manifest.purpose);
  document.set("rules_sha256", manifest.rules_sha256);
  document.set("ledger_head_hash", manifest.ledger_head_hash);
  document.set("unknown_as", manifest.unknown_as);
  auto inputs = Array::Ptr(new Array);
  for (const auto& input : manifest.inputs) {
    auto object = json::ordered_object();
    object->set("path", input.path);
    object->set("sha256", input.sha256);
    object->set("account", input.account);
    object->set("contacts", input.contacts);
    inputs->add(object);
  }
  document.set("inputs", inputs);
  document.set("files", files_json(result));
  document.set("counts", counts_json(result.counts));
  document.set("audit_findings", result.audit_findings);
  document.set("moved", entries_json(result.moved, reveal));
  document.set("managed", entries_json(result.managed, reveal));
  std::ostringstream out;
  document.stringify(out, 1);
  out << '\n';
  return out.str();
}

} // namespace contact_audit::audit
