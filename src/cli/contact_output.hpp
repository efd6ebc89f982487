// SPDX-License-Identifier: MIT
// Streaming writers for the contacts `import` prints: table, JSON or CSV.
#pragma once

#include <contact_audit/contact/contact.hpp>
#include <contact_audit/importers/pipeline.hpp>

#include <memory>
#include <ostream>
#include <string_view>

namespace contact_audit::cli {

class ContactOutput
{
public:
  virtual ~ContactOutput() = default;
  virtual void begin() {}
  virtual void write(const contact::Contact& contact) = 0;
  virtual void end(const importers::ImportSummary& summary) = 0;
};

// `format` is "table", "json" or "csv"; throws InputError for anything else.
std::unique_ptr<ContactOutput>
make_contact_output(std::string_view format, std::ostream& out, bool reveal);

// The one-paragraph summary printed after an import.
void print_import_summary(std::ostream& out, const importers::ImportSummary& summary);

} // namespace contact_audit::cli
