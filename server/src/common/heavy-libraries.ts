/**
 * The heavy libraries — spreadsheets, PDFs, image decoding — loaded on first use instead of at
 * start: together about 50 MB of a server's memory and part of its cold start, which a process
 * answering scans and submissions never needs (issue 11). Each is required once, then kept.
 */
function once<T>(load: () => Promise<T>): () => Promise<T> {
  let loaded: Promise<T> | undefined;
  return () => (loaded ??= load());
}

export const exceljs = once(async () => (await import('exceljs')).default);
export const pdfkit = once(async () => (await import('pdfkit')).default);
export const sharp = once(async () => (await import('sharp')).default);
