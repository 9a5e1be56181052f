import { MigrationInterface, QueryRunner } from 'typeorm';

export class RequestPublicSummary1796616865463 implements MigrationInterface {
  name = 'RequestPublicSummary1796616865463';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`request\` ADD \`public_summary\` varchar(64) NULL`);
    await queryRunner.query(
      `ALTER TABLE \`request\` ADD \`public_hidden\` tinyint NOT NULL DEFAULT 0`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`request\` DROP COLUMN \`public_hidden\``);
    await queryRunner.query(`ALTER TABLE \`request\` DROP COLUMN \`public_summary\``);
  }
}
