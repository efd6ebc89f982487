// SPDX-License-Identifier: MIT
// SHA-256 through Poco's SHA2Engine.
#include <contact_audit/core/error.hpp>
#include <contact_audit/core/hash.hpp>

#include <Poco/DigestEngine.h>
#include <Poco/SHA2Engine.h>

#include <array>
#include <fstream>

namespace contact_audit {

std::string sha256_hex(std::string_view data)
{
  Poco::SHA2Engine engine(Poco::SHA2Engine::SHA_256);
  engine.update(data.data(), static_cast<unsigned>(data.size()));
  return Poco::DigestEngine::digestToHex(engine.digest());
}

std::string sha256_file_hex(const std::filesystem::path& path)
{
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    throw IoError(path.string() + ": The file cannot be opened for hashing.");
  }
  Poco::SHA2Engine engine(Poco::SHA2Engine::SHA_256);
  std::array<char, 1 << 16> buffer{};
  while (in) {
    in.read(buffer.data(), buffer.size());
    engine.update(buffer.data(), static_cast<unsigned>(in.gcount()));
  }
  if (in.bad()) {
    throw IoError(path.string() + ": The file cannot be read for hashing.");
  }
  return Poco::DigestEngine::digestToHex(engine.digest());
}

} // namespace contact_audit
