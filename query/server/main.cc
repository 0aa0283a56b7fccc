// newsquery-server: serves one shard of a newsindex index to newsquery over Xapian's remote
// protocol, with newsindex's ranking classes registered (stock xapian-tcpsrv refuses them).
#include <CLI/CLI.hpp>
#include <signal.h>
#include <sys/prctl.h>
#include <unistd.h>
#include <xapian.h>

#include <iostream>

#include "common/cli_format.h"
#include "common/errors.h"
#include "query/ranking/registry.h"
#include "query/server/listen_address.h"
#include "query/server/stdio_relay.h"
#include "query/server/xapian_remote_tcp_server.h"

namespace {

pid_t server_pid = 0;

// SIGTERM/SIGINT: the server and each connection's child end at once; a client then sees its
// connection close (newsquery names the shard and exits 2).
extern "C" void stop(int) { _exit(0); }

// Each connection is served in a child process (TcpServer::run forks): the child dies with the
// server, so stopping the server leaves no process serving the shard.
class ShardServer : public RemoteTcpServer {
 public:
  using RemoteTcpServer::RemoteTcpServer;
  void handle_one_connection(int socket) override {
    if (getpid() != server_pid) {
      ::prctl(PR_SET_PDEATHSIG, SIGTERM);
      if (getppid() != server_pid) _exit(0);  // the server ended before the line above
    }
    RemoteTcpServer::handle_one_connection(socket);
  }
};

}  // namespace

int main(int argc, char** argv) {
  using namespace newsindex;
  CLI::App app{"newsquery-server: serve one shard of a newsindex index to newsquery (Xapian remote protocol)",
               "newsquery-server"};
  std::string listen = "127.0.0.1:7401", stdio_path, shard;
  double active_timeout = 15, idle_timeout = 60;
  bool verbose = false;
  auto* listen_opt = app.add_option("--listen", listen,
                                    "HOST:PORT to listen on (default 127.0.0.1:7401; port 0: any free port). The protocol "
                                    "has no authentication: keep it on loopback or a private network");
  auto* stdio_opt = app.add_option("--stdio", stdio_path,
                                   "Serve the shard at PATH on standard input and output, for a stub line "
                                   "\"remote :ssh HOST newsquery-server --stdio PATH\"")
                        ->excludes(listen_opt);
  app.add_option("shard", shard, "The shard's database directory (DB/shard-NN)")->excludes(stdio_opt);
  app.add_option("--active-timeout", active_timeout, "Seconds a client may pause within one request (default 15)")
      ->check(CLI::PositiveNumber);
  app.add_option("--idle-timeout", idle_timeout, "Seconds a connection may stay idle between requests (default 60)")
      ->check(CLI::PositiveNumber);
  app.add_flag("-v,--verbose", verbose, "Say on stdout when connections come and go");
  app.set_version_flag("--version", std::string("newsquery-server ") + NEWSINDEX_VERSION + " (Xapian " +
                                        Xapian::version_string() + ")");
  use_help_formatter(app);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return cli_parse_error(app, e, "newsquery-server");
  }
  if (!stdio_path.empty()) shard = stdio_path;
  if (shard.empty()) {
    std::cerr << "newsquery-server: give the shard to serve (DB/shard-NN, or --stdio PATH)\n";
    return 2;
  }
  const auto address = parse_listen_address(listen);
  if (!address) {
    std::cerr << "newsquery-server: --listen " << printable_name(listen) << ": not HOST:PORT\n";
    return 2;
  }
  server_pid = getpid();
  // TcpServer::run() answers SIGTERM by signalling its whole process group (its children
  // serving connections): a group of the server's own, so that a script or shell that started
  // it is not part of it.
  if (getpgrp() != getpid()) setpgid(0, 0);
  signal(SIGTERM, stop);
  signal(SIGINT, stop);
  signal(SIGPIPE, SIG_IGN);
  try {
    Xapian::Database check(shard);  // a missing or broken shard is said now, not at the first query
    if (!stdio_path.empty()) {
      // Xapian's server is built around a listening socket: one on a free loopback port is made
      // and never used; the conversation runs on the relayed standard input and output.
      ShardServer server({shard}, "127.0.0.1", 0, active_timeout, idle_timeout, false, false);
      server.set_registry(ranking_registry());
      serve_on_stdio([&](int fd) { server.handle_one_connection(fd); });
      return 0;
    }
    if (!is_loopback(address->host))
      std::cerr << "newsquery-server: warning: listening on " << address->host
                << ", beyond this machine: Xapian's remote protocol has no authentication or encryption, so anyone "
                   "who reaches the port reads the shard (use a private network, or ssh with --stdio)\n";
    ShardServer server({shard}, address->host, address->port, active_timeout, idle_timeout, false, verbose);
    server.set_registry(ranking_registry());
    const int port = address->port ? address->port : listening_port();
    std::cerr << "newsquery-server: listening on " << address->host << ':' << port << std::endl;
    server.run();
  } catch (const Xapian::Error& e) {
    std::cerr << "newsquery-server: " << printable_name(shard) << ": " << e.get_description() << '\n';
  } catch (const std::exception& e) {
    std::cerr << "newsquery-server: " << e.what() << '\n';
  }
  return 2;
}
