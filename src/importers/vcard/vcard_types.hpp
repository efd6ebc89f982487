// SPDX-License-Identifier: MIT
// Maps vCard TYPE words and Apple X-ABLabels to the contact model's canonical type words.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace contact_audit::importers::vcard {

// Wraps contact::canonical_type with a small cache: a file uses a handful of type
// words over and over. Not thread-safe.
class TypeMapper
{
public:
  // Add the canonical type of each of `words` to `types` (no duplicates, words that
  // name no type are left out).
  void add_types(const std::vector<std::string>& words, std::vector<std::string>& types);

  // Apply an X-ABLabel: its canonical type(s) when it names one (_$!<Mobile>!$_,
  // "Handy", ...), else the label itself, without Apple's wrapper, into `free_text`.
  void apply_label(std::string_view label, std::vector<std::string>& types, std::string& free_text);

private:
  const std::string& canonical(std::string_view word);

  std::vector<std::pair<std::string, std::string>> m_cache;
};

} // namespace contact_audit::importers::vcard
