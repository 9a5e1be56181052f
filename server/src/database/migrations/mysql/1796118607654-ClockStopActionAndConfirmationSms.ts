import { MigrationInterface, QueryRunner } from 'typeorm';

export class ClockStopActionAndConfirmationSms1796118607654 implements MigrationInterface {
  name = 'ClockStopActionAndConfirmationSms1796118607654';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE \`request_confirmation\` ADD \`sms_sent_at\` datetime(6) NULL`,
    );
    await queryRunner.query(`ALTER TABLE \`request_clock\` ADD \`stop_action\` varchar(16) NULL`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`request_clock\` DROP COLUMN \`stop_action\``);
    await queryRunner.query(`ALTER TABLE \`request_confirmation\` DROP COLUMN \`sms_sent_at\``);
  }
}
