# SPDX-License-Identifier: MIT
# The programs (not the libraries) are linked with tcmalloc_minimal from Debian's
# libgoogle-perftools-dev. Reading and auditing an address book allocates and frees
# millions of small strings across threads, and an audit of a large book keeps
# hundreds of thousands of findings: with glibc's allocator they ran about 15 % (import)
# and 15-20 % (audit) slower (bench/, docs/performance.md). Sanitizer builds
# keep their own allocator, which they need to find memory errors.
option(CONTACT_AUDIT_TCMALLOC "Link the programs with tcmalloc_minimal" ON)

if(CONTACT_AUDIT_TCMALLOC AND NOT CONTACT_AUDIT_SANITIZERS)
  find_library(CONTACT_AUDIT_TCMALLOC_LIBRARY NAMES tcmalloc_minimal)
  if(NOT CONTACT_AUDIT_TCMALLOC_LIBRARY)
    message(FATAL_ERROR "tcmalloc_minimal was not found: install libgoogle-perftools-dev "
                        "(scripts/setup.sh does) or configure with -DCONTACT_AUDIT_TCMALLOC=OFF.")
  endif()
  set(CONTACT_AUDIT_FAST_ALLOCATOR ON)
else()
  set(CONTACT_AUDIT_FAST_ALLOCATOR OFF)
endif()

# Link `target` (an executable) with the allocator chosen above.
function(contact_audit_link_allocator target)
  if(CONTACT_AUDIT_FAST_ALLOCATOR)
    # --no-as-needed: nothing calls tcmalloc by name; it replaces malloc and free.
    target_link_options(${target} PRIVATE "LINKER:--no-as-needed")
    target_link_libraries(${target} PRIVATE ${CONTACT_AUDIT_TCMALLOC_LIBRARY})
  endif()
endfunction()
