import { MAX_KNOWN_NAMES, NameCache } from './name-cache';

describe('NameCache', () => {
  const setUp = () => {
    const asked: number[][] = [];
    const cache = new NameCache(async (ids) => {
      asked.push(ids);
      return new Map(ids.filter((id) => id !== 404).map((id) => [id, `名${id}`]));
    });
    return { cache, asked };
  };

  it('looks each id up once, and remembers the ones that have no name', async () => {
    const { cache, asked } = setUp();
    expect((await cache.get([1, 2, 2, 404])).get(2)).toBe('名2');
    const names = await cache.get([2, 3, 404]);
    expect([names.get(1), names.get(3), names.get(404)]).toEqual(['名1', '名3', '']);
    expect(await cache.get([1, 2, 3])).toBe(names);
    expect(asked).toEqual([[1, 2, 404], [3]]);
  });

  it('starts over instead of growing past its bound', async () => {
    const { cache, asked } = setUp();
    await cache.get(Array.from({ length: MAX_KNOWN_NAMES }, (_, i) => i + 1));
    const names = await cache.get([1, MAX_KNOWN_NAMES + 1]);
    expect(asked[1]).toEqual([1, MAX_KNOWN_NAMES + 1]);
    expect([...names.keys()]).toEqual([1, MAX_KNOWN_NAMES + 1]);
  });
});
