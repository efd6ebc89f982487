// SPDX-License-Identifier: MIT
// Mapping input files to the address books (and account labels) a device profile declares.
#pragma once

#include <contact_audit/core/diagnostic.hpp>
#include <contact_audit/exposure/device_profile.hpp>

#include <filesystem>
#include <string>
#include <vector>

namespace contact_audit::exposure {

// The first address book of `profile` with a `files` pattern matching `input`, or
// nullptr. Patterns are taken relative to the profile's folder, `input` relative to the
// working directory; both are made absolute and normalised lexically (symbolic links
// are not resolved). The pointer is valid as long as `profile` is unchanged.
const AddressBook* book_for_file(const DeviceProfile& profile, const std::filesystem::path& input);

// The account label to read `input` with (importers::ReadOptions::account), so that
// expose() places its contacts: the matching book's account ("managed", "unmanaged",
// "personal", "work"), "outlook" for a book with source = "outlook", and "" when no book
// matches or the device has no accounts.
std::string account_for_file(const DeviceProfile& profile, const std::filesystem::path& input);

// The label account_for_file() gives the files of `book`.
std::string account_label(const AddressBook& book);

// One input file named by a profile.
struct BookFile
{
  std::filesystem::path path;        // Absolute, normalised.
  const AddressBook* book = nullptr; // Into the profile passed in.
  std::string account;               // account_label(*book).
};

// The files the profile's books name, book by book, each book's files sorted by path.
// A pattern matching no file is reported to `sink` as a warning
// ("device.book.no-file", profile path and book line) and contributes nothing.
// Throws IoError when a folder cannot be listed.
std::vector<BookFile> book_files(const DeviceProfile& profile, DiagnosticSink& sink);

} // namespace contact_audit::exposure
