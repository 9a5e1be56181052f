import { CONFIRMATION_TOKEN_PATTERN } from '@mqlk/shared';

const CONFIRM_LINK = /\/confirm\/([0-9A-Za-z]+)\/?(?:[?#].*)?$/;

/**
 * The confirmation code a page was opened with: `token` when we navigated here ourselves, or `q`
 * (the scanned link, 扫普通链接二维码 configured for `/confirm/`) when WeChat opened it from a scan.
 */
export function confirmTokenOfPage(params: Partial<Record<string, string>>): string | null {
  let token = params.token ?? null;
  if (!token && params.q) {
    let link: string;
    try {
      link = decodeURIComponent(params.q);
    } catch {
      return null;
    }
    token = CONFIRM_LINK.exec(link)?.[1] ?? null;
  }
  return token && CONFIRMATION_TOKEN_PATTERN.test(token) ? token : null;
}
