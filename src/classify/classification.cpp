// SPDX-License-Identifier: MIT
// Serialised and displayed names of Classification and Language.
#include <contact_audit/classify/classification.hpp>

#include <array>
#include <cstddef>

namespace contact_audit::classify {
namespace {

// Indexed by the enum value, so the order must follow the declarations.
constexpr std::array<std::string_view, 3> k_classification_names{"business", "private", "unknown"};
constexpr std::array<std::string_view, 3> k_classification_de{"gesch\xC3\xA4"
                                                              "ftlich",
                                                              "privat",
                                                              "unbekannt"};
constexpr std::array<std::string_view, 2> k_language_names{"de", "en"};

template <typename Enum, std::size_t N>
std::optional<Enum> parse_name(const std::array<std::string_view, N>& names, std::string_view text)
{
  for (std::size_t i = 0; i < N; ++i) {
    if (names[i] == text) {
      return static_cast<Enum>(i);
    }
  }
  return std::nullopt;
}

} // namespace

std::string_view to_string(Classification classification)
{
  return k_classification_names.at(static_cast<std::size_t>(classification));
}

std::optional<Classification> parse_classification(std::string_view text)
{
  return parse_name<Classification>(k_classification_names, text);
}

std::string_view to_string(Language language)
{
  return k_language_names.at(static_cast<std::size_t>(language));
}

std::optional<Language> parse_language(std::string_view text)
{
  return parse_name<Language>(k_language_names, text);
}

std::string_view display_name(Classification classification, Language language)
{
  const auto index = static_cast<std::size_t>(classification);
  return language == Language::de ? k_classification_de.at(index)
                                  : k_classification_names.at(index);
}

} // namespace contact_audit::classify
