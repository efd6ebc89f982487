// SPDX-License-Identifier: MIT
// Random ids and keys: getrandom(2), buffered so an import of a million rows makes few calls.
#include "random.hpp"

#include <contact_audit/core/error.hpp>
#include <contact_audit/core/hex.hpp>

#include <array>
#include <cerrno>
#include <chrono>
#include <cstdint>
#include <cstring>
#include <sys/random.h>

namespace contact_audit::ledger {
namespace {

// Not shared between threads: each thread has its own buffer.
thread_local std::array<unsigned char, 4096> t_pool{};
thread_local std::size_t t_used = t_pool.size();

unsigned char next_byte()
{
  if (t_used == t_pool.size()) {
    std::size_t filled = 0;
    while (filled < t_pool.size()) {
      const ssize_t got = ::getrandom(t_pool.data() + filled, t_pool.size() - filled, 0);
      if (got < 0) {
        if (errno == EINTR) {
          continue;
        }
        throw IoError(std::string("Reading random bytes from the kernel failed: ") +
                      std::strerror(errno) + ".");
      }
      filled += static_cast<std::size_t>(got);
    }
    t_used = 0;
  }
  return t_pool[t_used++];
}

} // namespace

std::string random_hex(std::size_t bytes)
{
  std::string out;
  out.reserve(bytes * 2);
  for (std::size_t i = 0; i < bytes; ++i) {
    const unsigned char byte = next_byte();
    append_hex(out, &byte, 1);
  }
  return out;
}

std::string random_uuid()
{
  // RFC 9562 version 7: 48 bits of Unix milliseconds, then 74 random bits. Ids
  // created one after the other sort together, so a million subjects go into
  // the b-tree indexes in order instead of at random places.
  std::array<unsigned char, 16> raw{};
  const auto milliseconds =
      static_cast<std::uint64_t>(std::chrono::duration_cast<std::chrono::milliseconds>(
                                     std::chrono::system_clock::now().time_since_epoch())
                                     .count());
  for (std::size_t i = 0; i < 6; ++i) {
    raw[i] = static_cast<unsigned char>(milliseconds >> (8U * (5U - i)));
  }
  for (std::size_t i = 6; i < raw.size(); ++i) {
    raw[i] = next_byte();
  }
  raw[6] = static_cast<unsigned char>((raw[6] & 0x0FU) | 0x70U); // Version 7.
  raw[8] = static_cast<unsigned char>((raw[8] & 0x3FU) | 0x80U); // RFC 9562 variant.
  std::string out;
  out.reserve(36);
  for (std::size_t i = 0; i < raw.size(); ++i) {
    if (i == 4 || i == 6 || i == 8 || i == 10) {
      out += '-';
    }
    append_hex(out, &raw[i], 1);
  }
  return out;
}

} // namespace contact_audit::ledger
