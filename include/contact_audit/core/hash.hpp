// SPDX-License-Identifier: MIT
// SHA-256 helpers (OpenSSL underneath) returning lowercase hex.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

namespace contact_audit {

// Safe to call from several threads at once (each uses its own digest context).
std::string sha256_hex(std::string_view data);

// SHA-256 of a file's bytes, read in blocks. Throws IoError if it cannot be read.
std::string sha256_file_hex(const std::filesystem::path& path);

} // namespace contact_audit
