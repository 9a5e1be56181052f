import { childPath, isWithinPath, nextHandlingLevel } from '../src/org/levels';
import { isConductComplaint, isSubTopicOf } from '../src/vocabulary/categories';

describe('materialised paths', () => {
  it('a child path is the parent path plus the id and a slash, and lies within it', () => {
    expect(childPath('/1/12/', 130)).toBe('/1/12/130/');
    expect(childPath('/', '1')).toBe('/1/');
    expect(isWithinPath(childPath('/1/12/', 130), '/1/12/')).toBe(true);
    expect(isWithinPath('/1/120/', '/1/12/')).toBe(false);
  });

  it('escalation climbs village → township → county and stops there', () => {
    expect(nextHandlingLevel('village')).toBe('township');
    expect(nextHandlingLevel('township')).toBe('county');
    expect(nextHandlingLevel('county')).toBeNull();
  });
});

describe('categories and their sub-topics', () => {
  it.each([
    ['difficulty', 'water', true],
    ['policy', 'social_security', true],
    ['conduct', 'attitude', true],
    ['conduct', 'other', true],
    ['conduct', 'water', false],
    ['difficulty', 'attitude', false],
    ['suggestion', 'integrity', false],
  ] as const)('%s / %s → %s', (category, subTopic, expected) => {
    expect(isSubTopicOf(category, subTopic)).toBe(expected);
  });

  it('an unknown category has no sub-topics', () => {
    expect(isSubTopicOf('unknown' as 'policy', 'other')).toBe(false);
  });

  it('only 干部作风 is a conduct complaint', () => {
    expect(isConductComplaint('conduct')).toBe(true);
    expect(isConductComplaint('difficulty')).toBe(false);
  });
});
