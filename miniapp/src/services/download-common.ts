/** What both platforms' downloads share (see download.h5.ts and download.weapp.ts). */

/** A file route to download: the path and query of the contract's route. */
export interface DownloadRequest {
  path: string;
  query?: Record<string, string | number | boolean | undefined>;
  /** The name to save under when the server names none. */
  fileName: string;
  /** What WeChat opens it as. */
  fileType: 'pdf' | 'xlsx';
  /** Bytes received so far, and the whole size when the server said it (a stream does not). */
  onProgress?: (received: number, total: number | null) => void;
}

export interface Downloaded {
  fileName: string;
  size: number;
}

/** `attachment; filename="a.pdf"; filename*=UTF-8''%E6%B0%91…`: the UTF-8 name when given. */
export function fileNameOf(disposition: string | null): string | null {
  if (!disposition) return null;
  const encoded = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(disposition);
  if (encoded?.[1]) {
    try {
      return decodeURIComponent(encoded[1].trim());
    } catch {
      // fall through to the plain name
    }
  }
  const plain = /filename\s*=\s*"?([^";]+)"?/i.exec(disposition);
  return plain?.[1]?.trim() || null;
}
