// SPDX-License-Identifier: MIT
// MessengerModel: what a messenger's contact upload transfers, to whom and how often
// (rules/messengers/).
#pragma once

#include <contact_audit/exposure/device_profile.hpp>
#include <contact_audit/exposure/localised_text.hpp>

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace contact_audit::exposure {

// What starts the upload: the OS contacts permission alone, or a switch in the app
// that is off until the user turns it on.
enum class UploadTrigger : std::uint8_t
{
  os_permission,
  opt_in,
};

// How the numbers leave the device: as they are (over TLS), hashed, or into an
// attested enclave. Hashed phone numbers remain personal data (the space is small).
enum class UploadForm : std::uint8_t
{
  plaintext,
  hashed,
  enclave,
};

enum class UploadFrequency : std::uint8_t
{
  daily,
  periodic,
  on_change,
};

enum class UploadedData : std::uint8_t
{
  phone_numbers,
  emails,
  names,
};

// Each enum spelled as a model file writes it; parse_* returns nullopt for any other text.
std::string_view to_string(UploadTrigger trigger);
std::optional<UploadTrigger> parse_upload_trigger(std::string_view text);
std::string_view to_string(UploadForm form);
std::optional<UploadForm> parse_upload_form(std::string_view text);
std::string_view to_string(UploadFrequency frequency);
std::optional<UploadFrequency> parse_upload_frequency(std::string_view text);
std::string_view to_string(UploadedData data);
std::optional<UploadedData> parse_uploaded_data(std::string_view text);

// Where a statement of a model comes from.
struct SourceReference
{
  std::string title;
  std::string url;
};

// One messenger's transfer model, as rules/messengers/<id>.toml states it (format in
// docs/device-profiles.md).
struct MessengerModel
{
  std::string id;                 // Equals the file's stem, e.g. "whatsapp".
  std::string name;               // "WhatsApp".
  std::string purpose;            // Consent purpose in the ledger, e.g. "whatsapp-contact-upload".
  std::string controller;         // "WhatsApp Ireland Limited".
  std::string controller_country; // ISO 3166 alpha-2, e.g. "IE".
  std::vector<std::string> recipients; // Further recipients, e.g. "Meta Platforms, Inc. (US)".
  bool third_country_transfer = false;
  std::vector<std::string> third_countries; // ISO 3166 alpha-2.
  LocalisedText transfer_basis;             // Empty when there is no third-country transfer.
  UploadTrigger trigger = UploadTrigger::os_permission;
  std::vector<UploadedData> data;
  bool all_numbers = true; // Every number of a contact, whatever its label or type.
  UploadForm form = UploadForm::plaintext;
  UploadFrequency frequency = UploadFrequency::daily;
  LocalisedText summary; // What is uploaded and what happens to it, for reports.
  std::vector<SourceReference> sources;
  std::filesystem::path file;
};

// Read rules_dir/messengers/<id>.toml. Throws InputError when `id` is not a plain
// name ([a-z0-9-]), the file does not exist (the message lists the models there) or it
// is invalid (all problems at once, "path:line:column: sentence" per line).
MessengerModel load_messenger(std::string_view id, const std::filesystem::path& rules_dir);

// As above for the messenger `profile` names; a missing model is reported at the
// position of messenger.id in the profile.
MessengerModel load_messenger(const DeviceProfile& profile, const std::filesystem::path& rules_dir);

} // namespace contact_audit::exposure
