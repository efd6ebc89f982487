// SPDX-License-Identifier: MIT
// Reviewed decisions keyed by E.164 number or contact UID.
#include <contact_audit/classify/overrides.hpp>
#include <contact_audit/phone/normaliser.hpp>

#include <algorithm>

namespace contact_audit::classify {

std::string_view to_string(OverrideKeyKind kind)
{
  return kind == OverrideKeyKind::e164 ? "e164" : "uid";
}

std::optional<OverrideKeyKind> parse_override_key_kind(std::string_view text)
{
  if (text == "e164") {
    return OverrideKeyKind::e164;
  }
  if (text == "uid") {
    return OverrideKeyKind::uid;
  }
  return std::nullopt;
}

Result<void> Overrides::add(Override entry)
{
  const auto invalid = [&](std::string message) {
    Diagnostic diagnostic;
    diagnostic.code = "review.invalid";
    diagnostic.message = std::move(message);
    return make_unexpected(std::move(diagnostic));
  };
  if (entry.decision == Classification::unknown) {
    return invalid("A reviewed decision must be business or private, not unknown; it was not "
                   "applied.");
  }
  if (entry.key.empty()) {
    return invalid("A reviewed decision has an empty " + std::string(to_string(entry.key_kind)) +
                   " key; it was not applied.");
  }
  const auto digits = std::string_view(entry.key).substr(1);
  if (entry.key_kind == OverrideKeyKind::e164 &&
      (entry.key.front() != '+' || digits.size() < 2 || digits.size() > 15 ||
       !std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; }))) {
    return invalid("The reviewed decision for \"" + phone::mask(entry.key) +
                   "\" is not keyed by an E.164 number (\"+\" and 2 to 15 digits); it was not "
                   "applied.");
  }
  auto& map = entry.key_kind == OverrideKeyKind::e164 ? m_by_e164 : m_by_uid;
  auto key = entry.key;
  map.insert_or_assign(std::move(key), std::move(entry));
  return {};
}

const Override* Overrides::find_e164(std::string_view e164) const
{
  const auto found = m_by_e164.find(e164);
  return found == m_by_e164.end() ? nullptr : &found->second;
}

const Override* Overrides::find_uid(std::string_view uid) const
{
  const auto found = m_by_uid.find(uid);
  return found == m_by_uid.end() ? nullptr : &found->second;
}

} // namespace contact_audit::classify
