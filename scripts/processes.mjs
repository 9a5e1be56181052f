// Shared by test-db.mjs and test-redis.mjs: a free local port for a throwaway server, and running
// the test command with the environment they provide.
import { spawn } from 'node:child_process';
import net from 'node:net';

/** The first port from `from` on that nothing listens on (127.0.0.1). */
export async function freePort(from) {
  for (let port = from; port < from + 200; port++) {
    const free = await new Promise((resolve) => {
      const probe = net.createServer();
      probe.once('error', () => resolve(false));
      probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
    });
    if (free) return port;
  }
  throw new Error(`no free port from ${from}`);
}

/** Runs `command` with these extra variables, passing Ctrl-C on; resolves to its exit status. */
export async function runCommand(command, extraEnv, log) {
  const child = spawn(command[0], command.slice(1), {
    stdio: 'inherit',
    env: { ...process.env, ...extraEnv },
  });
  const forward = (signal) => child.kill(signal);
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  return new Promise((resolve) => {
    child.once('error', (err) => {
      log(`cannot run ${command[0]}: ${err.message}`);
      resolve(127);
    });
    child.once('exit', (status, signal) => resolve(status ?? (signal ? 1 : 0)));
  });
}
