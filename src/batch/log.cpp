// SPDX-License-Identifier: MIT
// Logger: timestamped plain lines to stderr and an optional file; a progress bar on terminals only.
#include <contact_audit/batch/log.hpp>
#include <contact_audit/core/error.hpp>

#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <mutex>
#include <string>
#include <unistd.h>

namespace contact_audit::batch {
namespace {

std::string utc_now()
{
  const auto now = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
  const std::time_t seconds = std::chrono::system_clock::to_time_t(now);
  std::tm parts{};
  gmtime_r(&seconds, &parts);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &parts);
  return text;
}

} // namespace

std::string_view to_string(LogLevel level)
{
  switch (level) {
  case LogLevel::info:
    return "INFO";
  case LogLevel::warn:
    return "WARN";
  case LogLevel::error:
    return "ERROR";
  }
  return "INFO";
}

struct Logger::Impl
{
  LogOptions options;
  std::mutex mutex;
  std::ofstream file;
  bool bar_shown = false;
  bool terminal = false;
};

Logger::Logger(const LogOptions& options) : m_impl(std::make_unique<Impl>())
{
  m_impl->options = options;
  m_impl->terminal = options.progress && !options.quiet && ::isatty(STDERR_FILENO) == 1;
  if (!options.file.empty()) {
    m_impl->file.open(options.file, std::ios::app);
    if (!m_impl->file) {
      throw IoError(options.file.string() + ": The log file cannot be opened (" +
                    std::strerror(errno) + ").");
    }
  }
}

Logger::~Logger()
{
  finish_progress();
}

void Logger::log(LogLevel level, std::string_view device, std::string_view message)
{
  std::string line = utc_now() + ' ' + std::string(to_string(level));
  if (!device.empty()) {
    line += " device=" + std::string(device);
  }
  line += ' ';
  line += message;
  line += '\n';
  const std::lock_guard lock(m_impl->mutex);
  if (!m_impl->options.quiet || level == LogLevel::error) {
    if (m_impl->bar_shown) {
      std::cerr << "\r\033[K";
      m_impl->bar_shown = false;
    }
    std::cerr << line << std::flush;
  }
  if (m_impl->file.is_open()) {
    m_impl->file << line << std::flush;
  }
}

void Logger::progress(std::size_t done, std::size_t total)
{
  if (!m_impl->terminal || total == 0) {
    return;
  }
  constexpr std::size_t width = 30;
  const std::size_t filled = done * width / total;
  const std::string bar = "\r[" + std::string(filled, '#') + std::string(width - filled, ' ') +
                          "] " + std::to_string(done) + "/" + std::to_string(total) + " devices";
  const std::lock_guard lock(m_impl->mutex);
  std::cerr << bar << std::flush;
  m_impl->bar_shown = true;
}

void Logger::finish_progress()
{
  const std::lock_guard lock(m_impl->mutex);
  if (m_impl->bar_shown) {
    std::cerr << "\r\033[K" << std::flush;
    m_impl->bar_shown = false;
  }
}

} // namespace contact_audit::batch
