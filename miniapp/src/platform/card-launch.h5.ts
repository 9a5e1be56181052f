import { checkCardCode, type CardLinkCheck } from '@mqlk/shared';

const CARD_PATH = /^\/c\/([^/]+)\/?$/;

/**
 * The card code a page was opened with: `?code=` when we navigated here ourselves, else the path
 * of the scanned link, `/c/<code>` (Taro gives pages only the query string, so read it directly).
 */
export function cardCodeOfPage(params: Partial<Record<string, string>>): CardLinkCheck {
  if (params.code) return checkCardCode(params.code);
  const match = CARD_PATH.exec(window.location.pathname);
  if (!match?.[1]) return { ok: false, reason: 'not_card_link' };
  let code: string;
  try {
    code = decodeURIComponent(match[1]);
  } catch {
    return { ok: false, reason: 'malformed' };
  }
  return checkCardCode(code);
}
