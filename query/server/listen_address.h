// newsquery-server's --listen address: parsing HOST:PORT, telling loopback from the rest, and
// finding the port the kernel chose for port 0.
#pragma once
#include <optional>
#include <string>

namespace newsindex {

struct ListenAddress {
  std::string host;  // an IPv4/IPv6 address or a name ("[::1]" is given without brackets here)
  int port = 0;      // 0: any free port
};

// "127.0.0.1:7401", "[::1]:7401", "localhost:0"; nullopt when malformed.
std::optional<ListenAddress> parse_listen_address(const std::string& text);
// True for 127.0.0.0/8, ::1 and "localhost": addresses only this machine reaches.
bool is_loopback(const std::string& host);
// The port of this process's listening TCP socket (the server's), or 0 when there is none.
int listening_port();

}  // namespace newsindex
