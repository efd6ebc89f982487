// SPDX-License-Identifier: MIT
// write_letter_pdf: a rendered consent request letter laid out on A4 with the report's PdfCanvas.
#include "letter_markup.hpp"
#include "pdf_canvas.hpp"

#include <contact_audit/report/consent_letter.hpp>

namespace contact_audit::report {

namespace {

using pdf::Font;

std::string joined(const std::vector<std::string>& lines)
{
  std::string text;
  for (const auto& line : lines) {
    text += (text.empty() ? "" : "\n") + line;
  }
  return text;
}

void draw_block(pdf::Canvas& canvas, const letter::Block& block)
{
  switch (block.kind) {
  case letter::BlockKind::title:
    canvas.heading(block.lines.front(), Font::heading1, 0, 60);
    break;
  case letter::BlockKind::heading:
    canvas.heading(block.lines.front(), Font::heading2, 0, 50);
    break;
  case letter::BlockKind::checkbox:
    // U+2610 BALLOT BOX: an empty square to tick by hand.
    canvas.paragraph({{"\u2610  " + block.lines.front(), Font::body, pdf::k_ink}}, 8, 0);
    break;
  case letter::BlockKind::page_break:
    canvas.new_page();
    break;
  case letter::BlockKind::paragraph:
    canvas.paragraph({{joined(block.lines), Font::body, pdf::k_ink}}, 7, 0);
    break;
  }
}

} // namespace

void write_letter_pdf(std::string_view rendered,
                      const ConsentLetter& letter,
                      const std::filesystem::path& out)
{
  pdf::Canvas canvas;
  for (const auto& block : letter::parse_blocks(rendered)) {
    draw_block(canvas, block);
  }
  const bool german = letter.language == "de";
  pdf::Metadata metadata;
  metadata.title = letter.notice_title + " (" + letter.form_id + ")";
  metadata.author = letter.controller;
  metadata.subject = german ? "Bitte um Einwilligung" : "Request for consent";
  metadata.keywords = letter.form_id;
  metadata.creator = "contact-audit";
  metadata.create_date = letter.date + "T00:00:00Z";
  pdf::PageDecoration decoration;
  decoration.header_left = letter.controller;
  decoration.header_right = (german ? "Formular-ID " : "Form id ") + letter.form_id;
  decoration.footer_left = (german ? "Textversion " : "Notice version ") + letter.notice_version;
  decoration.footer_right = german ? "Seite {page} von {pages}" : "Page {page} of {pages}";
  canvas.finish(out, metadata, decoration);
}

} // namespace contact_audit::report
