import type { AppConfig } from '../../config/config';
import { LocalDiskStorage } from './local-disk-storage';
import { S3Storage } from './s3-storage';

/**
 * Where photo files live. Keys are made by the server (`2026/11/<uuid>.jpg`), never by clients.
 * Local disk is the development and test stand-in; production uses an S3/COS-compatible store.
 */
export interface PhotoStorage {
  put(key: string, data: Buffer, contentType: string): Promise<void>;
  /** The stored bytes, or null when there is no such object. */
  get(key: string): Promise<Buffer | null>;
}

/** Injection token: `@Inject(PHOTO_STORAGE) storage: PhotoStorage`. */
export const PHOTO_STORAGE = Symbol('PHOTO_STORAGE');

/** S3 when configured; else local disk, which refuses to start in production. */
export function createPhotoStorage(config: AppConfig): PhotoStorage {
  if (config.s3) return new S3Storage(config.s3);
  return new LocalDiskStorage(config.uploadDir, config.nodeEnv);
}
