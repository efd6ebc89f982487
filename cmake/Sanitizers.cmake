# SPDX-License-Identifier: MIT
# CONTACT_AUDIT_SANITIZERS="address,undefined" instruments every target of the build.
if(CONTACT_AUDIT_SANITIZERS)
  message(STATUS "Sanitizers: ${CONTACT_AUDIT_SANITIZERS}")
  add_compile_options(-fsanitize=${CONTACT_AUDIT_SANITIZERS} -fno-omit-frame-pointer
                      -fno-sanitize-recover=all)
  add_link_options(-fsanitize=${CONTACT_AUDIT_SANITIZERS})
endif()
