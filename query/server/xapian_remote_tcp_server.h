// Xapian's TCP server for its remote backend (RemoteTcpServer), declared here because libxapian
// exports the class but installs no header for it (xapian-core's net/remotetcpserver.h and
// net/tcpserver.h are internal). This matches Xapian 1.4.22 (Debian libxapian30 1.4.22-1) and
// the layout of every 1.4.x release: the members must be exactly Xapian's, in order, since the
// library's constructor fills them and set_registry() is inline. CMake builds newsquery-server
// only against xapian-core 1.4 (query/CMakeLists.txt), and the checks below hold that too.
#pragma once
#include <xapian.h>

#include <string>
#include <vector>

static_assert(XAPIAN_MAJOR_VERSION == 1 && XAPIAN_MINOR_VERSION == 4,
              "xapian_remote_tcp_server.h matches Xapian 1.4's internal TcpServer/RemoteTcpServer only");

// net/tcpserver.h (1.4, not Windows): a listening socket; run() forks a process per connection.
class TcpServer {
 public:
  TcpServer(const TcpServer&) = delete;
  TcpServer& operator=(const TcpServer&) = delete;
  TcpServer(const std::string& host, int port, bool tcp_nodelay, bool verbose);
  virtual ~TcpServer();
  void run();       // accept connections for ever, each served in a forked child
  void run_once();  // serve one connection, then return
  virtual void handle_one_connection(int socket) = 0;

 private:
  int listen_socket;

 protected:
  bool verbose;
};

// net/remotetcpserver.h (1.4): serves the databases at `dbpaths` to RemoteDatabase clients.
class RemoteTcpServer : public TcpServer {
 public:
  RemoteTcpServer(const std::vector<std::string>& dbpaths, const std::string& host, int port, double active_timeout,
                  double idle_timeout, bool writable, bool verbose);
  // The registry the server unserialises weighting schemes, posting sources and match spies with.
  void set_registry(const Xapian::Registry& registry) { reg = registry; }
  void handle_one_connection(int socket) override;

 private:
  const std::vector<std::string> dbpaths;
  bool writable;
  double active_timeout;
  double idle_timeout;
  Xapian::Registry reg;
};

#if defined(__x86_64__) && defined(__GLIBCXX__)
// The layout libxapian30 1.4.22 was built with on amd64 (vtable pointer, listen_socket, verbose,
// dbpaths, writable, two timeouts, registry).
static_assert(sizeof(TcpServer) == 16 && sizeof(RemoteTcpServer) == 72, "RemoteTcpServer layout differs from Xapian 1.4's");
#endif
