/**
 * Preloaded (node -r) into a profiled child: the service's own shutdown hook re-raises the
 * signal, and a process killed by a signal never writes its --cpu-prof file. A plain exit does.
 */
process.once('SIGTERM', () => process.exit(0));
