import { PHOTO_MIME_TYPES } from '@mqlk/shared';
import { sharp as sharpLibrary } from '../../common/heavy-libraries';

export type PhotoMime = (typeof PHOTO_MIME_TYPES)[number];

/** The long side of a stored photo: enough to read a meter or a document, small on a weak network. */
export const MAX_PHOTO_SIDE = 2048;
/**
 * Decoding a small file can still take a lot of memory (a 5 MB PNG can be 20000 × 20000): refuse
 * pictures above this many pixels. 100 MP is above any phone camera's default output.
 */
export const MAX_PHOTO_PIXELS = 100_000_000;

/**
 * The type of an image by its first bytes (never by the file name or the client's MIME type), or
 * null when it is not one of the accepted types.
 */
export function sniffPhotoType(data: Uint8Array): PhotoMime | null {
  const starts = (bytes: number[], at = 0) => bytes.every((b, i) => data[at + i] === b);
  if (starts([0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (starts([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  // RIFF <size> WEBP
  if (starts([0x52, 0x49, 0x46, 0x46]) && starts([0x57, 0x45, 0x42, 0x50], 8)) return 'image/webp';
  return null;
}

export interface NormalizedPhoto {
  data: Buffer;
  mime: 'image/jpeg';
  width: number;
  height: number;
}

export type NormalizeFailure = 'undecodable' | 'too_many_pixels';

export class PhotoDecodeError extends Error {
  constructor(readonly reason: NormalizeFailure) {
    super(`photo could not be processed: ${reason}`);
    this.name = 'PhotoDecodeError';
  }
}

/**
 * Re-encodes an uploaded photo: turned upright by its EXIF orientation, scaled down to
 * MAX_PHOTO_SIDE, and written as a fresh JPEG without any metadata, so EXIF (GPS position, camera,
 * time) never reaches storage. Always JPEG: WeChat's <Image> shows WebP only when asked to, and a
 * transparent PNG gets a white background.
 */
export async function normalizePhoto(input: Buffer): Promise<NormalizedPhoto> {
  try {
    const sharp = await sharpLibrary();
    const { data, info } = await sharp(input, {
      failOn: 'error',
      limitInputPixels: MAX_PHOTO_PIXELS,
      animated: false,
    })
      .rotate()
      .resize({
        width: MAX_PHOTO_SIDE,
        height: MAX_PHOTO_SIDE,
        fit: 'inside',
        withoutEnlargement: true,
      })
      .flatten({ background: '#ffffff' })
      .jpeg({ quality: 82 })
      .toBuffer({ resolveWithObject: true });
    return { data, mime: 'image/jpeg', width: info.width, height: info.height };
  } catch (err) {
    const tooBig = err instanceof Error && /pixel limit/i.test(err.message);
    throw new PhotoDecodeError(tooBig ? 'too_many_pixels' : 'undecodable');
  }
}
