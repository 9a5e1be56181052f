import { MigrationInterface, QueryRunner } from 'typeorm';

export class MetricDue1796606797964 implements MigrationInterface {
  name = 'MetricDue1796606797964';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`IDX_metric_fact_pending\` ON \`metric_fact\``);
    await queryRunner.query(
      `CREATE TABLE \`metric_due\` (\`due_at\` bigint NOT NULL, \`unit_path\` varchar(255) NOT NULL, \`owner_user_id\` int NOT NULL, \`self_subject\` tinyint NOT NULL, \`next_day\` int NOT NULL, \`accept_due\` int NOT NULL DEFAULT '0', \`accept_met\` int NOT NULL DEFAULT '0', \`deadline_due\` int NOT NULL DEFAULT '0', \`deadline_met\` int NOT NULL DEFAULT '0', PRIMARY KEY (\`due_at\`, \`unit_path\`, \`owner_user_id\`, \`self_subject\`, \`next_day\`)) ENGINE=InnoDB`,
    );
    // Written by hand: the clocks already in metric_fact, summed as the repository keeps them
    // (MetricRepository.fillRollups), so that figures stay exact without waiting for a rebuild.
    await queryRunner.query(
      `INSERT INTO metric_due (due_at, unit_path, owner_user_id, self_subject, next_day, accept_due, accept_met, deadline_due, deadline_met) SELECT due_at, unit_path, owner_user_id, self_subject, next_day, SUM(accept_due), SUM(accept_met), SUM(deadline_due), SUM(deadline_met) FROM metric_fact WHERE due_at > 0 GROUP BY due_at, unit_path, owner_user_id, self_subject, next_day`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE \`metric_due\``);
    await queryRunner.query(
      `CREATE INDEX \`IDX_metric_fact_pending\` ON \`metric_fact\` (\`due_at\`, \`unit_path\`, \`owner_user_id\`, \`self_subject\`, \`next_day\`, \`accept_due\`, \`accept_met\`, \`deadline_due\`, \`deadline_met\`, \`month\`)`,
    );
  }
}
