// SPDX-License-Identifier: MIT
// Run the contact-audit binary and capture its exit code, stdout and stderr.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace e2e {

struct Run
{
  int exit_code = -1;
  std::string out;
  std::string err;
};

// Runs CONTACT_AUDIT_BINARY with `arguments` in `working_dir` (the current directory when
// empty), with the variables of `environment` ("NAME=value") added to the test's own.
Run run(const std::vector<std::string>& arguments,
        const std::filesystem::path& working_dir = {},
        const std::vector<std::string>& environment = {});

// A fresh temporary directory for one test case, removed on destruction.
class TempDir
{
public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return m_path; }
  std::filesystem::path write(const std::string& name, const std::string& content) const;

private:
  std::filesystem::path m_path;
};

std::filesystem::path testdata(const std::string& relative);
std::string read_file(const std::filesystem::path& path);

} // namespace e2e
