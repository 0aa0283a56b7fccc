// newsquery-server --stdio: Xapian's server speaks on one socket, ssh gives a pipe in and a pipe
// out; a socket pair and two copying threads join them.
#pragma once
#include <functional>

namespace newsindex {

// Calls serve(fd) with one end of a socket pair whose other end is relayed to and from
// standard input and output; returns when serve returns.
void serve_on_stdio(const std::function<void(int)>& serve);

}  // namespace newsindex
