import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createApp } from './bootstrap';
import { loadConfig } from './config/config';

/** Boots the app on a throwaway SQLite file and writes the OpenAPI document it serves. */
async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mqlk-openapi-'));
  const config = loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: `sqlite:${path.join(dir, 'openapi.sqlite')}`,
    DATABASE_MIGRATIONS_RUN: 'true',
    LOG_LEVEL: 'silent',
    H5_DIST_DIR: path.join(dir, 'no-h5'),
    UPLOAD_DIR: path.join(dir, 'uploads'),
  });
  const app = await createApp(config);
  try {
    await app.getHttpAdapter().getInstance().ready();
    const res = await app.getHttpAdapter().getInstance().inject({ url: '/api/docs-json' });
    const file = path.join(__dirname, '..', '..', 'docs', 'openapi.json');
    fs.writeFileSync(file, `${JSON.stringify(JSON.parse(res.body), null, 2)}\n`);
    console.log(`wrote ${path.relative(process.cwd(), file)}`);
  } finally {
    await app.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

void main();
