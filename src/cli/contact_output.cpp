// SPDX-License-Identifier: MIT
// Table, JSON and CSV output of imported contacts, written as they arrive.
#include "contact_output.hpp"

#include <contact_audit/contact/json.hpp>
#include <contact_audit/core/csv_writer.hpp>
#include <contact_audit/core/error.hpp>

#include <iomanip>

namespace contact_audit::cli {
namespace {

std::string join(const std::vector<std::string>& values, std::string_view separator)
{
  std::string text;
  for (const auto& value : values) {
    text += text.empty() ? "" : separator;
    text += value;
  }
  return text;
}

class TableOutput final : public ContactOutput
{
public:
  TableOutput(std::ostream& out, bool reveal) : m_out(out), m_reveal(reveal) {}

  void begin() override
  {
    m_out << std::left << std::setw(32) << "NAME" << std::setw(26) << "ORGANISATION"
          << std::setw(20) << "NUMBER" << std::setw(22) << "TYPE"
          << "STATUS\n";
  }

  void write(const contact::Contact& contact) override
  {
    const std::string name = contact::best_name(contact);
    if (contact.phones.empty()) {
      row(name, contact.organisation, "-", "-", "no number");
      return;
    }
    for (const auto& phone : contact.phones) {
      const auto shown = contact::shown_e164(phone, m_reveal);
      row(name,
          contact.organisation,
          shown.empty() ? contact::shown_raw(phone, m_reveal) : shown,
          join(phone.types, ","),
          std::string(phone::to_string(phone.number.status)) + " " +
              std::string(phone::to_string(phone.number.type)));
    }
  }

  void end(const importers::ImportSummary& /*summary*/) override { m_out.flush(); }

private:
  void row(std::string_view name,
           std::string_view organisation,
           std::string_view number,
           std::string_view types,
           std::string_view status)
  {
    m_out << std::left << std::setw(32) << cut(name, 31) << std::setw(26) << cut(organisation, 25)
          << std::setw(20) << number << std::setw(22) << (types.empty() ? "-" : types) << status
          << '\n';
  }

  // Cut on a UTF-8 character boundary so the table never shows half a character.
  static std::string cut(std::string_view text, std::size_t width)
  {
    if (text.size() <= width) {
      return std::string(text);
    }
    std::size_t end = width - 1;
    while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) {
      --end;
    }
    return std::string(text.substr(0, end)) + "~";
  }

  std::ostream& m_out;
  bool m_reveal;
};

class JsonOutput final : public ContactOutput
{
public:
  JsonOutput(std::ostream& out, bool reveal) : m_out(out), m_reveal(reveal) {}

  void begin() override { m_out << "{\"contacts\":[\n"; }

  void write(const contact::Contact& contact) override
  {
    m_out << (m_first ? "" : ",\n") << contact::to_json(contact, {m_reveal, 0});
    m_first = false;
  }

  void end(const importers::ImportSummary& summary) override
  {
    m_out << "\n],\n\"summary\":{\"files\":" << summary.files
          << ",\"contacts_read\":" << summary.contacts_read
          << ",\"contacts_rejected\":" << summary.contacts_rejected
          << ",\"properties_dropped\":" << summary.properties_dropped
          << ",\"phones\":" << summary.phones << ",\"phones_valid\":" << summary.phones_valid
          << ",\"phones_ambiguous\":" << summary.phones_ambiguous
          << ",\"phones_invalid\":" << summary.phones_invalid
          << ",\"phones_service\":" << summary.phones_service
          << ",\"phones_unparsable\":" << summary.phones_unparsable << "}}\n";
    m_out.flush();
  }

private:
  std::ostream& m_out;
  bool m_reveal;
  bool m_first = true;
};

class CsvOutput final : public ContactOutput
{
public:
  CsvOutput(std::ostream& out, bool reveal) : m_out(out), m_reveal(reveal) {}

  void begin() override
  {
    write_csv_row(m_out,
                  {"file",
                   "line",
                   "record",
                   "account",
                   "display_name",
                   "organisation",
                   "department",
                   "title",
                   "phone_raw",
                   "phone_e164",
                   "phone_extension",
                   "phone_type",
                   "phone_status",
                   "phone_labels",
                   "emails",
                   "categories"});
  }

  // One row per phone number (one row for a contact without numbers), so every
  // number can be filtered in a spreadsheet.
  void write(const contact::Contact& contact) override
  {
    std::vector<std::string> emails;
    for (const auto& email : contact.emails) {
      emails.push_back(email.address);
    }
    std::vector<std::string> cells{contact.source.file.string(),
                                   std::to_string(contact.source.line),
                                   std::to_string(contact.source.record),
                                   contact.source.account,
                                   contact::best_name(contact),
                                   contact.organisation,
                                   contact.department,
                                   contact.title};
    const auto write_row = [&](const contact::Phone* phone) {
      auto row = cells;
      if (phone != nullptr) {
        row.insert(row.end(),
                   {contact::shown_raw(*phone, m_reveal),
                    contact::shown_e164(*phone, m_reveal),
                    phone->number.extension,
                    std::string(phone::to_string(phone->number.type)),
                    std::string(phone::to_string(phone->number.status)),
                    join(phone->types, ";")});
      } else {
        row.insert(row.end(), {"", "", "", "", "", ""});
      }
      row.push_back(join(emails, ";"));
      row.push_back(join(contact.categories, ";"));
      write_csv_row(m_out, row);
    };
    if (contact.phones.empty()) {
      write_row(nullptr);
    }
    for (const auto& phone : contact.phones) {
      write_row(&phone);
    }
  }

  void end(const importers::ImportSummary& /*summary*/) override { m_out.flush(); }

private:
  std::ostream& m_out;
  bool m_reveal;
};

} // namespace

std::unique_ptr<ContactOutput>
make_contact_output(std::string_view format, std::ostream& out, bool reveal)
{
  if (format == "table") {
    return std::make_unique<TableOutput>(out, reveal);
  }
  if (format == "json") {
    return std::make_unique<JsonOutput>(out, reveal);
  }
  if (format == "csv") {
    return std::make_unique<CsvOutput>(out, reveal);
  }
  throw InputError("The output format \"" + std::string(format) +
                   "\" is not known; use table, json or csv.");
}

void print_import_summary(std::ostream& out, const importers::ImportSummary& summary)
{
  out << "Imported " << summary.contacts_read << " contacts from " << summary.files << " file(s); "
      << summary.contacts_rejected << " rejected, " << summary.properties_dropped
      << " properties dropped. Phone numbers: " << summary.phones << " (" << summary.phones_valid
      << " valid, " << summary.phones_ambiguous << " ambiguous, " << summary.phones_invalid
      << " invalid, " << summary.phones_service << " service, " << summary.phones_unparsable
      << " not a number).\n";
}

} // namespace contact_audit::cli
