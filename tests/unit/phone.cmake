contact_audit_unit_test(unit_phone
  SOURCES test_phone_normaliser.cpp
  LIBS contact_audit::phone)
