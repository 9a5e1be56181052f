/**
 * The built server (dist/main.js) as a child process of the figures benchmark, started the way
 * e2e/harness.ts starts the product (NODE_ENV=development, its jobs on, LOG_LEVEL=warn) on the
 * benchmark's database, with its memory read from /proc while it answers. As in production, it
 * does not run migrations at start: the benchmark made the schema already.
 *
 * dist/ is copied once when the benchmark starts and every size runs that copy: a run takes an
 * hour or more, and a build in the meantime (which empties dist/) must neither break it nor
 * change the code measured between two sizes.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { freePort } from '../test/server-process';

const serverDir = path.resolve(__dirname, '..');
export const MAIN_JS = path.join(serverDir, 'dist', 'main.js');

/** Why the built server may not be the code in src/, or null when it is at least as new. */
export function staleBuild(): string | null {
  if (!fs.existsSync(MAIN_JS)) {
    return `${MAIN_JS} is missing: run \`pnpm --filter @mqlk/server build\` first`;
  }
  const built = fs.statSync(MAIN_JS).mtimeMs;
  const newer: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(file);
      else if (file.endsWith('.ts') && !file.endsWith('.spec.ts')) {
        if (fs.statSync(file).mtimeMs > built) newer.push(path.relative(serverDir, file));
      }
    }
  };
  walk(path.join(serverDir, 'src'));
  return newer.length === 0
    ? null
    : `dist/ is older than ${newer.length} file(s) in src/ (${newer.slice(0, 3).join(', ')}…): ` +
        'the numbers are those of the last build (`pnpm --filter @mqlk/server build`)';
}

/** VmRSS and VmHWM (peak) of a process, in bytes. */
export function memoryOf(pid: number): { rss: number; hwm: number } {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1]);
  return { rss: kb('VmRSS') * 1024, hwm: kb('VmHWM') * 1024 };
}

/** CPU time a process has used so far (user + system), in ms; /proc counts it in 10 ms ticks. */
export function cpuMsOf(pid: number): number {
  // The fields after the command name, which is in parentheses and may hold spaces.
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/** A copy of dist/ for this run; its packages resolve from server/node_modules (NODE_PATH). */
export function snapshotBuild(): { mainJs: string; remove: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mqlk-bench-dist-'));
  fs.cpSync(path.dirname(MAIN_JS), dir, { recursive: true });
  return {
    mainJs: path.join(dir, 'main.js'),
    remove: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}

/**
 * How a benchmark runs the built product: development mode with the local stand-ins, its own
 * directory for uploads, no H5 build, warnings only, and no background jobs (on data loaded in one
 * go their first passes close rating windows and alert overdue clocks by the thousand, changing
 * the figures mid-measurement; bench:sweeps measures them).
 */
export function builtServerEnv(o: { port: number; dir: string; databaseUrl: string }) {
  return {
    NODE_PATH: path.join(serverDir, 'node_modules'),
    NODE_ENV: 'development',
    PORT: String(o.port),
    HOST: '127.0.0.1',
    DATABASE_URL: o.databaseUrl,
    DATABASE_MIGRATIONS_RUN: 'false',
    UPLOAD_DIR: path.join(o.dir, 'uploads'),
    H5_DIST_DIR: path.join(o.dir, 'no-h5-build'),
    PUBLIC_BASE_URL: `http://127.0.0.1:${o.port}`,
    LOG_LEVEL: 'warn',
    JOBS_ENABLED: 'false',
  };
}

export class BenchServer {
  private stderr = '';
  private constructor(
    private readonly child: ChildProcess,
    readonly baseUrl: string,
    private readonly dir: string,
  ) {
    child.stderr!.on('data', (chunk: Buffer) => (this.stderr += chunk.toString('utf8')));
    child.stdout!.on('data', (chunk: Buffer) => (this.stderr += chunk.toString('utf8')));
  }

  get pid(): number {
    return this.child.pid!;
  }

  static async start(mainJs: string, databaseUrl: string): Promise<BenchServer> {
    const port = await freePort();
    // A directory of its own as cwd: main.ts would read a developer's server/.env otherwise.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mqlk-bench-figures-'));
    const baseUrl = `http://127.0.0.1:${port}`;
    // FIGURES_PROFILE_DIR: the server writes a V8 CPU profile there when it stops.
    const profileDir = process.env.FIGURES_PROFILE_DIR;
    const flags = profileDir ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(profileDir)}`] : [];
    const child = spawn(process.execPath, [...flags, mainJs], {
      cwd: dir,
      env: { ...process.env, ...builtServerEnv({ port, dir, databaseUrl }) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const server = new BenchServer(child, baseUrl, dir);
    const deadline = Date.now() + 120_000;
    while (Date.now() < deadline) {
      if (child.exitCode !== null) {
        await server.stop();
        throw new Error(`the server exited with ${child.exitCode}:\n${server.stderr}`);
      }
      const up = await fetch(`${baseUrl}/api/health`).then(
        (r) => r.ok,
        () => false,
      );
      if (up) return server;
      await new Promise((r) => setTimeout(r, 200));
    }
    await server.stop();
    throw new Error(`the server did not answer /api/health within 120 s:\n${server.stderr}`);
  }

  async signIn(username: string, password: string): Promise<string> {
    const res = await fetch(`${this.baseUrl}/api/auth/staff/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password }),
    });
    const body = (await res.json()) as { token?: string };
    if (!res.ok || !body.token) throw new Error(`sign-in as ${username}: ${res.status}`);
    return body.token;
  }

  /** One GET; the body is read to its end, so the time is the whole answer's. */
  async get(token: string, route: string): Promise<{ status: number; text: string }> {
    const res = await fetch(`${this.baseUrl}${route}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    return { status: res.status, text: await res.text() };
  }

  /** What the server wrote to stdout and stderr (warnings and errors only). */
  output(): string {
    return this.stderr;
  }

  async stop(): Promise<void> {
    if (this.child.exitCode === null) {
      const exited = new Promise((r) => this.child.once('exit', r));
      this.child.kill('SIGTERM');
      const timer = setTimeout(() => this.child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
    }
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}
