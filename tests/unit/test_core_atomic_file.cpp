// SPDX-License-Identifier: MIT
#include <contact_audit/core/atomic_file.hpp>
#include <contact_audit/core/csv_writer.hpp>
#include <contact_audit/core/diagnostic.hpp>
#include <contact_audit/core/error.hpp>
#include <contact_audit/core/hash.hpp>

#include <doctest/doctest.h>

#include <fstream>
#include <sstream>
#include <sys/stat.h>
#include <unistd.h>

namespace fs = std::filesystem;
using namespace contact_audit;

namespace {
fs::path scratch_dir()
{
  auto dir = fs::temp_directory_path() / ("ca-core-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  return dir;
}
std::string read_all(const fs::path& path)
{
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), {}};
}
} // namespace

TEST_SUITE("core::AtomicFile")
{
  TEST_CASE("a committed file has the content and owner-only permissions")
  {
    const auto path = scratch_dir() / "report.txt";
    fs::remove(path);
    write_file_atomically(path, "hello");
    CHECK(read_all(path) == "hello");
    struct stat info
    {
    };
    REQUIRE(::stat(path.c_str(), &info) == 0);
    CHECK((info.st_mode & 0777) == 0600);
  }

  TEST_CASE("an uncommitted file leaves the previous content and no temporary file")
  {
    const auto dir = scratch_dir() / "uncommitted";
    fs::remove_all(dir);
    fs::create_directories(dir);
    const auto path = dir / "report.txt";
    write_file_atomically(path, "old");
    {
      AtomicFile file(path);
      file.write("new and half");
    }
    CHECK(read_all(path) == "old");
    CHECK(std::distance(fs::directory_iterator(dir), fs::directory_iterator()) == 1);
  }

  TEST_CASE("a file in a missing directory fails with an IoError naming the path")
  {
    CHECK_THROWS_AS(write_file_atomically("/nonexistent-dir/x/report.txt", "x"), IoError);
  }
}

TEST_SUITE("core::csv_writer")
{
  TEST_CASE("cells that a spreadsheet would evaluate are neutralised")
  {
    CHECK(csv_cell("=HYPERLINK(\"x\")") == "\"'=HYPERLINK(\"\"x\"\")\"");
    CHECK(csv_cell("+49 30 1234") == "\"'+49 30 1234\"");
    CHECK(csv_cell("-1") == "\"'-1\"");
    CHECK(csv_cell("@SUM(A1)") == "\"'@SUM(A1)\"");
    CHECK(csv_cell("Müller") == "Müller");
    CHECK(csv_cell("a,b") == "\"a,b\"");
  }

  TEST_CASE("a row ends with CRLF and quotes embedded newlines")
  {
    std::ostringstream out;
    write_csv_row(out, {"a", "b\nc", ""});
    CHECK(out.str() == "a,\"b\nc\",\r\n");
  }
}

TEST_SUITE("core::hash")
{
  TEST_CASE("SHA-256 of a known string")
  {
    CHECK(sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  }
}

TEST_SUITE("core::Diagnostic")
{
  TEST_CASE("a diagnostic is formatted as file:line: message")
  {
    CHECK(format(Diagnostic{"a.vcf", 57, Severity::warning, "x", "Bad."}) == "a.vcf:57: Bad.");
    CHECK(format(Diagnostic{"a.vcf", 0, Severity::error, "x", "Empty."}) == "a.vcf: Empty.");
  }

  TEST_CASE("the collecting sink counts per severity")
  {
    CollectingSink sink;
    sink.report({"f", 1, Severity::warning, "a", "A."});
    sink.report({"f", 2, Severity::error, "b", "B."});
    sink.report({"f", 3, Severity::warning, "c", "C."});
    CHECK(sink.count(Severity::warning) == 2);
    CHECK(sink.count(Severity::error) == 1);
    CHECK(sink.diagnostics().size() == 3);
  }
}
