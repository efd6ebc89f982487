// SPDX-License-Identifier: MIT
// Case folding and word splitting shared by the rule loader and the matchers.
#pragma once

#include <contact_audit/core/string_map.hpp>

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace contact_audit::classify {

// Append `text` to `out` folded for comparison: ASCII letters and the German
// upper-case umlauts (Ä Ö Ü in UTF-8) in lower case; everything else as is.
void append_folded(std::string& out, std::string_view text);

// `text` folded as append_folded() does it.
std::string fold(std::string_view text);

// Split folded `text` into words: words are separated by ASCII characters
// other than letters, digits, '.' and '\''; dots and apostrophes are then
// removed, so "gmbh & co. kg" gives "gmbh", "co", "kg" and "e.v." gives "ev".
// Bytes of multi-byte UTF-8 characters count as letters. `words` (cleared
// first) views `storage`, which is overwritten.
void split_words(std::string_view folded,
                 std::string& storage,
                 std::vector<std::string_view>& words);

// The domain of an e-mail address in lower case, without a trailing dot or
// '>': "J.Mueller@ACME.de" -> "acme.de". Empty when there is no '@'.
void email_domain(std::string_view address, std::string& domain);

} // namespace contact_audit::classify
