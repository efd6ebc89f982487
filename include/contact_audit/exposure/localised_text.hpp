// SPDX-License-Identifier: MIT
// LocalisedText: a short text in English and German, as reports in either language show it.
#pragma once

#include <string>
#include <string_view>

namespace contact_audit::exposure {

// The same sentence or name in English (`en`) and German (`de`).
struct LocalisedText
{
  std::string en;
  std::string de;

  // The German text when `language` starts with "de" (any case, e.g. "de_DE.UTF-8"),
  // else the English one. The reference stays valid as long as this object.
  const std::string& in(std::string_view language) const;

  friend bool operator==(const LocalisedText&, const LocalisedText&) = default;
};

} // namespace contact_audit::exposure
