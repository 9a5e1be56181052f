import { MigrationInterface, QueryRunner } from 'typeorm';

export class Initial1795264046771 implements MigrationInterface {
  name = 'Initial1795264046771';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE \`org_unit\` (\`id\` int NOT NULL AUTO_INCREMENT, \`parent_id\` int NULL, \`kind\` varchar(16) NOT NULL, \`name\` varchar(64) NOT NULL, \`path\` varchar(255) NOT NULL, \`hotlines\` text NOT NULL, \`created_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), INDEX \`IDX_org_unit_path\` (\`path\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`user_account\` (\`id\` int NOT NULL AUTO_INCREMENT, \`role\` varchar(16) NOT NULL, \`display_name\` varchar(64) NOT NULL, \`username\` varchar(64) NULL, \`password_hash\` varchar(255) NULL, \`org_unit_id\` int NULL, \`wechat_openid\` varchar(64) NULL, \`phone_hash\` varchar(64) NULL, \`phone_enc\` text NULL, \`phone_masked\` varchar(16) NULL, \`failed_logins\` int NOT NULL DEFAULT '0', \`locked_until\` datetime(6) NULL, \`created_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), \`updated_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), INDEX \`IDX_user_account_phone_hash\` (\`phone_hash\`), UNIQUE INDEX \`UQ_user_account_wechat_openid\` (\`wechat_openid\`), UNIQUE INDEX \`UQ_user_account_username\` (\`username\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`cadre\` (\`id\` int NOT NULL AUTO_INCREMENT, \`user_id\` int NOT NULL, \`org_unit_id\` int NOT NULL, \`name\` varchar(64) NOT NULL, \`post\` varchar(64) NOT NULL, \`phone_enc\` text NOT NULL, \`phone_masked\` varchar(16) NOT NULL, \`duties\` text NOT NULL, \`duty_days\` varchar(64) NOT NULL, \`photo_url\` varchar(255) NULL, \`successor_cadre_id\` int NULL, \`active\` tinyint NOT NULL DEFAULT 1, \`created_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), INDEX \`IDX_cadre_org_unit_id\` (\`org_unit_id\`), UNIQUE INDEX \`UQ_cadre_user_id\` (\`user_id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`card\` (\`id\` int NOT NULL AUTO_INCREMENT, \`code\` varchar(32) NOT NULL, \`cadre_id\` int NOT NULL, \`status\` varchar(16) NOT NULL, \`issued_at\` datetime(6) NOT NULL, \`revoked_at\` datetime(6) NULL, INDEX \`IDX_card_cadre_id\` (\`cadre_id\`), UNIQUE INDEX \`UQ_card_code\` (\`code\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`request\` (\`id\` int NOT NULL AUTO_INCREMENT, \`number\` varchar(24) NOT NULL, \`channel\` varchar(16) NOT NULL, \`category\` varchar(16) NOT NULL, \`sub_topic\` varchar(32) NULL, \`text\` text NOT NULL, \`contact_phone_enc\` text NULL, \`contact_phone_masked\` varchar(16) NULL, \`location\` varchar(255) NULL, \`requester_id\` int NOT NULL, \`card_id\` int NULL, \`first_contact_cadre_id\` int NULL, \`subject_cadre_id\` int NULL, \`owner_user_id\` int NOT NULL, \`owner_unit_id\` int NOT NULL, \`owner_unit_path\` varchar(255) NOT NULL, \`level\` varchar(16) NOT NULL, \`status\` varchar(24) NOT NULL, \`round\` tinyint NOT NULL DEFAULT '1', \`accept_due_at\` datetime(6) NOT NULL, \`due_at\` datetime(6) NOT NULL, \`submitted_at\` datetime(6) NOT NULL, \`accepted_at\` datetime(6) NULL, \`resolved_at\` datetime(6) NULL, \`resolution_outcome\` varchar(16) NULL, \`resolution_note\` text NULL, \`version\` int NOT NULL, \`created_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), \`updated_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), INDEX \`IDX_request_first_contact_status\` (\`first_contact_cadre_id\`, \`status\`), INDEX \`IDX_request_owner_unit_path_status\` (\`owner_unit_path\`, \`status\`), INDEX \`IDX_request_requester_submitted\` (\`requester_id\`, \`submitted_at\`), INDEX \`IDX_request_owner_status_due\` (\`owner_user_id\`, \`status\`, \`due_at\`), UNIQUE INDEX \`UQ_request_number\` (\`number\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`request_event\` (\`id\` int NOT NULL AUTO_INCREMENT, \`request_id\` int NOT NULL, \`action\` varchar(32) NOT NULL, \`actor_user_id\` int NULL, \`actor_role\` varchar(16) NOT NULL, \`from_status\` varchar(24) NULL, \`to_status\` varchar(24) NOT NULL, \`note\` text NULL, \`payload\` text NULL, \`created_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), INDEX \`IDX_request_event_request_id\` (\`request_id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`rating\` (\`id\` int NOT NULL AUTO_INCREMENT, \`request_id\` int NOT NULL, \`round\` tinyint NOT NULL, \`level\` tinyint NOT NULL, \`tags\` varchar(255) NOT NULL, \`comment\` text NULL, \`rater_user_id\` int NOT NULL, \`owner_user_id\` int NOT NULL, \`owner_unit_id\` int NOT NULL, \`owner_unit_path\` varchar(255) NOT NULL, \`excluded\` tinyint NOT NULL DEFAULT 0, \`exclusion_reason\` text NULL, \`created_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), UNIQUE INDEX \`UQ_rating_request_round\` (\`request_id\`, \`round\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`day_sequence\` (\`day\` varchar(8) NOT NULL, \`last_value\` int NOT NULL, PRIMARY KEY (\`day\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`request_photo\` (\`id\` int NOT NULL AUTO_INCREMENT, \`request_id\` int NULL, \`uploader_user_id\` int NOT NULL, \`storage_key\` varchar(255) NOT NULL, \`mime\` varchar(32) NOT NULL, \`size_bytes\` int NOT NULL, \`width\` int NOT NULL, \`height\` int NOT NULL, \`created_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), INDEX \`IDX_request_photo_uploader_user_id\` (\`uploader_user_id\`), INDEX \`IDX_request_photo_request_id\` (\`request_id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`idempotency_record\` (\`id\` int NOT NULL AUTO_INCREMENT, \`user_id\` int NOT NULL, \`idem_key\` varchar(64) NOT NULL, \`route\` varchar(64) NOT NULL, \`request_hash\` varchar(64) NOT NULL, \`status_code\` int NULL, \`response_body\` text NULL, \`created_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), UNIQUE INDEX \`UQ_idempotency_record_user_key\` (\`user_id\`, \`idem_key\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`otp_code\` (\`id\` int NOT NULL AUTO_INCREMENT, \`phone_hash\` varchar(64) NOT NULL, \`code_hash\` varchar(64) NOT NULL, \`expires_at\` datetime(6) NOT NULL, \`attempts\` int NOT NULL DEFAULT '0', \`consumed_at\` datetime(6) NULL, \`created_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), INDEX \`IDX_otp_code_phone_hash\` (\`phone_hash\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `ALTER TABLE \`org_unit\` ADD CONSTRAINT \`FK_org_unit_parent_id\` FOREIGN KEY (\`parent_id\`) REFERENCES \`org_unit\`(\`id\`) ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE \`user_account\` ADD CONSTRAINT \`FK_user_account_org_unit_id\` FOREIGN KEY (\`org_unit_id\`) REFERENCES \`org_unit\`(\`id\`) ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE \`cadre\` ADD CONSTRAINT \`FK_cadre_user_id\` FOREIGN KEY (\`user_id\`) REFERENCES \`user_account\`(\`id\`) ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE \`cadre\` ADD CONSTRAINT \`FK_cadre_org_unit_id\` FOREIGN KEY (\`org_unit_id\`) REFERENCES \`org_unit\`(\`id\`) ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE \`cadre\` ADD CONSTRAINT \`FK_cadre_successor_cadre_id\` FOREIGN KEY (\`successor_cadre_id\`) REFERENCES \`cadre\`(\`id\`) ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE \`card\` ADD CONSTRAINT \`FK_card_cadre_id\` FOREIGN KEY (\`cadre_id\`) REFERENCES \`cadre\`(\`id\`) ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE \`request\` ADD CONSTRAINT \`FK_request_requester_id\` FOREIGN KEY (\`requester_id\`) REFERENCES \`user_account\`(\`id\`) ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE \`request\` ADD CONSTRAINT \`FK_request_card_id\` FOREIGN KEY (\`card_id\`) REFERENCES \`card\`(\`id\`) ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE \`request\` ADD CONSTRAINT \`FK_request_first_contact_cadre_id\` FOREIGN KEY (\`first_contact_cadre_id\`) REFERENCES \`cadre\`(\`id\`) ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE \`request\` ADD CONSTRAINT \`FK_request_subject_cadre_id\` FOREIGN KEY (\`subject_cadre_id\`) REFERENCES \`cadre\`(\`id\`) ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE \`request\` ADD CONSTRAINT \`FK_request_owner_user_id\` FOREIGN KEY (\`owner_user_id\`) REFERENCES \`user_account\`(\`id\`) ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE \`request\` ADD CONSTRAINT \`FK_request_owner_unit_id\` FOREIGN KEY (\`owner_unit_id\`) REFERENCES \`org_unit\`(\`id\`) ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE \`request_event\` ADD CONSTRAINT \`FK_request_event_request_id\` FOREIGN KEY (\`request_id\`) REFERENCES \`request\`(\`id\`) ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE \`request_event\` ADD CONSTRAINT \`FK_request_event_actor_user_id\` FOREIGN KEY (\`actor_user_id\`) REFERENCES \`user_account\`(\`id\`) ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE \`rating\` ADD CONSTRAINT \`FK_rating_request_id\` FOREIGN KEY (\`request_id\`) REFERENCES \`request\`(\`id\`) ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE \`rating\` ADD CONSTRAINT \`FK_rating_rater_user_id\` FOREIGN KEY (\`rater_user_id\`) REFERENCES \`user_account\`(\`id\`) ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE \`rating\` ADD CONSTRAINT \`FK_rating_owner_user_id\` FOREIGN KEY (\`owner_user_id\`) REFERENCES \`user_account\`(\`id\`) ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE \`rating\` ADD CONSTRAINT \`FK_rating_owner_unit_id\` FOREIGN KEY (\`owner_unit_id\`) REFERENCES \`org_unit\`(\`id\`) ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE \`request_photo\` ADD CONSTRAINT \`FK_request_photo_request_id\` FOREIGN KEY (\`request_id\`) REFERENCES \`request\`(\`id\`) ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE \`request_photo\` ADD CONSTRAINT \`FK_request_photo_uploader_user_id\` FOREIGN KEY (\`uploader_user_id\`) REFERENCES \`user_account\`(\`id\`) ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE \`idempotency_record\` ADD CONSTRAINT \`FK_idempotency_record_user_id\` FOREIGN KEY (\`user_id\`) REFERENCES \`user_account\`(\`id\`) ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE \`idempotency_record\` DROP FOREIGN KEY \`FK_idempotency_record_user_id\``,
    );
    await queryRunner.query(
      `ALTER TABLE \`request_photo\` DROP FOREIGN KEY \`FK_request_photo_uploader_user_id\``,
    );
    await queryRunner.query(
      `ALTER TABLE \`request_photo\` DROP FOREIGN KEY \`FK_request_photo_request_id\``,
    );
    await queryRunner.query(`ALTER TABLE \`rating\` DROP FOREIGN KEY \`FK_rating_owner_unit_id\``);
    await queryRunner.query(`ALTER TABLE \`rating\` DROP FOREIGN KEY \`FK_rating_owner_user_id\``);
    await queryRunner.query(`ALTER TABLE \`rating\` DROP FOREIGN KEY \`FK_rating_rater_user_id\``);
    await queryRunner.query(`ALTER TABLE \`rating\` DROP FOREIGN KEY \`FK_rating_request_id\``);
    await queryRunner.query(
      `ALTER TABLE \`request_event\` DROP FOREIGN KEY \`FK_request_event_actor_user_id\``,
    );
    await queryRunner.query(
      `ALTER TABLE \`request_event\` DROP FOREIGN KEY \`FK_request_event_request_id\``,
    );
    await queryRunner.query(
      `ALTER TABLE \`request\` DROP FOREIGN KEY \`FK_request_owner_unit_id\``,
    );
    await queryRunner.query(
      `ALTER TABLE \`request\` DROP FOREIGN KEY \`FK_request_owner_user_id\``,
    );
    await queryRunner.query(
      `ALTER TABLE \`request\` DROP FOREIGN KEY \`FK_request_subject_cadre_id\``,
    );
    await queryRunner.query(
      `ALTER TABLE \`request\` DROP FOREIGN KEY \`FK_request_first_contact_cadre_id\``,
    );
    await queryRunner.query(`ALTER TABLE \`request\` DROP FOREIGN KEY \`FK_request_card_id\``);
    await queryRunner.query(`ALTER TABLE \`request\` DROP FOREIGN KEY \`FK_request_requester_id\``);
    await queryRunner.query(`ALTER TABLE \`card\` DROP FOREIGN KEY \`FK_card_cadre_id\``);
    await queryRunner.query(
      `ALTER TABLE \`cadre\` DROP FOREIGN KEY \`FK_cadre_successor_cadre_id\``,
    );
    await queryRunner.query(`ALTER TABLE \`cadre\` DROP FOREIGN KEY \`FK_cadre_org_unit_id\``);
    await queryRunner.query(`ALTER TABLE \`cadre\` DROP FOREIGN KEY \`FK_cadre_user_id\``);
    await queryRunner.query(
      `ALTER TABLE \`user_account\` DROP FOREIGN KEY \`FK_user_account_org_unit_id\``,
    );
    await queryRunner.query(`ALTER TABLE \`org_unit\` DROP FOREIGN KEY \`FK_org_unit_parent_id\``);
    await queryRunner.query(`DROP INDEX \`IDX_otp_code_phone_hash\` ON \`otp_code\``);
    await queryRunner.query(`DROP TABLE \`otp_code\``);
    await queryRunner.query(
      `DROP INDEX \`UQ_idempotency_record_user_key\` ON \`idempotency_record\``,
    );
    await queryRunner.query(`DROP TABLE \`idempotency_record\``);
    await queryRunner.query(`DROP INDEX \`IDX_request_photo_request_id\` ON \`request_photo\``);
    await queryRunner.query(
      `DROP INDEX \`IDX_request_photo_uploader_user_id\` ON \`request_photo\``,
    );
    await queryRunner.query(`DROP TABLE \`request_photo\``);
    await queryRunner.query(`DROP TABLE \`day_sequence\``);
    await queryRunner.query(`DROP INDEX \`UQ_rating_request_round\` ON \`rating\``);
    await queryRunner.query(`DROP TABLE \`rating\``);
    await queryRunner.query(`DROP INDEX \`IDX_request_event_request_id\` ON \`request_event\``);
    await queryRunner.query(`DROP TABLE \`request_event\``);
    await queryRunner.query(`DROP INDEX \`UQ_request_number\` ON \`request\``);
    await queryRunner.query(`DROP INDEX \`IDX_request_owner_status_due\` ON \`request\``);
    await queryRunner.query(`DROP INDEX \`IDX_request_requester_submitted\` ON \`request\``);
    await queryRunner.query(`DROP INDEX \`IDX_request_owner_unit_path_status\` ON \`request\``);
    await queryRunner.query(`DROP INDEX \`IDX_request_first_contact_status\` ON \`request\``);
    await queryRunner.query(`DROP TABLE \`request\``);
    await queryRunner.query(`DROP INDEX \`UQ_card_code\` ON \`card\``);
    await queryRunner.query(`DROP INDEX \`IDX_card_cadre_id\` ON \`card\``);
    await queryRunner.query(`DROP TABLE \`card\``);
    await queryRunner.query(`DROP INDEX \`UQ_cadre_user_id\` ON \`cadre\``);
    await queryRunner.query(`DROP INDEX \`IDX_cadre_org_unit_id\` ON \`cadre\``);
    await queryRunner.query(`DROP TABLE \`cadre\``);
    await queryRunner.query(`DROP INDEX \`UQ_user_account_username\` ON \`user_account\``);
    await queryRunner.query(`DROP INDEX \`UQ_user_account_wechat_openid\` ON \`user_account\``);
    await queryRunner.query(`DROP INDEX \`IDX_user_account_phone_hash\` ON \`user_account\``);
    await queryRunner.query(`DROP TABLE \`user_account\``);
    await queryRunner.query(`DROP INDEX \`IDX_org_unit_path\` ON \`org_unit\``);
    await queryRunner.query(`DROP TABLE \`org_unit\``);
  }
}
