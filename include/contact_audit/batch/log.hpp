// SPDX-License-Identifier: MIT
// The batch run's log: plain timestamped lines on stderr and in a log file, and a progress bar.
#pragma once

#include <cstddef>
#include <filesystem>
#include <memory>
#include <string_view>

namespace contact_audit::batch {

enum class LogLevel : std::uint8_t
{
  info,
  warn,
  error,
};

std::string_view to_string(LogLevel level); // "INFO", "WARN", "ERROR"

struct LogOptions
{
  bool quiet = false;         // stderr gets errors only.
  std::filesystem::path file; // Every line is appended here too; empty: none.
  bool progress = false;      // Draw a progress bar (only when stderr is a terminal).
};

// Writes "2026-11-25T03:00:01Z INFO device=ios-anna message" lines. Safe to use
// from several threads. The progress bar is drawn on stderr only when it is a
// terminal, and never goes into the log file.
class Logger
{
public:
  // Throws IoError when the log file cannot be opened.
  explicit Logger(const LogOptions& options);
  ~Logger();
  Logger(const Logger&) = delete;
  Logger& operator=(const Logger&) = delete;

  // `device` may be empty (the line then has no device field).
  void log(LogLevel level, std::string_view device, std::string_view message);
  void info(std::string_view message) { log(LogLevel::info, {}, message); }
  // Show `done` of `total` devices on the progress bar (when it is drawn).
  void progress(std::size_t done, std::size_t total);
  // Remove the progress bar.
  void finish_progress();

private:
  struct Impl;
  std::unique_ptr<Impl> m_impl;
};

} // namespace contact_audit::batch
