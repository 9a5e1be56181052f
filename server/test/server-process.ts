import { type ChildProcess, spawn } from 'node:child_process';
import * as net from 'node:net';
import * as path from 'node:path';

const serverDir = path.resolve(__dirname, '..');

/** A port nothing listens on right now (the OS picks it). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

/**
 * The server as its own operating-system process (main.ts, compiled on the fly by ts-run), for
 * what one process cannot show: several instances on one database, and a process killed with
 * SIGKILL in the middle of its work. Its JSON log lines are kept for the test to read.
 */
export class ServerProcess {
  readonly lines: Record<string, unknown>[] = [];
  private child: ChildProcess | null = null;
  baseUrl = '';

  constructor(
    readonly name: string,
    private readonly env: Record<string, string>,
  ) {}

  async start(): Promise<this> {
    const port = await freePort();
    this.baseUrl = `http://127.0.0.1:${port}`;
    const child = spawn(process.execPath, ['scripts/ts-run.mjs', 'src/main.ts'], {
      cwd: serverDir,
      env: { ...process.env, ...this.env, PORT: String(port), HOST: '127.0.0.1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    if (process.env.SERVER_PROCESS_LOG_DIR) {
      const { createWriteStream } = await import('node:fs');
      const out = createWriteStream(
        path.join(process.env.SERVER_PROCESS_LOG_DIR, `${this.name}.log`),
      );
      child.stdout!.pipe(out);
      child.stderr!.pipe(out);
    }
    let buffered = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      buffered += chunk.toString('utf8');
      const parts = buffered.split('\n');
      buffered = parts.pop() ?? '';
      for (const line of parts) {
        try {
          this.lines.push(JSON.parse(line) as Record<string, unknown>);
        } catch {
          // not a log line
        }
      }
    });
    let stderr = '';
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
      if (child.exitCode !== null) throw new Error(`${this.name} exited: ${stderr}`);
      const up = await fetch(`${this.baseUrl}/api/health`).then(
        (r) => r.ok,
        () => false,
      );
      if (up) return this;
      await new Promise((r) => setTimeout(r, 200));
    }
    throw new Error(`${this.name} did not become healthy in 60 s: ${stderr}`);
  }

  async call<T = Record<string, unknown>>(
    method: 'GET' | 'POST',
    route: string,
    body?: unknown,
    token?: string,
    headers: Record<string, string> = {},
  ): Promise<T> {
    const res = await fetch(`${this.baseUrl}${route}`, {
      method,
      headers: {
        'content-type': 'application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json = (await res.json()) as T;
    if (!res.ok)
      throw new Error(`${this.name} ${method} ${route}: ${res.status} ${JSON.stringify(json)}`);
    return json;
  }

  /**
   * Sets this instance's development clock (and runs its jobs once at the new time), as the staff
   * member `username` (signed in afresh: sessions end 12 hours after a jump).
   */
  async setClock(at: Date, username: string | null, password: string) {
    const { token } = await this.call<{ token: string }>('POST', '/api/auth/staff/sign-in', {
      username,
      password,
    });
    return this.call<{ sweep: Record<string, number>; dispatch: Record<string, number> }>(
      'POST',
      '/api/dev/clock',
      { at: at.toISOString() },
      token,
    );
  }

  /** The sweep and dispatch reports this instance logged, summed. */
  totals(): { sweep: Record<string, number>; dispatch: Record<string, number> } {
    const sum = (key: 'sweep' | 'dispatch') => {
      const out: Record<string, number> = {};
      for (const line of this.lines) {
        const report = line[key] as Record<string, number> | undefined;
        if (!report || typeof report !== 'object') continue;
        for (const [k, v] of Object.entries(report)) out[k] = (out[k] ?? 0) + v;
      }
      return out;
    };
    return { sweep: sum('sweep'), dispatch: sum('dispatch') };
  }

  /** Stops it: SIGTERM waits for the jobs in flight; SIGKILL is a crash. */
  async stop(signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill(signal);
    await exited;
  }
}
