import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { type Browser, type BrowserContextOptions, chromium, type Page } from 'playwright-core';

const root = path.resolve(__dirname, '..');
const serverDir = path.join(root, 'server');
export const SCREENSHOT_DIR = path.join(root, '.artifacts', 'screenshots');

export interface Product {
  baseUrl: string;
  /** the bootstrapped admin of an empty product */
  admin?: { county: string; username: string; initialPassword: string };
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
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
 * The product as `npm start` runs it: the built server on a fresh SQLite file, migrated and seeded
 * with the demo county, serving the H5 build. Both builds must exist (the test command makes them).
 */
export async function startProduct(
  extraEnv: Record<string, string> = {},
  /** demo: the demo county; empty: nothing but a county and its admin (bootstrap-admin) */
  setup: 'demo' | 'empty' = 'demo',
): Promise<Product> {
  const h5 = path.join(root, 'miniapp', 'h5', 'dist');
  for (const built of [path.join(serverDir, 'dist', 'main.js'), path.join(h5, 'index.html')]) {
    if (!fs.existsSync(built))
      throw new Error(`${built} is missing: build the server and the H5 app first`);
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mqlk-browser-'));
  const port = await freePort();
  const env = {
    ...process.env,
    NODE_ENV: 'development',
    PORT: String(port),
    HOST: '127.0.0.1',
    DATABASE_URL: `sqlite:${path.join(dir, 'mqlk.sqlite')}`,
    UPLOAD_DIR: path.join(dir, 'uploads'),
    H5_DIST_DIR: h5,
    PUBLIC_BASE_URL: `http://127.0.0.1:${port}`,
    LOG_LEVEL: 'warn',
    ...extraEnv,
  };
  const seeded = spawnSync(
    process.execPath,
    setup === 'demo'
      ? ['dist/database/seed/seed-cli.js']
      : [
          'dist/database/bootstrap-admin-cli.js',
          '--county',
          '青山县',
          '--username',
          'admin',
          '--json',
        ],
    { cwd: serverDir, env, encoding: 'utf8' },
  );
  if (seeded.status !== 0) throw new Error(`seeding failed:\n${seeded.stdout}\n${seeded.stderr}`);
  const admin =
    setup === 'empty'
      ? (JSON.parse(seeded.stdout.trim().split('\n').at(-1)!) as Product['admin'])
      : undefined;
  const server: ChildProcess = spawn(process.execPath, ['dist/main.js'], {
    cwd: serverDir,
    env,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 100; i++) {
    if (server.exitCode !== null) throw new Error(`server exited with ${server.exitCode}`);
    const ok = await fetch(`${baseUrl}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    baseUrl,
    admin,
    stop: async () => {
      server.kill('SIGTERM');
      await new Promise((r) => server.once('exit', r));
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** `extraArgs`: e.g. a fake microphone for the voice flow (`--use-fake-device-for-media-stream`). */
export function launchBrowser(extraArgs: string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
      ...extraArgs,
    ],
  });
}

/**
 * Content-Security-Policy violations seen on pages opened with `newPage`/`phonePage`: Chromium's
 * console message and the page's `securitypolicyviolation` event (which also reports what the
 * console leaves out, e.g. a blocked style attribute). csp-guard.ts fails the test they occur in.
 */
const cspViolations: string[] = [];

export function takeCspViolations(): string[] {
  return cspViolations.splice(0);
}

/** A page in a context of its own, watched for CSP violations. Flows open every page this way. */
export async function newPage(
  browser: Browser,
  options: BrowserContextOptions = {},
): Promise<Page> {
  const context = await browser.newContext(options);
  context.on('console', (message) => {
    if (message.text().includes('Content Security Policy')) {
      cspViolations.push(`console on ${message.page()?.url() ?? '?'}: ${message.text()}`);
    }
  });
  await context.exposeBinding('__mqlkCspViolation', ({ page }, text: string) => {
    cspViolations.push(`event on ${page.url()}: ${text}`);
  });
  // Runs before the page's own scripts, outside its CSP (Playwright injects it over CDP).
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      const report = (window as unknown as { __mqlkCspViolation(text: string): void })
        .__mqlkCspViolation;
      report(
        `${e.effectiveDirective} blocked ${e.blockedURI || '(inline)'} at ${e.sourceFile}:${e.lineNumber}`,
      );
    });
  });
  return context.newPage();
}

/** A phone-sized page, as a resident on a cheap Android phone would see it; `extra` changes it (no JavaScript…). */
export function phonePage(browser: Browser, extra: BrowserContextOptions = {}): Promise<Page> {
  return newPage(browser, {
    viewport: { width: 375, height: 812 },
    deviceScaleFactor: 2,
    locale: 'zh-CN',
    isMobile: true,
    hasTouch: true,
    ...extra,
  });
}

/**
 * A full-page screenshot. Taro's H5 pages scroll inside `.taro_page`, not the document, so the
 * containers are let out to their full height for the picture and put back afterwards.
 */
export async function shot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const unroll = (on: boolean) =>
    page.evaluate((on) => {
      for (const el of document.querySelectorAll<HTMLElement>(
        'html, body, #app, .taro_router, .taro_page_show',
      )) {
        el.style.height = on ? 'auto' : '';
        el.style.overflow = on ? 'visible' : '';
      }
    }, on);
  // Taro slides a newly opened page in: wait until it has arrived.
  await page.waitForFunction(() =>
    document.getAnimations().every((a) => a.playState !== 'running'),
  );
  await unroll(true);
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
  await unroll(false);
}
