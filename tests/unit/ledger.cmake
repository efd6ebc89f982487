# SPDX-License-Identifier: MIT
contact_audit_unit_test(unit_ledger
  SOURCES test_ledger_form_import.cpp test_ledger_hash_chain.cpp test_ledger_state.cpp
          test_ledger_store.cpp test_ledger_time.cpp test_ledger_consent_request.cpp
          test_ledger_run_history.cpp
  LIBS contact_audit::ledger Threads::Threads)
