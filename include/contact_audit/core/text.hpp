// SPDX-License-Identifier: MIT
// Small text helpers shared by the modules (ASCII case folding, trimming, splitting).
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace contact_audit {

std::string to_lower_ascii(std::string_view text);
bool iequals_ascii(std::string_view a, std::string_view b);
bool istarts_with_ascii(std::string_view text, std::string_view prefix);
std::string_view trim(std::string_view text);
std::vector<std::string_view> split(std::string_view text, char separator);
// True when `text` is well-formed UTF-8.
bool is_valid_utf8(std::string_view text);
// An e-mail address as reports show it unless revealed: the first character and the
// domain ("a***@example.de"), or "***" when there is no local part before an `@`.
std::string mask_email(std::string_view email);
// `text` with every "{name}" replaced by its value; unknown names stay as written.
// A value is inserted as it is, never searched for placeholders itself.
std::string fill(std::string_view text,
                 std::initializer_list<std::pair<std::string_view, std::string>> values);

} // namespace contact_audit
