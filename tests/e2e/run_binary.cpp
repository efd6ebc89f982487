// SPDX-License-Identifier: MIT
// Process runner for the end-to-end tests (fork/exec, output to temporary files).
#include "run_binary.hpp"

#include <doctest/doctest.h>

#include <csignal>
#include <fcntl.h>
#include <fstream>
#include <random>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

namespace e2e {
namespace {

// In the forked child: redirect, apply the options and exec; never returns.
[[noreturn]] void exec_child(std::vector<char*>& argv,
                             const std::filesystem::path& capture,
                             const RunOptions& options)
{
  const int out = ::open((capture / "stdout").c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  const int err = ::open((capture / "stderr").c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  const int in = ::open("/dev/null", O_RDONLY);
  ::dup2(in, 0);
  ::dup2(out, 1);
  ::dup2(err, 2);
  for (const auto& variable : options.environment) {
    const auto equals = variable.find('=');
    ::setenv(variable.substr(0, equals).c_str(), variable.substr(equals + 1).c_str(), 1);
  }
  if (!options.working_dir.empty() && ::chdir(options.working_dir.c_str()) != 0) {
    ::_exit(127);
  }
  if (options.file_size_limit != 0) {
    // An ignored signal stays ignored across exec: writes past the limit fail with EFBIG.
    ::signal(SIGXFSZ, SIG_IGN);
    const rlimit limit{options.file_size_limit, options.file_size_limit};
    if (::setrlimit(RLIMIT_FSIZE, &limit) != 0) {
      ::_exit(127);
    }
  }
  ::execv(argv[0], argv.data());
  ::_exit(127);
}

} // namespace

Process::Process(const std::vector<std::string>& arguments, const RunOptions& options)
{
  std::vector<std::string> argv_storage{CONTACT_AUDIT_BINARY};
  argv_storage.insert(argv_storage.end(), arguments.begin(), arguments.end());
  std::vector<char*> argv;
  for (auto& argument : argv_storage) {
    argv.push_back(argument.data());
  }
  argv.push_back(nullptr);
  m_started = std::chrono::steady_clock::now();
  m_pid = ::fork();
  if (m_pid == 0) {
    exec_child(argv, m_capture.path(), options);
  }
}

Process::~Process()
{
  if (m_pid > 0) {
    ::kill(m_pid, SIGKILL);
    ::waitpid(m_pid, nullptr, 0);
  }
}

void Process::kill(int signal) const
{
  if (m_pid > 0) {
    ::kill(m_pid, signal);
  }
}

Run Process::wait()
{
  Run result;
  int status = 0;
  rusage usage{};
  ::wait4(m_pid, &status, 0, &usage);
  m_pid = -1;
  result.seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - m_started).count();
  result.peak_rss_kib = usage.ru_maxrss;
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  result.out = read_file(m_capture.path() / "stdout");
  result.err = read_file(m_capture.path() / "stderr");
  return result;
}

Run run(const std::vector<std::string>& arguments, const RunOptions& options)
{
  return Process(arguments, options).wait();
}

Run run(const std::vector<std::string>& arguments,
        const std::filesystem::path& working_dir,
        const std::vector<std::string>& environment)
{
  return run(arguments, RunOptions{working_dir, environment, 0});
}

TempDir::TempDir()
{
  std::random_device random;
  m_path = std::filesystem::temp_directory_path() /
           ("contact-audit-e2e-" + std::to_string(::getpid()) + "-" + std::to_string(random()));
  std::filesystem::create_directories(m_path);
}

TempDir::~TempDir()
{
  std::error_code ignored;
  std::filesystem::remove_all(m_path, ignored);
}

std::filesystem::path TempDir::write(const std::string& name, const std::string& content) const
{
  const auto path = m_path / name;
  std::ofstream(path, std::ios::binary) << content;
  return path;
}

std::filesystem::path testdata(const std::string& relative)
{
  return std::filesystem::path(CONTACT_AUDIT_TESTDATA) / relative;
}

std::string read_file(const std::filesystem::path& path)
{
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), {}};
}

void seed_audit_scenario_ledger(const std::string& ledger)
{
  for (const auto& [file, now] : {std::pair{"consent.csv", "2026-02-01T09:00:00Z"},
                                  std::pair{"withdrawal.csv", "2026-09-02T09:00:00Z"}}) {
    const auto imported = run({"consent",
                               "import",
                               testdata(std::string("audit/") + file).string(),
                               "--by",
                               "hr",
                               "--ledger",
                               ledger},
                              {},
                              {std::string("CONTACT_AUDIT_NOW=") + now});
    REQUIRE_MESSAGE(imported.exit_code == 0, imported.err);
  }
}

} // namespace e2e
