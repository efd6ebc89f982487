// SPDX-License-Identifier: MIT
// SHA-256 through OpenSSL's EVP interface with one reusable context per thread.
#include "digest.hpp"

#include <contact_audit/core/error.hpp>

#include <memory>
#include <openssl/evp.h>

namespace contact_audit::ledger {
namespace {

struct ContextDeleter
{
  void operator()(EVP_MD_CTX* context) const { EVP_MD_CTX_free(context); }
};
struct DigestDeleter
{
  void operator()(EVP_MD* digest) const { EVP_MD_free(digest); }
};

} // namespace

std::string chain_sha256_hex(std::string_view data)
{
  thread_local const std::unique_ptr<EVP_MD, DigestDeleter> t_sha256(
      EVP_MD_fetch(nullptr, "SHA256", nullptr));
  thread_local const std::unique_ptr<EVP_MD_CTX, ContextDeleter> t_context(EVP_MD_CTX_new());
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  if (!t_sha256 || !t_context || EVP_DigestInit_ex(t_context.get(), t_sha256.get(), nullptr) != 1 ||
      EVP_DigestUpdate(t_context.get(), data.data(), data.size()) != 1 ||
      EVP_DigestFinal_ex(t_context.get(), digest, &length) != 1) {
    throw IoError("Computing a SHA-256 digest with OpenSSL failed.");
  }
  static constexpr std::string_view k_hex = "0123456789abcdef";
  std::string hex(length * 2, '0');
  for (unsigned int i = 0; i < length; ++i) {
    hex[2 * i] = k_hex[digest[i] >> 4U];
    hex[2 * i + 1] = k_hex[digest[i] & 0xFU];
  }
  return hex;
}

} // namespace contact_audit::ledger
