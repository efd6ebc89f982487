// SPDX-License-Identifier: MIT
// The purpose and notice catalogue: versioned, immutable consent texts per messenger purpose.
#pragma once

#include <contact_audit/core/result.hpp>

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace contact_audit::ledger {

// The purpose a consent is asked for unless another is named.
inline constexpr std::string_view k_default_purpose = "whatsapp-contact-upload";

// One language of one version of the consent notice of a purpose, with the
// facts ISO/IEC TS 27560 requires a record to name. A stored notice never
// changes: a new text is a new version.
struct Notice
{
  std::string purpose;  // "whatsapp-contact-upload".
  std::string title;    // Purpose title shown to people.
  std::string version;  // "1".
  std::string language; // "de", "en".
  bool accepted = true; // False: consents on this version count as invalidated.
  std::string controller;
  std::string recipient;
  std::string data_transmitted;
  std::string legal_basis;
  std::string third_country_transfer;
  std::string retention;
  std::string withdrawal;         // How to withdraw (27560: withdrawal method, mandatory).
  int reconfirm_after_months = 0; // 0: consent does not expire by policy.
  std::string text;
  std::string text_sha256; // SHA-256 of `text` (UTF-8).
};

// All notices, in the order of the catalogue file.
class Catalogue
{
public:
  Catalogue() = default;
  explicit Catalogue(std::vector<Notice> notices) : m_notices(std::move(notices)) {}

  const std::vector<Notice>& notices() const { return m_notices; }
  // True when any notice of `purpose` exists.
  bool has_purpose(std::string_view purpose) const;
  // The notice of `purpose` and `version` in `language` (any language when
  // `language` is empty, preferring "de"); null when there is none.
  const Notice*
  find(std::string_view purpose, std::string_view version, std::string_view language = {}) const;
  // The notice whose text has SHA-256 `sha256`; null when there is none.
  const Notice* find_by_sha256(std::string_view sha256) const;

private:
  std::vector<Notice> m_notices;
};

// Parse a catalogue in the TOML format of rules/purposes.toml (docs/ledger.md).
// `source` names the file in messages. Fails with "source:line:column: ..."
// (code "ledger.catalogue.invalid") on a syntax error or a missing field.
[[nodiscard]] Result<Catalogue> parse_catalogue(std::string_view toml_text,
                                                const std::filesystem::path& source);

// The catalogue built into the binary from rules/purposes.toml.
const Catalogue& builtin_catalogue();

} // namespace contact_audit::ledger
