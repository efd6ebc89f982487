// SPDX-License-Identifier: MIT
// Case folding and word splitting for rule lists and contact fields.
#include "text_fold.hpp"

namespace contact_audit::classify {
namespace {

bool is_word_byte(unsigned char c)
{
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
         c == '\'' || c >= 0x80;
}

} // namespace

void append_folded(std::string& out, std::string_view text)
{
  const std::size_t start = out.size();
  out.append(text);
  // Folding keeps every byte count (Ä and ä are both two bytes), so it works in place.
  for (std::size_t i = start; i < out.size(); ++i) {
    const auto c = static_cast<unsigned char>(out[i]);
    if (c >= 'A' && c <= 'Z') {
      out[i] = static_cast<char>(c - 'A' + 'a');
    } else if (c == 0xC3 && i + 1 < out.size()) {
      // UTF-8 Ä Ö Ü (C3 84, C3 96, C3 9C) -> ä ö ü (C3 A4, C3 B6, C3 BC).
      const auto next = static_cast<unsigned char>(out[i + 1]);
      if (next == 0x84 || next == 0x96 || next == 0x9C) {
        out[i + 1] = static_cast<char>(next + 0x20);
      }
      ++i;
    }
  }
}

std::string fold(std::string_view text)
{
  std::string folded;
  folded.reserve(text.size());
  append_folded(folded, text);
  return folded;
}

void split_words(std::string_view folded,
                 std::string& storage,
                 std::vector<std::string_view>& words)
{
  words.clear();
  storage.clear();
  // Reserving the whole length keeps the views valid: words never take more.
  storage.reserve(folded.size());
  std::size_t start = 0;
  for (std::size_t i = 0; i <= folded.size(); ++i) {
    if (i < folded.size() && is_word_byte(static_cast<unsigned char>(folded[i]))) {
      const char c = folded[i];
      if (c != '.' && c != '\'') {
        storage += c;
      }
      continue;
    }
    if (storage.size() > start) {
      words.emplace_back(storage.data() + start, storage.size() - start);
    }
    start = storage.size();
  }
}

void email_domain(std::string_view address, std::string& domain)
{
  domain.clear();
  const auto at = address.rfind('@');
  if (at == std::string_view::npos) {
    return;
  }
  auto rest = address.substr(at + 1);
  while (!rest.empty() && (rest.back() == '.' || rest.back() == '>' || rest.back() == ' ')) {
    rest.remove_suffix(1);
  }
  append_folded(domain, rest);
}

} // namespace contact_audit::classify
