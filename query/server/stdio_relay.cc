#include "query/server/stdio_relay.h"

#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <system_error>
#include <thread>

namespace newsindex {

namespace {

// Copies until end of input or an error; false on an error.
bool copy(int from, int to) {
  char buf[65536];
  while (true) {
    const ssize_t n = ::read(from, buf, sizeof buf);
    if (n == 0) return true;
    if (n < 0) {
      if (errno == EINTR) continue;
      return false;
    }
    for (ssize_t done = 0; done < n;) {
      const ssize_t w = ::write(to, buf + done, static_cast<size_t>(n - done));
      if (w < 0) {
        if (errno == EINTR) continue;
        return false;
      }
      done += w;
    }
  }
}

}  // namespace

void serve_on_stdio(const std::function<void(int)>& serve) {
  int pair[2];
  if (::socketpair(AF_UNIX, SOCK_STREAM, 0, pair) != 0) throw std::system_error(errno, std::generic_category(), "socketpair");
  // The client closing its end (stdin at end) ends the server's conversation.
  const int ours = pair[1];
  std::thread in([ours] {
    copy(STDIN_FILENO, ours);
    ::shutdown(ours, SHUT_WR);
  });
  std::thread out([ours] { copy(ours, STDOUT_FILENO); });
  serve(pair[0]);
  ::close(pair[0]);  // the out thread sees the end
  out.join();
  ::shutdown(ours, SHUT_RDWR);
  in.detach();  // blocked reading stdin, which ssh closes with the process
}

}  // namespace newsindex
