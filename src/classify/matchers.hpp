// SPDX-License-Identifier: MIT
// The matchers: does one compiled rule fire for a contact, and on which value.
#pragma once

#include "rule_set_impl.hpp"

#include <contact_audit/contact/contact.hpp>

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace contact_audit::classify {

// What the rules of one contact share, computed once per contact, in per-thread
// buffers so that matching allocates nothing once they have grown.
struct MatchScratch
{
  const RuleSet::Impl* rules = nullptr;
  std::string folded;
  std::string storage;
  std::vector<std::string_view> words;
  std::string domain;                       // Folded domain of an e-mail address.
  std::vector<std::uint32_t> domain_lists;  // DomainIndex::lists_of() of each address.
  std::vector<std::uint16_t> phone_types;   // type_mask() of each phone.
  std::vector<std::uint16_t> email_types;   // ... of each e-mail address.
  std::vector<std::uint16_t> address_types; // ... of each address.
  // The name-word lists of each Field's words, found on first use.
  std::array<bool, k_field_names.size()> field_ready{};
  std::array<std::uint32_t, k_field_names.size()> field_lists{};
  // The category lists of each category: of the whole category (for skip
  // lists) and of the whole or any of its words; found on first use.
  bool categories_ready = false;
  std::vector<std::pair<std::uint32_t, std::uint32_t>> category_lists;
};

// Fill `scratch` for `contact` under `rules`: the domain lists of its e-mail
// addresses and the type masks; forget what was found for the last contact.
void prepare_scratch(const contact::Contact& contact,
                     const RuleSet::Impl& rules,
                     MatchScratch& scratch);

// The value that makes `rule` fire for `contact` (a view into the contact, or
// into the rule set for type words), or nullopt when it does not fire.
// prepare_scratch() must have run for `contact`.
std::optional<std::string_view>
match_rule(const CompiledRule& rule, const contact::Contact& contact, MatchScratch& scratch);

// True when the value of a rule of `kind` is a phone number.
bool value_is_number(const CompiledRule& rule);
// True when the value `rule` fires with is an e-mail address.
bool value_is_email(const CompiledRule& rule);

} // namespace contact_audit::classify
