// SPDX-License-Identifier: MIT
// Helpers of the contact model: names to show and canonical type words.
#include <contact_audit/contact/contact.hpp>
#include <contact_audit/core/text.hpp>

#include <algorithm>
#include <array>
#include <utility>

namespace contact_audit::contact {
namespace {

// Type words seen in vCard TYPE parameters, Apple X-ABLabels and CSV column
// names (German and English), mapped to the canonical words of contact.hpp.
constexpr std::array<std::pair<std::string_view, std::string_view>, 45> k_type_words{{
    {"work", "work"},        {"business", "work"},       {"office", "work"},
    {"dienstlich", "work"},  {"geschäftlich", "work"},   {"geschaeftlich", "work"},
    {"arbeit", "work"},      {"büro", "work"},           {"firma", "work"},
    {"company", "work"},     {"workfax", "fax"},         {"home", "home"},
    {"privat", "home"},      {"private", "home"},        {"personal", "home"},
    {"zuhause", "home"},     {"cell", "cell"},           {"mobile", "cell"},
    {"mobil", "cell"},       {"handy", "cell"},          {"mobiltelefon", "cell"},
    {"iphone", "cell"},      {"cellular", "cell"},       {"fax", "fax"},
    {"homefax", "fax"},      {"telefax", "fax"},         {"pager", "pager"},
    {"voice", "voice"},      {"tel", "voice"},           {"telefon", "voice"},
    {"phone", "voice"},      {"main", "main"},           {"haupt", "main"},
    {"hauptnummer", "main"}, {"text", "text"},           {"msg", "text"},
    {"video", "video"},      {"textphone", "textphone"}, {"car", "car"},
    {"auto", "car"},         {"autotelefon", "car"},     {"isdn", "isdn"},
    {"other", "other"},      {"weitere", "other"},       {"sonstige", "other"},
}};

// Apple writes system labels as _$!<Mobile>!$_; the word inside is the label.
std::string_view strip_apple_label(std::string_view word)
{
  constexpr std::string_view prefix = "_$!<";
  constexpr std::string_view suffix = ">!$_";
  if (word.size() > prefix.size() + suffix.size() && word.substr(0, prefix.size()) == prefix &&
      word.substr(word.size() - suffix.size()) == suffix) {
    return word.substr(prefix.size(), word.size() - prefix.size() - suffix.size());
  }
  return word;
}

// Lower-case ASCII and the German umlauts (UTF-8) that occur in type words.
std::string fold_case(std::string_view word)
{
  std::string folded = to_lower_ascii(word);
  const std::array<std::pair<std::string_view, std::string_view>, 3> umlauts{
      {{"\xC3\x84", "\xC3\xA4"}, {"\xC3\x96", "\xC3\xB6"}, {"\xC3\x9C", "\xC3\xBC"}}};
  for (const auto& [upper, lower] : umlauts) {
    for (auto at = folded.find(upper); at != std::string::npos; at = folded.find(upper, at)) {
      folded.replace(at, upper.size(), lower);
    }
  }
  return folded;
}

} // namespace

std::string best_name(const Contact& contact)
{
  if (!contact.display_name.empty()) {
    return contact.display_name;
  }
  std::string name;
  for (const auto* part : {&contact.name.prefix,
                           &contact.name.given,
                           &contact.name.additional,
                           &contact.name.family,
                           &contact.name.suffix}) {
    if (!part->empty()) {
      name += name.empty() ? "" : " ";
      name += *part;
    }
  }
  if (!name.empty()) {
    return name;
  }
  if (!contact.organisation.empty()) {
    return contact.organisation;
  }
  if (!contact.emails.empty()) {
    return contact.emails.front().address;
  }
  return "(no name)";
}

void add_type(std::vector<std::string>& types, std::string type)
{
  if (!type.empty() && std::find(types.begin(), types.end(), type) == types.end()) {
    types.push_back(std::move(type));
  }
}

std::string canonical_type(std::string_view word)
{
  std::string folded = fold_case(trim(strip_apple_label(trim(word))));
  // "* Work" is how Google marks its own type values.
  if (folded.rfind("* ", 0) == 0) {
    folded.erase(0, 2);
  }
  for (const auto& [alias, canonical] : k_type_words) {
    if (folded == alias) {
      return std::string(canonical);
    }
  }
  return {};
}

} // namespace contact_audit::contact
