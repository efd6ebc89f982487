contact_audit_unit_test(unit_core
  SOURCES test_core_atomic_file.cpp test_core_text.cpp
  LIBS contact_audit::core)
