// SPDX-License-Identifier: MIT
// Maps the kept properties of one vCard to the contact model (data minimisation: only what the
// audit needs).
#include "vcard_card.hpp"

#include <contact_audit/core/text.hpp>

#include <algorithm>
#include <array>

namespace contact_audit::importers::vcard {
namespace {

using namespace std::string_view_literals;

// A card never needs more; beyond this a hostile file could make one card fill memory.
constexpr std::size_t k_max_properties_per_card = 10'000;
constexpr std::size_t k_max_bytes_per_card = 4 * 1024 * 1024;

// AGENT is not here: its first bytes (kept for every property) tell a nested card.
constexpr std::array<std::string_view, 14> k_collected{
    "BEGIN",
    "END",
    "VERSION",
    "FN",
    "N",
    "ORG",
    "TITLE",
    "ROLE",
    "TEL",
    "EMAIL",
    "ADR",
    "CATEGORIES",
    "UID",
    "X-ABLABEL",
};

std::string_view email_address(std::string_view text)
{
  text = trim(text);
  // "Omega" <omega@example.com> (AOSP v21_invalid_multiple_line): the address is in <>.
  const auto open = text.rfind('<');
  const auto close = text.rfind('>');
  if (open != std::string_view::npos && close != std::string_view::npos && open < close) {
    text = trim(text.substr(open + 1, close - open - 1));
  }
  if (istarts_with_ascii(text, "mailto:")) {
    text = trim(text.substr(7));
  }
  return text;
}

} // namespace

bool is_collected_property(std::string_view upper_name)
{
  // Called for every line: most names are rejected by their length alone.
  if (upper_name.empty() || upper_name.size() > 10) {
    return false;
  }
  return std::find(k_collected.begin(), k_collected.end(), upper_name) != k_collected.end();
}

CardBuilder::CardBuilder(ValueDecoder& decoder, const Reporter& reporter)
    : m_decoder(decoder), m_reporter(reporter)
{
}

void CardBuilder::reset()
{
  m_count = 0;
  m_bytes = 0;
  m_version = Version::v21;
}

RawProperty& CardBuilder::slot()
{
  if (m_count == m_kept.size()) {
    m_kept.emplace_back();
  }
  return m_kept[m_count];
}

bool CardBuilder::commit()
{
  const RawProperty& property = slot();
  const std::size_t bytes = property.value.size() + property.params.size();
  if (m_count >= k_max_properties_per_card || m_bytes + bytes > k_max_bytes_per_card) {
    return false;
  }
  ++m_count;
  m_bytes += bytes;
  return true;
}

void CardBuilder::drop(const RawProperty& property,
                       Severity severity,
                       std::string_view code,
                       const std::string& message)
{
  m_reporter.report(property.line, severity, code, message);
  ++*m_dropped;
}

bool CardBuilder::transfer_decode(const RawProperty& property, std::string_view& bytes)
{
  switch (m_params.encoding) {
  case TransferEncoding::none:
    return true;
  case TransferEncoding::quoted_printable:
    if (!decode_quoted_printable(bytes, m_transfer_buffer)) {
      m_reporter.report(property.line,
                        Severity::warning,
                        "vcard.qp.invalid",
                        "The quoted-printable " + property.name +
                            " value has an '=' that starts no =XX escape; that text was kept as "
                            "written.");
    }
    bytes = m_transfer_buffer;
    return true;
  case TransferEncoding::base64:
    if (!decode_base64(bytes, m_transfer_buffer)) {
      drop(property,
           Severity::warning,
           "vcard.base64.invalid",
           "The base64 " + property.name +
               " value has characters that are not base64; the property was dropped.");
      return false;
    }
    bytes = m_transfer_buffer;
    return true;
  case TransferEncoding::unknown:
    m_reporter.report(property.line,
                      Severity::warning,
                      "vcard.encoding.unknown",
                      "The ENCODING " + Reporter::quote(m_params.encoding_name) + " of the " +
                          property.name +
                          " property is not known; the value was read as plain text.");
    return true;
  }
  return true;
}

std::optional<std::string_view> CardBuilder::decode(const RawProperty& property)
{
  parse_params(property.params, m_params);
  std::string_view bytes = property.value;
  if (!transfer_decode(property, bytes)) {
    return std::nullopt;
  }
  if (property.dangling_soft_break) {
    m_reporter.report(property.line,
                      Severity::warning,
                      "vcard.qp.soft-break-at-end",
                      "The quoted-printable " + property.name +
                          " value ends with a soft line break but no line continues it; the "
                          "value was kept as far as it goes.");
  }
  const bool transfer_encoded = m_params.encoding == TransferEncoding::quoted_printable ||
                                m_params.encoding == TransferEncoding::base64;
  std::string_view text = m_decoder.to_utf8(bytes,
                                            m_params.charset,
                                            transfer_encoded,
                                            {property.name, property.line},
                                            m_reporter,
                                            m_charset_buffer);
  if (text.find('\0') != std::string_view::npos) {
    m_nul_buffer.assign(text);
    m_nul_buffer.erase(std::remove(m_nul_buffer.begin(), m_nul_buffer.end(), '\0'),
                       m_nul_buffer.end());
    text = m_nul_buffer;
    m_reporter.report(property.line,
                      Severity::warning,
                      "vcard.value.nul",
                      "The " + property.name +
                          " value contains NUL bytes; they were removed and the value was kept.");
  }
  return text;
}

std::optional<std::string_view> CardBuilder::decode_text(const RawProperty& property)
{
  const auto text = decode(property);
  if (!text) {
    return std::nullopt;
  }
  return unescape_text(*text, m_version, m_text_buffer);
}

bool CardBuilder::first_only(const RawProperty& property, bool already_set)
{
  if (already_set) {
    drop(property,
         Severity::info,
         "vcard.property.repeated",
         "This vCard has more than one " + property.name +
             " property; the first one was kept and this one was dropped.");
  }
  return !already_set;
}

void CardBuilder::map_text(const RawProperty& property, std::string& field)
{
  if (!first_only(property, !field.empty())) {
    return;
  }
  if (const auto text = decode_text(property)) {
    field.assign(*text);
  }
}

void CardBuilder::map_name(const RawProperty& property, contact::StructuredName& name)
{
  const auto value = first_only(property, m_have_name) ? decode(property) : std::nullopt;
  if (!value) {
    return;
  }
  // RFC 6350 §6.2.2: family; given; additional; prefixes; suffixes. Missing parts stay empty.
  split_structured(*value, m_version, ';', m_parts);
  m_parts.resize(std::max<std::size_t>(m_parts.size(), 5));
  name.family = std::move(m_parts[0]);
  name.given = std::move(m_parts[1]);
  name.additional = std::move(m_parts[2]);
  name.prefix = std::move(m_parts[3]);
  name.suffix = std::move(m_parts[4]);
  m_have_name = !name.family.empty() || !name.given.empty() || !name.additional.empty() ||
                !name.prefix.empty() || !name.suffix.empty();
}

void CardBuilder::map_org(const RawProperty& property, contact::Contact& contact)
{
  const bool set = !contact.organisation.empty() || !contact.department.empty();
  const auto value = first_only(property, set) ? decode(property) : std::nullopt;
  if (!value) {
    return;
  }
  // RFC 6350 §6.6.4: the name, then organisational units. The units become one
  // department joined by blanks, as Android's importer does.
  split_structured(*value, m_version, ';', m_parts);
  contact.organisation = std::move(m_parts[0]);
  for (std::size_t i = 1; i < m_parts.size(); ++i) {
    if (!m_parts[i].empty()) {
      contact.department += contact.department.empty() ? "" : " ";
      contact.department += m_parts[i];
    }
  }
}

void CardBuilder::map_tel(const RawProperty& property, contact::Contact& contact)
{
  const auto value = decode(property);
  if (!value) {
    return;
  }
  // RFC 6350 §6.4.1: with VALUE=uri the value is a tel: URI, which has no vCard
  // escaping; it goes to the phone normaliser as written.
  std::string_view raw = trim(*value);
  if (!m_params.value_uri && !istarts_with_ascii(raw, "tel:")) {
    raw = trim(unescape_text(raw, m_version, m_text_buffer));
  }
  if (raw.empty()) {
    drop(property,
         Severity::info,
         "vcard.value.empty",
         "The TEL property has no number; the property was dropped.");
    return;
  }
  contact::Phone& phone = contact.phones.emplace_back();
  phone.raw.assign(raw);
  phone.line = property.line;
  phone.preferred = m_params.pref;
  m_types.add_types(m_params.types, phone.types);
  if (!property.group.empty()) {
    m_grouped.push_back({Kind::phone, contact.phones.size() - 1, property.group});
  }
}

void CardBuilder::map_email(const RawProperty& property, contact::Contact& contact)
{
  const auto text = decode_text(property);
  if (!text) {
    return;
  }
  const std::string_view address = email_address(*text);
  if (address.empty()) {
    drop(property,
         Severity::info,
         "vcard.value.empty",
         "The EMAIL property has no address; the property was dropped.");
    return;
  }
  contact::Email& email = contact.emails.emplace_back();
  email.address.assign(address);
  email.preferred = m_params.pref;
  m_types.add_types(m_params.types, email.types);
  if (!property.group.empty()) {
    m_grouped.push_back({Kind::email, contact.emails.size() - 1, property.group});
  }
}

void CardBuilder::map_address(const RawProperty& property, contact::Contact& contact)
{
  // Only the kind of address is kept; its text is never decoded (data minimisation).
  parse_params(property.params, m_params);
  if (property.value.find_first_not_of("; ,\t") == std::string::npos) {
    drop(property,
         Severity::info,
         "vcard.value.empty",
         "The ADR property has no address parts; the property was dropped.");
    return;
  }
  contact::Address& address = contact.addresses.emplace_back();
  m_types.add_types(m_params.types, address.types);
  if (!property.group.empty()) {
    m_grouped.push_back({Kind::address, contact.addresses.size() - 1, property.group});
  }
}

void CardBuilder::map_categories(const RawProperty& property, contact::Contact& contact)
{
  const auto value = decode(property);
  if (!value) {
    return;
  }
  // RFC 6350 §6.7.1: a comma-separated list; "\," is a comma inside a category.
  split_structured(*value, m_version, ',', m_parts);
  for (const std::string& part : m_parts) {
    const std::string_view category = trim(part);
    if (!category.empty() &&
        std::find(contact.categories.begin(), contact.categories.end(), category) ==
            contact.categories.end()) {
      contact.categories.emplace_back(category);
    }
  }
}

void CardBuilder::map_label(const RawProperty& property)
{
  // An X-ABLabel names its group's entry (Apple); without a group it labels nothing.
  const auto text = property.group.empty() ? std::nullopt : decode_text(property);
  if (text) {
    m_labels.emplace_back(property.group, std::string(trim(*text)));
  }
}

void CardBuilder::map_property(const RawProperty& property, contact::Contact& contact)
{
  const std::string_view name = property.name;
  if (name == "TEL"sv) {
    map_tel(property, contact);
  } else if (name == "EMAIL"sv) {
    map_email(property, contact);
  } else if (name == "FN"sv) {
    map_text(property, contact.display_name);
  } else if (name == "N"sv) {
    map_name(property, contact.name);
  } else if (name == "ORG"sv) {
    map_org(property, contact);
  } else if (name == "TITLE"sv) {
    map_text(property, contact.title);
  } else if (name == "ROLE"sv) {
    map_text(property, contact.role);
  } else if (name == "UID"sv) {
    map_text(property, contact.uid);
  } else if (name == "ADR"sv) {
    map_address(property, contact);
  } else if (name == "CATEGORIES"sv) {
    map_categories(property, contact);
  } else if (name == "X-ABLABEL"sv) {
    map_label(property);
  }
}

void CardBuilder::resolve_groups(contact::Contact& contact)
{
  std::stable_sort(m_labels.begin(), m_labels.end(), [](const auto& a, const auto& b) {
    return a.first < b.first;
  });
  for (const Grouped& item : m_grouped) {
    const auto found = std::lower_bound(
        m_labels.begin(),
        m_labels.end(),
        item.group,
        [](const auto& entry, std::string_view group) { return entry.first < group; });
    if (found == m_labels.end() || found->first != item.group || found->second.empty()) {
      continue;
    }
    if (item.kind == Kind::phone) {
      auto& phone = contact.phones[item.index];
      m_types.apply_label(found->second, phone.types, phone.label);
    } else if (item.kind == Kind::email) {
      auto& email = contact.emails[item.index];
      m_types.apply_label(found->second, email.types, email.label);
    } else {
      auto& address = contact.addresses[item.index];
      m_types.apply_label(found->second, address.types, address.label);
    }
  }
}

void CardBuilder::build(contact::Contact& contact, std::size_t& dropped)
{
  m_dropped = &dropped;
  m_have_name = false;
  m_labels.clear();
  m_grouped.clear();
  for (std::size_t i = 0; i < m_count; ++i) {
    map_property(m_kept[i], contact);
  }
  // The label of a group may follow its TEL line, so groups are resolved at the end.
  if (!m_grouped.empty()) {
    resolve_groups(contact);
  }
  m_dropped = nullptr;
}

} // namespace contact_audit::importers::vcard
