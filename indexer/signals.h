// SIGINT/SIGTERM as a request to stop: a long run commits what it has done and exits (status 2,
// "interrupted"). A second signal stops at once; the database keeps its last commit either way.
#pragma once

namespace newsindex {

void install_stop_signals();
bool stop_requested();
void request_stop();  // as if a signal came (tests, fatal errors in a worker)

}  // namespace newsindex
