// SPDX-License-Identifier: MIT
// Unit tests of book_for_file(), account_for_file() and book_files().
#include "test_exposure_support.hpp"

#include <contact_audit/exposure/book_files.hpp>

#include <doctest/doctest.h>

using namespace contact_audit;
using namespace contact_audit::exposure;
using namespace exposure_test;

namespace {

// Restores the working directory when the test ends.
class WorkingDirectory
{
public:
  explicit WorkingDirectory(const fs::path& path) : m_saved(fs::current_path())
  {
    fs::current_path(path);
  }
  ~WorkingDirectory() { fs::current_path(m_saved); }
  WorkingDirectory(const WorkingDirectory&) = delete;
  WorkingDirectory& operator=(const WorkingDirectory&) = delete;

private:
  fs::path m_saved;
};

} // namespace

TEST_SUITE("exposure::book_files")
{
  TEST_CASE("an input file gets the account of the book that names it")
  {
    const auto profile = load_device_profile(k_devices / "ios-unmanaged-default.toml");
    const auto exports = k_devices / "exports";
    CHECK(account_for_file(profile, exports / "company.vcf") == "managed");
    CHECK(account_for_file(profile, exports / "private.vcf") == "unmanaged");
    CHECK(account_for_file(profile, exports / ".." / "exports" / "company.vcf") == "managed");
    CHECK(account_for_file(profile, exports / "outlook.vcf") == "");
    const AddressBook* book = book_for_file(profile, exports / "company.vcf");
    REQUIRE(book != nullptr);
    CHECK(book->name == "Exchange (company)");
    CHECK(book_for_file(profile, exports / "outlook.vcf") == nullptr);
  }

  TEST_CASE("a relative input path is taken from the working directory")
  {
    const auto profile = load_device_profile(k_devices / "android-work-profile-work-whatsapp.toml");
    const WorkingDirectory in_exports(k_devices / "exports");
    CHECK(account_for_file(profile, "company.vcf") == "work");
    CHECK(account_for_file(profile, "./private.vcf") == "personal");
  }

  TEST_CASE("Outlook books are labelled outlook and books on unmanaged devices have no label")
  {
    const auto outlook = load_device_profile(k_devices / "ios-outlook.toml");
    CHECK(account_for_file(outlook, k_devices / "exports" / "outlook.vcf") == "outlook");
    const auto unmanaged = load_device_profile(k_devices / "unmanaged.toml");
    REQUIRE(book_for_file(unmanaged, k_devices / "exports" / "private.vcf") != nullptr);
    CHECK(account_for_file(unmanaged, k_devices / "exports" / "private.vcf") == "");
  }

  TEST_CASE("patterns match within one folder but not hidden files and the first book wins")
  {
    const auto folder = temp_folder("globs [1]"); // Glob characters in the folder are literal.
    write_file(folder / "books" / "exchange-a.vcf", "");
    write_file(folder / "books" / "exchange-b.csv", "");
    write_file(folder / "books" / ".exchange-hidden.vcf", "");
    write_file(folder / "books" / "sub" / "exchange-c.vcf", "");
    write_file(folder / "books" / "icloud.vcf", "");
    write_file(folder / "profile.toml", R"([device]
id = "iphone"
platform = "ios"
[messenger]
id = "whatsapp"
location = "unmanaged"
[[address_book]]
name = "Exchange"
account = "managed"
files = ["books/exchange-*", "books/*/exchange-?.vcf"]
[[address_book]]
name = "iCloud"
account = "unmanaged"
files = ["books/*.vcf", "missing/*.vcf"]
)");
    const auto profile = load_device_profile(folder / "profile.toml");
    const auto books = folder / "books";
    CHECK(account_for_file(profile, books / "exchange-a.vcf") == "managed");
    CHECK(account_for_file(profile, books / "sub" / "exchange-c.vcf") == "managed");
    CHECK(account_for_file(profile, books / "icloud.vcf") == "unmanaged");
    CHECK(account_for_file(profile, books / ".exchange-hidden.vcf") == "");
    CHECK(account_for_file(profile, books / "sub" / "icloud.vcf") == "");

    CollectingSink sink;
    const auto files = book_files(profile, sink);
    REQUIRE(files.size() == 4);
    CHECK(files[0].path == books / "exchange-a.vcf");
    CHECK(files[0].account == "managed");
    CHECK(files[1].path == books / "exchange-b.csv");
    CHECK(files[2].path == books / "sub" / "exchange-c.vcf");
    CHECK(files[2].book == &profile.address_books[0]);
    CHECK(files[3].path == books / "icloud.vcf"); // exchange-a.vcf stays with the first book.
    CHECK(files[3].account == "unmanaged");
    REQUIRE(sink.diagnostics().size() == 1);
    CHECK(sink.diagnostics()[0].code == "device.book.no-file");
    CHECK(format(sink.diagnostics()[0]) ==
          (folder / "profile.toml").string() +
              ":11: The pattern \"missing/*.vcf\" of address book \"iCloud\" matches no file; the "
              "book contributes no contacts from it.");
  }

  TEST_CASE("the example profiles name existing exports")
  {
    for (const auto* name : {"ios-unmanaged-default.toml", "unmanaged.toml", "ios-outlook.toml"}) {
      CAPTURE(name);
      CollectingSink sink;
      const auto profile = load_device_profile(k_devices / name);
      CHECK_FALSE(book_files(profile, sink).empty());
      CHECK(sink.diagnostics().empty());
    }
    CollectingSink sink;
    CHECK(book_files(load_device_profile(k_devices / "unmanaged.toml"), sink).size() == 3);
  }
}
