// SPDX-License-Identifier: MIT
// write_private_file: complete files with mode 0600, and nothing left behind when writing fails.
#include "batch/output_dir.hpp"
#include "test_report_support.hpp"

#include <contact_audit/core/error.hpp>

#include <doctest/doctest.h>

#include <fstream>
#include <stdexcept>
#include <sys/stat.h>

namespace contact_audit::batch {
namespace {

namespace fs = std::filesystem;

unsigned mode_of(const fs::path& path)
{
  struct stat info
  {
  };
  REQUIRE(::stat(path.c_str(), &info) == 0);
  return info.st_mode & 0777U;
}

std::string read(const fs::path& path)
{
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), {}};
}

TEST_CASE("a streamed report is written whole with mode 0600")
{
  test::TempDir dir;
  const auto path = dir.path() / "dev01.json";
  write_private_file(path, [](std::ostream& out) { out << "{\"schema\": 1}\n"; });
  CHECK(read(path) == "{\"schema\": 1}\n");
  CHECK(mode_of(path) == 0600U);
  write_private_file(dir.path() / "text.html", std::string_view("<p>x</p>"));
  CHECK(read(dir.path() / "text.html") == "<p>x</p>");
  CHECK(mode_of(dir.path() / "text.html") == 0600U);
}

TEST_CASE("a report whose writing fails leaves no half-written file behind")
{
  test::TempDir dir;
  const auto path = dir.path() / "dev02.json";
  CHECK_THROWS_AS(write_private_file(path,
                                     [](std::ostream& out) {
                                       out << "{\"findings\": [";
                                       throw std::runtime_error("the audit result is broken");
                                     }),
                  std::runtime_error);
  CHECK(!fs::exists(path));
  CHECK_THROWS_AS(write_private_file(dir.path() / "missing" / "dev03.json", [](std::ostream&) {}),
                  IoError);
}

} // namespace
} // namespace contact_audit::batch
