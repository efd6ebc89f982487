// SPDX-License-Identifier: MIT
#include <contact_audit/core/error.hpp>
#include <contact_audit/importers/pipeline.hpp>

#include <doctest/doctest.h>

#include <fstream>
#include <unistd.h>

namespace fs = std::filesystem;
using namespace contact_audit;
using namespace contact_audit::importers;

namespace {
fs::path write_temp(const std::string& name, const std::string& content)
{
  const auto dir = fs::temp_directory_path() / ("ca-pipeline-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  const auto path = dir / name;
  std::ofstream(path, std::ios::binary) << content;
  return path;
}

std::string many_cards(int count)
{
  std::string text;
  for (int i = 0; i < count; ++i) {
    text += "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Person " + std::to_string(i) +
            "\r\nTEL;TYPE=CELL:0151 " + std::to_string(10000000 + i) +
            "\r\nTEL;TYPE=WORK:49 151 12345678\r\nEND:VCARD\r\n";
  }
  return text;
}
} // namespace

TEST_SUITE("importers::run_import")
{
  TEST_CASE("contacts arrive in file order with normalised numbers, whatever the thread count")
  {
    const auto path = write_temp("order.vcf", many_cards(2000));
    for (const unsigned threads : {1U, 2U, 4U}) {
      CAPTURE(threads);
      std::vector<std::string> names;
      std::vector<std::string> first_numbers;
      CollectingSink sink;
      PipelineOptions options;
      options.threads = threads;
      options.batch_size = 37;
      const auto summary = run_import(
          {{path, {}}},
          options,
          [&](contact::Contact&& contact) {
            names.push_back(contact.display_name);
            first_numbers.push_back(contact.phones.at(0).number.e164);
          },
          sink);
      REQUIRE(names.size() == 2000);
      CHECK(names[0] == "Person 0");
      CHECK(names[1999] == "Person 1999");
      CHECK(first_numbers[5] == "+4915110000005");
      CHECK(summary.contacts_read == 2000);
      CHECK(summary.phones == 4000);
      CHECK(summary.phones_valid + summary.phones_ambiguous + summary.phones_invalid +
                summary.phones_service + summary.phones_unparsable ==
            summary.phones);
      // Every "49 151 ..." number is reported as ambiguous, each before its contact, in order.
      CHECK(summary.phones_ambiguous == 2000);
      REQUIRE(sink.diagnostics().size() == 2000);
      CHECK(sink.diagnostics()[0].line == 5);
      CHECK(sink.diagnostics()[1999].line == 5 + 6 * 1999);
    }
  }

  TEST_CASE("the account and region of a file are applied to its contacts")
  {
    const auto path = write_temp(
        "account.vcf", "BEGIN:VCARD\nVERSION:3.0\nFN:Anna\nTEL:0664 1234567\nEND:VCARD\n");
    InputFile file{path, {}};
    file.options.account = "managed";
    file.options.region = "AT";
    std::vector<contact::Contact> contacts;
    CollectingSink sink;
    run_import(
        {file}, {}, [&](contact::Contact&& c) { contacts.push_back(std::move(c)); }, sink);
    REQUIRE(contacts.size() == 1);
    CHECK(contacts[0].source.account == "managed");
    CHECK(contacts[0].phones.at(0).number.e164 == "+436641234567");
    CHECK(contacts[0].phones.at(0).number.region == "AT");
  }

  TEST_CASE("an unknown default region is an input error")
  {
    CollectingSink sink;
    PipelineOptions options;
    options.region = "XX";
    CHECK_THROWS_AS(run_import(
                        {}, options, [](contact::Contact&&) {}, sink),
                    InputError);
  }

  TEST_CASE("a file of unknown format is an input error naming the file")
  {
    const auto path = write_temp("data.bin", std::string("\x01\x02\x03", 3));
    CollectingSink sink;
    try {
      run_import(
          {{path, {}}}, {}, [](contact::Contact&&) {}, sink);
      FAIL("no exception");
    } catch (const InputError& error) {
      CHECK(std::string(error.what()).find("data.bin: The format is not recognised") !=
            std::string::npos);
    }
  }
}
