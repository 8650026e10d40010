// Preloaded by the tests' emulator launchers (`node --require exit-with-parent.js ...`, see EmulatorProcess.java).
// The test JVM holds this process's stdin open and never writes to it, so end-of-file on stdin means the JVM closed it
// or is gone, even after `kill -9`. The process then stops as on SIGTERM, which lets the emulator stop its own
// children (firebase-tools: the rules runtime JVM); if that takes too long it exits anyway.
"use strict";
function stop() {
  setTimeout(() => process.exit(143), 10000).unref();
  process.kill(process.pid, "SIGTERM");
}
process.stdin.on("end", stop);
process.stdin.on("error", stop);
process.stdin.resume();
