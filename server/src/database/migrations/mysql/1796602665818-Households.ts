import { MigrationInterface, QueryRunner } from 'typeorm';

export class Households1796602665818 implements MigrationInterface {
  name = 'Households1796602665818';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE \`household\` (\`id\` int NOT NULL AUTO_INCREMENT, \`org_unit_id\` int NOT NULL, \`group_name\` varchar(32) NOT NULL DEFAULT '', \`house_number\` varchar(32) NOT NULL, \`head_name\` varchar(64) NOT NULL, \`member_count\` int NOT NULL, \`phone_enc\` text NULL, \`phone_hash\` varchar(64) NULL, \`phone_masked\` varchar(16) NULL, \`cadre_id\` int NULL, \`pairing\` varchar(16) NULL, \`linked_at\` datetime(6) NULL, \`created_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), \`updated_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), INDEX \`IDX_household_phone_hash\` (\`phone_hash\`), INDEX \`IDX_household_cadre_id\` (\`cadre_id\`, \`id\`), UNIQUE INDEX \`UQ_household_address\` (\`org_unit_id\`, \`group_name\`, \`house_number\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`household_tag\` (\`household_id\` int NOT NULL, \`kind\` varchar(8) NOT NULL, \`tag\` varchar(32) NOT NULL, INDEX \`IDX_household_tag_tag\` (\`kind\`, \`tag\`, \`household_id\`), PRIMARY KEY (\`household_id\`, \`kind\`, \`tag\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(`ALTER TABLE \`request\` ADD \`household_id\` int NULL`);
    await queryRunner.query(
      `CREATE INDEX \`IDX_request_household_status\` ON \`request\` (\`household_id\`, \`status\`)`,
    );
    await queryRunner.query(
      `ALTER TABLE \`household\` ADD CONSTRAINT \`FK_household_org_unit_id\` FOREIGN KEY (\`org_unit_id\`) REFERENCES \`org_unit\`(\`id\`) ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE \`household\` ADD CONSTRAINT \`FK_household_cadre_id\` FOREIGN KEY (\`cadre_id\`) REFERENCES \`cadre\`(\`id\`) ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE \`request\` ADD CONSTRAINT \`FK_request_household_id\` FOREIGN KEY (\`household_id\`) REFERENCES \`household\`(\`id\`) ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE \`household_tag\` ADD CONSTRAINT \`FK_household_tag_household_id\` FOREIGN KEY (\`household_id\`) REFERENCES \`household\`(\`id\`) ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE \`household_tag\` DROP FOREIGN KEY \`FK_household_tag_household_id\``,
    );
    await queryRunner.query(`ALTER TABLE \`request\` DROP FOREIGN KEY \`FK_request_household_id\``);
    await queryRunner.query(`ALTER TABLE \`household\` DROP FOREIGN KEY \`FK_household_cadre_id\``);
    await queryRunner.query(
      `ALTER TABLE \`household\` DROP FOREIGN KEY \`FK_household_org_unit_id\``,
    );
    await queryRunner.query(`DROP INDEX \`IDX_request_household_status\` ON \`request\``);
    await queryRunner.query(`ALTER TABLE \`request\` DROP COLUMN \`household_id\``);
    await queryRunner.query(`DROP INDEX \`IDX_household_tag_tag\` ON \`household_tag\``);
    await queryRunner.query(`DROP TABLE \`household_tag\``);
    await queryRunner.query(`DROP INDEX \`UQ_household_address\` ON \`household\``);
    await queryRunner.query(`DROP INDEX \`IDX_household_cadre_id\` ON \`household\``);
    await queryRunner.query(`DROP INDEX \`IDX_household_phone_hash\` ON \`household\``);
    await queryRunner.query(`DROP TABLE \`household\``);
  }
}
