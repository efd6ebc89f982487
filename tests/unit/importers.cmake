contact_audit_unit_test(unit_importers
  SOURCES test_importers_charset.cpp test_importers_pipeline.cpp
  LIBS contact_audit::importers)
