// SPDX-License-Identifier: MIT
// One function per matcher kind; set lookups only, regular expressions only where a rule has one.
#include "matchers.hpp"

#include <contact_audit/core/text.hpp>

#include <algorithm>
#include <bit>

namespace contact_audit::classify {
namespace {

using contact::Contact;
using Optional = std::optional<std::string_view>;

std::string_view field_value(const Contact& contact, Field field)
{
  switch (field) {
  case Field::organisation:
    return contact.organisation;
  case Field::department:
    return contact.department;
  case Field::title:
    return contact.title;
  case Field::role:
    return contact.role;
  case Field::display_name:
    return contact.display_name;
  case Field::given:
    return contact.name.given;
  case Field::family:
    return contact.name.family;
  case Field::additional:
    return contact.name.additional;
  case Field::prefix:
    return contact.name.prefix;
  case Field::suffix:
    return contact.name.suffix;
  }
  return {};
}

// libstdc++'s regex matcher recurses for every character it consumes, so a hostile
// field value (a 30 KB TITLE of "dr dr dr ...") overflowed the stack. Patterns see the
// first 512 bytes of a value, which no real name, title or organisation exceeds.
constexpr std::size_t k_regex_text_limit = 512;

bool searches(const std::optional<std::regex>& regex, std::string_view text)
{
  text = text.substr(0, k_regex_text_limit);
  return std::regex_search(text.begin(), text.end(), *regex);
}

Optional match_field(const CompiledRule& rule, const Contact& contact, MatchScratch& scratch)
{
  for (const auto field : rule.fields) {
    const auto value = trim(field_value(contact, field));
    if (value.empty()) {
      continue;
    }
    if (!rule.ignore.empty()) {
      scratch.folded.clear();
      append_folded(scratch.folded, value);
      if (rule.ignore.find(scratch.folded) != rule.ignore.end()) {
        continue;
      }
    }
    if ((rule.ignore_pattern && searches(rule.ignore_pattern, value)) ||
        (rule.pattern && !searches(rule.pattern, value))) {
      continue;
    }
    return value;
  }
  return std::nullopt;
}

std::string_view shown_number(const contact::Phone& phone)
{
  return phone.number.e164.empty() ? std::string_view(phone.raw) : phone.number.e164;
}

Optional match_typed(const CompiledRule& rule, const Contact& contact, const MatchScratch& scratch)
{
  switch (rule.channel) {
  case Channel::phone:
    for (std::size_t i = 0; i < contact.phones.size(); ++i) {
      if ((scratch.phone_types[i] & rule.type_mask) != 0) {
        return shown_number(contact.phones[i]);
      }
    }
    break;
  case Channel::email:
    for (std::size_t i = 0; i < contact.emails.size(); ++i) {
      if ((scratch.email_types[i] & rule.type_mask) != 0) {
        return contact.emails[i].address;
      }
    }
    break;
  case Channel::address:
    for (std::size_t i = 0; i < contact.addresses.size(); ++i) {
      if (const auto common = scratch.address_types[i] & rule.type_mask; common != 0) {
        return k_type_words[static_cast<std::size_t>(
            std::countr_zero(static_cast<unsigned>(common)))];
      }
    }
    break;
  }
  return std::nullopt;
}

Optional match_email_domain(const CompiledRule& rule, const Contact& contact, MatchScratch& scratch)
{
  for (std::size_t i = 0; i < contact.emails.size(); ++i) {
    const std::uint32_t lists = scratch.domain_lists[i];
    if ((lists & DomainIndex::k_is_domain) == 0) {
      continue; // Not an address at a domain: says nothing either way.
    }
    if (((lists & rule.domain_lists) != 0) != rule.negate) {
      return contact.emails[i].address;
    }
  }
  return std::nullopt;
}

Optional match_phone_prefix(const CompiledRule& rule, const Contact& contact)
{
  for (const auto& phone : contact.phones) {
    const auto& e164 = phone.number.e164;
    if (!e164.empty() && std::any_of(rule.prefixes.begin(),
                                     rule.prefixes.end(),
                                     [&](const auto* set) { return set->covers(e164); })) {
      return e164;
    }
  }
  return std::nullopt;
}

bool type_in(std::uint32_t mask, const contact::Phone& phone)
{
  return !phone.number.e164.empty() &&
         ((mask >> static_cast<unsigned>(phone.number.type)) & 1U) != 0;
}

Optional match_number_type(const CompiledRule& rule, const Contact& contact)
{
  for (const auto& phone : contact.phones) {
    if (type_in(rule.number_types, phone)) {
      return phone.number.e164;
    }
  }
  return std::nullopt;
}

// Numbers of the listed types and nothing else that says who the contact is.
Optional match_phones_only(const CompiledRule& rule, const Contact& contact)
{
  if (contact.phones.empty() || !contact.emails.empty() || !contact.addresses.empty() ||
      !trim(contact.organisation).empty() || !trim(contact.department).empty() ||
      !trim(contact.title).empty() || !trim(contact.role).empty()) {
    return std::nullopt;
  }
  const bool all =
      std::all_of(contact.phones.begin(), contact.phones.end(), [&](const auto& phone) {
        return type_in(rule.number_types, phone);
      });
  return all ? Optional(contact.phones.front().number.e164) : std::nullopt;
}

// The name-word lists any word of `field` is in; split and looked up once per contact.
std::uint32_t field_lists(const Contact& contact, Field field, MatchScratch& scratch)
{
  const auto index = static_cast<std::size_t>(field);
  if (!scratch.field_ready[index]) {
    std::uint32_t lists = 0;
    if (const auto value = field_value(contact, field); !value.empty()) {
      scratch.folded.clear();
      append_folded(scratch.folded, value);
      split_words(scratch.folded, scratch.storage, scratch.words);
      for (const auto word : scratch.words) {
        lists |= scratch.rules->name_words.lists_of(word);
      }
    }
    scratch.field_lists[index] = lists;
    scratch.field_ready[index] = true;
  }
  return scratch.field_lists[index];
}

Optional match_name_words(const CompiledRule& rule, const Contact& contact, MatchScratch& scratch)
{
  for (const auto field : rule.fields) {
    if ((field_lists(contact, field, scratch) & rule.word_lists) != 0) {
      return field_value(contact, field);
    }
  }
  return std::nullopt;
}

// The category lists of every category of `contact`, found once per contact.
void find_category_lists(const Contact& contact, MatchScratch& scratch)
{
  scratch.category_lists.clear();
  const auto& index = scratch.rules->category_words;
  for (const auto& category : contact.categories) {
    auto text = trim(category);
    // Google marks its own groups with "* " ("* myContacts", "* starred", "* coworkers").
    if (text.size() > 2 && text[0] == '*' && text[1] == ' ') {
      text = trim(text.substr(2));
    }
    scratch.folded.clear();
    append_folded(scratch.folded, text);
    const std::uint32_t whole = text.empty() ? 0 : index.lists_of(scratch.folded);
    std::uint32_t any = whole;
    split_words(scratch.folded, scratch.storage, scratch.words);
    for (const auto word : scratch.words) {
      any |= index.lists_of(word);
    }
    scratch.category_lists.emplace_back(whole, any);
  }
  scratch.categories_ready = true;
}

Optional
match_category_words(const CompiledRule& rule, const Contact& contact, MatchScratch& scratch)
{
  if (!scratch.categories_ready) {
    find_category_lists(contact, scratch);
  }
  for (std::size_t i = 0; i < contact.categories.size(); ++i) {
    const auto [whole, any] = scratch.category_lists[i];
    if ((whole & rule.skip_lists) == 0 && (any & rule.word_lists) != 0) {
      return contact.categories[i];
    }
  }
  return std::nullopt;
}

Optional match_account(const CompiledRule& rule, const Contact& contact, MatchScratch& scratch)
{
  if (contact.source.account.empty()) {
    return std::nullopt;
  }
  scratch.folded.clear();
  append_folded(scratch.folded, trim(contact.source.account));
  return rule.accounts.find(scratch.folded) != rule.accounts.end()
             ? Optional(contact.source.account)
             : std::nullopt;
}

} // namespace

std::uint16_t type_mask(const std::vector<std::string>& types)
{
  std::uint16_t mask = 0;
  for (const auto& type : types) {
    for (std::size_t i = 0; i < k_type_words.size(); ++i) {
      if (type == k_type_words[i]) {
        mask = static_cast<std::uint16_t>(mask | (1U << i));
        break;
      }
    }
  }
  return mask;
}

void prepare_scratch(const Contact& contact, const RuleSet::Impl& rules, MatchScratch& scratch)
{
  scratch.rules = &rules;
  scratch.categories_ready = false;
  scratch.domain_lists.clear();
  scratch.email_types.clear();
  for (const auto& email : contact.emails) {
    email_domain(email.address, scratch.domain);
    scratch.domain_lists.push_back(rules.domains.lists_of(scratch.domain));
    scratch.email_types.push_back(type_mask(email.types));
  }
  scratch.phone_types.clear();
  for (const auto& phone : contact.phones) {
    scratch.phone_types.push_back(type_mask(phone.types));
  }
  scratch.address_types.clear();
  for (const auto& address : contact.addresses) {
    scratch.address_types.push_back(type_mask(address.types));
  }
  scratch.field_ready.fill(false);
}

std::optional<std::string_view>
match_rule(const CompiledRule& rule, const Contact& contact, MatchScratch& scratch)
{
  switch (rule.kind) {
  case MatchKind::field:
    return match_field(rule, contact, scratch);
  case MatchKind::typed:
    return match_typed(rule, contact, scratch);
  case MatchKind::email_domain:
    return match_email_domain(rule, contact, scratch);
  case MatchKind::phone_prefix:
    return match_phone_prefix(rule, contact);
  case MatchKind::number_type:
    return match_number_type(rule, contact);
  case MatchKind::phones_only:
    return match_phones_only(rule, contact);
  case MatchKind::category_words:
    return match_category_words(rule, contact, scratch);
  case MatchKind::name_words:
    return match_name_words(rule, contact, scratch);
  case MatchKind::account:
    return match_account(rule, contact, scratch);
  }
  return std::nullopt;
}

bool value_is_number(const CompiledRule& rule)
{
  return (rule.kind == MatchKind::typed && rule.channel == Channel::phone) ||
         rule.kind == MatchKind::phone_prefix || rule.kind == MatchKind::number_type ||
         rule.kind == MatchKind::phones_only;
}

bool value_is_email(const CompiledRule& rule)
{
  return (rule.kind == MatchKind::typed && rule.channel == Channel::email) ||
         rule.kind == MatchKind::email_domain;
}

} // namespace contact_audit::classify
