import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import type { NodeEnv } from '../../config/config';
import type { PhotoStorage } from './photo-storage';

const KEY_PATTERN = /^[0-9A-Za-z][0-9A-Za-z._-]*(\/[0-9A-Za-z][0-9A-Za-z._-]*)*$/;

/**
 * Photos as files under one directory: for development, tests and a one-machine trial. One server
 * only (other instances would not see the files), hence refused when NODE_ENV=production.
 */
export class LocalDiskStorage implements PhotoStorage {
  constructor(
    private readonly root: string,
    nodeEnv: NodeEnv,
  ) {
    if (nodeEnv === 'production') {
      throw new Error(
        'Photo storage: the local disk stand-in is not allowed when NODE_ENV=production. ' +
          'Set S3_ENDPOINT, S3_BUCKET, S3_ACCESS_KEY and S3_SECRET_KEY (see server/.env.example).',
      );
    }
  }

  async put(key: string, data: Buffer): Promise<void> {
    const file = this.fileOf(key);
    await fs.mkdir(path.dirname(file), { recursive: true });
    // Written aside and renamed, so a reader never sees half a file.
    const temp = `${file}.${randomBytes(6).toString('hex')}.tmp`;
    await fs.writeFile(temp, data);
    await fs.rename(temp, file);
  }

  async get(key: string): Promise<Buffer | null> {
    try {
      return await fs.readFile(this.fileOf(key));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw err;
    }
  }

  private fileOf(key: string): string {
    if (!KEY_PATTERN.test(key) || key.split('/').some((part) => part === '..' || part === '.')) {
      throw new Error(`not a storage key: ${JSON.stringify(key)}`);
    }
    return path.join(this.root, ...key.split('/'));
  }
}
