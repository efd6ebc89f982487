// SPDX-License-Identifier: MIT
// Reading rules/messengers/<id>.toml: a messenger's transfer model, validated completely.
#include "device_profile_reader.hpp"
#include "enum_names.hpp"
#include "toml_checker.hpp"

#include <contact_audit/core/error.hpp>
#include <contact_audit/exposure/messenger_model.hpp>

#include <algorithm>
#include <array>
#include <system_error>

namespace contact_audit::exposure {

namespace fs = std::filesystem;

namespace {

constexpr std::array<std::string_view, 2> k_trigger_names{"os_permission", "opt_in"};
constexpr std::array<std::string_view, 3> k_form_names{"plaintext", "hashed", "enclave"};
constexpr std::array<std::string_view, 3> k_frequency_names{"daily", "periodic", "on_change"};
constexpr std::array<std::string_view, 3> k_data_names{"phone_numbers", "emails", "names"};

constexpr std::array<std::string_view, 6> k_root_keys{
    "id", "name", "purpose", "recipient", "upload", "source"};
constexpr std::array<std::string_view, 6> k_recipient_keys{"controller",
                                                           "controller_country",
                                                           "recipients",
                                                           "third_country_transfer",
                                                           "third_countries",
                                                           "transfer_basis"};
constexpr std::array<std::string_view, 6> k_upload_keys{
    "trigger", "data", "all_numbers", "form", "frequency", "summary"};
constexpr std::array<std::string_view, 2> k_text_keys{"en", "de"};
constexpr std::array<std::string_view, 2> k_source_keys{"title", "url"};

using detail::TomlChecker;

std::string required_string(TomlChecker& check,
                            const toml::table& table,
                            std::string_view key,
                            std::string_view where)
{
  auto value = check.string(table, key, where);
  if (!value && table.get(key) == nullptr) {
    check.missing(table, key, where);
  } else if (value && value->empty()) {
    check.error(table.get(key)->source(),
                std::string(key) + " in " + std::string(where) + " must not be empty.");
  }
  return value.value_or("");
}

bool is_country(std::string_view code)
{
  return code.size() == 2 &&
         std::all_of(code.begin(), code.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

std::string country(TomlChecker& check, const toml::node& node, std::string value)
{
  if (!is_country(value)) {
    check.error(node.source(),
                "\"" + value +
                    "\" is not an ISO 3166 country code of two capital letters (e.g. "
                    "\"IE\", \"US\").");
  }
  return value;
}

LocalisedText localised(TomlChecker& check,
                        const toml::table& parent,
                        std::string_view key,
                        std::string_view where)
{
  const std::string inner = std::string(where) + ' ' + std::string(key);
  const toml::table* table = check.table(parent, key, where);
  if (table == nullptr) {
    if (parent.get(key) == nullptr) {
      check.missing(parent, key, where, "a table with en and de");
    }
    return {};
  }
  check.check_keys(*table, inner, k_text_keys);
  return {required_string(check, *table, "en", inner), required_string(check, *table, "de", inner)};
}

void read_recipient(TomlChecker& check, const toml::table& root, MessengerModel& model)
{
  const toml::table* recipient = check.table(root, "recipient", "the model");
  if (recipient == nullptr) {
    if (root.get("recipient") == nullptr) {
      check.missing(root, "[recipient]", "the model", "who receives the upload");
    }
    return;
  }
  constexpr std::string_view where = "[recipient]";
  check.check_keys(*recipient, where, k_recipient_keys);
  model.controller = required_string(check, *recipient, "controller", where);
  if (const toml::node* node = recipient->get("controller_country")) {
    model.controller_country =
        country(check, *node, required_string(check, *recipient, "controller_country", where));
  } else {
    check.missing(*recipient, "controller_country", where);
  }
  model.recipients =
      check.strings(*recipient, "recipients", where).value_or(std::vector<std::string>{});
  const auto transfer = check.boolean(*recipient, "third_country_transfer", where);
  if (!transfer && recipient->get("third_country_transfer") == nullptr) {
    check.missing(*recipient, "third_country_transfer", where, "true or false");
  }
  model.third_country_transfer = transfer.value_or(false);
  if (const toml::array* countries = (*recipient)["third_countries"].as_array()) {
    for (const auto& element : *countries) {
      if (const auto* code = element.as_string()) {
        country(check, element, code->get());
      }
    }
  }
  model.third_countries =
      check.strings(*recipient, "third_countries", where).value_or(std::vector<std::string>{});
  if (model.third_country_transfer) {
    if (model.third_countries.empty()) {
      check.error(check.key_region(*recipient, "third_country_transfer"),
                  "third_country_transfer = true in [recipient] needs the countries in "
                  "third_countries.");
    }
    model.transfer_basis = localised(check, *recipient, "transfer_basis", where);
  }
}

void read_upload(TomlChecker& check, const toml::table& root, MessengerModel& model)
{
  const toml::table* upload = check.table(root, "upload", "the model");
  if (upload == nullptr) {
    if (root.get("upload") == nullptr) {
      check.missing(root, "[upload]", "the model", "what is uploaded, how and how often");
    }
    return;
  }
  constexpr std::string_view where = "[upload]";
  check.check_keys(*upload, where, k_upload_keys);
  const auto required_enum =
      [&](std::string_view key, auto parse, std::string choices, auto& target) {
        using Enum = std::remove_reference_t<decltype(target)>;
        if (const auto value = check.enumeration<Enum>(*upload, key, where, parse, choices)) {
          target = *value;
        } else if (upload->get(key) == nullptr) {
          check.missing(*upload, key, where, choices);
        }
      };
  required_enum(
      "trigger", parse_upload_trigger, detail::quoted_choices(k_trigger_names), model.trigger);
  required_enum("form", parse_upload_form, detail::quoted_choices(k_form_names), model.form);
  required_enum("frequency",
                parse_upload_frequency,
                detail::quoted_choices(k_frequency_names),
                model.frequency);
  model.all_numbers = check.boolean(*upload, "all_numbers", where).value_or(true);
  if (const toml::array* data = (*upload)["data"].as_array()) {
    for (const auto& element : *data) {
      const auto* text = element.as_string();
      if (text == nullptr) {
        continue; // strings() below reports it.
      }
      if (const auto value = parse_uploaded_data(text->get())) {
        model.data.push_back(*value);
      } else {
        check.error(element.source(),
                    "data = [\"" + text->get() + "\"] in [upload] is not known; use " +
                        detail::quoted_choices(k_data_names) + '.');
      }
    }
  }
  if (const auto data = check.strings(*upload, "data", where); data && data->empty()) {
    check.error(upload->get("data")->source(), "data in [upload] must name what is uploaded.");
  } else if (upload->get("data") == nullptr) {
    check.missing(*upload, "data", where, detail::quoted_choices(k_data_names));
  }
  model.summary = localised(check, *upload, "summary", where);
}

void read_sources(TomlChecker& check, const toml::table& root, MessengerModel& model)
{
  const toml::array* sources = check.table_array(root, "source", "the model");
  if (sources == nullptr) {
    if (root.get("source") == nullptr) {
      check.missing(root, "[[source]]", "the model", "where the model's statements come from");
    }
    return;
  }
  for (std::size_t i = 0; i < sources->size(); ++i) {
    const toml::table& table = *sources->get(i)->as_table();
    const std::string where = "[[source]] #" + std::to_string(i + 1);
    check.check_keys(table, where, k_source_keys);
    model.sources.push_back({required_string(check, table, "title", where),
                             required_string(check, table, "url", where)});
  }
}

MessengerModel read_model(const fs::path& path, std::string_view id)
{
  TomlChecker check(path, "messenger model");
  const toml::table root = check.parse_text(detail::read_text_file(path, "messenger model"));
  MessengerModel model;
  model.file = path;
  check.check_keys(root, "the model", k_root_keys);
  model.id = required_string(check, root, "id", "the model");
  if (!model.id.empty() && model.id != id) {
    check.error(root.get("id")->source(),
                "id = \"" + model.id + "\" differs from the file name; it must be \"" +
                    std::string(id) + "\".");
  }
  model.name = required_string(check, root, "name", "the model");
  model.purpose = required_string(check, root, "purpose", "the model");
  read_recipient(check, root, model);
  read_upload(check, root, model);
  read_sources(check, root, model);
  check.throw_if_errors();
  return model;
}

std::string available_models(const fs::path& folder)
{
  std::vector<std::string> ids;
  std::error_code error;
  for (fs::directory_iterator it(folder, error), end; !error && it != end; it.increment(error)) {
    if (it->path().extension() == ".toml") {
      ids.push_back(it->path().stem().string());
    }
  }
  std::sort(ids.begin(), ids.end());
  std::string text;
  for (const auto& id : ids) {
    text += text.empty() ? "" : ", ";
    text += id;
  }
  return text.empty() ? "there are none in " + folder.string() : "the models available are " + text;
}

// The path of the model for `id`; `where` prefixes the messages ("" or "profile:3:7: ").
fs::path model_path(std::string_view id, const fs::path& rules_dir, const std::string& where)
{
  if (!detail::is_plain_id(id)) {
    throw InputError(where + "The messenger id \"" + std::string(id) +
                     "\" is not a plain name of lowercase letters, digits and \"-\".");
  }
  const fs::path folder = rules_dir / "messengers";
  fs::path path = folder / (std::string(id) + ".toml");
  std::error_code error;
  if (!fs::exists(path, error)) {
    throw InputError(where + "No model for messenger \"" + std::string(id) +
                     "\": " + path.string() + " does not exist; " + available_models(folder) + '.');
  }
  return path;
}

} // namespace

std::string_view to_string(UploadTrigger trigger)
{
  return detail::enum_name(k_trigger_names, trigger);
}
std::optional<UploadTrigger> parse_upload_trigger(std::string_view text)
{
  return detail::parse_enum<UploadTrigger>(k_trigger_names, text);
}
std::string_view to_string(UploadForm form)
{
  return detail::enum_name(k_form_names, form);
}
std::optional<UploadForm> parse_upload_form(std::string_view text)
{
  return detail::parse_enum<UploadForm>(k_form_names, text);
}
std::string_view to_string(UploadFrequency frequency)
{
  return detail::enum_name(k_frequency_names, frequency);
}
std::optional<UploadFrequency> parse_upload_frequency(std::string_view text)
{
  return detail::parse_enum<UploadFrequency>(k_frequency_names, text);
}
std::string_view to_string(UploadedData data)
{
  return detail::enum_name(k_data_names, data);
}
std::optional<UploadedData> parse_uploaded_data(std::string_view text)
{
  return detail::parse_enum<UploadedData>(k_data_names, text);
}

MessengerModel load_messenger(std::string_view id, const fs::path& rules_dir)
{
  return read_model(model_path(id, rules_dir, ""), id);
}

MessengerModel load_messenger(const DeviceProfile& profile, const fs::path& rules_dir)
{
  const std::string where = profile.file.string() + ':' +
                            std::to_string(profile.messenger.id_line) + ':' +
                            std::to_string(profile.messenger.id_column) + ": ";
  return read_model(model_path(profile.messenger.id, rules_dir, where), profile.messenger.id);
}

} // namespace contact_audit::exposure
