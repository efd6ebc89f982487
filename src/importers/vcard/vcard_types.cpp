// SPDX-License-Identifier: MIT
// Type words of vCard TYPE parameters and Apple labels, mapped through contact::canonical_type.
#include "vcard_types.hpp"

#include <contact_audit/contact/contact.hpp>
#include <contact_audit/core/text.hpp>

namespace contact_audit::importers::vcard {
namespace {

constexpr std::size_t k_max_cached_words = 64;

std::string_view apple_label_word(std::string_view label)
{
  // Apple writes its own labels as _$!<Mobile>!$_; what is inside is the word.
  constexpr std::string_view prefix = "_$!<";
  constexpr std::string_view suffix = ">!$_";
  if (label.size() > prefix.size() + suffix.size() && label.substr(0, prefix.size()) == prefix &&
      label.substr(label.size() - suffix.size()) == suffix) {
    return label.substr(prefix.size(), label.size() - prefix.size() - suffix.size());
  }
  return label;
}

} // namespace

const std::string& TypeMapper::canonical(std::string_view word)
{
  for (const auto& [key, value] : m_cache) {
    if (key == word) {
      return value;
    }
  }
  if (m_cache.size() >= k_max_cached_words) {
    m_cache.pop_back();
  }
  return m_cache.emplace_back(std::string(word), contact::canonical_type(word)).second;
}

void TypeMapper::add_types(const std::vector<std::string>& words, std::vector<std::string>& types)
{
  for (const std::string& word : words) {
    const std::string& type = canonical(word);
    if (!type.empty()) {
      contact::add_type(types, type);
    }
  }
}

void TypeMapper::apply_label(std::string_view label,
                             std::vector<std::string>& types,
                             std::string& free_text)
{
  const std::string_view word = apple_label_word(label);
  const std::string type = canonical(label);
  if (type.empty()) {
    free_text.assign(word);
    return;
  }
  // Apple's _$!<WorkFAX>!$_ and _$!<HomeFAX>!$_ name two types at once.
  if (iequals_ascii(word, "WorkFAX")) {
    contact::add_type(types, "work");
  } else if (iequals_ascii(word, "HomeFAX")) {
    contact::add_type(types, "home");
  }
  contact::add_type(types, type);
}

} // namespace contact_audit::importers::vcard
