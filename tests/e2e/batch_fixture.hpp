// SPDX-License-Identifier: MIT
// The batch end-to-end fixture: a configuration over testdata/batch (or a copy) in a temp folder.
#pragma once

#include "run_binary.hpp"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <doctest/doctest.h>

#include <string>
#include <string_view>
#include <vector>

namespace batch_e2e {

namespace fs = std::filesystem;
using Poco::JSON::Object;

constexpr std::string_view k_first_run = "CONTACT_AUDIT_NOW=2026-08-01T03:00:00Z";
constexpr std::string_view k_second_run = "CONTACT_AUDIT_NOW=2026-09-03T03:00:00Z";

// A configuration in a temporary folder over `devices` (a folder with ios/ and android/).
class Batch
{
public:
  explicit Batch(const fs::path& devices = e2e::testdata("batch/devices"),
                 const std::string& output_extra = {})
  {
    const auto profiles = e2e::testdata("batch/profiles");
    m_config = m_dir.write("batch.toml",
                           "[company]\nname = \"Muster Vertrieb GmbH\"\n"
                           "[audit]\nledger = \"ledger.sqlite\"\n"
                           "[output]\ndirectory = \"reports\"\nlanguages = [\"en\"]\n"
                           "formats = [\"json\", \"html\"]\ndevice_formats = [\"json\"]\n"
                           "threads = 2\n" +
                               output_extra + "[[source]]\nname = \"iPhones\"\ndevices = \"" +
                               (devices / "ios/*").string() + "\"\nprofile = \"" +
                               (profiles / "ios-default.toml").string() +
                               "\"\n[source.accounts]\n\"work.*\" = \"managed\"\n"
                               "\"personal.*\" = \"unmanaged\"\n"
                               "[[source]]\nname = \"Android\"\ndevices = \"" +
                               (devices / "android/*").string() + "\"\nprofile = \"" +
                               (profiles / "android-work-profile.toml").string() +
                               "\"\n[source.accounts]\n\"work.*\" = \"work\"\n"
                               "\"personal.*\" = \"personal\"\n");
    import("audit/consent.csv", "CONTACT_AUDIT_NOW=2026-02-01T09:00:00Z");
  }

  void import(const std::string& file, std::string_view now) const
  {
    const auto run = e2e::run(
        {"consent", "import", e2e::testdata(file).string(), "--by", "hr", "--ledger", ledger()},
        {},
        {std::string(now)});
    REQUIRE(run.exit_code == 0);
  }

  e2e::Run run(std::string_view now, std::vector<std::string> extra = {}) const
  {
    std::vector<std::string> arguments{"batch", "--config", m_config.string()};
    arguments.insert(arguments.end(), extra.begin(), extra.end());
    return e2e::run(arguments, {}, {std::string(now)});
  }

  std::string ledger() const { return (m_dir.path() / "ledger.sqlite").string(); }
  fs::path reports() const { return m_dir.path() / "reports"; }
  const fs::path& config() const { return m_config; }
  const fs::path& dir() const { return m_dir.path(); }

  Object::Ptr overview(const std::string& folder = "latest") const
  {
    Poco::JSON::Parser parser;
    return parser.parse(e2e::read_file(reports() / folder / "overview.json"))
        .extract<Object::Ptr>();
  }

private:
  e2e::TempDir m_dir;
  fs::path m_config;
};

inline std::size_t total(const Object::Ptr& overview, const std::string& key)
{
  return overview->getObject("totals")->getValue<std::size_t>(key);
}

inline Object::Ptr change(const Object::Ptr& overview, const std::string& list)
{
  return overview->getObject("change")->getObject(list);
}

// The numbers (masked) of a change list, "device number" each.
inline std::vector<std::string> shown(const Object::Ptr& overview, const std::string& list)
{
  std::vector<std::string> entries;
  const auto array = change(overview, list)->getArray("shown");
  for (std::size_t i = 0; i < array->size(); ++i) {
    const auto entry = array->getObject(static_cast<unsigned>(i));
    entries.push_back(entry->getValue<std::string>("device") + " " +
                      entry->getValue<std::string>("number"));
  }
  return entries;
}

inline void copy_devices(const fs::path& to)
{
  fs::copy(e2e::testdata("batch/devices"), to, fs::copy_options::recursive);
}

} // namespace batch_e2e
