// SPDX-License-Identifier: MIT
// PdfCanvas: flow layout with pango on pages recorded with cairo (pdf_output.cpp writes the PDF).
#include "pdf_canvas.hpp"

#include <contact_audit/core/error.hpp>

#include <algorithm>

namespace contact_audit::report::pdf {

namespace {

constexpr std::array<const char*, static_cast<std::size_t>(Font::count)> k_font_names{
    "DejaVu Sans 9",         // body
    "DejaVu Sans Bold 9",    // bold
    "DejaVu Sans 7.5",       // small
    "DejaVu Sans Bold 7.5",  // small_bold
    "DejaVu Sans 6.5",       // tiny
    "DejaVu Sans Mono 7",    // mono
    "DejaVu Sans Bold 14",   // heading1
    "DejaVu Sans Bold 10.5", // heading2
    "DejaVu Sans Bold 19",   // title
};

constexpr Colour k_zebra{0.965, 0.972, 0.980};
constexpr Colour k_header_fill{0.914, 0.933, 0.961};

// Pango needs valid UTF-8 without NUL bytes; anything else becomes U+FFFD.
void append_valid_utf8(std::string& out, std::string_view text)
{
  if (g_utf8_validate(text.data(), static_cast<gssize>(text.size()), nullptr) != FALSE) {
    out.append(text);
    return;
  }
  std::string cleaned(text);
  std::size_t nul = 0;
  while ((nul = cleaned.find('\0', nul)) != std::string::npos) {
    cleaned.replace(nul, 1, "\xEF\xBF\xBD");
  }
  gchar* valid = g_utf8_make_valid(cleaned.data(), static_cast<gssize>(cleaned.size()));
  out.append(valid);
  g_free(valid);
}

} // namespace

void check(cairo_status_t status, std::string_view what)
{
  if (status != CAIRO_STATUS_SUCCESS) {
    throw IoError("The PDF report could not be drawn (" + std::string(what) +
                  "): " + cairo_status_to_string(status) + ".");
  }
}

Colour parse_colour(std::string_view hex)
{
  if (hex.size() != 7 || hex[0] != '#') {
    return {0.5, 0.5, 0.5};
  }
  const auto channel = [&](std::size_t at) {
    return std::stoi(std::string(hex.substr(at, 2)), nullptr, 16) / 255.0;
  };
  return {channel(1), channel(3), channel(5)};
}

namespace {

std::mutex& cairo_mutex()
{
  static std::mutex mutex;
  return mutex;
}

} // namespace

Canvas::Canvas() : m_exclusive(cairo_mutex())
{
  // The default font map is per thread; the context is ours.
  m_context.reset(pango_font_map_create_context(pango_cairo_font_map_get_default()));
  if (!m_context) {
    throw IoError("The PDF report could not be drawn: pango has no font map.");
  }
  // One pango unit is one PDF point, and metrics are not hinted: the PDF is scalable.
  pango_cairo_context_set_resolution(m_context.get(), 72);
  cairo_font_options_t* options = cairo_font_options_create();
  check(cairo_font_options_status(options), "creating font options");
  cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options(m_context.get(), options);
  cairo_font_options_destroy(options);
  for (std::size_t i = 0; i < m_fonts.size(); ++i) {
    m_fonts[i].reset(pango_font_description_from_string(k_font_names[i]));
  }
  new_page();
}

Canvas::~Canvas() = default;

PangoLayout* Canvas::layout(std::size_t slot)
{
  while (m_layouts.size() <= slot) {
    LayoutPtr created(pango_layout_new(m_context.get()));
    if (!created) {
      throw IoError("The PDF report could not be drawn: pango could not create a layout.");
    }
    pango_layout_set_wrap(created.get(), PANGO_WRAP_WORD_CHAR);
    m_layouts.push_back({std::move(created), {}, -1, PANGO_ALIGN_LEFT});
  }
  return m_layouts[slot].layout.get();
}

void Canvas::set_content(PangoLayout* target,
                         const Cell& content,
                         double width,
                         PangoAlignment alignment)
{
  const auto slot =
      std::find_if(m_layouts.begin(), m_layouts.end(), [&](const LayoutSlot& candidate) {
        return candidate.layout.get() == target;
      });
  if (slot != m_layouts.end()) {
    if (slot->width == width && slot->alignment == alignment && slot->content == content) {
      return;
    }
    slot->content = content;
    slot->width = width;
    slot->alignment = alignment;
  }
  std::string text;
  AttrListPtr attributes(pango_attr_list_new());
  for (const Span& span : content) {
    const auto start = static_cast<guint>(text.size());
    append_valid_utf8(text, span.text);
    const auto end = static_cast<guint>(text.size());
    if (start == end) {
      continue;
    }
    PangoAttribute* font =
        pango_attr_font_desc_new(m_fonts[static_cast<std::size_t>(span.font)].get());
    font->start_index = start;
    font->end_index = end;
    pango_attr_list_insert(attributes.get(), font);
    PangoAttribute* colour =
        pango_attr_foreground_new(static_cast<guint16>(span.colour.red * 65535),
                                  static_cast<guint16>(span.colour.green * 65535),
                                  static_cast<guint16>(span.colour.blue * 65535));
    colour->start_index = start;
    colour->end_index = end;
    pango_attr_list_insert(attributes.get(), colour);
  }
  // Pango would add a hyphen where it breaks a long word; a name or address must
  // read exactly as in the address book, so breaks stay unmarked.
  pango_attr_list_insert(attributes.get(), pango_attr_insert_hyphens_new(FALSE));
  const Font base = content.empty() ? Font::body : content.front().font;
  pango_layout_set_font_description(target, m_fonts[static_cast<std::size_t>(base)].get());
  pango_layout_set_width(target, static_cast<int>(width * PANGO_SCALE));
  pango_layout_set_alignment(target, alignment);
  pango_layout_set_text(target, text.data(), static_cast<int>(text.size()));
  pango_layout_set_attributes(target, attributes.get());
}

double Canvas::height_of(PangoLayout* target) const
{
  int height = 0;
  pango_layout_get_size(target, nullptr, &height);
  return static_cast<double>(height) / PANGO_SCALE;
}

void Canvas::show(PangoLayout* target, double x, double y)
{
  set_colour(m_cr.get(), k_ink);
  cairo_move_to(m_cr.get(), x, y);
  pango_cairo_show_layout(m_cr.get(), target);
}

// The largest position <= `target` that cuts no line of any layout in half.
double Canvas::safe_cut(const std::vector<PangoLayout*>& layouts, double target) const
{
  double cut = target;
  for (int pass = 0; pass < 8; ++pass) {
    bool moved = false;
    for (PangoLayout* candidate : layouts) {
      LayoutIterPtr iter(pango_layout_get_iter(candidate));
      do {
        int top = 0;
        int bottom = 0;
        pango_layout_iter_get_line_yrange(iter.get(), &top, &bottom);
        const double line_top = static_cast<double>(top) / PANGO_SCALE;
        const double line_bottom = static_cast<double>(bottom) / PANGO_SCALE;
        if (line_top < cut && line_bottom > cut + 0.01) {
          cut = line_top;
          moved = true;
        }
      } while (pango_layout_iter_next_line(iter.get()) != FALSE);
    }
    if (!moved) {
      break;
    }
  }
  return cut;
}

void Canvas::draw_slice(const std::vector<PangoLayout*>& layouts,
                        const std::vector<double>& xs,
                        double from,
                        double to,
                        double padding)
{
  const bool partial = from > 0 || std::any_of(layouts.begin(), layouts.end(), [&](PangoLayout* l) {
                         return height_of(l) > to + 0.01;
                       });
  for (std::size_t i = 0; i < layouts.size(); ++i) {
    if (partial) {
      cairo_save(m_cr.get());
      cairo_rectangle(m_cr.get(), xs[i], m_y + padding - 0.5, xs[i + 1] - xs[i], to - from + 1);
      cairo_clip(m_cr.get());
    }
    show(layouts[i], xs[i] + padding, m_y + padding - from);
    if (partial) {
      cairo_restore(m_cr.get());
    }
  }
}

void Canvas::flow_row(const std::vector<PangoLayout*>& layouts,
                      const std::vector<double>& xs,
                      const TableStyle& style,
                      const std::function<void()>& after_break,
                      double fresh_space,
                      const Colour* background)
{
  const double pad = style.padding;
  double content = 0;
  for (PangoLayout* cell : layouts) {
    content = std::max(content, height_of(cell));
  }
  double consumed = 0;
  for (;;) {
    const double available = k_bottom - m_y - 2 * pad;
    const bool last = content - consumed <= available + 0.01;
    const bool move_whole = consumed == 0 && content <= fresh_space;
    if (!last && (move_whole || available < 24)) {
      new_page();
      after_break();
      continue;
    }
    double cut = content;
    if (!last) { // Taller than a page: split between lines.
      cut = safe_cut(layouts, consumed + available);
      cut = cut <= consumed + 1 ? consumed + available : cut;
    }
    const double height = cut - consumed + 2 * pad;
    if (background != nullptr) {
      set_colour(m_cr.get(), *background);
      cairo_rectangle(m_cr.get(), xs.front(), m_y, xs.back() - xs.front(), height);
      cairo_fill(m_cr.get());
    }
    draw_slice(layouts, xs, consumed, cut, pad);
    if (style.rules) {
      set_colour(m_cr.get(), k_line);
      cairo_set_line_width(m_cr.get(), 0.5);
      cairo_move_to(m_cr.get(), xs.front(), m_y + height);
      cairo_line_to(m_cr.get(), xs.back(), m_y + height);
      cairo_stroke(m_cr.get());
    }
    m_y += height;
    if (last) {
      return;
    }
    consumed = cut;
    new_page();
    after_break();
  }
}

void Canvas::heading(const std::string& text, Font font, int level, double keep_with_next)
{
  if (m_y > k_top && m_y + keep_with_next > k_bottom) {
    new_page();
  }
  if (m_y > k_top) {
    m_y += 6;
  }
  if (level > 0) {
    m_outline.push_back({text, level, static_cast<int>(m_pages.size()), m_y});
  }
  PangoLayout* target = layout(0);
  set_content(target, {{text, font, font == Font::heading1 ? k_accent : k_ink}}, content_width());
  show(target, k_margin_x, m_y);
  m_y += height_of(target) + (font == Font::heading1 ? 6 : 3);
}

void Canvas::paragraph(const Cell& content, double space_after, double indent)
{
  PangoLayout* target = layout(0);
  set_content(target, content, content_width() - indent);
  const std::vector<double> xs{k_margin_x + indent, k_margin_x + content_width()};
  flow_row(
      {target}, xs, TableStyle{false, false, 0}, [] {}, k_bottom - k_top, nullptr);
  m_y += space_after;
}

void Canvas::callout(const Cell& content, Colour background, Colour bar)
{
  constexpr double k_pad = 7;
  PangoLayout* target = layout(0);
  set_content(target, content, content_width() - 3 * k_pad);
  const double height = height_of(target) + 2 * k_pad;
  if (height > k_bottom - k_top) {
    paragraph(content);
    return;
  }
  if (m_y + height > k_bottom) {
    new_page();
  }
  set_colour(m_cr.get(), background);
  cairo_rectangle(m_cr.get(), k_margin_x, m_y, content_width(), height);
  cairo_fill(m_cr.get());
  set_colour(m_cr.get(), bar);
  cairo_rectangle(m_cr.get(), k_margin_x, m_y, 4, height);
  cairo_fill(m_cr.get());
  show(target, k_margin_x + 2 * k_pad, m_y + k_pad);
  m_y += height + 8;
}

void Canvas::table(const std::vector<Column>& columns,
                   std::size_t rows,
                   const std::function<void(std::size_t, std::vector<Cell>&)>& fill,
                   const TableStyle& style)
{
  const std::size_t count = columns.size();
  std::vector<double> xs{k_margin_x};
  std::vector<PangoLayout*> body;
  std::vector<PangoLayout*> header;
  bool has_header = false;
  for (std::size_t i = 0; i < count; ++i) {
    xs.push_back(xs.back() + columns[i].width);
    has_header = has_header || !columns[i].heading.empty();
  }
  for (std::size_t i = 0; i < count; ++i) {
    body.push_back(layout(i));
    header.push_back(layout(count + i));
    set_content(header.back(),
                {{columns[i].heading, Font::small_bold, k_ink}},
                columns[i].width - 2 * style.padding,
                columns[i].right_aligned ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT);
  }
  double header_height = 0;
  for (PangoLayout* cell : header) {
    header_height = has_header ? std::max(header_height, height_of(cell) + 2 * style.padding) : 0;
  }
  // Repeated at the top of every page the table continues on.
  const auto draw_header = [&] {
    if (!has_header) {
      return;
    }
    set_colour(m_cr.get(), k_header_fill);
    cairo_rectangle(m_cr.get(), xs.front(), m_y, xs.back() - xs.front(), header_height);
    cairo_fill(m_cr.get());
    for (std::size_t i = 0; i < count; ++i) {
      show(header[i], xs[i] + style.padding, m_y + style.padding);
    }
    m_y += header_height;
  };
  const double fresh_space = k_bottom - k_top - header_height - 2 * style.padding;
  std::vector<Cell> cells(count);
  for (std::size_t row = 0; row < rows; ++row) {
    for (Cell& cell : cells) {
      cell.clear();
    }
    fill(row, cells);
    double content = 0;
    for (std::size_t i = 0; i < count; ++i) {
      set_content(body[i],
                  cells[i],
                  columns[i].width - 2 * style.padding,
                  columns[i].right_aligned ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT);
      content = std::max(content, height_of(body[i]));
    }
    if (row == 0) { // The header never stands alone at the foot of a page.
      const double first = std::min(content + 2 * style.padding, 60.0);
      if (m_y > k_top && m_y + header_height + first > k_bottom) {
        new_page();
      }
      draw_header();
    }
    flow_row(body,
             xs,
             style,
             draw_header,
             fresh_space,
             style.zebra && row % 2 == 1 ? &k_zebra : nullptr);
  }
  if (rows == 0) {
    draw_header();
  }
  m_y += 6;
}

void Canvas::chart(const Chart& chart, double width)
{
  constexpr double k_row = 12.5;
  const double label_width = width * 0.45;
  const double bar_space = width * 0.40;
  const double height = 16 + static_cast<double>(chart.bars.size()) * k_row + 8;
  if (m_y + height > k_bottom) {
    new_page();
  }
  PangoLayout* target = layout(0);
  set_content(target, {{chart.title, Font::small_bold, k_ink}}, width);
  show(target, k_margin_x, m_y);
  m_y += height_of(target) + 4;
  for (const ChartBar& bar : chart.bars) {
    set_content(target, {{bar.label, Font::small, k_ink}}, label_width - 6, PANGO_ALIGN_RIGHT);
    show(target, k_margin_x, m_y);
    const double bar_width = chart.max_value == 0
                                 ? 0
                                 : std::max(bar.value > 0 ? 1.0 : 0.0,
                                            bar_space * static_cast<double>(bar.value) /
                                                static_cast<double>(chart.max_value));
    set_colour(m_cr.get(), parse_colour(bar.colour));
    cairo_rectangle(m_cr.get(), k_margin_x + label_width, m_y + 1.5, bar_width, k_row - 5);
    cairo_fill(m_cr.get());
    set_content(target, {{bar.value_text, Font::small, k_muted}}, width - label_width - bar_width);
    show(target, k_margin_x + label_width + bar_width + 4, m_y);
    m_y += k_row;
  }
  m_y += 8;
}

void Canvas::gap(double points)
{
  m_y = std::min(m_y + points, k_bottom);
}

void Canvas::new_page()
{
  if (m_cr) {
    check(cairo_status(m_cr.get()), "drawing a page");
    m_cr.reset();
  }
  const cairo_rectangle_t extents{0, 0, k_page_width, k_page_height};
  SurfacePtr page(cairo_recording_surface_create(CAIRO_CONTENT_COLOR_ALPHA, &extents));
  check(cairo_surface_status(page.get()), "creating a page");
  m_cr.reset(cairo_create(page.get()));
  check(cairo_status(m_cr.get()), "creating a page");
  m_pages.push_back(std::move(page));
  m_y = k_top;
}

} // namespace contact_audit::report::pdf
