// SPDX-License-Identifier: MIT
// The invariants every address-book reader keeps once it has returned its last contact.
#pragma once

#include "fuzz_support.hpp"

#include <contact_audit/core/diagnostic.hpp>
#include <contact_audit/importers/reader.hpp>

#include <cstdio>

namespace contact_audit::fuzz {

// `returned` contacts came out of `reader`; its diagnostics went to `sink`.
inline void
check_finished_reader(importers::ContactReader& reader, CollectingSink& sink, std::size_t returned)
{
  require(!reader.next(sink).has_value(), "a finished reader stays finished");
  const auto& stats = reader.stats();
  if (verbose()) {
    std::fprintf(stderr,
                 "%zu read, %zu rejected, profile %s, encoding %s\n",
                 stats.contacts_read,
                 stats.contacts_rejected,
                 stats.detected_profile.c_str(),
                 stats.detected_encoding.c_str());
    for (const auto& diagnostic : sink.diagnostics()) {
      std::fprintf(stderr, "  %s [%s]\n", format(diagnostic).c_str(), diagnostic.code.c_str());
    }
  }
  require(stats.contacts_read == returned, "contacts_read counts the returned contacts");
  // A rejected row or card has an error diagnostic; a CSV row without any value a warning.
  require(sink.count(Severity::error) + sink.count(Severity::warning) >= stats.contacts_rejected,
          "every rejected contact has a diagnostic");
  for (const auto& diagnostic : sink.diagnostics()) {
    require(!diagnostic.message.empty() && !diagnostic.code.empty(),
            "a diagnostic has a code and a message");
  }
}

} // namespace contact_audit::fuzz
