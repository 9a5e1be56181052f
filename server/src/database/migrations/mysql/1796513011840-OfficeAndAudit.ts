import { MigrationInterface, QueryRunner } from 'typeorm';
import {
  chainExistingAuditRows,
  dropAppendOnlyTriggers,
} from '../../migration-helpers/audit-chain';

export class OfficeAndAudit1796513011840 implements MigrationInterface {
  name = 'OfficeAndAudit1796513011840';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE \`card_scan_day\` (\`card_id\` int NOT NULL, \`day\` varchar(10) NOT NULL, \`scans\` int NOT NULL DEFAULT '0', PRIMARY KEY (\`card_id\`, \`day\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`calendar_year\` (\`county_id\` int NOT NULL, \`year\` int NOT NULL, \`holidays\` text NOT NULL, \`makeup_workdays\` text NOT NULL, \`source\` varchar(100) NULL, \`updated_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), PRIMARY KEY (\`county_id\`, \`year\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`calendar_change\` (\`county_id\` int NOT NULL, \`date\` varchar(10) NOT NULL, \`kind\` varchar(16) NOT NULL, \`note\` varchar(50) NULL, \`updated_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), PRIMARY KEY (\`county_id\`, \`date\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`deadline_policy\` (\`county_id\` int NOT NULL, \`accept_days\` int NOT NULL, \`village_days\` int NOT NULL, \`township_days\` int NOT NULL, \`county_days\` int NOT NULL, \`rectify_days\` int NOT NULL, \`updated_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), PRIMARY KEY (\`county_id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`audit_chain\` (\`id\` int NOT NULL, \`last_id\` int NOT NULL DEFAULT '0', \`last_hash\` varchar(64) NOT NULL, PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(`ALTER TABLE \`org_unit\` ADD \`retired_at\` datetime(6) NULL`);
    await queryRunner.query(
      `ALTER TABLE \`user_account\` ADD \`must_change_password\` tinyint NOT NULL DEFAULT 0`,
    );
    await queryRunner.query(`ALTER TABLE \`user_account\` ADD \`sessions_since\` datetime(6) NULL`);
    await queryRunner.query(
      `ALTER TABLE \`user_account\` ADD \`active\` tinyint NOT NULL DEFAULT 1`,
    );
    await queryRunner.query(`ALTER TABLE \`cadre\` ADD \`ended_at\` datetime(6) NULL`);
    await queryRunner.query(`ALTER TABLE \`cadre\` ADD \`end_reason\` varchar(200) NULL`);
    await queryRunner.query(`ALTER TABLE \`card\` ADD \`revoke_reason\` varchar(100) NULL`);
    await queryRunner.query(`ALTER TABLE \`card\` ADD \`replaced_by_card_id\` int NULL`);
    await queryRunner.query(
      `ALTER TABLE \`audit_log\` ADD \`actor_name\` varchar(64) NOT NULL DEFAULT ''`,
    );
    await queryRunner.query(
      `ALTER TABLE \`audit_log\` ADD \`hash\` varchar(64) NOT NULL DEFAULT ''`,
    );
    await queryRunner.query(
      `ALTER TABLE \`audit_log\` DROP FOREIGN KEY \`FK_audit_log_actor_user_id\``,
    );
    await queryRunner.query(
      `ALTER TABLE \`audit_log\` CHANGE \`actor_user_id\` \`actor_user_id\` int NULL`,
    );
    await queryRunner.query(
      `ALTER TABLE \`audit_log\` CHANGE \`target_id\` \`target_id\` int NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX \`IDX_audit_log_action_at\` ON \`audit_log\` (\`action\`, \`created_at\`)`,
    );
    await queryRunner.query(
      `CREATE INDEX \`IDX_audit_log_actor_user_id_at\` ON \`audit_log\` (\`actor_user_id\`, \`created_at\`)`,
    );
    await queryRunner.query(
      `ALTER TABLE \`card\` ADD CONSTRAINT \`FK_card_replaced_by_card_id\` FOREIGN KEY (\`replaced_by_card_id\`) REFERENCES \`card\`(\`id\`) ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE \`card_scan_day\` ADD CONSTRAINT \`FK_card_scan_day_card_id\` FOREIGN KEY (\`card_id\`) REFERENCES \`card\`(\`id\`) ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE \`calendar_year\` ADD CONSTRAINT \`FK_calendar_year_county_id\` FOREIGN KEY (\`county_id\`) REFERENCES \`org_unit\`(\`id\`) ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE \`calendar_change\` ADD CONSTRAINT \`FK_calendar_change_county_id\` FOREIGN KEY (\`county_id\`) REFERENCES \`org_unit\`(\`id\`) ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE \`deadline_policy\` ADD CONSTRAINT \`FK_deadline_policy_county_id\` FOREIGN KEY (\`county_id\`) REFERENCES \`org_unit\`(\`id\`) ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE \`audit_log\` ADD CONSTRAINT \`FK_audit_log_actor_user_id\` FOREIGN KEY (\`actor_user_id\`) REFERENCES \`user_account\`(\`id\`) ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await chainExistingAuditRows(queryRunner);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await dropAppendOnlyTriggers(queryRunner);
    await queryRunner.query(
      `ALTER TABLE \`audit_log\` DROP FOREIGN KEY \`FK_audit_log_actor_user_id\``,
    );
    await queryRunner.query(
      `ALTER TABLE \`deadline_policy\` DROP FOREIGN KEY \`FK_deadline_policy_county_id\``,
    );
    await queryRunner.query(
      `ALTER TABLE \`calendar_change\` DROP FOREIGN KEY \`FK_calendar_change_county_id\``,
    );
    await queryRunner.query(
      `ALTER TABLE \`calendar_year\` DROP FOREIGN KEY \`FK_calendar_year_county_id\``,
    );
    await queryRunner.query(
      `ALTER TABLE \`card_scan_day\` DROP FOREIGN KEY \`FK_card_scan_day_card_id\``,
    );
    await queryRunner.query(
      `ALTER TABLE \`card\` DROP FOREIGN KEY \`FK_card_replaced_by_card_id\``,
    );
    await queryRunner.query(`DROP INDEX \`IDX_audit_log_actor_user_id_at\` ON \`audit_log\``);
    await queryRunner.query(`DROP INDEX \`IDX_audit_log_action_at\` ON \`audit_log\``);
    await queryRunner.query(
      `ALTER TABLE \`audit_log\` CHANGE \`target_id\` \`target_id\` int NOT NULL`,
    );
    await queryRunner.query(
      `ALTER TABLE \`audit_log\` CHANGE \`actor_user_id\` \`actor_user_id\` int NOT NULL`,
    );
    await queryRunner.query(
      `ALTER TABLE \`audit_log\` ADD CONSTRAINT \`FK_audit_log_actor_user_id\` FOREIGN KEY (\`actor_user_id\`) REFERENCES \`user_account\`(\`id\`) ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(`ALTER TABLE \`audit_log\` DROP COLUMN \`hash\``);
    await queryRunner.query(`ALTER TABLE \`audit_log\` DROP COLUMN \`actor_name\``);
    await queryRunner.query(`ALTER TABLE \`card\` DROP COLUMN \`replaced_by_card_id\``);
    await queryRunner.query(`ALTER TABLE \`card\` DROP COLUMN \`revoke_reason\``);
    await queryRunner.query(`ALTER TABLE \`cadre\` DROP COLUMN \`end_reason\``);
    await queryRunner.query(`ALTER TABLE \`cadre\` DROP COLUMN \`ended_at\``);
    await queryRunner.query(`ALTER TABLE \`user_account\` DROP COLUMN \`active\``);
    await queryRunner.query(`ALTER TABLE \`user_account\` DROP COLUMN \`sessions_since\``);
    await queryRunner.query(`ALTER TABLE \`user_account\` DROP COLUMN \`must_change_password\``);
    await queryRunner.query(`ALTER TABLE \`org_unit\` DROP COLUMN \`retired_at\``);
    await queryRunner.query(`DROP TABLE \`audit_chain\``);
    await queryRunner.query(`DROP TABLE \`deadline_policy\``);
    await queryRunner.query(`DROP TABLE \`calendar_change\``);
    await queryRunner.query(`DROP TABLE \`calendar_year\``);
    await queryRunner.query(`DROP TABLE \`card_scan_day\``);
  }
}
