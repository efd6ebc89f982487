// SPDX-License-Identifier: MIT
// Fuzz target: the CSV reader with every profile, encoding and limit. Three option bytes
// come first: the forced encoding (or detection), a header line put before the rest
// (one per built-in profile, the example mapping's, or none: the rest has its own
// header) and whether the reader's bounds are the defaults or tiny ones. Each contact then
// goes through the classifier with the shipped rules.
#include "fuzz_classify.hpp"
#include "fuzz_reader.hpp"
#include "fuzz_support.hpp"
#include "importers/csv/csv_reader.hpp"

#include <contact_audit/core/diagnostic.hpp>
#include <contact_audit/core/error.hpp>
#include <contact_audit/importers/reader.hpp>

#include <array>
#include <memory>
#include <sstream>

using namespace contact_audit;

namespace {

constexpr std::array<std::string_view, 9> k_encodings = {
    "",
    "",
    "UTF-8",
    "windows-1252",
    "ISO-8859-15",
    "UTF-16LE",
    "UTF-16BE",
    "Shift_JIS",
    "macintosh",
};

struct Header
{
  std::string_view line; // UTF-8, ended by a line break.
  bool mapping = false;  // Read with the example mapping (testdata/csv/mapping-example.toml).
};

constexpr std::array<Header, 10> k_headers = {{
    {"", false}, // The rest of the input carries its own header (or none).
    {"Name,Given Name,Family Name,Organization 1 - Name,E-mail 1 - Type,E-mail 1 - Value,"
     "Phone 1 - Type,Phone 1 - Value,Phone 2 - Type,Phone 2 - Value,Group Membership\r\n"},
    {"First Name,Middle Name,Last Name,Organization Name,Organization Title,Labels,"
     "E-mail 1 - Label,E-mail 1 - Value,Phone 1 - Label,Phone 1 - Value,Phone 2 - Label,"
     "Phone 2 - Value\r\n"},
    {"Title,First Name,Middle Name,Last Name,Suffix,Company,Department,Job Title,Business "
     "Street,Business City,Business Phone,Business Fax,Home Phone,Mobile Phone,Primary Phone,"
     "Categories,E-mail Address,E-mail 2 Address\r\n"},
    {"\"Anrede\",\"Vorname\",\"Nachname\",\"Firma\",\"Abteilung\",\"Position\",\"Straße "
     "geschäftlich\",\"Telefon geschäftlich\",\"Fax geschäftlich\",\"Telefon (privat)\","
     "\"Mobiltelefon\",\"Haupttelefon\",\"Kategorien\",\"E-Mail-Adresse\"\r\n"},
    {"First Name,Last Name,Display Name,Nickname,Primary Email,Secondary Email,Work Phone,"
     "Home Phone,Fax Number,Pager Number,Mobile Number,Organization,Department,Job Title\n"},
    {"Vorname\tNachname\tFirma\tBerufsbezeichnung\tArbeit E-Mail\tArbeit Telefon\tPrivat "
     "Telefon\tMobiltelefon\tArbeit Fax\n"},
    {"Name;Vorname;Nachname;Firma;Telefon;Mobil;Vorwahl;Fax;E-Mail;Kategorie;Kundennummer\n"},
    {"\"org_name\",\"n_given\",\"n_family\",\"tel_work\",\"tel_cell\",\"tel_home\",\"email\","
     "\"tags\"\n"},
    {"Kundenname;Ansprechpartner;Funktion;Tel. Zentrale;Durchwahl;Handy Außendienst;Mail;"
     "Kundengruppe;Interne Notiz\n",
     true},
}};

constexpr std::string_view k_mapping = R"(separator = ";"
header = true
builtin = true
[columns]
"Kundenname" = "organisation"
"Ansprechpartner" = "display_name"
"Funktion" = "title"
"Tel. Zentrale" = { field = "phone", types = ["work", "main"] }
"Durchwahl" = { field = "phone", types = ["work"], preferred = true }
"Handy Außendienst" = { field = "phone", types = ["cell", "work"], label = "Außendienst" }
"Mail" = { field = "email", types = ["work"] }
"Kundengruppe" = "category"
"Interne Notiz" = "ignore"
)";

// Code point at `text[i]` (UTF-8; bad bytes as themselves), advancing `i`.
char32_t next_code_point(std::string_view text, std::size_t& i)
{
  const auto lead = static_cast<unsigned char>(text[i++]);
  if (lead < 0xC0 || lead >= 0xF0 || i >= text.size()) {
    return lead;
  }
  const auto trail = static_cast<unsigned char>(text[i]);
  if (lead < 0xE0) {
    ++i;
    return static_cast<char32_t>(((lead & 0x1F) << 6) | (trail & 0x3F));
  }
  if (i + 1 >= text.size()) {
    return lead;
  }
  const auto third = static_cast<unsigned char>(text[i + 1]);
  i += 2;
  return static_cast<char32_t>(((lead & 0x0F) << 12) | ((trail & 0x3F) << 6) | (third & 0x3F));
}

// The header line in the bytes of `encoding` (headers hold Latin-1 letters only), so it
// matches the forced encoding of the rest.
std::string encode_header(std::string_view line, std::string_view encoding)
{
  if (encoding.empty() || encoding == "UTF-8") {
    return std::string(line);
  }
  std::string bytes;
  for (std::size_t i = 0; i < line.size();) {
    const char32_t code = next_code_point(line, i);
    const auto low = static_cast<char>(code & 0xFF);
    const auto high = static_cast<char>((code >> 8) & 0xFF);
    if (encoding == "UTF-16LE") {
      bytes += low;
      bytes += high;
    } else if (encoding == "UTF-16BE") {
      bytes += high;
      bytes += low;
    } else {
      bytes += low;
    }
  }
  return bytes;
}

const std::filesystem::path& mapping_file()
{
  static const std::filesystem::path path = [] {
    auto file = fuzz::scratch_dir() / "mapping.toml";
    fuzz::write_file(file, k_mapping);
    return file;
  }();
  return path;
}

void read_all(const std::string& bytes,
              const importers::ReadOptions& options,
              const importers::csv::CsvLimits& limits)
{
  auto input = std::make_unique<std::istringstream>(bytes, std::ios::binary);
  std::unique_ptr<importers::ContactReader> reader;
  try {
    reader = importers::csv::make_reader(std::move(input), "fuzz.csv", options, limits);
  } catch (const InputError& error) {
    // The documented refusal: no profile matches the header (or a bad forced encoding).
    fuzz::require(std::string_view(error.what()).size() > 10, "the refusal says why");
    return;
  }
  CollectingSink sink;
  std::size_t returned = 0;
  while (auto contact = reader->next(sink)) {
    ++returned;
    fuzz::require(contact->source.record >= returned, "record numbers count every row");
    fuzz::require(contact->source.account == options.account, "the account label is kept");
    fuzz::classify_with_shipped_rules(*contact);
  }
  fuzz::check_finished_reader(*reader, sink, returned);
  const auto& stats = reader->stats();
  fuzz::require(stats.detected_profile.size() > 0 || returned + stats.contacts_rejected == 0,
                "a file with rows names its profile");
  fuzz::require(!stats.detected_encoding.empty(), "the encoding is named");
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
  fuzz::Input input(data, size);
  const auto encoding = k_encodings[input.take_choice(k_encodings.size())];
  const auto& header = k_headers[input.take_choice(k_headers.size())];
  const bool tiny_limits = (input.take_byte() & 1) != 0;

  importers::ReadOptions options;
  options.account = "fuzz";
  options.encoding = std::string(encoding);
  if (header.mapping) {
    options.csv_mapping = mapping_file();
  }
  importers::csv::CsvLimits limits;
  if (tiny_limits) {
    limits = importers::csv::CsvLimits{256, 8, 128, 4};
  }
  read_all(encode_header(header.line, encoding) + std::string(input.rest()), options, limits);
  return 0;
}
