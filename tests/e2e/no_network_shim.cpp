// SPDX-License-Identifier: MIT
// LD_PRELOAD shim for the no-network test: every socket(), connect(), getaddrinfo() and
// gethostbyname() call is appended to $CONTACT_AUDIT_NETWORK_LOG and refused.
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <fcntl.h>
#include <netdb.h>
#include <sys/socket.h>
#include <unistd.h>

namespace {

// Plain system calls only: this runs inside any program, before or without iostreams.
void record(const char* call, int detail)
{
  const char* path = std::getenv("CONTACT_AUDIT_NETWORK_LOG");
  if (path == nullptr) {
    return;
  }
  const int fd = ::open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
  if (fd < 0) {
    return;
  }
  char line[96];
  const int length = std::snprintf(line, sizeof line, "%s %d\n", call, detail);
  if (length > 0 && ::write(fd, line, static_cast<std::size_t>(length)) < 0) {
    // Nothing to do: the test then sees no record and fails on its own control run.
  }
  ::close(fd);
}

} // namespace

extern "C" {

int socket(int domain, int /*type*/, int /*protocol*/) noexcept
{
  record("socket", domain);
  errno = EACCES;
  return -1;
}

int connect(int /*fd*/, const sockaddr* address, socklen_t /*length*/)
{
  record("connect", address != nullptr ? address->sa_family : -1);
  errno = EACCES;
  return -1;
}

int getaddrinfo(const char* /*node*/,
                const char* /*service*/,
                const addrinfo* /*hints*/,
                addrinfo** /*result*/)
{
  record("getaddrinfo", 0);
  return EAI_FAIL;
}

hostent* gethostbyname(const char* /*name*/)
{
  record("gethostbyname", 0);
  return nullptr;
}

} // extern "C"
