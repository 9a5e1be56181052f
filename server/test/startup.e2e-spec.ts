import { spawnSync } from 'node:child_process';
import * as path from 'node:path';

/** main.ts as `pnpm dev` runs it: a bad configuration stops it before anything else happens. */
describe('starting the server with a bad configuration', () => {
  it('exits with status 1 and names every bad key, without echoing secrets', () => {
    const serverDir = path.resolve(__dirname, '..');
    const result = spawnSync(process.execPath, ['scripts/ts-run.mjs', 'src/main.ts'], {
      cwd: serverDir,
      encoding: 'utf8',
      env: {
        PATH: process.env.PATH,
        NODE_ENV: 'production',
        PORT: 'eighty',
        DATABASE_URL: 'postgres://app:s3cret@db/mqlk',
        TOKEN_SECRET: 'too-short-s3cret',
      },
      timeout: 30_000,
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('Invalid configuration');
    expect(result.stderr).toContain('PORT: must be a port number from 1 to 65535 (got "eighty")');
    expect(result.stderr).toContain('TOKEN_SECRET: must be at least 32 characters');
    expect(result.stderr).toContain('DATABASE_URL: unsupported scheme "postgres:"');
    expect(result.stderr).toContain('PHONE_ENC_KEY: required when NODE_ENV=production');
    expect(result.stderr).not.toContain('s3cret');
    expect(result.stdout).toBe('');
  });
});
