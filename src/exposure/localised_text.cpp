// SPDX-License-Identifier: MIT
// LocalisedText: choosing the English or German text for a report language.
#include <contact_audit/core/text.hpp>
#include <contact_audit/exposure/localised_text.hpp>

namespace contact_audit::exposure {

const std::string& LocalisedText::in(std::string_view language) const
{
  return istarts_with_ascii(language, "de") ? de : en;
}

} // namespace contact_audit::exposure
