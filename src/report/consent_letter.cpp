// SPDX-License-Identifier: MIT
// Consent request letters: template loading, mustache rendering and the plain-text form.
#include "letter_markup.hpp"
#include "templates.hpp"

#include <contact_audit/core/error.hpp>
#include <contact_audit/report/catalog.hpp>
#include <contact_audit/report/consent_letter.hpp>

#include <kainjow/mustache.hpp>

namespace contact_audit::report {

namespace mustache = kainjow::mustache;
using Data = mustache::data;

namespace {

constexpr std::size_t k_text_width = 76;

Data string_list(const std::vector<std::string>& values, const std::string& key)
{
  Data list{Data::type::list};
  for (const auto& value : values) {
    Data item;
    item.set(key, value);
    list.push_back(item);
  }
  return list;
}

Data letter_data(const ConsentLetter& letter)
{
  Data root;
  root.set("language", letter.language);
  root.set("form_id", letter.form_id);
  root.set("date", format_date(letter.date, letter.language));
  root.set("name", letter.name);
  root.set("organisation", letter.organisation);
  root.set("has_organisation", !letter.organisation.empty());
  root.set("numbers", string_list(letter.numbers, "number"));
  root.set("emails", string_list(letter.emails, "email"));
  root.set("has_emails", !letter.emails.empty());
  root.set("controller", letter.controller);
  root.set("controller_contact", letter.controller_contact);
  root.set("dpo", letter.dpo);
  root.set("has_dpo", !letter.dpo.empty());
  root.set("messenger", letter.messenger);
  root.set("purpose", letter.purpose);
  root.set("notice_title", letter.notice_title);
  root.set("notice_version", letter.notice_version);
  root.set("notice_language", letter.notice_language);
  root.set("notice_sha256", letter.notice_sha256);
  root.set("notice_text", letter.notice_text);
  root.set("recipient", letter.recipient);
  root.set("data_transmitted", letter.data_transmitted);
  root.set("legal_basis", letter.legal_basis);
  root.set("third_country_transfer", letter.third_country_transfer);
  root.set("retention", letter.retention);
  root.set("withdrawal", letter.withdrawal);
  root.set("reconfirm_after_months", std::to_string(letter.reconfirm_after_months));
  root.set("has_reconfirm", letter.reconfirm_after_months > 0);
  return root;
}

std::string_view trim_right(std::string_view line)
{
  while (!line.empty() && (line.back() == ' ' || line.back() == '\t' || line.back() == '\r')) {
    line.remove_suffix(1);
  }
  return line;
}

// Columns of UTF-8 `text`: one per code point (letters here are not wide).
std::size_t columns(std::string_view text)
{
  std::size_t count = 0;
  for (const char c : text) {
    count += (static_cast<unsigned char>(c) & 0xC0U) != 0x80U ? 1 : 0;
  }
  return count;
}

// `line` wrapped at spaces to k_text_width columns; continuation lines start with `indent`.
void wrap(std::string& out, std::string_view line, std::string_view indent)
{
  std::string current;
  std::size_t width = 0;
  std::size_t start = 0;
  while (start <= line.size()) {
    auto end = line.find(' ', start);
    if (end == std::string_view::npos) {
      end = line.size();
    }
    const std::string_view word = line.substr(start, end - start);
    if (!current.empty() && width + 1 + columns(word) > k_text_width) {
      out += current + "\n";
      current = std::string(indent);
      width = columns(indent);
    } else if (!current.empty() && current != indent) {
      current += ' ';
      ++width;
    }
    current += word;
    width += columns(word);
    start = end + 1;
  }
  out += current + "\n";
}

} // namespace

namespace letter {

std::vector<Block> parse_blocks(std::string_view rendered)
{
  std::vector<Block> blocks;
  bool in_paragraph = false;
  std::size_t start = 0;
  while (start < rendered.size()) {
    auto end = rendered.find('\n', start);
    if (end == std::string_view::npos) {
      end = rendered.size();
    }
    const std::string_view line = trim_right(rendered.substr(start, end - start));
    start = end + 1;
    if (line.empty()) {
      in_paragraph = false;
    } else if (line.starts_with("## ")) {
      blocks.push_back({BlockKind::heading, {std::string(line.substr(3))}});
      in_paragraph = false;
    } else if (line.starts_with("# ")) {
      blocks.push_back({BlockKind::title, {std::string(line.substr(2))}});
      in_paragraph = false;
    } else if (line.starts_with("[ ] ")) {
      blocks.push_back({BlockKind::checkbox, {std::string(line.substr(4))}});
      in_paragraph = false;
    } else if (line == "---") {
      if (!blocks.empty() && blocks.back().kind != BlockKind::page_break) {
        blocks.push_back({BlockKind::page_break, {}});
      }
      in_paragraph = false;
    } else if (in_paragraph) {
      blocks.back().lines.emplace_back(line);
    } else {
      blocks.push_back({BlockKind::paragraph, {std::string(line)}});
      in_paragraph = true;
    }
  }
  if (!blocks.empty() && blocks.back().kind == BlockKind::page_break) {
    blocks.pop_back();
  }
  return blocks;
}

} // namespace letter

std::string load_letter_template(const std::filesystem::path& dir,
                                 std::string_view language,
                                 std::filesystem::path* source)
{
  check_language(language);
  if (!dir.empty() && !std::filesystem::is_directory(dir)) {
    throw InputError(dir.string() +
                     ": The template directory does not exist or is not a directory; no letter "
                     "was written.");
  }
  return load_template_file(
      dir, "consent-request." + std::string(language) + ".txt.mustache", source);
}

std::string render_letter(const ConsentLetter& letter,
                          const std::string& template_text,
                          const std::filesystem::path& source)
{
  mustache::mustache page(template_text);
  // The result is text: values go in as written (the PDF writer escapes for pango itself).
  page.set_custom_escape([](const std::string& value) { return value; });
  if (!page.is_valid()) {
    throw InputError(source.string() + ": " + page.error_message() + "; no letter was written.");
  }
  std::string text = page.render(letter_data(letter));
  if (!page.is_valid()) {
    throw InputError(source.string() + ": " + page.error_message() + "; no letter was written.");
  }
  return text;
}

std::string letter_plain_text(std::string_view rendered)
{
  std::string out;
  for (const auto& block : letter::parse_blocks(rendered)) {
    if (!out.empty()) {
      out += '\n';
    }
    switch (block.kind) {
    case letter::BlockKind::title:
    case letter::BlockKind::heading: {
      const std::string& text = block.lines.front();
      wrap(out, text, "");
      out += std::string(std::min(columns(text), k_text_width),
                         block.kind == letter::BlockKind::title ? '=' : '-') +
             "\n";
      break;
    }
    case letter::BlockKind::checkbox:
      wrap(out, "[ ] " + block.lines.front(), "    ");
      break;
    case letter::BlockKind::page_break:
      out += std::string(k_text_width, '-') + "\n";
      break;
    case letter::BlockKind::paragraph:
      for (const auto& line : block.lines) {
        wrap(out, line, line.starts_with("- ") ? "  " : "");
      }
      break;
    }
  }
  return out;
}

} // namespace contact_audit::report
