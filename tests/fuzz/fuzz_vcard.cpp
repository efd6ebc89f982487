// SPDX-License-Identifier: MIT
// Fuzz target: the vCard reader over an in-memory file, then phone normalisation as the
// import pipeline does it, then the classifier with the shipped rules. The input is the
// file content unchanged, so any .vcf is a seed.
#include "fuzz_classify.hpp"
#include "fuzz_reader.hpp"
#include "fuzz_support.hpp"

#include <contact_audit/core/diagnostic.hpp>
#include <contact_audit/importers/reader.hpp>
#include <contact_audit/phone/normaliser.hpp>

#include <memory>
#include <sstream>

using namespace contact_audit;

namespace {

void check_contact(const contact::Contact& contact, std::size_t position)
{
  fuzz::require(contact.source.record >= 1, "a contact's record number is 1-based");
  fuzz::require(contact.source.record >= position, "record numbers count every card");
  fuzz::require(contact.source.line >= 1, "a contact has a first line");
  for (const auto& phone : contact.phones) {
    fuzz::require(phone.line >= contact.source.line, "a TEL line is not before its card");
  }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
  static phone::Normaliser normaliser("DE");
  importers::ReadOptions options;
  options.account = "fuzz";
  auto input = std::make_unique<std::istringstream>(
      std::string(reinterpret_cast<const char*>(data), size), std::ios::binary);
  auto reader = importers::make_vcard_reader(std::move(input), "fuzz.vcf", options);
  CollectingSink sink;
  std::size_t returned = 0;
  while (auto contact = reader->next(sink)) {
    ++returned;
    check_contact(*contact, returned);
    for (auto& phone : contact->phones) {
      phone.number = normaliser.normalise(phone.raw);
      const auto& number = phone.number;
      fuzz::require(number.e164.empty() || number.e164.front() == '+', "E.164 starts with +");
      static_cast<void>(phone::mask(phone.raw));
    }
    fuzz::classify_with_shipped_rules(*contact);
  }
  fuzz::check_finished_reader(*reader, sink, returned);
  return 0;
}
