// SPDX-License-Identifier: MIT
// Canvas::finish: replays the recorded pages into the PDF with header, footer, outline and
// metadata.
#include "pdf_canvas.hpp"

#include <contact_audit/core/atomic_file.hpp>
#include <contact_audit/core/error.hpp>

#include <algorithm>
#include <cctype>
#include <exception>

namespace contact_audit::report::pdf {

namespace {

// cairo's PDF metadata takes "YYYY-MM-DDThh:mm:ss" with an optional "Z" or "+hh:mm".
std::string pdf_date(std::string_view iso)
{
  const auto digits = [&](std::size_t from, std::size_t count) {
    return std::all_of(iso.begin() + static_cast<std::ptrdiff_t>(from),
                       iso.begin() + static_cast<std::ptrdiff_t>(from + count),
                       [](char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; });
  };
  if (iso.size() < 19 || !digits(0, 4) || iso[4] != '-' || !digits(5, 2) || iso[7] != '-' ||
      !digits(8, 2) || iso[10] != 'T' || !digits(11, 2) || iso[13] != ':' || !digits(14, 2) ||
      iso[16] != ':' || !digits(17, 2)) {
    return {};
  }
  std::string_view zone = iso.substr(19);
  if (!zone.empty() && zone.front() == '.') { // Fractions of a second are dropped.
    zone.remove_prefix(std::min(zone.find_first_not_of("0123456789", 1), zone.size()));
  }
  if (zone.empty() || zone == "Z" ||
      (zone.size() == 6 && (zone[0] == '+' || zone[0] == '-') && zone[3] == ':')) {
    return std::string(iso.substr(0, 19)) + std::string(zone);
  }
  return {};
}

struct PdfSink
{
  AtomicFile* file = nullptr;
  std::exception_ptr error;
};

cairo_status_t write_to_sink(void* closure, const unsigned char* data, unsigned int length)
{
  auto* sink = static_cast<PdfSink*>(closure);
  try {
    sink->file->write(std::string_view(reinterpret_cast<const char*>(data), length));
  } catch (...) {
    // cairo is C: keep the exception and rethrow it once cairo has returned.
    sink->error = std::current_exception();
    return CAIRO_STATUS_WRITE_ERROR;
  }
  return CAIRO_STATUS_SUCCESS;
}

} // namespace

void Canvas::decorate(cairo_t* cr, int page, int pages, const PageDecoration& decoration)
{
  const auto fill_in = [&](const std::string& text) {
    return report::fill(text, {{"page", std::to_string(page)}, {"pages", std::to_string(pages)}});
  };
  const double half = content_width() / 2;
  const auto put = [&](const std::string& text, double x, double y, PangoAlignment alignment) {
    PangoLayout* target = layout(0);
    set_content(target, {{fill_in(text), Font::small, k_muted}}, half, alignment);
    set_colour(cr, k_muted);
    cairo_move_to(cr, x, y);
    pango_cairo_show_layout(cr, target);
  };
  put(decoration.header_left, k_margin_x, 26, PANGO_ALIGN_LEFT);
  put(decoration.header_right, k_margin_x + half, 26, PANGO_ALIGN_RIGHT);
  put(decoration.footer_left, k_margin_x, k_bottom + 22, PANGO_ALIGN_LEFT);
  put(decoration.footer_right, k_margin_x + half, k_bottom + 22, PANGO_ALIGN_RIGHT);
  set_colour(cr, k_line);
  cairo_set_line_width(cr, 0.6);
  cairo_move_to(cr, k_margin_x, 42);
  cairo_line_to(cr, k_margin_x + content_width(), 42);
  cairo_move_to(cr, k_margin_x, k_bottom + 16);
  cairo_line_to(cr, k_margin_x + content_width(), k_bottom + 16);
  cairo_stroke(cr);
}

void Canvas::add_outline(cairo_surface_t* pdf) const
{
  int parent = CAIRO_PDF_OUTLINE_ROOT;
  for (const OutlineEntry& entry : m_outline) {
    const std::string link = "page=" + std::to_string(entry.page) + " pos=[" +
                             std::to_string(static_cast<int>(k_margin_x)) + " " +
                             std::to_string(static_cast<int>(entry.y)) + "]";
    const int id = cairo_pdf_surface_add_outline(pdf,
                                                 entry.level == 1 ? CAIRO_PDF_OUTLINE_ROOT : parent,
                                                 entry.text.c_str(),
                                                 link.c_str(),
                                                 static_cast<cairo_pdf_outline_flags_t>(0));
    parent = entry.level == 1 ? id : parent;
  }
}

void Canvas::finish(const std::filesystem::path& out,
                    const Metadata& metadata,
                    const PageDecoration& decoration)
{
  check(cairo_status(m_cr.get()), "drawing a page");
  m_cr.reset();
  AtomicFile file(out);
  PdfSink sink{&file, nullptr};
  SurfacePtr pdf(
      cairo_pdf_surface_create_for_stream(write_to_sink, &sink, k_page_width, k_page_height));
  check(cairo_surface_status(pdf.get()), "creating the PDF");
  const std::string date = pdf_date(metadata.create_date);
  const std::array<std::pair<cairo_pdf_metadata_t, const std::string*>, 6> fields{{
      {CAIRO_PDF_METADATA_TITLE, &metadata.title},
      {CAIRO_PDF_METADATA_AUTHOR, &metadata.author},
      {CAIRO_PDF_METADATA_SUBJECT, &metadata.subject},
      {CAIRO_PDF_METADATA_KEYWORDS, &metadata.keywords},
      {CAIRO_PDF_METADATA_CREATOR, &metadata.creator},
      {CAIRO_PDF_METADATA_CREATE_DATE, &date},
  }};
  for (const auto& [field, value] : fields) {
    if (!value->empty()) {
      cairo_pdf_surface_set_metadata(pdf.get(), field, value->c_str());
    }
  }
  CairoPtr cr(cairo_create(pdf.get()));
  check(cairo_status(cr.get()), "creating the PDF");
  const int pages = static_cast<int>(m_pages.size());
  for (int page = 0; page < pages; ++page) {
    cairo_set_source_surface(cr.get(), m_pages[static_cast<std::size_t>(page)].get(), 0, 0);
    cairo_paint(cr.get());
    decorate(cr.get(), page + 1, pages, decoration);
    cairo_show_page(cr.get());
    check(cairo_status(cr.get()), "writing page " + std::to_string(page + 1));
  }
  add_outline(pdf.get());
  cr.reset();
  cairo_surface_finish(pdf.get());
  if (sink.error) {
    std::rethrow_exception(sink.error);
  }
  check(cairo_surface_status(pdf.get()), "writing the PDF");
  pdf.reset();
  m_pages.clear();
  file.commit();
}

} // namespace contact_audit::report::pdf
