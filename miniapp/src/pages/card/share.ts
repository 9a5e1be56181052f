import type { CardView } from '@mqlk/shared';

import { routeOf } from '../../constants/routes';

/**
 * What a card shared in WeChat says (转发给邻居, 分享到朋友圈): whom it reaches, and a way back to
 * the same card by its code. A stopped or unknown card is shared by its code alone; the page it
 * opens says what became of it.
 */
export function cardShare(code: string, card: CardView | null) {
  const title =
    card && card.code === code && !card.replacedBy
      ? `${card.cadre.name}（${card.cadre.post}）的民情联系卡，有事可以找${card.cadre.name}`
      : '民情联系卡';
  return { title, path: routeOf('card', { code }), query: `code=${encodeURIComponent(code)}` };
}
