// SPDX-License-Identifier: MIT
// Deterministic synthetic German address books for the benchmarks.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>

namespace contact_audit::bench {

struct SyntheticBookStats
{
  std::size_t contacts = 0;
  std::size_t phones = 0;
  std::size_t photos = 0;
  std::uintmax_t bytes = 0;
};

// Write a vCard 3.0 book of `contacts` contacts to `path`: German names and
// companies, about 1.6 TEL per contact in varied German formats, some foreign
// and some invalid numbers, and a PHOTO blob in one contact of a hundred. The
// same `seed` gives the same file.
SyntheticBookStats write_synthetic_vcard(const std::filesystem::path& path,
                                         std::size_t contacts,
                                         std::uint32_t seed = 20261125);

} // namespace contact_audit::bench
