// SPDX-License-Identifier: MIT
// load_templates: the built-in HTML templates, overridden file by file from --template DIR.
#include "templates.hpp"

#include "embedded_files.hpp"

#include <contact_audit/core/error.hpp>

#include <fstream>
#include <sstream>
#include <system_error>

namespace contact_audit::report {

namespace {

std::string builtin(std::string_view name)
{
  for (const EmbeddedFile& file : embedded_files()) {
    if (file.name.substr(0, 10) == "templates/" && file.name.substr(10) == name) {
      return std::string(file.content);
    }
  }
  throw Error("The built-in report template " + std::string(name) + " is missing from this build.");
}

// The file `name` from `dir` if it exists there, else the built-in one.
std::string pick(const std::filesystem::path& dir,
                 std::string_view name,
                 std::filesystem::path* source = nullptr)
{
  if (!dir.empty()) {
    const std::filesystem::path path = dir / name;
    std::error_code error;
    if (std::filesystem::is_regular_file(path, error)) {
      std::ifstream in(path, std::ios::binary);
      std::ostringstream text;
      text << in.rdbuf();
      if (!in || in.bad()) {
        throw InputError(path.string() + ": The template cannot be read; no report was written.");
      }
      if (source != nullptr) {
        *source = path;
      }
      return text.str();
    }
  }
  if (source != nullptr) {
    *source = std::filesystem::path("reports/templates") / name;
  }
  return builtin(name);
}

} // namespace

std::string load_template_file(const std::filesystem::path& dir,
                               std::string_view name,
                               std::filesystem::path* source)
{
  return pick(dir, name, source);
}

TemplateSet load_templates(const std::filesystem::path& dir)
{
  if (!dir.empty()) {
    std::error_code error;
    if (!std::filesystem::is_directory(dir, error)) {
      throw InputError(dir.string() +
                       ": The template directory does not exist or is not a directory; no report "
                       "was written.");
    }
  }
  TemplateSet set;
  set.report = pick(dir, "report.html.mustache", &set.report_source);
  set.letterhead = pick(dir, "letterhead.mustache");
  set.style = pick(dir, "style.css");
  set.script = pick(dir, "script.js");
  return set;
}

} // namespace contact_audit::report
