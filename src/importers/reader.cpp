// SPDX-License-Identifier: MIT
// Format detection and opening the right reader for a file.
#include "charset.hpp"

#include <contact_audit/core/error.hpp>
#include <contact_audit/core/text.hpp>
#include <contact_audit/importers/reader.hpp>

#include <fstream>

namespace contact_audit::importers {
namespace {

constexpr std::size_t k_sniff_bytes = 64 * 1024;

std::string read_head(const std::filesystem::path& file)
{
  std::error_code error;
  if (std::filesystem::is_directory(file, error)) {
    throw InputError(file.string() + ": This is a directory, not an address book file.");
  }
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    throw InputError(file.string() +
                     ": The file cannot be opened; check that it exists and is readable.");
  }
  std::string head(k_sniff_bytes, '\0');
  in.read(head.data(), static_cast<std::streamsize>(head.size()));
  head.resize(static_cast<std::size_t>(in.gcount()));
  return head;
}

// The first bytes as UTF-8 (so "BEGIN:VCARD" in UTF-16 is found too).
std::string head_as_text(std::string_view head)
{
  const auto encoding = detect_encoding(head);
  if (!encoding.is_unicode || encoding.name == "UTF-8") {
    return std::string(head.substr(encoding.bom_length));
  }
  // Cut to an even length so a UTF-16 code unit is never split.
  auto body = head.substr(encoding.bom_length);
  body = body.substr(0, body.size() & ~std::size_t{3});
  auto text = to_utf8(body, encoding.name);
  return text ? *text : std::string();
}

bool contains_begin_vcard(std::string_view text)
{
  const auto lower = to_lower_ascii(text);
  return lower.find("begin:vcard") != std::string::npos;
}

} // namespace

Format detect_format(const std::filesystem::path& file)
{
  const auto head = read_head(file);
  const auto text = head_as_text(head);
  if (contains_begin_vcard(text)) {
    return Format::vcard;
  }
  const auto extension = to_lower_ascii(file.extension().string());
  if (extension == ".vcf" || extension == ".vcard") {
    return Format::vcard;
  }
  if (extension == ".csv" || extension == ".tsv" || extension == ".txt" || extension == ".tab") {
    return Format::csv;
  }
  if (head.empty()) {
    throw InputError(file.string() + ": The file is empty; it is neither a vCard nor a CSV file.");
  }
  throw InputError(file.string() +
                   ": The format is not recognised: there is no BEGIN:VCARD line in the first "
                   "64 KiB and the extension is not .vcf, .csv, .tsv or .txt.");
}

std::unique_ptr<ContactReader> open_reader(const std::filesystem::path& file,
                                           const ReadOptions& options)
{
  const Format format = detect_format(file);
  auto input = std::make_unique<std::ifstream>(file, std::ios::binary);
  if (!*input) {
    throw InputError(file.string() + ": The file cannot be opened.");
  }
  if (format == Format::vcard) {
    return make_vcard_reader(std::move(input), file, options);
  }
  return make_csv_reader(std::move(input), file, options);
}

} // namespace contact_audit::importers
