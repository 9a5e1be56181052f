import { formatRequestNumber, localDateOf } from '@mqlk/shared';
import type { EntityManager } from 'typeorm';

/**
 * The next public number of the day (MQ-20261121-0042). The upsert takes the day's row lock on
 * MySQL, so concurrent submissions get distinct numbers; SQLite serialises writers anyway.
 */
export async function nextRequestNumber(m: EntityManager, at: Date): Promise<string> {
  const localDate = localDateOf(at);
  const day = localDate.replace(/-/g, '');
  const upsert =
    m.connection.options.type === 'better-sqlite3'
      ? 'INSERT INTO day_sequence (day, last_value) VALUES (?, 1) ON CONFLICT(day) DO UPDATE SET last_value = last_value + 1'
      : 'INSERT INTO day_sequence (day, last_value) VALUES (?, 1) ON DUPLICATE KEY UPDATE last_value = last_value + 1';
  await m.query(upsert, [day]);
  const rows: { last_value: number }[] = await m.query(
    'SELECT last_value FROM day_sequence WHERE day = ?',
    [day],
  );
  return formatRequestNumber(localDate, Number(rows[0]?.last_value));
}
