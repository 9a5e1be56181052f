import type { QueryRunner } from 'typeorm';
import { auditHash } from '../../modules/audit/audit.repository';
import { fromDbTime } from '../locking';

const GENESIS = '0'.repeat(64);

/**
 * Chains the audit rows written before the chain existed (oldest first), and makes the table
 * append-only in the database itself: triggers refuse every UPDATE and DELETE on it, whoever asks.
 */
export async function chainExistingAuditRows(queryRunner: QueryRunner): Promise<void> {
  await queryRunner.query(
    'UPDATE audit_log SET actor_name = (SELECT display_name FROM user_account WHERE user_account.id = audit_log.actor_user_id) WHERE actor_user_id IS NOT NULL',
  );
  const rows: {
    id: number;
    actor_user_id: number | null;
    actor_name: string;
    action: string;
    target_type: string;
    target_id: number | null;
    unit_path: string;
    detail: string | null;
    created_at: Date | string;
  }[] = await queryRunner.query('SELECT * FROM audit_log ORDER BY id');
  let prev = GENESIS;
  let lastId = 0;
  for (const r of rows) {
    prev = auditHash(prev, {
      actorUserId: r.actor_user_id,
      actorName: r.actor_name,
      action: r.action,
      targetType: r.target_type,
      targetId: r.target_id,
      unitPath: r.unit_path,
      detail: r.detail === null ? null : JSON.parse(r.detail),
      createdAt: fromDbTime(r.created_at),
    });
    lastId = r.id;
    await queryRunner.query('UPDATE audit_log SET hash = ? WHERE id = ?', [prev, r.id]);
  }
  await queryRunner.query('INSERT INTO audit_chain (id, last_id, last_hash) VALUES (1, ?, ?)', [
    lastId,
    prev,
  ]);
  await appendOnlyTriggers(queryRunner);
}

const MESSAGE = 'audit_log is append-only';

export async function appendOnlyTriggers(queryRunner: QueryRunner): Promise<void> {
  const sqlite = queryRunner.connection.options.type === 'better-sqlite3';
  for (const op of ['UPDATE', 'DELETE']) {
    const name = `audit_log_no_${op.toLowerCase()}`;
    await queryRunner.query(
      sqlite
        ? `CREATE TRIGGER ${name} BEFORE ${op} ON audit_log BEGIN SELECT RAISE(ABORT, '${MESSAGE}'); END`
        : `CREATE TRIGGER ${name} BEFORE ${op} ON audit_log FOR EACH ROW SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = '${MESSAGE}'`,
    );
  }
}

export async function dropAppendOnlyTriggers(queryRunner: QueryRunner): Promise<void> {
  await queryRunner.query('DROP TRIGGER IF EXISTS audit_log_no_update');
  await queryRunner.query('DROP TRIGGER IF EXISTS audit_log_no_delete');
}
