/** A download's `Content-Disposition`: the Chinese name (RFC 5987) and an ASCII one for old clients. */
export function attachment(name: string, ascii: string): string {
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}
