// SPDX-License-Identifier: MIT
// Matching input files against the address books of a device profile, and listing the files they
// name.
#include <contact_audit/core/error.hpp>
#include <contact_audit/exposure/book_files.hpp>

#include <algorithm>
#include <fnmatch.h>
#include <set>
#include <system_error>

namespace contact_audit::exposure {

namespace fs = std::filesystem;

namespace {

bool has_wildcard(std::string_view text)
{
  return text.find_first_of("*?[") != std::string_view::npos;
}

// The profile's folder, a literal path inside the patterns built from it.
fs::path base_folder(const DeviceProfile& profile)
{
  return fs::absolute(profile.file).lexically_normal().parent_path();
}

std::string escape_glob(std::string_view text)
{
  std::string escaped;
  for (const char c : text) {
    if (c == '*' || c == '?' || c == '[' || c == ']' || c == '\\') {
      escaped += '\\';
    }
    escaped += c;
  }
  return escaped;
}

// `pattern` as an absolute fnmatch() pattern; the profile's folder matches only itself.
std::string absolute_pattern(const fs::path& base, const std::string& pattern)
{
  const fs::path relative = fs::path(pattern).lexically_normal();
  if (relative.is_absolute()) {
    return relative.string();
  }
  return (fs::path(escape_glob(base.string())) / relative).lexically_normal().string();
}

bool matches(const std::string& pattern, const std::string& path)
{
  // FNM_PERIOD: as in a shell, "*" does not match a hidden file's leading dot.
  return ::fnmatch(pattern.c_str(), path.c_str(), FNM_PATHNAME | FNM_PERIOD) == 0;
}

// The entries of `folder` whose names match `component`; nothing when it is not a folder.
void list_matching(const fs::path& folder, const std::string& component, std::vector<fs::path>& out)
{
  std::error_code error;
  fs::directory_iterator entries(folder, error);
  if (error) {
    if (fs::is_directory(folder)) {
      throw IoError(folder.string() + ": The folder cannot be listed (" + error.message() + ").");
    }
    return;
  }
  for (const auto& entry : entries) {
    const std::string name = entry.path().filename().string();
    if (::fnmatch(component.c_str(), name.c_str(), FNM_PERIOD) == 0) {
      out.push_back(entry.path());
    }
  }
}

// Every regular file `pattern` names, walking one path component at a time.
std::vector<fs::path> expand(const fs::path& base, const std::string& pattern)
{
  fs::path relative = fs::path(pattern).lexically_normal();
  std::vector<fs::path> current{relative.is_absolute() ? relative.root_path() : base};
  if (relative.is_absolute()) {
    relative = relative.relative_path();
  }
  for (const auto& component : relative) {
    std::vector<fs::path> next;
    const std::string text = component.string();
    for (const auto& folder : current) {
      if (has_wildcard(text)) {
        list_matching(folder, text, next);
      } else {
        next.push_back((folder / component).lexically_normal());
      }
    }
    current = std::move(next);
  }
  std::vector<fs::path> files;
  for (auto& path : current) {
    std::error_code error;
    if (fs::is_regular_file(path, error)) {
      files.push_back(std::move(path));
    }
  }
  std::sort(files.begin(), files.end());
  return files;
}

} // namespace

const AddressBook* book_for_file(const DeviceProfile& profile, const fs::path& input)
{
  const fs::path base = base_folder(profile);
  const std::string path = fs::absolute(input).lexically_normal().string();
  for (const auto& book : profile.address_books) {
    for (const auto& pattern : book.files) {
      if (matches(absolute_pattern(base, pattern), path)) {
        return &book;
      }
    }
  }
  return nullptr;
}

std::string account_label(const AddressBook& book)
{
  if (book.source == BookSource::outlook) {
    return "outlook";
  }
  return book.account ? std::string(to_string(*book.account)) : std::string();
}

std::string account_for_file(const DeviceProfile& profile, const fs::path& input)
{
  const AddressBook* book = book_for_file(profile, input);
  return book != nullptr ? account_label(*book) : std::string();
}

std::vector<BookFile> book_files(const DeviceProfile& profile, DiagnosticSink& sink)
{
  const fs::path base = base_folder(profile);
  std::vector<BookFile> result;
  std::set<fs::path> seen;
  for (const auto& book : profile.address_books) {
    for (const auto& pattern : book.files) {
      const auto files = expand(base, pattern);
      if (files.empty()) {
        sink.report({profile.file,
                     book.line,
                     Severity::warning,
                     "device.book.no-file",
                     "The pattern \"" + pattern + "\" of address book \"" + book.name +
                         "\" matches no file; the book contributes no contacts from it."});
      }
      for (const auto& file : files) {
        // A file two books name belongs to the first, as in book_for_file().
        if (seen.insert(file).second) {
          result.push_back({file, &book, account_label(book)});
        }
      }
    }
  }
  return result;
}

} // namespace contact_audit::exposure
