/** Ids per IN list: SQLite allows 32,766 parameters, MySQL 65,535; stay well below both. */
export const IN_BATCH = 1000;

/** Runs a query per batch of ids and joins the rows. */
export async function inBatches<T>(
  ids: readonly number[],
  query: (batch: number[]) => Promise<T[]>,
): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < ids.length; i += IN_BATCH)
    out.push(...(await query(ids.slice(i, i + IN_BATCH))));
  return out;
}
