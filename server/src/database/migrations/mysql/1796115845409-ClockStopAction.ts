import { MigrationInterface, QueryRunner } from 'typeorm';

export class ClockStopAction1796115845409 implements MigrationInterface {
  name = 'ClockStopAction1796115845409';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`request_clock\` ADD \`stop_action\` varchar(16) NULL`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`request_clock\` DROP COLUMN \`stop_action\``);
  }
}
