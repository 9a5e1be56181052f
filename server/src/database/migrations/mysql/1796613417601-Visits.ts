import { MigrationInterface, QueryRunner } from 'typeorm';

export class Visits1796613417601 implements MigrationInterface {
  name = 'Visits1796613417601';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE \`visit\` (\`id\` int NOT NULL AUTO_INCREMENT, \`household_id\` int NOT NULL, \`cadre_id\` int NOT NULL, \`visited_on\` varchar(10) NOT NULL, \`on_duty_day\` tinyint NOT NULL, \`met\` varchar(64) NOT NULL, \`found\` text NOT NULL, \`recorded_at\` datetime(6) NOT NULL, INDEX \`IDX_visit_cadre_visited_on\` (\`cadre_id\`, \`visited_on\`), INDEX \`IDX_visit_household_visited_on\` (\`household_id\`, \`visited_on\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(`ALTER TABLE \`household\` ADD \`last_visit_on\` varchar(10) NULL`);
    await queryRunner.query(`ALTER TABLE \`request\` ADD \`visit_id\` int NULL`);
    await queryRunner.query(`ALTER TABLE \`request_photo\` ADD \`visit_id\` int NULL`);
    await queryRunner.query(
      `CREATE INDEX \`IDX_household_org_unit_last_visit\` ON \`household\` (\`org_unit_id\`, \`last_visit_on\`)`,
    );
    await queryRunner.query(`CREATE INDEX \`IDX_request_visit_id\` ON \`request\` (\`visit_id\`)`);
    await queryRunner.query(
      `CREATE INDEX \`IDX_request_photo_visit_id\` ON \`request_photo\` (\`visit_id\`)`,
    );
    await queryRunner.query(
      `ALTER TABLE \`visit\` ADD CONSTRAINT \`FK_visit_household_id\` FOREIGN KEY (\`household_id\`) REFERENCES \`household\`(\`id\`) ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE \`visit\` ADD CONSTRAINT \`FK_visit_cadre_id\` FOREIGN KEY (\`cadre_id\`) REFERENCES \`cadre\`(\`id\`) ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE \`request\` ADD CONSTRAINT \`FK_request_visit_id\` FOREIGN KEY (\`visit_id\`) REFERENCES \`visit\`(\`id\`) ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE \`request_photo\` ADD CONSTRAINT \`FK_request_photo_visit_id\` FOREIGN KEY (\`visit_id\`) REFERENCES \`visit\`(\`id\`) ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE \`request_photo\` DROP FOREIGN KEY \`FK_request_photo_visit_id\``,
    );
    await queryRunner.query(`ALTER TABLE \`request\` DROP FOREIGN KEY \`FK_request_visit_id\``);
    await queryRunner.query(`ALTER TABLE \`visit\` DROP FOREIGN KEY \`FK_visit_cadre_id\``);
    await queryRunner.query(`ALTER TABLE \`visit\` DROP FOREIGN KEY \`FK_visit_household_id\``);
    await queryRunner.query(`DROP INDEX \`IDX_request_photo_visit_id\` ON \`request_photo\``);
    await queryRunner.query(`DROP INDEX \`IDX_request_visit_id\` ON \`request\``);
    await queryRunner.query(`DROP INDEX \`IDX_household_org_unit_last_visit\` ON \`household\``);
    await queryRunner.query(`ALTER TABLE \`request_photo\` DROP COLUMN \`visit_id\``);
    await queryRunner.query(`ALTER TABLE \`request\` DROP COLUMN \`visit_id\``);
    await queryRunner.query(`ALTER TABLE \`household\` DROP COLUMN \`last_visit_on\``);
    await queryRunner.query(`DROP INDEX \`IDX_visit_household_visited_on\` ON \`visit\``);
    await queryRunner.query(`DROP INDEX \`IDX_visit_cadre_visited_on\` ON \`visit\``);
    await queryRunner.query(`DROP TABLE \`visit\``);
  }
}
