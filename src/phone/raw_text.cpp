// SPDX-License-Identifier: MIT
// Pre-parsing of raw phone text: the German extension words, pause characters and letters
// libphonenumber misreads.
#include "raw_text.hpp"

#include <contact_audit/core/text.hpp>

#include <algorithm>
#include <array>

namespace contact_audit::phone {

namespace {

// libphonenumber reads "App." as the keypad digits 277 and silently appends the
// digits after "Dw.", so these words must be cut off before parsing.
constexpr std::array<std::string_view, 6> k_extension_words{
    "app", "apparat", "dw", "durchwahl", "nst", "nebenstelle"};

// Words libphonenumber itself takes as an extension marker ("x12", "ext. 12", ";ext=12").
constexpr std::array<std::string_view, 4> k_extension_markers{"x", "ext", "extn", "extension"};

bool is_ascii_letter(char c)
{
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

bool is_ascii_digit(char c)
{
  return c >= '0' && c <= '9';
}

// Bytes taken by the digit starting at `i`: 1 for ASCII, 3 for a full-width
// digit (U+FF10..U+FF19, UTF-8 EF BC 90..99), 0 when no digit starts there.
std::size_t digit_width_at(std::string_view text, std::size_t i)
{
  if (is_ascii_digit(text[i])) {
    return 1;
  }
  if (i + 2 < text.size() && text[i] == '\xEF' && text[i + 1] == '\xBC' && text[i + 2] >= '\x90' &&
      text[i + 2] <= '\x99') {
    return 3;
  }
  return 0;
}

char digit_at(std::string_view text, std::size_t i, std::size_t width)
{
  return width == 1 ? text[i] : static_cast<char>('0' + (text[i + 2] - '\x90'));
}

std::string digits_of(std::string_view text)
{
  std::string digits;
  for (std::size_t i = 0; i < text.size();) {
    const auto width = digit_width_at(text, i);
    if (width > 0) {
      digits.push_back(digit_at(text, i, width));
    }
    i += std::max<std::size_t>(width, 1);
  }
  return digits;
}

bool is_one_of(std::string_view word, const auto& list)
{
  return std::any_of(list.begin(), list.end(), [word](std::string_view entry) {
    return iequals_ascii(word, entry);
  });
}

bool is_pause(char c)
{
  return c == ',' || c == ';' || c == 'p' || c == 'P' || c == 'w' || c == 'W';
}

// True when a digit follows the run of pause characters starting at `i`. This
// keeps ";ext=12" (a tel-style extension, which libphonenumber handles) apart
// from ";12" (Android's "wait, then dial 12").
bool digit_follows_pause(std::string_view text, std::size_t i)
{
  while (i < text.size() && is_pause(text[i])) {
    ++i;
  }
  return i < text.size() && digit_width_at(text, i) > 0;
}

bool is_pause_word(std::string_view word)
{
  return std::all_of(word.begin(), word.end(), is_pause);
}

// The fast path: most raw numbers have none of the characters split_raw() looks for.
bool needs_scan(std::string_view text)
{
  return std::any_of(
      text.begin(), text.end(), [](char c) { return is_ascii_letter(c) || c == ',' || c == ';'; });
}

RawParts split_at_extension_word(RawParts parts, std::size_t word_begin, std::size_t word_end)
{
  const auto text = parts.main;
  const auto written_end =
      word_end < text.size() && text[word_end] == '.' ? word_end + 1 : word_end;
  parts.main = text.substr(0, word_begin);
  parts.extension_word = text.substr(word_begin, written_end - word_begin);
  parts.extension = digits_of(text.substr(written_end));
  return parts;
}

RawParts split_at_pause(RawParts parts, std::size_t pause)
{
  const auto text = parts.main;
  parts.main = text.substr(0, pause);
  parts.extension = digits_of(text.substr(pause));
  parts.post_dial = true;
  return parts;
}

} // namespace

RawParts split_raw(std::string_view text)
{
  RawParts parts;
  parts.main = text;
  if (istarts_with_ascii(text, "tel:") || !needs_scan(text)) {
    return parts;
  }
  if (text.front() == ',' || text.front() == ';') {
    parts.post_dial_only = true;
    return parts;
  }
  bool seen_digit = false;
  std::size_t i = 0;
  while (i < text.size()) {
    if (const auto width = digit_width_at(text, i); width > 0) {
      seen_digit = true;
      i += width;
      continue;
    }
    // Words before the first digit ("Tel.", "Zentrale:") are skipped by libphonenumber.
    if (!seen_digit || (!is_ascii_letter(text[i]) && !is_pause(text[i]))) {
      ++i;
      continue;
    }
    if ((text[i] == ',' || text[i] == ';') && digit_follows_pause(text, i)) {
      return split_at_pause(std::move(parts), i);
    }
    std::size_t end = i;
    while (end < text.size() && is_ascii_letter(text[end])) {
      ++end;
    }
    const auto word = text.substr(i, end - i);
    if (is_one_of(word, k_extension_words)) {
      return split_at_extension_word(std::move(parts), i, end);
    }
    if (!word.empty() && is_pause_word(word) && is_ascii_digit(text[i - 1]) &&
        digit_follows_pause(text, i)) {
      return split_at_pause(std::move(parts), i);
    }
    parts.letters = parts.letters || (!word.empty() && !is_one_of(word, k_extension_markers));
    i = std::max(end, i + 1);
  }
  return parts;
}

char first_digit(std::string_view text)
{
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (const auto width = digit_width_at(text, i); width > 0) {
      return digit_at(text, i, width);
    }
  }
  return '\0';
}

} // namespace contact_audit::phone
