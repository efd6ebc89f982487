// SPDX-License-Identifier: MIT
// Collects the properties of one vCard and maps them to a Contact when the card ends.
#pragma once

#include "vcard_charset.hpp"
#include "vcard_lexer.hpp"
#include "vcard_report.hpp"
#include "vcard_types.hpp"
#include "vcard_value.hpp"

#include <contact_audit/contact/contact.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace contact_audit::importers::vcard {

// True for the properties whose values the card builder reads (and BEGIN, END,
// VERSION that the reader needs). Everything else (NOTE, PHOTO, ...) is never kept.
bool is_collected_property(std::string_view upper_name);

// One card's properties, kept until END:VCARD because the VERSION and the
// X-ABLabel of a group may come after the properties they govern. Storage is
// reused from card to card. Not thread-safe.
class CardBuilder
{
public:
  CardBuilder(ValueDecoder& decoder, const Reporter& reporter);

  // Start a new card; forget the previous one.
  void reset();
  void set_version(Version version) { m_version = version; }

  // Storage for the next property of the card; the lexer reads into it, so a kept
  // property is never copied. Valid until the next commit() or reset().
  RawProperty& slot();
  // Keep the property in slot() for build(). Returns false and keeps nothing when
  // the card already holds the most properties or bytes a card may hold.
  bool commit();

  // Map the kept properties into `contact`. Each property dropped with a diagnostic
  // adds one to `dropped`.
  void build(contact::Contact& contact, std::size_t& dropped);

private:
  enum class Kind
  {
    phone,
    email,
    address,
  };
  struct Grouped
  {
    Kind kind;
    std::size_t index;
    std::string_view group;
  };

  std::optional<std::string_view> decode(const RawProperty& property);
  bool transfer_decode(const RawProperty& property, std::string_view& bytes);
  std::optional<std::string_view> decode_text(const RawProperty& property);
  void drop(const RawProperty& property,
            Severity severity,
            std::string_view code,
            const std::string& message);
  bool first_only(const RawProperty& property, bool already_set);
  void map_property(const RawProperty& property, contact::Contact& contact);
  void map_text(const RawProperty& property, std::string& field);
  void map_name(const RawProperty& property, contact::StructuredName& name);
  void map_org(const RawProperty& property, contact::Contact& contact);
  void map_tel(const RawProperty& property, contact::Contact& contact);
  void map_email(const RawProperty& property, contact::Contact& contact);
  void map_address(const RawProperty& property, contact::Contact& contact);
  void map_categories(const RawProperty& property, contact::Contact& contact);
  void map_label(const RawProperty& property);
  void resolve_groups(contact::Contact& contact);

  ValueDecoder& m_decoder;
  const Reporter& m_reporter;
  TypeMapper m_types;
  Version m_version = Version::v21;
  std::vector<RawProperty> m_kept; // Slots [0, m_count) are kept; m_kept[m_count] is slot().
  std::size_t m_count = 0;
  std::size_t m_bytes = 0;
  std::size_t* m_dropped = nullptr; // The counter of the build() in progress.
  bool m_have_name = false;
  Params m_params;
  std::string m_transfer_buffer; // Quoted-printable or base64 decoded bytes.
  std::string m_charset_buffer;  // Bytes converted to UTF-8.
  std::string m_nul_buffer;      // Text with NUL bytes removed.
  std::string m_text_buffer;     // Text with escapes undone.
  std::vector<std::string> m_parts;
  std::vector<std::pair<std::string_view, std::string>> m_labels; // group -> X-ABLabel
  std::vector<Grouped> m_grouped;
};

} // namespace contact_audit::importers::vcard
