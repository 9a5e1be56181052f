import { storage } from '../../../../test/taro-mock';
import { newIdempotencyKey } from '../../../utils/idempotency';
import { draftStorageKey, loadDraft, saveDraft } from './draft';

describe('draft', () => {
  it('starts fresh, with an idempotency key, for a card without a draft', () => {
    const draft = loadDraft('CARD1');

    expect(draft).toMatchObject({ cardCode: 'CARD1', category: null, text: '', consent: false });
    expect(draft.idempotencyKey).toMatch(/^[0-9a-z]+-[0-9a-f]{32}$/);
  });

  it('keeps one draft per card', () => {
    saveDraft({ ...loadDraft('CARD1'), text: '一号卡的草稿' });

    expect(loadDraft('CARD1').text).toBe('一号卡的草稿');
    expect(loadDraft('CARD2').text).toBe('');
  });

  it('keeps what is readable of a damaged draft', () => {
    storage.set(draftStorageKey('CARD1'), {
      category: 'not-a-category',
      subTopic: 'water',
      text: '水管破了',
      photos: [{ id: 3, url: '/p/3', width: 1, height: 1 }, { id: 'x' }],
      idempotencyKey: 'k-1',
    });

    expect(loadDraft('CARD1')).toMatchObject({
      category: null,
      subTopic: 'water',
      text: '水管破了',
      photos: [{ id: 3 }],
      idempotencyKey: 'k-1',
    });
  });

  it('makes a different key each time, within the 64 characters the server keeps', () => {
    const keys = new Set(Array.from({ length: 50 }, newIdempotencyKey));

    expect(keys.size).toBe(50);
    for (const key of keys) expect(key.length).toBeLessThanOrEqual(64);
  });
});
