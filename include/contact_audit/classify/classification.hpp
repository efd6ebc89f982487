// SPDX-License-Identifier: MIT
// The classes a contact can be given (business, private, unknown) and the report languages.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace contact_audit::classify {

// Whether a contact is a business contact (the company is controller, consent
// is needed) or a private one (household exemption, GDPR Art. 2(2)(c)).
// `private_` carries a trailing underscore only because `private` is a C++
// keyword; it is serialised as "private" everywhere.
enum class Classification : std::uint8_t
{
  business,
  private_,
  unknown,
};

// "business", "private" or "unknown".
std::string_view to_string(Classification classification);

// The inverse of to_string(); nullopt for any other text (exact, lower case).
std::optional<Classification> parse_classification(std::string_view text);

// The language of descriptions and evidence texts.
enum class Language : std::uint8_t
{
  de,
  en,
};

// "de" or "en".
std::string_view to_string(Language language);

// The inverse of to_string(); nullopt for any other text (exact, lower case).
std::optional<Language> parse_language(std::string_view text);

// The class in the language of a report: "geschäftlich", "privat", "unbekannt"
// for German, "business", "private", "unknown" for English.
std::string_view display_name(Classification classification, Language language);

} // namespace contact_audit::classify
