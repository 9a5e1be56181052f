import type { QueryRunner } from 'typeorm';

/**
 * Deadline clocks for requests made before clocks were kept as rows: one accept and one resolve
 * (or rectify) clock each, from the due times and stamps the request row held. Runs before
 * `accepted_at` is dropped. The SQL is the same on MySQL/MariaDB and SQLite, whose datetime text
 * compares in time order.
 */
export async function backfillClocks(queryRunner: QueryRunner): Promise<void> {
  const columns =
    'request_id, kind, round, owner_user_id, owner_unit_id, owner_unit_path, level, started_at, due_at, stopped_at, stop, result';
  await queryRunner.query(
    `INSERT INTO request_clock (${columns})
     SELECT id, 'accept', 1, owner_user_id, owner_unit_id, owner_unit_path, level, submitted_at,
            accept_due_at, accepted_at,
            CASE WHEN accepted_at IS NULL THEN NULL ELSE 'goal' END,
            CASE WHEN accepted_at IS NULL THEN NULL
                 WHEN accepted_at <= accept_due_at THEN 'met' ELSE 'missed' END
       FROM request WHERE status <> 'pending_confirmation'`,
  );
  await queryRunner.query(
    `INSERT INTO request_clock (${columns})
     SELECT id, CASE WHEN round = 2 THEN 'rectify' ELSE 'resolve' END, round, owner_user_id,
            owner_unit_id, owner_unit_path, level, submitted_at, due_at,
            CASE WHEN status IN ('submitted', 'in_progress', 'rectifying') THEN NULL
                 ELSE COALESCE(resolved_at, updated_at) END,
            CASE WHEN status IN ('submitted', 'in_progress', 'rectifying') THEN NULL
                 WHEN resolved_at IS NULL THEN 'other' ELSE 'goal' END,
            CASE WHEN status IN ('submitted', 'in_progress', 'rectifying') THEN NULL
                 WHEN COALESCE(resolved_at, updated_at) > due_at THEN 'missed'
                 WHEN resolved_at IS NULL THEN 'void' ELSE 'met' END
       FROM request WHERE status <> 'pending_confirmation'`,
  );
}
