// SIGINT and SIGTERM during a long run: the handler only sets a flag; the
// indexing loops check it between files, commit what is done and stop.
#pragma once

namespace dateline {

// Installs the handlers (once per process).
void install_interruption_handlers();

// The signal that asked us to stop, or 0.
int interruption_signal();

}  // namespace dateline
