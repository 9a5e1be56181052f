import { MigrationInterface, QueryRunner } from 'typeorm';

export class PendingClocksIndex1796595829174 implements MigrationInterface {
  name = 'PendingClocksIndex1796595829174';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`IDX_metric_fact_due_at\` ON \`metric_fact\``);
    await queryRunner.query(
      `CREATE INDEX \`IDX_metric_fact_pending\` ON \`metric_fact\` (\`due_at\`, \`unit_path\`, \`owner_user_id\`, \`self_subject\`, \`next_day\`, \`accept_due\`, \`accept_met\`, \`deadline_due\`, \`deadline_met\`, \`month\`)`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`IDX_metric_fact_pending\` ON \`metric_fact\``);
    await queryRunner.query(
      `CREATE INDEX \`IDX_metric_fact_due_at\` ON \`metric_fact\` (\`due_at\`)`,
    );
  }
}
