# SPDX-License-Identifier: MIT
# CONTACT_AUDIT_SANITIZERS="address,undefined" instruments every target of the build.
if(CONTACT_AUDIT_SANITIZERS)
  message(STATUS "Sanitizers: ${CONTACT_AUDIT_SANITIZERS}")
  add_compile_options(-fsanitize=${CONTACT_AUDIT_SANITIZERS} -fno-omit-frame-pointer
                      -fno-sanitize-recover=all)
  add_link_options(-fsanitize=${CONTACT_AUDIT_SANITIZERS})
endif()

# CONTACT_AUDIT_BUILD_FUZZERS=ON (clang only) adds libFuzzer's coverage instrumentation
# to every target; tests/fuzz links its targets with -fsanitize=fuzzer (docs/fuzzing.md).
if(CONTACT_AUDIT_BUILD_FUZZERS)
  if(NOT CMAKE_CXX_COMPILER_ID MATCHES "Clang")
    message(FATAL_ERROR "CONTACT_AUDIT_BUILD_FUZZERS needs clang++ (use the 'fuzz' preset).")
  endif()
  add_compile_options(-fsanitize=fuzzer-no-link)
endif()
