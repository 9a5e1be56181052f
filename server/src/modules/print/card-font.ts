import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';

/** One face of a font file; `face` is the PostScript name that picks a face out of a .ttc/.otc. */
export interface FontFace {
  path: string;
  face?: string;
}

/** The faces the card sheet embeds (pdfkit subsets them) and where they came from, for messages. */
export interface CardFont {
  regular: FontFace;
  bold: FontFace;
  source: 'env' | 'system' | 'bundled';
}

const SYSTEM_DIR = '/usr/share/fonts/opentype/noto';

/**
 * Where the Chinese font comes from, first match wins:
 *   1. CARD_FONT_PATH (a .ttf/.otf; a .ttc/.otc also needs CARD_FONT_FACE, its PostScript name);
 *   2. Debian's fonts-noto-cjk, the Simplified Chinese faces of its collections;
 *   3. @embedpdf/fonts-sc: Noto Sans Hans as plain OTF files (8 MB a weight, ~31k glyphs, so rare
 *      name characters such as 堃 喆 镕 are there too), a dependency, so a machine with only
 *      Node still prints real, embedded text.
 */
export function resolveCardFont(
  env: NodeJS.ProcessEnv = process.env,
  exists: (file: string) => boolean = existsSync,
): CardFont {
  const fromEnv = env.CARD_FONT_PATH?.trim();
  if (fromEnv) {
    if (!exists(fromEnv)) throw new Error(`CARD_FONT_PATH points to a missing file: ${fromEnv}`);
    const face = env.CARD_FONT_FACE?.trim() || undefined;
    if (/\.(ttc|otc)$/i.test(fromEnv) && !face) {
      throw new Error(
        'CARD_FONT_PATH is a font collection: set CARD_FONT_FACE to the PostScript name of a ' +
          'Simplified Chinese face, e.g. NotoSansCJKsc-Regular',
      );
    }
    const regular = { path: fromEnv, ...(face ? { face } : {}) };
    return { regular, bold: regular, source: 'env' };
  }

  const systemRegular = path.join(SYSTEM_DIR, 'NotoSansCJK-Regular.ttc');
  if (exists(systemRegular)) {
    const systemBold = path.join(SYSTEM_DIR, 'NotoSansCJK-Bold.ttc');
    const regular = { path: systemRegular, face: 'NotoSansCJKsc-Regular' };
    const bold = exists(systemBold) ? { path: systemBold, face: 'NotoSansCJKsc-Bold' } : regular;
    return { regular, bold, source: 'system' };
  }

  const bundled = bundledFontDir();
  const bundledRegular = bundled && path.join(bundled, 'NotoSansHans-Regular.otf');
  if (bundled && bundledRegular && exists(bundledRegular)) {
    const bundledBold = path.join(bundled, 'NotoSansHans-Bold.otf');
    const regular = { path: bundledRegular };
    return {
      regular,
      bold: exists(bundledBold) ? { path: bundledBold } : regular,
      source: 'bundled',
    };
  }

  throw new Error(
    'No Chinese font for the card sheet: run `pnpm install` (it brings @embedpdf/fonts-sc), ' +
      '`apt-get install fonts-noto-cjk`, or set CARD_FONT_PATH to a .ttf/.otf file',
  );
}

function bundledFontDir(): string | null {
  try {
    // The package exports only its index (dist/index.cjs); the fonts sit in ../fonts beside it.
    return path.join(path.dirname(require.resolve('@embedpdf/fonts-sc')), '..', 'fonts');
  } catch {
    return null;
  }
}

// Font files are 8–20 MB: read each once per process, not once per printed sheet.
const fileCache = new Map<string, Buffer>();

export function fontBytes(face: FontFace): Buffer {
  let bytes = fileCache.get(face.path);
  if (!bytes) {
    bytes = readFileSync(face.path);
    fileCache.set(face.path, bytes);
  }
  return bytes;
}
