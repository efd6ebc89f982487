// SPDX-License-Identifier: MIT
// Unit tests of the messenger transfer models in rules/messengers/ and of their loader.
#include "test_exposure_support.hpp"

#include <contact_audit/exposure/messenger_model.hpp>

#include <doctest/doctest.h>

using namespace contact_audit;
using namespace contact_audit::exposure;
using namespace exposure_test;

namespace {

std::string model_error(std::string_view id, const fs::path& rules)
{
  try {
    (void)load_messenger(id, rules);
  } catch (const InputError& error) {
    return error.what();
  }
  return "";
}

const char* const k_valid_model = R"(id = "demo"
name = "Demo"
purpose = "demo-contact-upload"
[recipient]
controller = "Demo GmbH"
controller_country = "DE"
third_country_transfer = false
[upload]
trigger = "opt_in"
data = ["phone_numbers"]
form = "hashed"
frequency = "periodic"
summary = { en = "Numbers, hashed.", de = "Nummern, gehasht." }
[[source]]
title = "Demo FAQ"
url = "https://demo.example/faq"
)";

} // namespace

TEST_SUITE("exposure::load_messenger")
{
  TEST_CASE("every shipped model loads and states purpose and recipient and form and sources")
  {
    for (const auto* id : {"whatsapp", "telegram", "signal", "threema"}) {
      CAPTURE(id);
      const auto model = load_messenger(id, k_rules);
      CHECK(model.id == id);
      CHECK(model.purpose == std::string(id) + "-contact-upload");
      CHECK_FALSE(model.controller.empty());
      CHECK(model.third_country_transfer);
      CHECK_FALSE(model.third_countries.empty());
      CHECK_FALSE(model.transfer_basis.en.empty());
      CHECK_FALSE(model.summary.de.empty());
      CHECK(model.all_numbers);
      REQUIRE_FALSE(model.sources.empty());
      for (const auto& source : model.sources) {
        CHECK(source.url.starts_with("https://"));
      }
      CHECK(model.file == k_rules / "messengers" / (std::string(id) + ".toml"));
    }
  }

  TEST_CASE("WhatsApp uploads every number in plaintext daily to Ireland and the US")
  {
    const auto model = load_messenger("whatsapp", k_rules);
    CHECK(model.name == "WhatsApp");
    CHECK(model.purpose == "whatsapp-contact-upload");
    CHECK(model.controller == "WhatsApp Ireland Limited");
    CHECK(model.controller_country == "IE");
    CHECK(model.third_countries == std::vector<std::string>{"US"});
    CHECK(model.trigger == UploadTrigger::os_permission);
    CHECK(model.data == std::vector<UploadedData>{UploadedData::phone_numbers});
    CHECK(model.form == UploadForm::plaintext);
    CHECK(model.frequency == UploadFrequency::daily);
  }

  TEST_CASE("Signal uses an enclave while Threema hashes on opt-in and Telegram keeps names")
  {
    CHECK(load_messenger("signal", k_rules).form == UploadForm::enclave);
    const auto threema = load_messenger("threema", k_rules);
    CHECK(threema.form == UploadForm::hashed);
    CHECK(threema.trigger == UploadTrigger::opt_in);
    CHECK(threema.data ==
          std::vector<UploadedData>{UploadedData::phone_numbers, UploadedData::emails});
    const auto telegram = load_messenger("telegram", k_rules);
    CHECK(telegram.trigger == UploadTrigger::opt_in);
    CHECK(telegram.form == UploadForm::plaintext);
    CHECK(telegram.data ==
          std::vector<UploadedData>{UploadedData::phone_numbers, UploadedData::names});
  }

  TEST_CASE("a missing model lists the available ones and an id cannot leave the folder")
  {
    const auto rules = temp_folder("rules-missing");
    write_file(rules / "messengers" / "demo.toml", k_valid_model);
    CHECK(load_messenger("demo", rules).summary.en == "Numbers, hashed.");
    CHECK(model_error("nope", rules) ==
          "No model for messenger \"nope\": " + (rules / "messengers" / "nope.toml").string() +
              " does not exist; the models available are demo.");
    CHECK(model_error("../demo", rules) ==
          "The messenger id \"../demo\" is not a plain name of lowercase letters, digits and "
          "\"-\".");
  }

  TEST_CASE("a profile's unknown messenger is reported at its id in the profile")
  {
    const auto rules = temp_folder("rules-profile");
    write_file(rules / "messengers" / "demo.toml", k_valid_model);
    const auto profile = parse_profile("[device]\nid = \"p\"\nplatform = \"unmanaged\"\n"
                                       "[messenger]\nid = \"whatsapp\"\n",
                                       "device.toml");
    try {
      (void)load_messenger(profile, rules);
      FAIL("expected InputError");
    } catch (const InputError& error) {
      CHECK(std::string(error.what()) == "device.toml:5:6: No model for messenger \"whatsapp\": " +
                                             (rules / "messengers" / "whatsapp.toml").string() +
                                             " does not exist; the models available are demo.");
    }
  }

  TEST_CASE("an invalid model reports every problem with its position")
  {
    const auto rules = temp_folder("rules-invalid");
    const auto path = rules / "messengers" / "bad.toml";
    write_file(path, R"(id = "other"
name = "Bad"
[recipient]
controller = "Bad Ltd"
controller_country = "Irland"
third_country_transfer = true
[upload]
trigger = "always"
data = ["phone_numbers", "photos"]
form = "plaintext"
summary = { en = "x" }
colour = "red"
)");
    const std::string file = path.string();
    CHECK(
        model_error("bad", rules) ==
        file + ": The messenger model is invalid (11 errors); fix it and run again.\n" + file +
            ":1:1: The required key purpose is missing in the model.\n" + file +
            ":1:1: The required table [[source]] is missing in the model (where the model's "
            "statements come from).\n" +
            file + ":1:6: id = \"other\" differs from the file name; it must be \"bad\".\n" + file +
            ":3:1: The required key transfer_basis is missing in [recipient] (a table with en "
            "and de).\n" +
            file +
            ":5:22: \"Irland\" is not an ISO 3166 country code of two capital letters (e.g. "
            "\"IE\", \"US\").\n" +
            file +
            ":6:1: third_country_transfer = true in [recipient] needs the countries in "
            "third_countries.\n" +
            file +
            ":7:1: The required key frequency is missing in [upload] (\"daily\", \"periodic\" or "
            "\"on_change\").\n" +
            file +
            ":8:11: trigger = \"always\" in [upload] is not known; use \"os_permission\" or "
            "\"opt_in\".\n" +
            file +
            ":9:26: data = [\"photos\"] in [upload] is not known; use \"phone_numbers\", "
            "\"emails\" or \"names\".\n" +
            file + ":11:11: The required key de is missing in [upload] summary.\n" + file +
            ":12:1: Unknown key \"colour\" in [upload]; the keys allowed there are trigger, data, "
            "all_numbers, form, frequency, summary.");
  }

  TEST_CASE("upload enums are spelled as serialised")
  {
    CHECK(to_string(UploadTrigger::os_permission) == "os_permission");
    CHECK(parse_upload_trigger("opt_in") == UploadTrigger::opt_in);
    CHECK(to_string(UploadForm::enclave) == "enclave");
    CHECK(parse_upload_form("hashed") == UploadForm::hashed);
    CHECK(to_string(UploadFrequency::on_change) == "on_change");
    CHECK(parse_upload_frequency("daily") == UploadFrequency::daily);
    CHECK(to_string(UploadedData::emails) == "emails");
    CHECK(parse_uploaded_data("names") == UploadedData::names);
    CHECK_FALSE(parse_upload_form("encrypted").has_value());
  }
}
