// SPDX-License-Identifier: MIT
// PdfCanvas: a small flow layout over pango/cairo (A4 pages, wrapped text, tables that break across
// pages).
#pragma once

#include "model.hpp"

#include <cairo-pdf.h>
#include <cairo.h>
#include <pango/pangocairo.h>

#include <array>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

namespace contact_audit::report::pdf {

// RAII for the cairo, pango and GLib objects the canvas owns.
struct CairoDestroy
{
  void operator()(cairo_t* cr) const noexcept { cairo_destroy(cr); }
};
struct SurfaceDestroy
{
  void operator()(cairo_surface_t* surface) const noexcept { cairo_surface_destroy(surface); }
};
struct GObjectUnref
{
  void operator()(gpointer object) const noexcept { g_object_unref(object); }
};
struct FontDescriptionFree
{
  void operator()(PangoFontDescription* font) const noexcept { pango_font_description_free(font); }
};
struct AttrListUnref
{
  void operator()(PangoAttrList* list) const noexcept { pango_attr_list_unref(list); }
};
struct LayoutIterFree
{
  void operator()(PangoLayoutIter* iter) const noexcept { pango_layout_iter_free(iter); }
};
using CairoPtr = std::unique_ptr<cairo_t, CairoDestroy>;
using SurfacePtr = std::unique_ptr<cairo_surface_t, SurfaceDestroy>;
using ContextPtr = std::unique_ptr<PangoContext, GObjectUnref>;
using LayoutPtr = std::unique_ptr<PangoLayout, GObjectUnref>;
using FontPtr = std::unique_ptr<PangoFontDescription, FontDescriptionFree>;
using AttrListPtr = std::unique_ptr<PangoAttrList, AttrListUnref>;
using LayoutIterPtr = std::unique_ptr<PangoLayoutIter, LayoutIterFree>;

// Throws IoError with cairo's own text when `status` is not success; `what` names the step.
void check(cairo_status_t status, std::string_view what);

enum class Font : std::uint8_t
{
  body,
  bold,
  small,
  small_bold,
  tiny,
  mono,
  heading1,
  heading2,
  title,
  count,
};

struct Colour
{
  double red = 0;
  double green = 0;
  double blue = 0;

  friend bool operator==(const Colour&, const Colour&) = default;
};

// "#rrggbb" -> Colour; anything else is grey.
Colour parse_colour(std::string_view hex);

inline void set_colour(cairo_t* cr, const Colour& colour)
{
  cairo_set_source_rgb(cr, colour.red, colour.green, colour.blue);
}

inline constexpr Colour k_ink{0.11, 0.14, 0.19};
inline constexpr Colour k_muted{0.36, 0.40, 0.45};
inline constexpr Colour k_accent{0.12, 0.37, 0.66};
inline constexpr Colour k_bad{0.78, 0.16, 0.16};
inline constexpr Colour k_ok{0.18, 0.49, 0.20};
inline constexpr Colour k_line{0.82, 0.85, 0.88};

// A run of text in one font and colour; a cell or paragraph is a sequence of spans.
struct Span
{
  std::string text;
  Font font = Font::body;
  Colour colour = k_ink;

  friend bool operator==(const Span&, const Span&) = default;
};
using Cell = std::vector<Span>;

struct Column
{
  std::string heading; // Empty for every column: the table has no header row.
  double width = 0;    // Points.
  bool right_aligned = false;
};

struct TableStyle
{
  bool zebra = true;
  bool rules = true; // A line below each row.
  double padding = 3;
};

// What every page shows around the content; "{page}" and "{pages}" are filled in.
struct PageDecoration
{
  std::string header_left;
  std::string header_right;
  std::string footer_left;
  std::string footer_right; // e.g. "Seite {page} von {pages}"
};

struct Metadata
{
  std::string title;
  std::string author;
  std::string subject;
  std::string keywords;
  std::string creator;
  std::string create_date; // ISO 8601; left out when not of the form cairo accepts.
};

// Lays out content top to bottom on A4 pages. Each page is first recorded (a cairo
// recording surface), so that finish() knows the page count for "page N of M" and
// replays the pages, as vectors, into the PDF. One per report. Only one Canvas
// exists at a time in a process: a second one waits in its constructor, because
// cairo 1.16 shares scaled fonts between threads and aborts when two threads use
// their glyph caches at once ("! scaled_font->cache_frozen"), as batch runs with
// per-device PDFs on two threads did.
class Canvas
{
public:
  Canvas();
  ~Canvas();
  Canvas(const Canvas&) = delete;
  Canvas& operator=(const Canvas&) = delete;

  static constexpr double k_page_width = 595.276; // A4 in points.
  static constexpr double k_page_height = 841.890;
  static constexpr double k_margin_x = 42;
  static constexpr double k_top = 58;
  static constexpr double k_bottom = k_page_height - 54;
  static constexpr double content_width() { return k_page_width - 2 * k_margin_x; }

  // A heading; it starts a new page when fewer than `keep_with_next` points remain,
  // and becomes an outline (bookmark) entry at `level` (1 or 2; 0: none).
  void heading(const std::string& text, Font font, int level, double keep_with_next = 80);
  // Wrapped text over the content width (or `width`), split across pages if long.
  void paragraph(const Cell& content, double space_after = 5, double indent = 0);
  // Wrapped text on a coloured background with a bar on the left (the verdict).
  void callout(const Cell& content, Colour background, Colour bar);
  // A table whose rows are produced by `fill(row, cells)`; headers repeat on each page,
  // rows taller than a page are split between lines.
  void table(const std::vector<Column>& columns,
             std::size_t rows,
             const std::function<void(std::size_t, std::vector<Cell>&)>& fill,
             const TableStyle& style = {});
  // A horizontal bar chart, drawn as vectors, kept on one page.
  void chart(const Chart& chart, double width);
  void gap(double points);
  void new_page();
  // True when nothing has been drawn on the current page yet.
  bool at_page_top() const { return m_y <= k_top; }

  // Replay the pages into a PDF with header, footer and metadata and write it
  // atomically to `out` (mode 0600). Throws IoError.
  void finish(const std::filesystem::path& out,
              const Metadata& metadata,
              const PageDecoration& decoration);

private:
  struct OutlineEntry
  {
    std::string text;
    int level = 1;
    int page = 1;
    double y = 0;
  };

  PangoLayout* layout(std::size_t slot);
  void set_content(PangoLayout* layout,
                   const Cell& content,
                   double width,
                   PangoAlignment alignment = PANGO_ALIGN_LEFT);
  double height_of(PangoLayout* layout) const;
  double safe_cut(const std::vector<PangoLayout*>& layouts, double target) const;
  void draw_slice(const std::vector<PangoLayout*>& layouts,
                  const std::vector<double>& xs,
                  double from,
                  double to,
                  double padding);
  void flow_row(const std::vector<PangoLayout*>& layouts,
                const std::vector<double>& xs,
                const TableStyle& style,
                const std::function<void()>& after_break,
                double fresh_space,
                const Colour* background);
  void show(PangoLayout* layout, double x, double y);
  void decorate(cairo_t* cr, int page, int pages, const PageDecoration& decoration);
  void add_outline(cairo_surface_t* pdf) const;

  // A reusable layout and what it holds: set_content skips the (costly) shaping
  // when a cell repeats the content of the previous row, as class, account,
  // consent and remediation columns mostly do.
  struct LayoutSlot
  {
    LayoutPtr layout;
    Cell content;
    double width = -1;
    PangoAlignment alignment = PANGO_ALIGN_LEFT;
  };

  // First member: held before any cairo object exists, released after the last is gone.
  std::unique_lock<std::mutex> m_exclusive;
  ContextPtr m_context;
  std::array<FontPtr, static_cast<std::size_t>(Font::count)> m_fonts;
  std::vector<LayoutSlot> m_layouts;
  std::vector<SurfacePtr> m_pages;
  CairoPtr m_cr;
  double m_y = k_top;
  std::vector<OutlineEntry> m_outline;
  std::size_t m_row_counter = 0;
};

} // namespace contact_audit::report::pdf
