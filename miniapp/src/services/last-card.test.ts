import type { CardView } from '@mqlk/shared';

import { storage } from '../../test/taro-mock';
import { LAST_CARD_STORAGE_KEY, forgetCard, rememberCard, rememberedCard } from './last-card';

const card: CardView = {
  code: 'K7Q2M9P4',
  cadre: {
    id: 1,
    name: '张建国',
    post: '村党支部书记',
    phone: '13800000101',
    duties: '村里大小事',
    dutyDays: '每周一、三、五',
    photoUrl: null,
    unitName: '东岭村',
  },
  villageName: '东岭村',
  townshipName: '石桥镇',
  hotlines: [{ name: '镇便民服务中心', phone: '0571-12345678' }],
  handedOverFrom: null,
  replacedBy: null,
  helpCard: false,
};

beforeEach(() => storage.clear());

describe('the last card opened', () => {
  it('is shown again for the same code, and only for it', () => {
    rememberCard(card);
    expect(rememberedCard('K7Q2M9P4')).toEqual(card);
    expect(rememberedCard('A2B3C4D5')).toBeNull();
  });

  it('is one card: a newer one replaces it', () => {
    rememberCard(card);
    rememberCard({ ...card, code: 'A2B3C4D5' });
    expect(rememberedCard('K7Q2M9P4')).toBeNull();
    expect(rememberedCard('A2B3C4D5')?.code).toBe('A2B3C4D5');
  });

  it('ignores a kept copy of another shape (an older version of the app wrote it)', () => {
    storage.set(LAST_CARD_STORAGE_KEY, { code: 'K7Q2M9P4', name: '张建国' });
    expect(rememberedCard('K7Q2M9P4')).toBeNull();
  });

  it('is forgotten when the server says the card is gone, but not another card', () => {
    rememberCard(card);
    forgetCard('A2B3C4D5');
    expect(rememberedCard('K7Q2M9P4')).toEqual(card);
    forgetCard('K7Q2M9P4');
    expect(storage.has(LAST_CARD_STORAGE_KEY)).toBe(false);
  });
});
