// SPDX-License-Identifier: MIT
// The compiled form of a rule set: matchers with their lookup sets, shared by loader and
// classifier.
#pragma once

#include "text_fold.hpp"

#include <contact_audit/classify/rule_set.hpp>

#include <array>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <regex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace contact_audit::classify {

// The matchers a rule can use (the `match` key; docs/rules.md).
enum class MatchKind : std::uint8_t
{
  field,
  typed,
  email_domain,
  phone_prefix,
  number_type,
  phones_only,
  category_words,
  name_words,
  account,
};

inline constexpr std::array<std::string_view, 9> k_match_names{
    "field",
    "typed",
    "email-domain",
    "phone-prefix",
    "number-type",
    "phones-only",
    "category-words",
    "name-words",
    "account",
};

// The contact fields a `field` or `name-words` rule can look at.
enum class Field : std::uint8_t
{
  organisation,
  department,
  title,
  role,
  display_name,
  given,
  family,
  additional,
  prefix,
  suffix,
};

inline constexpr std::array<std::string_view, 10> k_field_names{
    "organisation",
    "department",
    "title",
    "role",
    "display_name",
    "given",
    "family",
    "additional",
    "prefix",
    "suffix",
};

// The canonical type words of contact.hpp; a `typed` rule holds a bit per word.
inline constexpr std::array<std::string_view, 13> k_type_words{"work",
                                                               "home",
                                                               "cell",
                                                               "fax",
                                                               "pager",
                                                               "voice",
                                                               "main",
                                                               "text",
                                                               "video",
                                                               "textphone",
                                                               "car",
                                                               "isdn",
                                                               "other"};

// The bits of the canonical words among `types`; other words are ignored.
std::uint16_t type_mask(const std::vector<std::string>& types);

// Which entries of a contact a `typed` rule looks at.
enum class Channel : std::uint8_t
{
  phone,
  email,
  address,
};

// Every domain list of a rule set in one index, a bit per list, so that the
// lists of an e-mail domain are looked up once per address, not once per rule.
// "acme.de" matches acme.de and its subdomains; "hotmail.*" matches hotmail
// followed by one or two more labels (hotmail.de, hotmail.co.uk).
class DomainIndex
{
public:
  static constexpr unsigned k_max_lists = 31;
  static constexpr std::uint32_t k_is_domain = 1U << 31; // Set for any name with a dot.

  void add(std::string_view entry, unsigned list_bit);
  // The bits of the lists `domain` (folded) is in, plus k_is_domain when it
  // has a dot; 0 for something that is not a domain.
  std::uint32_t lists_of(std::string_view domain) const;

private:
  using Map = StringMap<std::uint32_t>;
  Map m_domains;
  Map m_wildcard_names;
};

// The words of several word lists in one hash map, a bit per list, so that a
// word is looked up once per contact, not once per rule.
class WordIndex
{
public:
  static constexpr unsigned k_max_lists = 32;

  void add(std::string_view word, unsigned list_bit);
  // The bits of the lists that hold `word` (folded); 0 when none does.
  std::uint32_t lists_of(std::string_view word) const;

private:
  StringMap<std::uint32_t> m_words;
};

// E.164 prefixes ("+4930123456" covers +4930123456 and every longer number).
class PrefixSet
{
public:
  void add(std::string_view prefix);
  bool covers(std::string_view e164) const;

private:
  StringSet m_prefixes;
  std::size_t m_min_length = 0;
  std::size_t m_max_length = 0;
};

// One rule, ready to run. Which members are used depends on `kind`.
struct CompiledRule
{
  std::size_t info = 0; // Index into Impl::rules.
  MatchKind kind = MatchKind::field;
  std::vector<Field> fields;                // field, name_words
  StringSet ignore;                         // field: folded values that do not count
  std::optional<std::regex> pattern;        // field: the value must contain a match
  std::optional<std::regex> ignore_pattern; // field: a value containing a match does not count
  Channel channel = Channel::phone;         // typed
  std::uint16_t type_mask = 0;              // typed: a bit per k_type_words entry
  std::uint32_t domain_lists = 0;           // email_domain: DomainIndex bits
  bool negate = false;                      // email_domain: fires for domains in none of the lists
  std::vector<const PrefixSet*> prefixes;   // phone_prefix
  std::uint32_t number_types = 0;           // number_type, phones_only: bit per phone::NumberType
  std::uint32_t word_lists = 0;             // category_words, name_words: WordIndex bits
  std::uint32_t skip_lists = 0;             // category_words: categories that are ignored
  StringSet accounts;                       // account: folded account labels
};

struct RuleSet::Impl
{
  std::vector<RuleInfo> rules;
  std::vector<CompiledRule> compiled; // Same order as `rules`.
  Policy policy;
  std::vector<RuleFileInfo> files;
  std::string sha256;
  // Merged lists (folded entries) and their compiled forms; the maps are
  // node-based, so the pointers in CompiledRule stay valid.
  std::map<std::string, std::vector<std::string>, std::less<>> lists;
  DomainIndex domains;
  WordIndex name_words;
  WordIndex category_words; // Category and skip lists: whole folded entries.
  std::map<std::string, unsigned, std::less<>> domain_list_bits;
  std::map<std::string, unsigned, std::less<>> name_list_bits;
  std::map<std::string, unsigned, std::less<>> category_list_bits;
  std::map<std::string, PrefixSet, std::less<>> prefix_sets;
};

} // namespace contact_audit::classify
