import { CONFIRMATION_TOKEN_PATTERN } from '@mqlk/shared';

const CONFIRM_PATH = /^\/confirm\/([^/]+)\/?$/;

/**
 * The 当场解决 confirmation code a page was opened with: `?token=` when we navigated here
 * ourselves, else the path of the link, `/confirm/<token>` (Taro gives pages only the query
 * string, so read it directly). Null when there is none or it is not one of ours.
 */
export function confirmTokenOfPage(params: Partial<Record<string, string>>): string | null {
  let token = params.token ?? null;
  if (!token) {
    const match = CONFIRM_PATH.exec(window.location.pathname);
    if (!match?.[1]) return null;
    try {
      token = decodeURIComponent(match[1]);
    } catch {
      return null;
    }
  }
  return CONFIRMATION_TOKEN_PATTERN.test(token) ? token : null;
}
