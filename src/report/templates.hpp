// SPDX-License-Identifier: MIT
// The HTML report's template set: built-in files, each replaceable from a company's directory.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

namespace contact_audit::report {

struct TemplateSet
{
  std::string report;     // report.html.mustache: the page.
  std::string letterhead; // letterhead.mustache: partial {{> letterhead}} (logo, company text).
  std::string style;      // style.css: inlined into <style>.
  std::string script;     // script.js: inlined into <script>; its hash goes into the CSP.
  std::filesystem::path report_source; // Where `report` came from, for error messages.
};

// The built-in templates, with each file present in `dir` used instead (when
// `dir` is not empty). Throws InputError when `dir` is not a directory or a
// file in it cannot be read.
TemplateSet load_templates(const std::filesystem::path& dir);

// One template file `name`: from `dir` when it holds that file, else the
// built-in one; `source` (when not null) receives where it came from. Throws
// InputError when the file in `dir` cannot be read.
std::string load_template_file(const std::filesystem::path& dir,
                               std::string_view name,
                               std::filesystem::path* source = nullptr);

} // namespace contact_audit::report
