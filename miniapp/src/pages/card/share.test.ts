import type { CardView } from '@mqlk/shared';

import { cardShare } from './share';

const card = {
  code: 'K7Q2M9P4',
  cadre: { name: '张建国', post: '村党支部书记' },
  replacedBy: null,
} as CardView;

describe('a shared card', () => {
  it('names the cadre and opens the same card by its code', () => {
    expect(cardShare('K7Q2M9P4', card)).toEqual({
      title: '张建国（村党支部书记）的民情联系卡，有事可以找张建国',
      path: '/pages/card/index?code=K7Q2M9P4',
      query: 'code=K7Q2M9P4',
    });
  });

  it('names nobody for a card replaced by a new one, or one that has not loaded', () => {
    expect(cardShare('K7Q2M9P4', { ...card, replacedBy: 'A2B3C4D5' }).title).toBe('民情联系卡');
    expect(cardShare('K7Q2M9P4', null).title).toBe('民情联系卡');
    expect(cardShare('A2B3C4D5', card)).toMatchObject({
      title: '民情联系卡',
      path: '/pages/card/index?code=A2B3C4D5',
    });
  });
});
