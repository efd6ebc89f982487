// SPDX-License-Identifier: MIT
// Cryptographic random ids and keys from the kernel (getrandom).
#pragma once

#include <cstddef>
#include <string>

namespace contact_audit::ledger {

// `bytes` random bytes as lowercase hex. Throws IoError if the kernel fails.
std::string random_hex(std::size_t bytes);

// A UUID of version 7 (creation time in milliseconds, then 74 random bits) in its
// 36-character text form.
std::string random_uuid();

} // namespace contact_audit::ledger
