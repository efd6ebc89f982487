// SPDX-License-Identifier: MIT
// Synthetic vCard generator: streaming, so generating 1M contacts takes no memory.
#include "synthetic_book.hpp"

#include <array>
#include <fstream>
#include <random>
#include <string>
#include <string_view>

namespace contact_audit::bench {
namespace {

constexpr std::array<std::string_view, 24> k_given{
    "Anna",   "Jürgen", "Sabine", "Thomas",  "Lena",  "Klaus",   "Ayşe",   "Peter",
    "Julia",  "Stefan", "Monika", "Michael", "Petra", "Andreas", "Katrin", "Frank",
    "Ursula", "Jörg",   "Birgit", "Mehmet",  "Sören", "Heike",   "Marie",  "Lukas"};
constexpr std::array<std::string_view, 24> k_family{
    "Müller",   "Schmidt",  "Schneider", "Fischer",    "Weber", "Meyer",   "Wagner",  "Becker",
    "Schulz",   "Hoffmann", "Schäfer",   "Koch",       "Bauer", "Richter", "Klein",   "Wolf",
    "Schröder", "Neumann",  "Schwarz",   "Zimmermann", "Braun", "Krüger",  "Hofmann", "Yılmaz"};
constexpr std::array<std::string_view, 12> k_companies{"Stadtwerke Nordheim GmbH",
                                                       "Acme Maschinenbau AG",
                                                       "Nordlicht Logistik GmbH",
                                                       "Hoffmann Sanitär",
                                                       "Contoso Software GmbH",
                                                       "Bäckerei Groß",
                                                       "Elektro Weiß KG",
                                                       "Müller & Söhne OHG",
                                                       "Kanzlei Richter",
                                                       "Praxis Dr. Klein",
                                                       "Autohaus Süd GmbH",
                                                       "Fournitures Dubois SARL"};
constexpr std::array<std::string_view, 6> k_mobile_prefixes{
    "151", "160", "170", "171", "176", "157"};
constexpr std::array<std::string_view, 8> k_area_codes{
    "30", "40", "89", "69", "221", "711", "6221", "351"};
constexpr std::array<std::string_view, 6> k_types{
    "CELL", "WORK", "HOME", "WORK,VOICE", "CELL,VOICE", "HOME,VOICE"};

class Generator
{
public:
  explicit Generator(std::uint32_t seed) : m_random(seed) {}

  std::size_t pick(std::size_t size) { return m_random() % size; }
  bool chance(unsigned percent) { return m_random() % 100 < percent; }
  std::string digits(std::size_t count)
  {
    std::string text;
    for (std::size_t i = 0; i < count; ++i) {
      text += static_cast<char>('0' + m_random() % 10);
    }
    return text;
  }

  // German numbers in the ways people write them, plus foreign and broken ones.
  std::string number()
  {
    const auto mobile = std::string(k_mobile_prefixes[pick(k_mobile_prefixes.size())]);
    const auto area = std::string(k_area_codes[pick(k_area_codes.size())]);
    switch (m_random() % 14) {
    case 0:
      return "0" + mobile + " " + digits(8);
    case 1:
      return "+49 " + mobile + " " + digits(8);
    case 2:
      return "0" + mobile + "-" + digits(4) + " " + digits(3);
    case 3:
      return "(0" + area + ") " + digits(7 - area.size() / 2);
    case 4:
      return "0" + area + "/" + digits(3) + " " + digits(2) + " " + digits(2);
    case 5:
      return "+49 (0)" + area + " " + digits(6);
    case 6:
      return "0049 " + area + " " + digits(6);
    case 7:
      return "0" + area + " " + digits(5) + "-" + digits(2);
    case 8:
      return "+49" + mobile + digits(7);
    case 9:
      return "+43 664 " + digits(7);
    case 10:
      return "+33 1 " + digits(2) + " " + digits(2) + " " + digits(2) + " " + digits(2);
    case 11:
      return chance(50) ? digits(5) : "0" + mobile + " " + digits(3);
    case 12:
      return "0" + area + " " + digits(6) + " x" + digits(2);
    default:
      return "0" + mobile + digits(8);
    }
  }

private:
  std::mt19937 m_random;
};

void write_photo(std::ofstream& out, Generator& generator)
{
  out << "PHOTO;ENCODING=b;TYPE=JPEG:/9j/4AAQSkZJRgABAQAAAQABAAD";
  for (int line = 0; line < 110; ++line) {
    out << "\r\n " << generator.digits(74);
  }
  out << "\r\n";
}

} // namespace

SyntheticBookStats
write_synthetic_vcard(const std::filesystem::path& path, std::size_t contacts, std::uint32_t seed)
{
  Generator generator(seed);
  std::ofstream out(path, std::ios::binary);
  SyntheticBookStats stats;
  for (std::size_t i = 0; i < contacts; ++i) {
    const auto given = k_given[generator.pick(k_given.size())];
    const auto family = k_family[generator.pick(k_family.size())];
    out << "BEGIN:VCARD\r\nVERSION:3.0\r\nN:" << family << ';' << given << ";;;\r\nFN:" << given
        << ' ' << family << "\r\n";
    if (generator.chance(45)) {
      out << "ORG:" << k_companies[generator.pick(k_companies.size())] << "\r\n";
      out << "EMAIL;TYPE=INTERNET,WORK:" << given.substr(0, 1) << ".nachname" << i
          << "@firma.example\r\n";
    } else if (generator.chance(50)) {
      out << "EMAIL;TYPE=INTERNET,HOME:person" << i << "@gmx.de\r\n";
    }
    const int phones = generator.chance(60) ? 2 : 1;
    for (int p = 0; p < phones; ++p) {
      out << "TEL;TYPE=" << k_types[generator.pick(k_types.size())] << ':' << generator.number()
          << "\r\n";
    }
    stats.phones += static_cast<std::size_t>(phones);
    if (generator.chance(1)) {
      write_photo(out, generator);
      ++stats.photos;
    }
    out << "END:VCARD\r\n";
  }
  out.flush();
  stats.contacts = contacts;
  stats.bytes = std::filesystem::file_size(path);
  return stats;
}

} // namespace contact_audit::bench
