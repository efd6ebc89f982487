// SPDX-License-Identifier: MIT
// End-to-end: a batch run killed half-way, two runs at once, and the systemd units in docs/.
#include "batch_fixture.hpp"

#include <doctest/doctest.h>

#include <chrono>
#include <cstdlib>
#include <fcntl.h>
#include <fstream>
#include <signal.h>
#include <sys/file.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

namespace {

namespace fs = std::filesystem;
using batch_e2e::Batch;

// Devices big enough that a run takes a while: `devices` iPhones with `contacts`
// business contacts each, every number distinct (nothing to share).
fs::path write_large_devices(const fs::path& root, int devices, int contacts)
{
  fs::create_directories(root / "android");
  for (int device = 0; device < devices; ++device) {
    const auto folder = root / "ios" / ("big" + std::to_string(device));
    fs::create_directories(folder);
    std::ofstream out(folder / "work.vcf");
    for (int i = 0; i < contacts; ++i) {
      const int n = device * contacts + i;
      out << "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Kunde " << n << "\r\nORG:Firma " << n % 97
          << " GmbH\r\nEMAIL;TYPE=WORK:k" << n << "@firma" << n % 97
          << ".example\r\nTEL;TYPE=CELL:0152 " << 10000000 + n << "\r\nEND:VCARD\r\n";
    }
  }
  // The Android source needs one match; an empty-handed device is a configuration error.
  fs::create_directories(root / "android" / "small");
  fs::copy(e2e::testdata("batch/devices/android/dev11/work.vcf"), root / "android" / "small");
  return root;
}

// A batch run in the background.
class Background
{
public:
  Background(const Batch& batch, std::string_view now, std::vector<std::string> extra = {})
  {
    std::vector<std::string> storage{CONTACT_AUDIT_BINARY, "batch", "--config", batch.config()};
    storage.insert(storage.end(), extra.begin(), extra.end());
    m_err = batch.dir() / ("stderr-" + std::to_string(std::rand()));
    const std::string variable(now);
    m_pid = ::fork();
    if (m_pid == 0) {
      const int err = ::open(m_err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
      ::dup2(err, 2);
      const auto equals = variable.find('=');
      ::setenv(variable.substr(0, equals).c_str(), variable.substr(equals + 1).c_str(), 1);
      std::vector<char*> argv;
      for (auto& argument : storage) {
        argv.push_back(argument.data());
      }
      argv.push_back(nullptr);
      ::execv(argv[0], argv.data());
      ::_exit(127);
    }
  }
  ~Background()
  {
    if (m_pid > 0) {
      ::kill(m_pid, SIGKILL);
      ::waitpid(m_pid, nullptr, 0);
    }
  }
  Background(const Background&) = delete;
  Background& operator=(const Background&) = delete;

  void kill_now() { ::kill(m_pid, SIGKILL); }
  // The exit code (128 + signal when killed).
  int wait()
  {
    int status = 0;
    ::waitpid(m_pid, &status, 0);
    m_pid = -1;
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  }
  std::string err() const { return e2e::read_file(m_err); }

private:
  pid_t m_pid = -1;
  fs::path m_err;
};

// Wait up to 60 s for a ".tmp-*" run folder to appear: the run is then auditing.
bool wait_for_run_folder(const fs::path& reports)
{
  for (int i = 0; i < 6000; ++i) {
    std::error_code error;
    for (const auto& entry : fs::directory_iterator(reports, error)) {
      if (entry.path().filename().string().starts_with(".tmp-")) {
        return true;
      }
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  return false;
}

} // namespace

TEST_SUITE("e2e batch processes")
{
  TEST_CASE("a run killed half-way leaves the previous latest reports intact")
  {
    e2e::TempDir devices;
    batch_e2e::copy_devices(devices.path());
    const Batch batch(devices.path());
    REQUIRE(batch.run("CONTACT_AUDIT_NOW=2026-08-01T03:00:00Z").exit_code == 1);
    const auto before = e2e::read_file(batch.reports() / "latest" / "overview.json");
    write_large_devices(devices.path(), 12, 2000);
    {
      Background run(batch, "CONTACT_AUDIT_NOW=2026-08-02T03:00:00Z");
      REQUIRE(wait_for_run_folder(batch.reports()));
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
      run.kill_now();
      CHECK(run.wait() == 128 + SIGKILL);
    }
    CHECK(fs::read_symlink(batch.reports() / "latest") == "2026-08-01T0300");
    CHECK(e2e::read_file(batch.reports() / "latest" / "overview.json") == before);
    CHECK(!fs::exists(batch.reports() / "2026-08-02T0300"));
    // The next run clears the leftovers and publishes normally.
    for (int device = 0; device < 12; ++device) {
      fs::remove_all(devices.path() / "ios" / ("big" + std::to_string(device)));
    }
    const auto next = batch.run("CONTACT_AUDIT_NOW=2026-08-03T03:00:00Z");
    CHECK(next.exit_code == 1);
    CHECK(next.err.find("WARN Removed .tmp-2026-08-02T0300") != std::string::npos);
    CHECK(fs::read_symlink(batch.reports() / "latest") == "2026-08-03T0300");
  }

  TEST_CASE("a second run on the same output exits with code 4 and writes nothing")
  {
    e2e::TempDir devices;
    const Batch batch(write_large_devices(devices.path(), 12, 2000));
    Background first(batch, "CONTACT_AUDIT_NOW=2026-08-01T03:00:00Z");
    REQUIRE(wait_for_run_folder(batch.reports()));
    const auto second = batch.run("CONTACT_AUDIT_NOW=2026-08-01T03:01:00Z");
    CHECK(second.exit_code == 4);
    CHECK(second.err.find("ERROR Another batch run (pid ") != std::string::npos);
    CHECK(second.err.find("this run did nothing") != std::string::npos);
    CHECK(!fs::exists(batch.reports() / ".tmp-2026-08-01T0301"));
    CHECK(!fs::exists(batch.reports() / "2026-08-01T0301"));
  }

  TEST_CASE("with --wait a second run waits for the lock and then runs")
  {
    const Batch batch;
    fs::create_directories(batch.reports());
    // Hold the lock as a running batch would.
    const int lock =
        ::open((batch.reports() / ".lock").c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    REQUIRE(::flock(lock, LOCK_EX) == 0);
    Background waiting(batch, "CONTACT_AUDIT_NOW=2026-08-01T03:00:00Z", {"--wait"});
    std::this_thread::sleep_for(std::chrono::milliseconds(500));
    CHECK(!fs::exists(batch.reports() / "latest"));
    ::close(lock);
    CHECK(waiting.wait() == 1);
    CHECK(fs::read_symlink(batch.reports() / "latest") == "2026-08-01T0300");
  }

  TEST_CASE("the systemd service and timer in docs/systemd pass systemd-analyze verify")
  {
    if (std::system("command -v systemd-analyze >/dev/null 2>&1") != 0) {
      MESSAGE("systemd-analyze is not installed; the unit files were not verified.");
      return;
    }
    const fs::path units = fs::path(CONTACT_AUDIT_TESTDATA).parent_path() / "docs" / "systemd";
    e2e::TempDir dir;
    // The service names /usr/bin/contact-audit; verify checks that the binary exists, so
    // verify copies that point at the built binary.
    for (const auto* name : {"contact-audit-batch.service", "contact-audit-batch.timer"}) {
      std::string text = e2e::read_file(units / name);
      for (std::size_t at = text.find("/usr/bin/contact-audit"); at != std::string::npos;
           at = text.find("/usr/bin/contact-audit", at + 1)) {
        text.replace(at, std::string("/usr/bin/contact-audit").size(), CONTACT_AUDIT_BINARY);
      }
      dir.write(name, text);
    }
    const std::string command = "cd " + dir.path().string() +
                                " && SYSTEMD_LOG_LEVEL=warning systemd-analyze verify "
                                "contact-audit-batch.service contact-audit-batch.timer > out 2>&1";
    const int status = std::system(command.c_str());
    INFO(e2e::read_file(dir.path() / "out"));
    CHECK(status == 0);
  }
}
