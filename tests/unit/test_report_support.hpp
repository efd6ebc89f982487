// SPDX-License-Identifier: MIT
// Test support for the report tests: a sample audit built in code, temporary folders; running
// tools comes from test_command.hpp.
#pragma once

#include "test_command.hpp"

#include <contact_audit/audit/result.hpp>

#include <cstddef>
#include <filesystem>
#include <string>

namespace contact_audit::test {

// Contact names the reports must show as text, never as markup.
inline constexpr const char* k_script_name = "<script>alert(1)</script>";
inline constexpr const char* k_img_name = "\"><img src=x onerror=alert(2)>";
// These would leave a trace in the DOM if they ever ran.
inline constexpr const char* k_marker_script =
    "<script>document.documentElement.setAttribute('data-injected','script')</script>";
inline constexpr const char* k_marker_img =
    "<img src=x onerror=\"document.documentElement.setAttribute('data-injected','img')\">";
inline constexpr const char* k_long_word =
    "Donaudampfschifffahrtselektrizitätenhauptbetriebswerkbauunterbeamtengesellschaft"
    "sKundenbetreuungsabteilungsleiterstellvertreterin";

// An iOS audit of "Müller & Söhne GmbH" with six findings (umlauts, ß, the names
// above, a long name that must wrap), one residual finding, three what-if
// alternatives and three numbers needing attention; `extra_findings` more
// generated findings ("Kontakt 000001 Größe", ...) for the performance case.
audit::AuditResult sample_audit(std::size_t extra_findings = 0);

// A fresh directory under the system temp folder, removed with everything in it on destruction.
class TempDir
{
public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return m_path; }

private:
  std::filesystem::path m_path;
};

// How often `needle` occurs in `haystack`.
std::size_t count_of(const std::string& haystack, const std::string& needle);

} // namespace contact_audit::test
