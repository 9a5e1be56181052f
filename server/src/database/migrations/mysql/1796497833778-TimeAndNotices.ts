import { MigrationInterface, QueryRunner } from 'typeorm';
import { backfillWarnAt } from '../../migration-helpers/backfill-warn-at';

export class TimeAndNotices1796497833778 implements MigrationInterface {
  name = 'TimeAndNotices1796497833778';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE \`service_token\` (\`name\` varchar(64) NOT NULL, \`value\` text NOT NULL, \`expires_at\` datetime(6) NOT NULL, PRIMARY KEY (\`name\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`notice\` (\`id\` int NOT NULL AUTO_INCREMENT, \`recipient_user_id\` int NOT NULL, \`kind\` varchar(32) NOT NULL, \`request_id\` int NULL, \`owner_user_id\` int NULL, \`subject_cadre_id\` int NULL, \`unit_path\` varchar(255) NOT NULL, \`title\` varchar(64) NOT NULL, \`body\` varchar(500) NOT NULL, \`detail\` text NOT NULL, \`dedupe_key\` varchar(120) NOT NULL, \`read_at\` datetime(6) NULL, \`created_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), INDEX \`IDX_notice_unit_path\` (\`unit_path\`), INDEX \`IDX_notice_recipient_read\` (\`recipient_user_id\`, \`read_at\`), UNIQUE INDEX \`UQ_notice_dedupe_key\` (\`dedupe_key\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`notice_delivery\` (\`id\` int NOT NULL AUTO_INCREMENT, \`notice_id\` int NOT NULL, \`channel\` varchar(16) NOT NULL, \`status\` varchar(16) NOT NULL, \`attempts\` int NOT NULL DEFAULT '0', \`next_attempt_at\` datetime(6) NOT NULL, \`last_attempt_at\` datetime(6) NULL, \`claim_id\` varchar(24) NULL, \`last_error\` varchar(255) NULL, \`delivered_at\` datetime(6) NULL, \`created_at\` datetime(6) NOT NULL, INDEX \`IDX_notice_delivery_status_next\` (\`status\`, \`next_attempt_at\`), UNIQUE INDEX \`UQ_notice_delivery_notice_channel\` (\`notice_id\`, \`channel\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`audit_log\` (\`id\` int NOT NULL AUTO_INCREMENT, \`actor_user_id\` int NOT NULL, \`action\` varchar(48) NOT NULL, \`target_type\` varchar(32) NOT NULL, \`target_id\` int NOT NULL, \`unit_path\` varchar(255) NOT NULL, \`detail\` text NULL, \`created_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), INDEX \`IDX_audit_log_unit_path_at\` (\`unit_path\`, \`created_at\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `ALTER TABLE \`user_account\` ADD \`work_wechat_openid\` varchar(64) NULL`,
    );
    await queryRunner.query(
      `ALTER TABLE \`request\` ADD \`supervision_remind_at\` datetime(6) NULL`,
    );
    await queryRunner.query(`ALTER TABLE \`request_clock\` ADD \`warn_at\` datetime(6) NULL`);
    await queryRunner.query(`ALTER TABLE \`request_clock\` ADD \`warned_at\` datetime(6) NULL`);
    await queryRunner.query(
      `ALTER TABLE \`request_clock\` ADD \`overdue_alerted_at\` datetime(6) NULL`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX \`UQ_user_account_work_wechat_openid\` ON \`user_account\` (\`work_wechat_openid\`)`,
    );
    await queryRunner.query(
      `CREATE INDEX \`IDX_request_supervision_remind_at\` ON \`request\` (\`supervision_remind_at\`)`,
    );
    await queryRunner.query(
      `CREATE INDEX \`IDX_request_status_resolved_at\` ON \`request\` (\`status\`, \`resolved_at\`)`,
    );
    await queryRunner.query(
      `CREATE INDEX \`IDX_request_clock_overdue\` ON \`request_clock\` (\`stopped_at\`, \`overdue_alerted_at\`, \`due_at\`)`,
    );
    await queryRunner.query(
      `CREATE INDEX \`IDX_request_clock_warn\` ON \`request_clock\` (\`stopped_at\`, \`warned_at\`, \`warn_at\`)`,
    );
    await queryRunner.query(
      `ALTER TABLE \`notice\` ADD CONSTRAINT \`FK_notice_recipient_user_id\` FOREIGN KEY (\`recipient_user_id\`) REFERENCES \`user_account\`(\`id\`) ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE \`notice\` ADD CONSTRAINT \`FK_notice_request_id\` FOREIGN KEY (\`request_id\`) REFERENCES \`request\`(\`id\`) ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE \`notice_delivery\` ADD CONSTRAINT \`FK_notice_delivery_notice_id\` FOREIGN KEY (\`notice_id\`) REFERENCES \`notice\`(\`id\`) ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE \`audit_log\` ADD CONSTRAINT \`FK_audit_log_actor_user_id\` FOREIGN KEY (\`actor_user_id\`) REFERENCES \`user_account\`(\`id\`) ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await backfillWarnAt(queryRunner);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE \`audit_log\` DROP FOREIGN KEY \`FK_audit_log_actor_user_id\``,
    );
    await queryRunner.query(
      `ALTER TABLE \`notice_delivery\` DROP FOREIGN KEY \`FK_notice_delivery_notice_id\``,
    );
    await queryRunner.query(`ALTER TABLE \`notice\` DROP FOREIGN KEY \`FK_notice_request_id\``);
    await queryRunner.query(
      `ALTER TABLE \`notice\` DROP FOREIGN KEY \`FK_notice_recipient_user_id\``,
    );
    await queryRunner.query(`DROP INDEX \`IDX_request_clock_warn\` ON \`request_clock\``);
    await queryRunner.query(`DROP INDEX \`IDX_request_clock_overdue\` ON \`request_clock\``);
    await queryRunner.query(`DROP INDEX \`IDX_request_status_resolved_at\` ON \`request\``);
    await queryRunner.query(`DROP INDEX \`IDX_request_supervision_remind_at\` ON \`request\``);
    await queryRunner.query(
      `DROP INDEX \`UQ_user_account_work_wechat_openid\` ON \`user_account\``,
    );
    await queryRunner.query(`ALTER TABLE \`request_clock\` DROP COLUMN \`overdue_alerted_at\``);
    await queryRunner.query(`ALTER TABLE \`request_clock\` DROP COLUMN \`warned_at\``);
    await queryRunner.query(`ALTER TABLE \`request_clock\` DROP COLUMN \`warn_at\``);
    await queryRunner.query(`ALTER TABLE \`request\` DROP COLUMN \`supervision_remind_at\``);
    await queryRunner.query(`ALTER TABLE \`user_account\` DROP COLUMN \`work_wechat_openid\``);
    await queryRunner.query(`DROP INDEX \`IDX_audit_log_unit_path_at\` ON \`audit_log\``);
    await queryRunner.query(`DROP TABLE \`audit_log\``);
    await queryRunner.query(
      `DROP INDEX \`UQ_notice_delivery_notice_channel\` ON \`notice_delivery\``,
    );
    await queryRunner.query(
      `DROP INDEX \`IDX_notice_delivery_status_next\` ON \`notice_delivery\``,
    );
    await queryRunner.query(`DROP TABLE \`notice_delivery\``);
    await queryRunner.query(`DROP INDEX \`UQ_notice_dedupe_key\` ON \`notice\``);
    await queryRunner.query(`DROP INDEX \`IDX_notice_recipient_read\` ON \`notice\``);
    await queryRunner.query(`DROP INDEX \`IDX_notice_unit_path\` ON \`notice\``);
    await queryRunner.query(`DROP TABLE \`notice\``);
    await queryRunner.query(`DROP TABLE \`service_token\``);
  }
}
