// SPDX-License-Identifier: MIT
// The report catalogues and default templates, compiled in from reports/ (see embed.cmake).
#pragma once

#include <span>
#include <string_view>

namespace contact_audit::report {

struct EmbeddedFile
{
  std::string_view name;    // Path below reports/, e.g. "i18n/de.toml".
  std::string_view content; // The file's bytes.
};

// Every embedded file; the storage is static.
std::span<const EmbeddedFile> embedded_files();

} // namespace contact_audit::report
