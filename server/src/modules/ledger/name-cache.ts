/** Beyond this many names an export's cache starts over: a county's cadres fit many times. */
export const MAX_KNOWN_NAMES = 20_000;

/**
 * Names by id, each looked up once per export (and kept as '' when there is none): the cadres and
 * handlers of a township come back batch after batch, so most batches need no lookup of them.
 */
export class NameCache {
  private readonly names = new Map<number, string>();

  constructor(private readonly lookup: (ids: number[]) => Promise<Map<number, string>>) {}

  async get(ids: readonly number[]): Promise<ReadonlyMap<number, string>> {
    const wanted = [...new Set(ids)];
    let missing = wanted.filter((id) => !this.names.has(id));
    if (this.names.size + missing.length > MAX_KNOWN_NAMES) {
      this.names.clear();
      missing = wanted;
    }
    if (missing.length > 0) {
      const found = await this.lookup(missing);
      for (const id of missing) this.names.set(id, found.get(id) ?? '');
    }
    return this.names;
  }
}
