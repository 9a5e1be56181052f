import { MigrationInterface, QueryRunner } from 'typeorm';

// Generated, then edited: `MODIFY` keeps existing locations (the generator dropped and re-added
// the column), and the one unique index is named as the entity names it.
export class UniquePhoneAndLongerLocation1795267053151 implements MigrationInterface {
  name = 'UniquePhoneAndLongerLocation1795267053151';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`IDX_user_account_phone_hash\` ON \`user_account\``);
    await queryRunner.query(`ALTER TABLE \`request\` MODIFY \`location\` text NULL`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX \`UQ_user_account_phone_hash\` ON \`user_account\` (\`phone_hash\`)`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`UQ_user_account_phone_hash\` ON \`user_account\``);
    await queryRunner.query(`ALTER TABLE \`request\` MODIFY \`location\` varchar(255) NULL`);
    await queryRunner.query(
      `CREATE INDEX \`IDX_user_account_phone_hash\` ON \`user_account\` (\`phone_hash\`)`,
    );
  }
}
