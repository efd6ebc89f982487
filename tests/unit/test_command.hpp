// SPDX-License-Identifier: MIT
// Test support shared by the unit-test binaries: running a shell command and reading its output.
#pragma once

#include <array>
#include <cstdio>
#include <stdexcept>
#include <string>
#include <sys/wait.h>

namespace contact_audit::test {

struct CommandResult
{
  int exit_code = -1;
  std::string output; // stdout only
};

// Run `command` with /bin/sh and capture its standard output.
inline CommandResult run_command(const std::string& command)
{
  CommandResult result;
  FILE* pipe = ::popen(command.c_str(), "r");
  if (pipe == nullptr) {
    throw std::runtime_error("cannot run: " + command);
  }
  std::array<char, 65536> buffer{};
  std::size_t read = 0;
  while ((read = std::fread(buffer.data(), 1, buffer.size(), pipe)) > 0) {
    result.output.append(buffer.data(), read);
  }
  const int status = ::pclose(pipe);
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return result;
}

// `text` in single quotes for /bin/sh.
inline std::string shell_quote(const std::string& text)
{
  std::string quoted = "'";
  for (const char c : text) {
    quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
  }
  return quoted + "'";
}

} // namespace contact_audit::test
