// SPDX-License-Identifier: MIT
// The vCard 4.0 writer for the Contact model.
#include <contact_audit/contact/vcard.hpp>

namespace contact_audit::contact {
namespace {

constexpr std::size_t k_max_line_octets = 75;

bool is_continuation_byte(char c)
{
  return (static_cast<unsigned char>(c) & 0xC0U) == 0x80U;
}

std::string joined_types(const std::vector<std::string>& types)
{
  std::string text;
  for (const auto& type : types) {
    text += text.empty() ? "" : ",";
    text += type;
  }
  return text;
}

// ";TYPE=work,cell" or "" when there are no types.
std::string type_parameter(const std::vector<std::string>& types)
{
  return types.empty() ? std::string() : ";TYPE=" + joined_types(types);
}

class CardBuilder
{
public:
  CardBuilder() { add("BEGIN:VCARD"); }

  void add(std::string_view line) { m_text += fold_vcard_line(line); }

  void add_text(std::string_view name, std::string_view value)
  {
    if (!value.empty()) {
      add(std::string(name) + ":" + escape_vcard_text(value));
    }
  }

  std::string finish()
  {
    add("END:VCARD");
    return std::move(m_text);
  }

private:
  std::string m_text;
};

void add_name(CardBuilder& card, const Contact& contact)
{
  // RFC 6350 §6.2.1: FN is required; best_name() never returns an empty text.
  card.add_text("FN", best_name(contact));
  const auto& name = contact.name;
  if (!name.family.empty() || !name.given.empty() || !name.additional.empty() ||
      !name.prefix.empty() || !name.suffix.empty()) {
    card.add("N:" + escape_vcard_text(name.family) + ";" + escape_vcard_text(name.given) + ";" +
             escape_vcard_text(name.additional) + ";" + escape_vcard_text(name.prefix) + ";" +
             escape_vcard_text(name.suffix));
  }
  if (!contact.organisation.empty() || !contact.department.empty()) {
    // §6.6.4: the organisational unit follows the name after a ';'.
    card.add("ORG:" + escape_vcard_text(contact.organisation) +
             (contact.department.empty() ? "" : ";" + escape_vcard_text(contact.department)));
  }
  card.add_text("TITLE", contact.title);
  card.add_text("ROLE", contact.role);
}

void add_phones(CardBuilder& card, const Contact& contact, std::size_t& group)
{
  for (const auto& phone : contact.phones) {
    const std::string parameters = type_parameter(phone.types) + (phone.preferred ? ";PREF=1" : "");
    if (phone.label.empty()) {
      card.add("TEL" + parameters + ":" + escape_vcard_text(phone.raw));
      continue;
    }
    const std::string item = "item" + std::to_string(++group);
    card.add(item + ".TEL" + parameters + ":" + escape_vcard_text(phone.raw));
    card.add(item + ".X-ABLabel:" + escape_vcard_text(phone.label));
  }
}

void add_emails(CardBuilder& card, const Contact& contact, std::size_t& group)
{
  for (const auto& email : contact.emails) {
    const std::string parameters = type_parameter(email.types) + (email.preferred ? ";PREF=1" : "");
    if (email.label.empty()) {
      card.add("EMAIL" + parameters + ":" + escape_vcard_text(email.address));
      continue;
    }
    const std::string item = "item" + std::to_string(++group);
    card.add(item + ".EMAIL" + parameters + ":" + escape_vcard_text(email.address));
    card.add(item + ".X-ABLabel:" + escape_vcard_text(email.label));
  }
}

} // namespace

std::string escape_vcard_text(std::string_view text)
{
  std::string escaped;
  escaped.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '\\' || c == ',' || c == ';') {
      escaped += '\\';
      escaped += c;
    } else if (c == '\r' || c == '\n') {
      // A CRLF pair is one line break.
      if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
        ++i;
      }
      escaped += "\\n";
    } else {
      escaped += c;
    }
  }
  return escaped;
}

std::string fold_vcard_line(std::string_view line)
{
  std::string folded;
  folded.reserve(line.size() + line.size() / 60 * 3 + 2);
  std::size_t limit = k_max_line_octets; // The first line has 75 octets, the others 74 + blank.
  while (line.size() > limit) {
    std::size_t cut = limit;
    while (cut > 0 && is_continuation_byte(line[cut])) {
      --cut; // Never split a UTF-8 sequence.
    }
    folded.append(line.substr(0, cut));
    folded += "\r\n ";
    line.remove_prefix(cut);
    limit = k_max_line_octets - 1;
  }
  folded.append(line);
  folded += "\r\n";
  return folded;
}

std::string to_vcard(const Contact& contact)
{
  CardBuilder card;
  card.add("VERSION:4.0");
  add_name(card, contact);
  std::size_t group = 0;
  add_phones(card, contact, group);
  add_emails(card, contact, group);
  if (!contact.categories.empty()) {
    std::string value;
    for (const auto& category : contact.categories) {
      value += value.empty() ? "" : ",";
      value += escape_vcard_text(category);
    }
    card.add("CATEGORIES:" + value);
  }
  card.add_text("UID", contact.uid);
  return card.finish();
}

} // namespace contact_audit::contact
