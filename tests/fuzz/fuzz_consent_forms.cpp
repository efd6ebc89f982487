// SPDX-License-Identifier: MIT
// Fuzz target: the consent-form import (CSV file to validated rows written to a ledger).
// The first byte picks the options (bit 0: skip invalid rows, bit 1: write the rejects
// file, bit 2: region AT instead of DE); the rest is the CSV file. Each import runs
// inside an outer transaction that is rolled back, so every input meets the same
// empty ledger; the evidence files of testdata/consent/nachweise lie beside the CSV.
#include "fuzz_support.hpp"

#include <contact_audit/core/error.hpp>
#include <contact_audit/ledger/consent.hpp>
#include <contact_audit/ledger/form_import.hpp>
#include <contact_audit/ledger/store.hpp>

#include <cstdlib>

using namespace contact_audit;

namespace {

struct Undo
{
};

ledger::Store& ledger_store()
{
  static const std::unique_ptr<ledger::Store> store = [] {
    ::setenv("CONTACT_AUDIT_NOW", "2024-12-01T12:00:00Z", 1);
    std::filesystem::copy(std::filesystem::path(CONTACT_AUDIT_TESTDATA) / "consent/nachweise",
                          fuzz::scratch_dir() / "nachweise");
    return ledger::open_ledger(fuzz::scratch_dir() / "ledger" / "ledger.sqlite");
  }();
  return *store;
}

void check_summary(const ledger::FormImportSummary& summary, bool skip_invalid)
{
  fuzz::require(summary.rows ==
                    summary.imported + summary.duplicates + summary.rejected + summary.held_back,
                "rows = imported + duplicates + rejected + held back");
  fuzz::require(summary.diagnostics.size() == summary.rejected,
                "every rejected row has one diagnostic");
  fuzz::require(summary.held_back == 0 || !summary.written, "rows are held back only unwritten");
  fuzz::require(skip_invalid || summary.rejected == 0 || !summary.written,
                "without skip_invalid a rejected row stops the import");
  fuzz::require(summary.subjects_created <= summary.imported, "a subject per imported row at most");
  for (const auto& diagnostic : summary.diagnostics) {
    fuzz::require(diagnostic.line >= 1 && !diagnostic.code.empty(),
                  "a rejection has line and code");
  }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
  fuzz::Input input(data, size);
  const auto flags = input.take_byte();
  auto& store = ledger_store();
  const auto csv = fuzz::scratch_dir() / "formulare.csv";
  fuzz::write_file(csv, input.rest());

  ledger::FormImportOptions options;
  options.context.actor = "fuzz";
  options.context.command = "consent import formulare.csv";
  options.skip_invalid = (flags & 1) != 0;
  if ((flags & 2) != 0) {
    options.rejects_path = fuzz::scratch_dir() / "rejects.csv";
  }
  options.region = (flags & 4) != 0 ? "AT" : "DE";
  try {
    store.write([&] {
      const auto first = ledger::import_consent_forms(store, csv, options);
      check_summary(first, options.skip_invalid);
      fuzz::require(!first.file_already_imported, "the ledger starts empty for every input");
      const auto again = ledger::import_consent_forms(store, csv, options);
      fuzz::require(again.file_already_imported == first.written,
                    "a written file is recognised when imported again");
      throw Undo{};
    });
  } catch (const Undo&) {
  } catch (const InputError& error) {
    // Documented refusals: no header, a required column missing, a file that cannot be read.
    fuzz::require(std::string_view(error.what()).find("formulare.csv") != std::string_view::npos,
                  "the refusal names the file");
  }
  return 0;
}
