import { cardCodeFromLaunch, checkCardCode, type CardLinkCheck } from '@mqlk/shared';

/**
 * The card code a page was opened with: `code` when we navigated here ourselves, `q` (the scanned
 * link, 扫普通链接二维码) or `scene` (a mini-program code) when WeChat launched it from a scan.
 */
export function cardCodeOfPage(params: Partial<Record<string, string>>): CardLinkCheck {
  if (params.code) return checkCardCode(params.code);
  return cardCodeFromLaunch({ q: params.q ?? null, scene: params.scene ?? null });
}
