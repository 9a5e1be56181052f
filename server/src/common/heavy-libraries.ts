/**
 * The heavy libraries — spreadsheets, PDFs, image decoding, audio parsing, the speech-to-text SDK —
 * loaded on first use instead of at
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
/** ~13 MB: only a process that takes voice uploads needs it. */
export const musicMetadata = once(async () => await import('music-metadata'));
/** ~9 MB: only with Tencent ASR configured, at the first recording. */
export const tencentAsr = once(async () => (await import('tencentcloud-sdk-nodejs-asr')).asr);
