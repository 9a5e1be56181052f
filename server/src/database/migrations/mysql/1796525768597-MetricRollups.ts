import { MigrationInterface, QueryRunner } from 'typeorm';

export class MetricRollups1796525768597 implements MigrationInterface {
  name = 'MetricRollups1796525768597';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE \`metric_monthly\` (\`received\` int NOT NULL DEFAULT '0', \`resolved\` int NOT NULL DEFAULT '0', \`resolved_rated\` int NOT NULL DEFAULT '0', \`resolved_village\` int NOT NULL DEFAULT '0', \`resolved_township\` int NOT NULL DEFAULT '0', \`resolved_county\` int NOT NULL DEFAULT '0', \`rating_1\` int NOT NULL DEFAULT '0', \`rating_2\` int NOT NULL DEFAULT '0', \`rating_3\` int NOT NULL DEFAULT '0', \`rating_4\` int NOT NULL DEFAULT '0', \`rating_5\` int NOT NULL DEFAULT '0', \`answered\` int NOT NULL DEFAULT '0', \`solved\` int NOT NULL DEFAULT '0', \`accepted\` int NOT NULL DEFAULT '0', \`acceptance_ms\` bigint NOT NULL DEFAULT '0', \`founded_bad\` int NOT NULL DEFAULT '0', \`rectified\` int NOT NULL DEFAULT '0', \`accept_due\` int NOT NULL DEFAULT '0', \`accept_met\` int NOT NULL DEFAULT '0', \`deadline_due\` int NOT NULL DEFAULT '0', \`deadline_met\` int NOT NULL DEFAULT '0', \`month\` int NOT NULL, \`owner_user_id\` int NOT NULL, \`unit_path\` varchar(255) NOT NULL, \`self_subject\` tinyint NOT NULL, \`next_day\` int NOT NULL, PRIMARY KEY (\`month\`, \`owner_user_id\`, \`unit_path\`, \`self_subject\`, \`next_day\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`metric_fact\` (\`received\` int NOT NULL DEFAULT '0', \`resolved\` int NOT NULL DEFAULT '0', \`resolved_rated\` int NOT NULL DEFAULT '0', \`resolved_village\` int NOT NULL DEFAULT '0', \`resolved_township\` int NOT NULL DEFAULT '0', \`resolved_county\` int NOT NULL DEFAULT '0', \`rating_1\` int NOT NULL DEFAULT '0', \`rating_2\` int NOT NULL DEFAULT '0', \`rating_3\` int NOT NULL DEFAULT '0', \`rating_4\` int NOT NULL DEFAULT '0', \`rating_5\` int NOT NULL DEFAULT '0', \`answered\` int NOT NULL DEFAULT '0', \`solved\` int NOT NULL DEFAULT '0', \`accepted\` int NOT NULL DEFAULT '0', \`acceptance_ms\` bigint NOT NULL DEFAULT '0', \`founded_bad\` int NOT NULL DEFAULT '0', \`rectified\` int NOT NULL DEFAULT '0', \`accept_due\` int NOT NULL DEFAULT '0', \`accept_met\` int NOT NULL DEFAULT '0', \`deadline_due\` int NOT NULL DEFAULT '0', \`deadline_met\` int NOT NULL DEFAULT '0', \`request_id\` int NOT NULL, \`seq\` smallint NOT NULL, \`day\` int NOT NULL, \`month\` int NOT NULL, \`owner_user_id\` int NOT NULL, \`unit_path\` varchar(255) NOT NULL, \`self_subject\` tinyint NOT NULL, \`next_day\` int NOT NULL, \`due_at\` bigint NOT NULL, INDEX \`IDX_metric_fact_owner_day\` (\`owner_user_id\`, \`day\`), INDEX \`IDX_metric_fact_unit_day\` (\`unit_path\`, \`day\`), PRIMARY KEY (\`request_id\`, \`seq\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`metric_daily\` (\`received\` int NOT NULL DEFAULT '0', \`resolved\` int NOT NULL DEFAULT '0', \`resolved_rated\` int NOT NULL DEFAULT '0', \`resolved_village\` int NOT NULL DEFAULT '0', \`resolved_township\` int NOT NULL DEFAULT '0', \`resolved_county\` int NOT NULL DEFAULT '0', \`rating_1\` int NOT NULL DEFAULT '0', \`rating_2\` int NOT NULL DEFAULT '0', \`rating_3\` int NOT NULL DEFAULT '0', \`rating_4\` int NOT NULL DEFAULT '0', \`rating_5\` int NOT NULL DEFAULT '0', \`answered\` int NOT NULL DEFAULT '0', \`solved\` int NOT NULL DEFAULT '0', \`accepted\` int NOT NULL DEFAULT '0', \`acceptance_ms\` bigint NOT NULL DEFAULT '0', \`founded_bad\` int NOT NULL DEFAULT '0', \`rectified\` int NOT NULL DEFAULT '0', \`accept_due\` int NOT NULL DEFAULT '0', \`accept_met\` int NOT NULL DEFAULT '0', \`deadline_due\` int NOT NULL DEFAULT '0', \`deadline_met\` int NOT NULL DEFAULT '0', \`day\` int NOT NULL, \`owner_user_id\` int NOT NULL, \`unit_path\` varchar(255) NOT NULL, \`self_subject\` tinyint NOT NULL, \`next_day\` int NOT NULL, \`due_at\` bigint NOT NULL, \`month\` int NOT NULL, PRIMARY KEY (\`day\`, \`owner_user_id\`, \`unit_path\`, \`self_subject\`, \`next_day\`, \`due_at\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`metric_category_daily\` (\`day\` int NOT NULL, \`unit_path\` varchar(255) NOT NULL, \`category\` varchar(16) NOT NULL, \`month\` int NOT NULL, \`received\` int NOT NULL DEFAULT '0', PRIMARY KEY (\`day\`, \`unit_path\`, \`category\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`metric_category_monthly\` (\`month\` int NOT NULL, \`unit_path\` varchar(255) NOT NULL, \`category\` varchar(16) NOT NULL, \`received\` int NOT NULL DEFAULT '0', PRIMARY KEY (\`month\`, \`unit_path\`, \`category\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE INDEX \`IDX_rating_owner_unit_path_created\` ON \`rating\` (\`owner_unit_path\`, \`created_at\`)`,
    );
    await queryRunner.query(
      `ALTER TABLE \`metric_fact\` ADD CONSTRAINT \`FK_metric_fact_request_id\` FOREIGN KEY (\`request_id\`) REFERENCES \`request\`(\`id\`) ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE \`metric_fact\` DROP FOREIGN KEY \`FK_metric_fact_request_id\``,
    );
    await queryRunner.query(`DROP INDEX \`IDX_rating_owner_unit_path_created\` ON \`rating\``);
    await queryRunner.query(`DROP TABLE \`metric_category_monthly\``);
    await queryRunner.query(`DROP TABLE \`metric_category_daily\``);
    await queryRunner.query(`DROP TABLE \`metric_daily\``);
    await queryRunner.query(`DROP INDEX \`IDX_metric_fact_unit_day\` ON \`metric_fact\``);
    await queryRunner.query(`DROP INDEX \`IDX_metric_fact_owner_day\` ON \`metric_fact\``);
    await queryRunner.query(`DROP TABLE \`metric_fact\``);
    await queryRunner.query(`DROP TABLE \`metric_monthly\``);
  }
}
