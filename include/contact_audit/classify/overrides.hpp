// SPDX-License-Identifier: MIT
// Reviewed decisions (overrides): a DPO's business/private decision for a number or contact.
#pragma once

#include <contact_audit/classify/classification.hpp>
#include <contact_audit/core/result.hpp>

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

namespace contact_audit::classify {

// What a reviewed decision is keyed by.
enum class OverrideKeyKind : std::uint8_t
{
  e164, // A phone number in E.164 form, "+4915112345678".
  uid,  // A contact's UID as the address book stores it.
};

// "e164" or "uid".
std::string_view to_string(OverrideKeyKind kind);
// The inverse of to_string(); nullopt for any other text.
std::optional<OverrideKeyKind> parse_override_key_kind(std::string_view text);

// One reviewed decision. `decision` is business or private, never unknown.
struct Override
{
  OverrideKeyKind key_kind = OverrideKeyKind::e164;
  std::string key;
  Classification decision = Classification::business;
  std::string by;     // Who decided, e.g. "dpo" or a name.
  std::string at;     // When, ISO 8601 ("2026-11-20" or with time).
  std::string reason; // Free text; may be empty.
};

// The reviewed decisions the classifier applies before its rules. A later
// add() for the same key replaces the earlier decision. Lookups are safe from
// several threads once no more entries are added.
class Overrides
{
public:
  // Add `entry`. Returns a Diagnostic (code "review.invalid") without adding
  // anything when the decision is `unknown`, the key is empty, or an e164 key
  // is not "+" followed by 2 to 15 digits.
  [[nodiscard]] Result<void> add(Override entry);

  // The decision for the number `e164`, or nullptr.
  const Override* find_e164(std::string_view e164) const;
  // The decision for the contact UID `uid`, or nullptr.
  const Override* find_uid(std::string_view uid) const;

  std::size_t size() const { return m_by_e164.size() + m_by_uid.size(); }
  bool empty() const { return size() == 0; }

private:
  struct Hash
  {
    using is_transparent = void;
    std::size_t operator()(std::string_view text) const
    {
      return std::hash<std::string_view>{}(text);
    }
  };
  using Map = std::unordered_map<std::string, Override, Hash, std::equal_to<>>;
  Map m_by_e164;
  Map m_by_uid;
};

} // namespace contact_audit::classify
