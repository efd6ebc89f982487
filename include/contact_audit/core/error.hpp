// SPDX-License-Identifier: MIT
// Exceptions that abort a command; only the CLI's main (and batch, per run) catch them.
#pragma once

#include <stdexcept>
#include <string>

namespace contact_audit {

// Base of the project's exceptions. `what()` is a complete sentence for the user.
class Error : public std::runtime_error
{
public:
  using std::runtime_error::runtime_error;
};

// The input as a whole is unusable (unreadable file, unknown format, bad option): exit code 2.
class InputError : public Error
{
public:
  using Error::Error;
};

// Reading or writing failed for a reason outside the input (disk, database): exit code 3.
class IoError : public Error
{
public:
  using Error::Error;
};

} // namespace contact_audit
