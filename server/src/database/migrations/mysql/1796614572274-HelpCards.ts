import { MigrationInterface, QueryRunner } from 'typeorm';

export class HelpCards1796614572274 implements MigrationInterface {
  name = 'HelpCards1796614572274';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`card\` ADD \`household_id\` int NULL`);
    await queryRunner.query(
      `CREATE INDEX \`IDX_card_household_id\` ON \`card\` (\`household_id\`)`,
    );
    await queryRunner.query(
      `ALTER TABLE \`card\` ADD CONSTRAINT \`FK_card_household_id\` FOREIGN KEY (\`household_id\`) REFERENCES \`household\`(\`id\`) ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`card\` DROP FOREIGN KEY \`FK_card_household_id\``);
    await queryRunner.query(`DROP INDEX \`IDX_card_household_id\` ON \`card\``);
    await queryRunner.query(`ALTER TABLE \`card\` DROP COLUMN \`household_id\``);
  }
}
