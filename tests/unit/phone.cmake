contact_audit_unit_test(unit_phone
  SOURCES test_phone_normaliser.cpp test_phone_shared_cache.cpp
  LIBS contact_audit::phone Threads::Threads)
