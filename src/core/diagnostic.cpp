// SPDX-License-Identifier: MIT
// Diagnostic formatting and the collecting sink.
#include <contact_audit/core/diagnostic.hpp>

namespace contact_audit {

std::string_view to_string(Severity severity)
{
  switch (severity) {
  case Severity::info:
    return "info";
  case Severity::warning:
    return "warning";
  case Severity::error:
    return "error";
  }
  return "error";
}

std::string format(const Diagnostic& diagnostic)
{
  std::string text = diagnostic.file.string();
  if (diagnostic.line != 0) {
    text += ':';
    text += std::to_string(diagnostic.line);
  }
  text += ": ";
  text += diagnostic.message;
  return text;
}

void CollectingSink::report(Diagnostic diagnostic)
{
  ++m_counts[static_cast<std::size_t>(diagnostic.severity)];
  m_diagnostics.push_back(std::move(diagnostic));
}

std::size_t CollectingSink::count(Severity severity) const
{
  return m_counts[static_cast<std::size_t>(severity)];
}

void CollectingSink::clear()
{
  m_diagnostics.clear();
  m_counts = {};
}

} // namespace contact_audit
