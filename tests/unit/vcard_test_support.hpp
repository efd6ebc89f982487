// SPDX-License-Identifier: MIT
// Helpers shared by the vCard reader tests: read a whole text and keep everything it produced.
#pragma once

#include <contact_audit/contact/contact.hpp>
#include <contact_audit/core/diagnostic.hpp>
#include <contact_audit/importers/reader.hpp>

#include <doctest/doctest.h>

#include <memory>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

namespace contact_audit::test {

struct VCardRead
{
  std::vector<contact::Contact> contacts;
  std::vector<Diagnostic> diagnostics;
  importers::ReaderStats stats;

  // "line code" of every diagnostic, in order: compact to assert.
  std::vector<std::string> codes() const
  {
    std::vector<std::string> result;
    for (const auto& diagnostic : diagnostics) {
      result.push_back(std::to_string(diagnostic.line) + " " + diagnostic.code);
    }
    return result;
  }
};

// Read all of `bytes` as the vCard file "test.vcf" (in memory) with `options`.
inline VCardRead read_vcard(std::string bytes, const importers::ReadOptions& options = {})
{
  auto reader = importers::make_vcard_reader(
      std::make_unique<std::istringstream>(std::move(bytes)), "test.vcf", options);
  CollectingSink sink;
  VCardRead result;
  while (auto contact = reader->next(sink)) {
    result.contacts.push_back(std::move(*contact));
  }
  // Further calls after the end stay at the end.
  if (reader->next(sink)) {
    result.contacts.emplace_back();
  }
  result.diagnostics = sink.diagnostics();
  result.stats = reader->stats();
  return result;
}

// The raw numbers of a contact's phones, in order.
inline std::vector<std::string> phone_numbers(const contact::Contact& contact)
{
  std::vector<std::string> numbers;
  for (const auto& phone : contact.phones) {
    numbers.push_back(phone.raw);
  }
  return numbers;
}

inline std::vector<std::string> email_addresses(const contact::Contact& contact)
{
  std::vector<std::string> addresses;
  for (const auto& email : contact.emails) {
    addresses.push_back(email.address);
  }
  return addresses;
}

using Strings = std::vector<std::string>;

} // namespace contact_audit::test

// Print string lists in failure messages as {"a", "b"}.
template <> struct doctest::StringMaker<std::vector<std::string>>
{
  static doctest::String convert(const std::vector<std::string>& values)
  {
    std::string text = "{";
    for (const auto& value : values) {
      text += (text.size() > 1 ? ", \"" : "\"") + value + "\"";
    }
    return (text + "}").c_str();
  }
};
