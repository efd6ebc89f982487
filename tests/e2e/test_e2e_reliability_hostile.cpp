// SPDX-License-Identifier: MIT
// End-to-end: hostile and broken address books and consent forms, generated in a temporary
// folder. Each gives a clear message with file and line, bounded memory and time, and exit
// code 2 where the input as a whole is unusable.
#include "reliability_support.hpp"

#include <doctest/doctest.h>

#include <fstream>

namespace fs = std::filesystem;
using namespace e2e::reliability;
using namespace std::string_literals;

namespace {

// ru_maxrss of a child includes the pages of the forked test process before exec; under ASan
// those (shadow memory, quarantine) dwarf the binary's own use, so the bound is checked only
// without sanitizers.
#if defined(__SANITIZE_ADDRESS__)
constexpr bool k_check_rss = false;
#else
constexpr bool k_check_rss = true;
#endif
constexpr long k_rss_limit_kib = 128 * 1024;

// Runs `arguments`, checks memory and time bounds, and records the outcome for the report.
// `extra_kib` is memory the command may hold on purpose (a consent import keeps its file).
e2e::Run
hostile(const std::string& what, const std::vector<std::string>& arguments, long extra_kib = 0)
{
  const auto run = e2e::run(arguments, {{}, fixed_now(), 0});
  const auto first_line = run.err.substr(0, run.err.find('\n'));
  MESSAGE(what << ": exit " << run.exit_code << ", " << run.peak_rss_kib / 1024 << " MiB peak, "
               << run.seconds << " s; " << first_line.substr(0, 240));
  if (k_check_rss) {
    CHECK(run.peak_rss_kib < k_rss_limit_kib + extra_kib);
  }
  CHECK(run.seconds < 300);
  return run;
}

bool has(const e2e::Run& run, const std::string& text)
{
  return run.err.find(text) != std::string::npos;
}

// A block of about 1 MiB: one card with a folded 530 KB PHOTO, one with a 400 KB NOTE line,
// and 20 small cards, every fifth with a mobile number.
std::string vcard_block(std::size_t block)
{
  const std::string base64(76, 'Q');
  std::string text = "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Photo " + std::to_string(block) +
                     "\r\nPHOTO;ENCODING=b;TYPE=JPEG:" + base64 + "\r\n";
  for (int line = 0; line < 7000; ++line) {
    text += " " + base64 + "\r\n";
  }
  text += "END:VCARD\r\nBEGIN:VCARD\r\nVERSION:3.0\r\nFN:Note " + std::to_string(block) +
          "\r\nNOTE:" + std::string(400000, 'n') + "\r\nEND:VCARD\r\n";
  for (std::size_t card = 0; card < 20; ++card) {
    text += "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Small " + std::to_string(block * 20 + card) + "\r\n";
    if (card % 5 == 0) {
      text += "TEL;TYPE=CELL:" + mobile_number(block * 4 + card / 5) + "\r\n";
    }
    text += "END:VCARD\r\n";
  }
  return text;
}

// Writes `before`, `count` times `filler` and `after` to `path` without holding the whole
// text: the test process is forked for the child, so a big string here would count in the
// child's peak memory.
fs::path write_long(const fs::path& path,
                    const std::string& before,
                    std::size_t count,
                    const std::string& after)
{
  std::ofstream out(path, std::ios::binary);
  out << before;
  const std::string chunk(1024 * 1024, 'x');
  for (std::size_t written = 0; written < count; written += chunk.size()) {
    out.write(chunk.data(), static_cast<std::streamsize>(std::min(chunk.size(), count - written)));
  }
  out << after;
  return path;
}

} // namespace

TEST_SUITE("e2e reliability: hostile input")
{
  TEST_CASE("a vCard file of 1 GB is read with flat memory")
  {
    e2e::TempDir dir;
    const std::uintmax_t target = full_size() ? 1024ULL * 1024 * 1024 : 96ULL * 1024 * 1024;
    const auto path = dir.path() / "huge.vcf";
    std::size_t blocks = 0;
    {
      std::ofstream out(path, std::ios::binary);
      for (std::uintmax_t written = 0; written < target; ++blocks) {
        const auto block = vcard_block(blocks);
        out << block;
        written += block.size();
      }
    }
    const auto run = hostile(std::to_string(fs::file_size(path) >> 20) + " MiB vCard",
                             {"import", path.string()});
    CHECK(run.exit_code == 0);
    CHECK(has(run,
              "Imported " + std::to_string(blocks * 22) +
                  " contacts from 1 file(s); 0 "
                  "rejected, 0 properties dropped. Phone numbers: " +
                  std::to_string(blocks * 4) + " (" + std::to_string(blocks * 4) + " valid"));
  }

  TEST_CASE("a 100 MB line is dropped or refused with its line number")
  {
    e2e::TempDir dir;
    constexpr std::size_t k_long = 100'000'000;
    const auto vcf = write_long(dir.path() / "long.vcf",
                                "BEGIN:VCARD\nVERSION:3.0\nFN:",
                                k_long,
                                "\nTEL:+49 151 20000000\nEND:VCARD\n");
    auto run = hostile("vCard with a 100 MB FN line", {"import", vcf.string()});
    CHECK(run.exit_code == 0);
    CHECK(has(run,
              vcf.string() + ":3: The FN property is longer than 65536 bytes; the property "
                             "was dropped."));
    const auto csv =
        write_long(dir.path() / "long.csv", "Name,Phone\n", k_long, ",+49 151 20000000\n");
    run = hostile("CSV with a 100 MB row", {"import", csv.string()});
    CHECK(run.exit_code == 2);
    CHECK(has(run, csv.string() + ":2: The row is longer than 1 MiB; it was skipped."));
    const auto header =
        write_long(dir.path() / "header.csv", "Name,", k_long, "\nAnna,+49 151 20000000\n");
    run = hostile("CSV whose first line is 100 MB", {"import", header.string()});
    CHECK(run.exit_code == 2);
    CHECK(has(run,
              header.string() + ":1: The first row is longer than 1 MiB, so it is neither "
                                "a header nor a contact; nothing was imported."));
    const auto forms = write_long(dir.path() / "forms.csv",
                                  "Name;Telefon;Entscheidung;Datum;Formular-ID;Textversion\n",
                                  k_long,
                                  ";0151 20000001;erteilt;05.03.2024;F-1;1\n");
    const Ledger ledger(dir.path() / "ledger.sqlite");
    run = hostile("consent form with a 100 MB row",
                  ledger.arguments({"import", forms.string(), "--by", "hr"}),
                  static_cast<long>(k_long / 1024));
    CHECK(run.exit_code == 2);
    CHECK(has(run, forms.string() + ":2: The row is longer than 64 KiB"));
  }

  TEST_CASE("a contact with 100,000 TEL lines keeps the first 9,999 and says so")
  {
    e2e::TempDir dir;
    std::string text = "BEGIN:VCARD\nVERSION:3.0\nFN:Many Phones\n";
    for (std::size_t i = 0; i < 100000; ++i) {
      text += "TEL;TYPE=CELL:" + mobile_number(i) + "\n";
    }
    const auto vcf = dir.write("tel.vcf", text + "END:VCARD\n");
    const auto run = hostile("100,000 TEL lines", {"import", vcf.string()});
    CHECK(run.exit_code == 0);
    CHECK(has(run,
              vcf.string() + ":10003: The vCard has more properties or bytes than a card "
                             "may hold; this TEL property and all further ones of the card "
                             "were dropped."));
    CHECK(has(run, "90001 properties dropped. Phone numbers: 9999 (9999 valid"));
  }

  TEST_CASE("10,000 nested AGENT cards are skipped with a warning and no recursion")
  {
    e2e::TempDir dir;
    std::string text;
    for (int i = 0; i < 10000; ++i) {
      text += "BEGIN:VCARD\nVERSION:2.1\nFN:Agent " + std::to_string(i) + "\nAGENT:\n";
    }
    for (int i = 0; i < 10000; ++i) {
      text += "END:VCARD\n";
    }
    const auto vcf = dir.write("agents.vcf", text + "BEGIN:VCARD\nFN:After\nEND:VCARD\n");
    const auto run = hostile("10,000 nested AGENT cards", {"import", vcf.string()});
    CHECK(run.exit_code == 0);
    CHECK(has(run, vcf.string() + ":37: AGENT vCards are nested more than 8 levels deep here"));
    CHECK(has(run, "Imported 2 contacts"));
    CHECK(run.out.find("Agent 0") != std::string::npos);
    CHECK(run.out.find("After") != std::string::npos);
  }

  TEST_CASE("invalid UTF-8 and NUL bytes everywhere are reported per line and repaired")
  {
    e2e::TempDir dir;
    const auto vcf = dir.write("bad.vcf",
                               "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:\xff\xfe\xc3\x28 B\0ad\r\n"
                               "TEL:+49 151 \0 2000\xff"
                               "0000\r\nORG:\x80\x81\r\nEND:VCARD\r\n"s);
    auto run = hostile("vCard with invalid UTF-8 and NUL bytes", {"import", vcf.string()});
    CHECK(run.exit_code == 0);
    CHECK(has(run,
              vcf.string() + ":3: The FN value has no CHARSET parameter and is not valid "
                             "UTF-8; it and all such values in this file were read as "
                             "windows-1252."));
    CHECK(has(run, vcf.string() + ":4: The TEL value contains NUL bytes; they were removed"));
    const auto csv = dir.write("nul.csv",
                               "Name,Phone\r\nAn\0na,+49 151 \x00"
                               "20000000\r\nB\xffo,+49 151 20000001\r\n"s);
    run = hostile("CSV with NUL bytes and invalid UTF-8", {"import", csv.string()});
    CHECK(run.exit_code == 0);
    CHECK(has(run,
              csv.string() + ":2: The file contains 2 NUL bytes, the first on this line; "
                             "they were removed."));
    const auto forms = dir.write("forms.csv",
                                 "Name;Telefon;Entscheidung;Datum;Formular-ID;Textversion\n"
                                 "An\0na;0151 20000001;erteilt;05.03.2024;F-1;1\n"s);
    const Ledger ledger(dir.path() / "ledger.sqlite");
    run = hostile("consent form with a NUL byte",
                  ledger.arguments({"import", forms.string(), "--by", "hr"}));
    CHECK(run.exit_code == 2);
    CHECK(has(run, forms.string() + ":2: The row contains NUL bytes"));
    CHECK(ledger.verified_events() == 0);
  }

  TEST_CASE("a CSV file with 100,000 columns keeps the first 16,384 and says so")
  {
    e2e::TempDir dir;
    std::string header = "Name,Phone";
    std::string row = "Anna,+49 151 20000000";
    for (int i = 0; i < 100000; ++i) {
      header += ",C" + std::to_string(i);
      row += ",x";
    }
    const auto csv = dir.write("wide.csv", header + "\n" + row + "\n");
    auto run = hostile("CSV with 100,000 columns", {"import", csv.string()});
    CHECK(run.exit_code == 0);
    CHECK(has(run,
              csv.string() + ":1: The header row has more than 16384 cells; the 83618 "
                             "non-empty cells after that were dropped."));
    CHECK(has(run, "Imported 1 contacts"));
    std::string form_header = "Name;Telefon;Entscheidung;Datum;Formular-ID;Textversion";
    for (int i = 0; i < 100000; ++i) {
      form_header += ";C" + std::to_string(i);
    }
    const auto forms = dir.write("forms.csv", form_header + "\n");
    const Ledger ledger(dir.path() / "ledger.sqlite");
    run = hostile("consent form with 100,000 columns",
                  ledger.arguments({"import", forms.string(), "--by", "hr"}));
    CHECK(run.exit_code == 2);
    CHECK(has(run, forms.string() + ":1: The header line is longer than 64 KiB"));
  }

  TEST_CASE("windows-1252 text claiming to be UTF-8 is read as windows-1252 with a warning")
  {
    e2e::TempDir dir;
    const auto vcf = dir.write("legacy.vcf",
                               "BEGIN:VCARD\r\nVERSION:2.1\r\nN;CHARSET=UTF-8:"
                               "M\xfcller;J\xfcrgen\r\nFN;CHARSET=UTF-8:J\xfcrgen "
                               "M\xfcller\r\nTEL:+49 151 20000000\r\nEND:VCARD\r\n");
    const auto run =
        hostile("windows-1252 claiming UTF-8", {"import", vcf.string(), "--format", "json"});
    CHECK(run.exit_code == 0);
    CHECK(has(run,
              vcf.string() + ":4: The FN value is not valid UTF-8 although its CHARSET says "
                             "so; it was read as windows-1252."));
    CHECK(run.out.find("\"display_name\":\"Jürgen Müller\"") != std::string::npos);
  }

  TEST_CASE("evidence names leading out of the form's folder are refused per row")
  {
    e2e::TempDir dir;
    const auto forms_dir = dir.path() / "forms";
    fs::create_directories(forms_dir / "scans");
    const auto outside = dir.write("secret.txt", "not evidence");
    std::ofstream(forms_dir / "scans" / "ok.txt") << "signed";
    fs::create_symlink(outside, forms_dir / "scans" / "link.txt");
    fs::create_directory_symlink(dir.path(), forms_dir / "up");
    std::string text = "Name;Telefon;Entscheidung;Datum;Formular-ID;Textversion;Nachweis\n";
    const std::vector<std::string> evidence{"../secret.txt",
                                            outside.string(),
                                            "scans/../../secret.txt",
                                            "scans/link.txt",
                                            "up/secret.txt",
                                            "scans/ok.txt"};
    for (std::size_t i = 0; i < evidence.size(); ++i) {
      text += "P" + std::to_string(i) + ";" + mobile_number(i) + ";erteilt;05.03.2024;F-" +
              std::to_string(i) + ";1;" + evidence[i] + "\n";
    }
    std::ofstream(forms_dir / "forms.csv") << text;
    const auto csv = (forms_dir / "forms.csv").string();
    const Ledger ledger(dir.path() / "ledger.sqlite");
    const auto run = hostile("path traversal and symlinks in evidence names",
                             ledger.arguments({"import", csv, "--by", "hr"}));
    CHECK(run.exit_code == 2);
    for (int line = 2; line <= 6; ++line) {
      CAPTURE(line);
      CHECK(has(run, csv + ":" + std::to_string(line) + ": The evidence "));
    }
    CHECK(!has(run, csv + ":7:"));
    CHECK(has(run, "5 of 6 rows are invalid; nothing was imported."));
    CHECK(ledger.verified_events() == 0);
  }
}
