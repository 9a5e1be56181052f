import { MigrationInterface, QueryRunner } from 'typeorm';

/** The measures, as metric_fact and metric_daily both name them. */
const MEASURES =
  'received, resolved, resolved_rated, resolved_village, resolved_township, resolved_county, rating_1, rating_2, rating_3, rating_4, rating_5, answered, solved, accepted, acceptance_ms, founded_bad, rectified, accept_due, accept_met, deadline_due, deadline_met';

/**
 * metric_daily refilled from metric_fact under a key (its rows cannot be regrouped in place: the
 * old key is finer than the new one, or lacks a column).
 */
function refillDaily(key: string): string {
  const sums = MEASURES.split(', ')
    .map((c) => `SUM(${c})`)
    .join(', ');
  return `INSERT INTO metric_daily (${key}, month, ${MEASURES}) SELECT ${key}, month, ${sums} FROM metric_fact GROUP BY ${key}, month`;
}

const BY_DAY = 'day, owner_user_id, unit_path, self_subject, next_day';

export class DailyRollupByDay1796538728629 implements MigrationInterface {
  name = 'DailyRollupByDay1796538728629';

  /** The daily rollup loses due_at from its key: emptied, reshaped, refilled from the facts. */
  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM metric_daily`);
    await queryRunner.query(`ALTER TABLE \`metric_daily\` DROP PRIMARY KEY`);
    await queryRunner.query(
      `ALTER TABLE \`metric_daily\` ADD PRIMARY KEY (\`day\`, \`owner_user_id\`, \`unit_path\`, \`self_subject\`, \`next_day\`)`,
    );
    await queryRunner.query(`ALTER TABLE \`metric_daily\` DROP COLUMN \`due_at\``);
    await queryRunner.query(
      `CREATE INDEX \`IDX_metric_fact_due_at\` ON \`metric_fact\` (\`due_at\`)`,
    );
    await queryRunner.query(refillDaily(BY_DAY));
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM metric_daily`);
    await queryRunner.query(`DROP INDEX \`IDX_metric_fact_due_at\` ON \`metric_fact\``);
    await queryRunner.query(`ALTER TABLE \`metric_daily\` ADD \`due_at\` bigint NOT NULL`);
    await queryRunner.query(`ALTER TABLE \`metric_daily\` DROP PRIMARY KEY`);
    await queryRunner.query(
      `ALTER TABLE \`metric_daily\` ADD PRIMARY KEY (\`day\`, \`owner_user_id\`, \`unit_path\`, \`self_subject\`, \`next_day\`, \`due_at\`)`,
    );
    await queryRunner.query(refillDaily(`${BY_DAY}, due_at`));
  }
}
