import { isValidCardCode } from '@mqlk/shared';
import { DEMO_CARD_CODES, DEMO_REVOKED_CARD_CODE, deterministicRandom } from './demo-data';

describe('demo card codes', () => {
  // Pinned: the README and people's bookmarks name them, so they must not drift between machines
  // or versions. A change in shared's code format shows up here first.
  it('are the same everywhere', () => {
    expect(DEMO_CARD_CODES).toEqual({
      cadre01: '0bM6ff7tDWQaU',
      cadre02: '1NRYFDzAWW8ej',
      cadre03: 'fN93CTGFyHoZ1',
      cadre04: '6Qdl1OWoXwNqU',
      cadre05: 'IC4chzOPgcOt3',
      cadre06: 'yZuz75DsP1CW5',
      cadre07: 'MRSTajwaSAAZ9',
      cadre08: 'eceXIoptAE6hk',
      cadre09: 'baKtmOvkn72mX',
      cadre10: 'wYMM7Tcb73oXv',
    });
    expect(DEMO_REVOKED_CARD_CODE).toBe('cfC5aK6PAiVf8');
  });

  it('are valid, distinct card codes', () => {
    const codes = [...Object.values(DEMO_CARD_CODES), DEMO_REVOKED_CARD_CODE];
    expect(codes.every(isValidCardCode)).toBe(true);
    expect(new Set(codes).size).toBe(codes.length);
  });
});

describe('deterministicRandom', () => {
  it('gives the same bytes for the same label, more than one hash long', () => {
    const a = deterministicRandom('x')(40);
    expect(a).toHaveLength(40);
    expect(deterministicRandom('x')(40)).toEqual(a);
    expect(deterministicRandom('y')(40)).not.toEqual(a);
  });

  it('moves on between calls', () => {
    const random = deterministicRandom('x');
    expect(random(8)).not.toEqual(random(8));
  });
});
