// SPDX-License-Identifier: MIT
// CardTextReader: the original text of each card, with the vCard reader's card boundaries.
#include "vcard_test_support.hpp"

#include <contact_audit/importers/card_text.hpp>

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <random>

namespace {

using contact_audit::importers::CardText;
using contact_audit::importers::CardTextReader;

// Writes `bytes` to a fresh file and reads its cards; the file is removed afterwards.
class CardFile
{
public:
  explicit CardFile(const std::string& bytes)
  {
    std::random_device random;
    m_path =
        std::filesystem::temp_directory_path() / ("card-text-" + std::to_string(random()) + ".vcf");
    std::ofstream(m_path, std::ios::binary) << bytes;
  }
  ~CardFile() { std::filesystem::remove(m_path); }
  CardFile(const CardFile&) = delete;
  CardFile& operator=(const CardFile&) = delete;

  std::vector<CardText> cards(std::size_t* stray = nullptr) const
  {
    CardTextReader reader(m_path, {});
    std::vector<CardText> result;
    while (auto card = reader.next()) {
      result.push_back(std::move(*card));
    }
    if (stray != nullptr) {
      *stray = reader.stray_lines();
    }
    return result;
  }

private:
  std::filesystem::path m_path;
};

} // namespace

TEST_SUITE("importers::CardTextReader")
{
  TEST_CASE("each card is returned as written with CRLF line ends and its BEGIN line")
  {
    const std::string text = "BEGIN:VCARD\nVERSION:3.0\nFN:Anna\nTEL:0151 1234567\nEND:VCARD\n"
                             "\n"
                             "BEGIN:VCARD\nVERSION:3.0\nFN:Ben\nNOTE:a long\n  note\nEND:VCARD\n";
    const auto cards = CardFile(text).cards();
    REQUIRE(cards.size() == 2);
    CHECK(cards[0].line == 1);
    CHECK(cards[0].text ==
          "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Anna\r\nTEL:0151 1234567\r\nEND:VCARD\r\n");
    CHECK(cards[1].line == 7);
    CHECK(cards[1].text ==
          "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ben\r\nNOTE:a long\r\n  note\r\nEND:VCARD\r\n");
    CHECK_FALSE(cards[1].end_added);
  }

  TEST_CASE("the card lines match the lines the vCard reader gives its contacts")
  {
    const std::string text = "junk\nBEGIN:VCARD\nFN:Anna\nBEGIN:VCARD\nFN:Ben\nEND:VCARD\n"
                             "BEGIN:VCARD\nFN:Cleo\n";
    std::size_t stray = 0;
    const auto cards = CardFile(text).cards(&stray);
    const auto read = contact_audit::test::read_vcard(text);
    REQUIRE(cards.size() == 3);
    REQUIRE(read.contacts.size() == 3);
    for (std::size_t i = 0; i < cards.size(); ++i) {
      CHECK(cards[i].line == read.contacts[i].source.line);
    }
    CHECK(cards[0].end_added);
    CHECK(cards[0].text == "BEGIN:VCARD\r\nFN:Anna\r\nEND:VCARD\r\n");
    CHECK_FALSE(cards[1].end_added);
    CHECK(cards[2].end_added);
    CHECK(stray == 1);
  }

  TEST_CASE("a vCard 2.1 AGENT card stays inside the card that holds it")
  {
    const std::string text = "BEGIN:VCARD\nVERSION:2.1\nFN:Boss\nAGENT:\nBEGIN:VCARD\n"
                             "VERSION:2.1\nFN:Assistant\nEND:VCARD\nTEL:0301234567\nEND:VCARD\n";
    const auto cards = CardFile(text).cards();
    REQUIRE(cards.size() == 1);
    CHECK(cards[0].text.find("FN:Assistant\r\nEND:VCARD\r\nTEL:0301234567\r\nEND:VCARD\r\n") !=
          std::string::npos);
    CHECK_FALSE(cards[0].end_added);
  }

  TEST_CASE("values in a legacy charset become UTF-8 and quoted-printable values stay as written")
  {
    const std::string text = "BEGIN:VCARD\r\nVERSION:2.1\r\nN:M\xfcller;J\xf6rg\r\n"
                             "ORG;CHARSET=ISO-8859-1:B\xe4"
                             "ckerei\r\n"
                             "NOTE;ENCODING=QUOTED-PRINTABLE:Gr=FC=\r\n=DFe\r\nEND:VCARD\r\n";
    const auto cards = CardFile(text).cards();
    REQUIRE(cards.size() == 1);
    CHECK(cards[0].text == "BEGIN:VCARD\r\nVERSION:2.1\r\nN:Müller;Jörg\r\n"
                           "ORG;CHARSET=ISO-8859-1:Bäckerei\r\n"
                           "NOTE;ENCODING=QUOTED-PRINTABLE:Gr=FC=\r\n=DFe\r\nEND:VCARD\r\n");
  }

  TEST_CASE("an empty line that ends a quoted-printable soft break is kept")
  {
    const std::string text = "BEGIN:VCARD\nVERSION:2.1\nN;ENCODING=QUOTED-PRINTABLE:M=FCller=\n"
                             "\nTEL;CELL:0151 1234567\nEND:VCARD\n";
    const auto cards = CardFile(text).cards();
    REQUIRE(cards.size() == 1);
    CHECK(cards[0].text.find("M=FCller=\r\n\r\nTEL;CELL:0151 1234567\r\n") != std::string::npos);
  }
}
