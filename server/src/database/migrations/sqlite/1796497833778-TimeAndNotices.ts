import { MigrationInterface, QueryRunner } from 'typeorm';
import { backfillWarnAt } from '../../migration-helpers/backfill-warn-at';

export class TimeAndNotices1796497833778 implements MigrationInterface {
  name = 'TimeAndNotices1796497833778';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "service_token" ("name" varchar(64) PRIMARY KEY NOT NULL, "value" text NOT NULL, "expires_at" datetime(6) NOT NULL)`,
    );
    await queryRunner.query(
      `CREATE TABLE "notice" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "recipient_user_id" integer NOT NULL, "kind" varchar(32) NOT NULL, "request_id" integer, "owner_user_id" integer, "subject_cadre_id" integer, "unit_path" varchar(255) NOT NULL, "title" varchar(64) NOT NULL, "body" varchar(500) NOT NULL, "detail" text NOT NULL, "dedupe_key" varchar(120) NOT NULL, "read_at" datetime(6), "created_at" datetime(6) NOT NULL DEFAULT (datetime('now')))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_notice_unit_path" ON "notice" ("unit_path") `);
    await queryRunner.query(
      `CREATE INDEX "IDX_notice_recipient_read" ON "notice" ("recipient_user_id", "read_at") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_notice_dedupe_key" ON "notice" ("dedupe_key") `,
    );
    await queryRunner.query(
      `CREATE TABLE "notice_delivery" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "notice_id" integer NOT NULL, "channel" varchar(16) NOT NULL, "status" varchar(16) NOT NULL, "attempts" integer NOT NULL DEFAULT (0), "next_attempt_at" datetime(6) NOT NULL, "last_attempt_at" datetime(6), "claim_id" varchar(24), "last_error" varchar(255), "delivered_at" datetime(6), "created_at" datetime(6) NOT NULL)`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_notice_delivery_status_next" ON "notice_delivery" ("status", "next_attempt_at") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_notice_delivery_notice_channel" ON "notice_delivery" ("notice_id", "channel") `,
    );
    await queryRunner.query(
      `CREATE TABLE "audit_log" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "actor_user_id" integer NOT NULL, "action" varchar(48) NOT NULL, "target_type" varchar(32) NOT NULL, "target_id" integer NOT NULL, "unit_path" varchar(255) NOT NULL, "detail" text, "created_at" datetime(6) NOT NULL DEFAULT (datetime('now')))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_audit_log_unit_path_at" ON "audit_log" ("unit_path", "created_at") `,
    );
    await queryRunner.query(`DROP INDEX "UQ_user_account_phone_hash"`);
    await queryRunner.query(`DROP INDEX "UQ_user_account_username"`);
    await queryRunner.query(`DROP INDEX "UQ_user_account_wechat_openid"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_user_account" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "role" varchar(16) NOT NULL, "display_name" varchar(64) NOT NULL, "username" varchar(64), "password_hash" varchar(255), "org_unit_id" integer, "wechat_openid" varchar(64), "phone_hash" varchar(64), "phone_enc" text, "phone_masked" varchar(16), "failed_logins" integer NOT NULL DEFAULT (0), "locked_until" datetime(6), "created_at" datetime(6) NOT NULL DEFAULT (datetime('now')), "updated_at" datetime(6) NOT NULL DEFAULT (datetime('now')), "work_wechat_openid" varchar(64), CONSTRAINT "FK_user_account_org_unit_id" FOREIGN KEY ("org_unit_id") REFERENCES "org_unit" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_user_account"("id", "role", "display_name", "username", "password_hash", "org_unit_id", "wechat_openid", "phone_hash", "phone_enc", "phone_masked", "failed_logins", "locked_until", "created_at", "updated_at") SELECT "id", "role", "display_name", "username", "password_hash", "org_unit_id", "wechat_openid", "phone_hash", "phone_enc", "phone_masked", "failed_logins", "locked_until", "created_at", "updated_at" FROM "user_account"`,
    );
    await queryRunner.query(`DROP TABLE "user_account"`);
    await queryRunner.query(`ALTER TABLE "temporary_user_account" RENAME TO "user_account"`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_user_account_phone_hash" ON "user_account" ("phone_hash") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_user_account_username" ON "user_account" ("username") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_user_account_wechat_openid" ON "user_account" ("wechat_openid") `,
    );
    await queryRunner.query(`DROP INDEX "IDX_request_owner_status_due"`);
    await queryRunner.query(`DROP INDEX "IDX_request_flagged_to_county_at"`);
    await queryRunner.query(`DROP INDEX "UQ_request_number"`);
    await queryRunner.query(`DROP INDEX "IDX_request_requester_submitted"`);
    await queryRunner.query(`DROP INDEX "IDX_request_owner_unit_path_status"`);
    await queryRunner.query(`DROP INDEX "IDX_request_first_contact_status"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_request" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "number" varchar(24) NOT NULL, "channel" varchar(16) NOT NULL, "category" varchar(16) NOT NULL, "sub_topic" varchar(32), "text" text NOT NULL, "contact_phone_enc" text, "contact_phone_masked" varchar(16), "location" text, "requester_id" integer NOT NULL, "card_id" integer, "first_contact_cadre_id" integer, "subject_cadre_id" integer, "owner_user_id" integer NOT NULL, "owner_unit_id" integer NOT NULL, "owner_unit_path" varchar(255) NOT NULL, "level" varchar(16) NOT NULL, "status" varchar(24) NOT NULL, "round" tinyint NOT NULL DEFAULT (1), "accept_due_at" datetime(6), "due_at" datetime(6), "submitted_at" datetime(6) NOT NULL, "resolved_at" datetime(6), "resolution_outcome" varchar(16), "resolution_note" text, "version" integer NOT NULL, "created_at" datetime(6) NOT NULL DEFAULT (datetime('now')), "updated_at" datetime(6) NOT NULL DEFAULT (datetime('now')), "supervision_count" integer NOT NULL DEFAULT (0), "supervised_at" datetime(6), "flagged_to_county_at" datetime(6), "supervision_remind_at" datetime(6), CONSTRAINT "FK_request_owner_unit_id" FOREIGN KEY ("owner_unit_id") REFERENCES "org_unit" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION, CONSTRAINT "FK_request_owner_user_id" FOREIGN KEY ("owner_user_id") REFERENCES "user_account" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION, CONSTRAINT "FK_request_subject_cadre_id" FOREIGN KEY ("subject_cadre_id") REFERENCES "cadre" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION, CONSTRAINT "FK_request_first_contact_cadre_id" FOREIGN KEY ("first_contact_cadre_id") REFERENCES "cadre" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION, CONSTRAINT "FK_request_card_id" FOREIGN KEY ("card_id") REFERENCES "card" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION, CONSTRAINT "FK_request_requester_id" FOREIGN KEY ("requester_id") REFERENCES "user_account" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_request"("id", "number", "channel", "category", "sub_topic", "text", "contact_phone_enc", "contact_phone_masked", "location", "requester_id", "card_id", "first_contact_cadre_id", "subject_cadre_id", "owner_user_id", "owner_unit_id", "owner_unit_path", "level", "status", "round", "accept_due_at", "due_at", "submitted_at", "resolved_at", "resolution_outcome", "resolution_note", "version", "created_at", "updated_at", "supervision_count", "supervised_at", "flagged_to_county_at") SELECT "id", "number", "channel", "category", "sub_topic", "text", "contact_phone_enc", "contact_phone_masked", "location", "requester_id", "card_id", "first_contact_cadre_id", "subject_cadre_id", "owner_user_id", "owner_unit_id", "owner_unit_path", "level", "status", "round", "accept_due_at", "due_at", "submitted_at", "resolved_at", "resolution_outcome", "resolution_note", "version", "created_at", "updated_at", "supervision_count", "supervised_at", "flagged_to_county_at" FROM "request"`,
    );
    await queryRunner.query(`DROP TABLE "request"`);
    await queryRunner.query(`ALTER TABLE "temporary_request" RENAME TO "request"`);
    await queryRunner.query(
      `CREATE INDEX "IDX_request_owner_status_due" ON "request" ("owner_user_id", "status", "due_at") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_request_flagged_to_county_at" ON "request" ("flagged_to_county_at") `,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_request_number" ON "request" ("number") `);
    await queryRunner.query(
      `CREATE INDEX "IDX_request_requester_submitted" ON "request" ("requester_id", "submitted_at") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_request_owner_unit_path_status" ON "request" ("owner_unit_path", "status") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_request_first_contact_status" ON "request" ("first_contact_cadre_id", "status") `,
    );
    await queryRunner.query(`DROP INDEX "IDX_request_clock_owner_user_due"`);
    await queryRunner.query(`DROP INDEX "IDX_request_clock_owner_unit_path_due"`);
    await queryRunner.query(`DROP INDEX "IDX_request_clock_request_id"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_request_clock" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "request_id" integer NOT NULL, "kind" varchar(16) NOT NULL, "round" tinyint NOT NULL, "owner_user_id" integer NOT NULL, "owner_unit_id" integer NOT NULL, "owner_unit_path" varchar(255) NOT NULL, "level" varchar(16) NOT NULL, "started_at" datetime(6) NOT NULL, "due_at" datetime(6) NOT NULL, "stopped_at" datetime(6), "stop" varchar(16), "result" varchar(16), "stop_action" varchar(16), "warn_at" datetime(6), "warned_at" datetime(6), "overdue_alerted_at" datetime(6), CONSTRAINT "FK_request_clock_request_id" FOREIGN KEY ("request_id") REFERENCES "request" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION, CONSTRAINT "FK_request_clock_owner_user_id" FOREIGN KEY ("owner_user_id") REFERENCES "user_account" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION, CONSTRAINT "FK_request_clock_owner_unit_id" FOREIGN KEY ("owner_unit_id") REFERENCES "org_unit" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_request_clock"("id", "request_id", "kind", "round", "owner_user_id", "owner_unit_id", "owner_unit_path", "level", "started_at", "due_at", "stopped_at", "stop", "result", "stop_action") SELECT "id", "request_id", "kind", "round", "owner_user_id", "owner_unit_id", "owner_unit_path", "level", "started_at", "due_at", "stopped_at", "stop", "result", "stop_action" FROM "request_clock"`,
    );
    await queryRunner.query(`DROP TABLE "request_clock"`);
    await queryRunner.query(`ALTER TABLE "temporary_request_clock" RENAME TO "request_clock"`);
    await queryRunner.query(
      `CREATE INDEX "IDX_request_clock_owner_user_due" ON "request_clock" ("owner_user_id", "due_at") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_request_clock_owner_unit_path_due" ON "request_clock" ("owner_unit_path", "due_at") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_request_clock_request_id" ON "request_clock" ("request_id") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_user_account_work_wechat_openid" ON "user_account" ("work_wechat_openid") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_request_supervision_remind_at" ON "request" ("supervision_remind_at") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_request_status_resolved_at" ON "request" ("status", "resolved_at") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_request_clock_overdue" ON "request_clock" ("stopped_at", "overdue_alerted_at", "due_at") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_request_clock_warn" ON "request_clock" ("stopped_at", "warned_at", "warn_at") `,
    );
    await queryRunner.query(`DROP INDEX "IDX_notice_unit_path"`);
    await queryRunner.query(`DROP INDEX "IDX_notice_recipient_read"`);
    await queryRunner.query(`DROP INDEX "UQ_notice_dedupe_key"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_notice" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "recipient_user_id" integer NOT NULL, "kind" varchar(32) NOT NULL, "request_id" integer, "owner_user_id" integer, "subject_cadre_id" integer, "unit_path" varchar(255) NOT NULL, "title" varchar(64) NOT NULL, "body" varchar(500) NOT NULL, "detail" text NOT NULL, "dedupe_key" varchar(120) NOT NULL, "read_at" datetime(6), "created_at" datetime(6) NOT NULL DEFAULT (datetime('now')), CONSTRAINT "FK_notice_recipient_user_id" FOREIGN KEY ("recipient_user_id") REFERENCES "user_account" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION, CONSTRAINT "FK_notice_request_id" FOREIGN KEY ("request_id") REFERENCES "request" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_notice"("id", "recipient_user_id", "kind", "request_id", "owner_user_id", "subject_cadre_id", "unit_path", "title", "body", "detail", "dedupe_key", "read_at", "created_at") SELECT "id", "recipient_user_id", "kind", "request_id", "owner_user_id", "subject_cadre_id", "unit_path", "title", "body", "detail", "dedupe_key", "read_at", "created_at" FROM "notice"`,
    );
    await queryRunner.query(`DROP TABLE "notice"`);
    await queryRunner.query(`ALTER TABLE "temporary_notice" RENAME TO "notice"`);
    await queryRunner.query(`CREATE INDEX "IDX_notice_unit_path" ON "notice" ("unit_path") `);
    await queryRunner.query(
      `CREATE INDEX "IDX_notice_recipient_read" ON "notice" ("recipient_user_id", "read_at") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_notice_dedupe_key" ON "notice" ("dedupe_key") `,
    );
    await queryRunner.query(`DROP INDEX "IDX_notice_delivery_status_next"`);
    await queryRunner.query(`DROP INDEX "UQ_notice_delivery_notice_channel"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_notice_delivery" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "notice_id" integer NOT NULL, "channel" varchar(16) NOT NULL, "status" varchar(16) NOT NULL, "attempts" integer NOT NULL DEFAULT (0), "next_attempt_at" datetime(6) NOT NULL, "last_attempt_at" datetime(6), "claim_id" varchar(24), "last_error" varchar(255), "delivered_at" datetime(6), "created_at" datetime(6) NOT NULL, CONSTRAINT "FK_notice_delivery_notice_id" FOREIGN KEY ("notice_id") REFERENCES "notice" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_notice_delivery"("id", "notice_id", "channel", "status", "attempts", "next_attempt_at", "last_attempt_at", "claim_id", "last_error", "delivered_at", "created_at") SELECT "id", "notice_id", "channel", "status", "attempts", "next_attempt_at", "last_attempt_at", "claim_id", "last_error", "delivered_at", "created_at" FROM "notice_delivery"`,
    );
    await queryRunner.query(`DROP TABLE "notice_delivery"`);
    await queryRunner.query(`ALTER TABLE "temporary_notice_delivery" RENAME TO "notice_delivery"`);
    await queryRunner.query(
      `CREATE INDEX "IDX_notice_delivery_status_next" ON "notice_delivery" ("status", "next_attempt_at") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_notice_delivery_notice_channel" ON "notice_delivery" ("notice_id", "channel") `,
    );
    await queryRunner.query(`DROP INDEX "IDX_audit_log_unit_path_at"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_audit_log" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "actor_user_id" integer NOT NULL, "action" varchar(48) NOT NULL, "target_type" varchar(32) NOT NULL, "target_id" integer NOT NULL, "unit_path" varchar(255) NOT NULL, "detail" text, "created_at" datetime(6) NOT NULL DEFAULT (datetime('now')), CONSTRAINT "FK_audit_log_actor_user_id" FOREIGN KEY ("actor_user_id") REFERENCES "user_account" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_audit_log"("id", "actor_user_id", "action", "target_type", "target_id", "unit_path", "detail", "created_at") SELECT "id", "actor_user_id", "action", "target_type", "target_id", "unit_path", "detail", "created_at" FROM "audit_log"`,
    );
    await queryRunner.query(`DROP TABLE "audit_log"`);
    await queryRunner.query(`ALTER TABLE "temporary_audit_log" RENAME TO "audit_log"`);
    await queryRunner.query(
      `CREATE INDEX "IDX_audit_log_unit_path_at" ON "audit_log" ("unit_path", "created_at") `,
    );
    await backfillWarnAt(queryRunner);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_audit_log_unit_path_at"`);
    await queryRunner.query(`ALTER TABLE "audit_log" RENAME TO "temporary_audit_log"`);
    await queryRunner.query(
      `CREATE TABLE "audit_log" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "actor_user_id" integer NOT NULL, "action" varchar(48) NOT NULL, "target_type" varchar(32) NOT NULL, "target_id" integer NOT NULL, "unit_path" varchar(255) NOT NULL, "detail" text, "created_at" datetime(6) NOT NULL DEFAULT (datetime('now')))`,
    );
    await queryRunner.query(
      `INSERT INTO "audit_log"("id", "actor_user_id", "action", "target_type", "target_id", "unit_path", "detail", "created_at") SELECT "id", "actor_user_id", "action", "target_type", "target_id", "unit_path", "detail", "created_at" FROM "temporary_audit_log"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_audit_log"`);
    await queryRunner.query(
      `CREATE INDEX "IDX_audit_log_unit_path_at" ON "audit_log" ("unit_path", "created_at") `,
    );
    await queryRunner.query(`DROP INDEX "UQ_notice_delivery_notice_channel"`);
    await queryRunner.query(`DROP INDEX "IDX_notice_delivery_status_next"`);
    await queryRunner.query(`ALTER TABLE "notice_delivery" RENAME TO "temporary_notice_delivery"`);
    await queryRunner.query(
      `CREATE TABLE "notice_delivery" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "notice_id" integer NOT NULL, "channel" varchar(16) NOT NULL, "status" varchar(16) NOT NULL, "attempts" integer NOT NULL DEFAULT (0), "next_attempt_at" datetime(6) NOT NULL, "last_attempt_at" datetime(6), "claim_id" varchar(24), "last_error" varchar(255), "delivered_at" datetime(6), "created_at" datetime(6) NOT NULL)`,
    );
    await queryRunner.query(
      `INSERT INTO "notice_delivery"("id", "notice_id", "channel", "status", "attempts", "next_attempt_at", "last_attempt_at", "claim_id", "last_error", "delivered_at", "created_at") SELECT "id", "notice_id", "channel", "status", "attempts", "next_attempt_at", "last_attempt_at", "claim_id", "last_error", "delivered_at", "created_at" FROM "temporary_notice_delivery"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_notice_delivery"`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_notice_delivery_notice_channel" ON "notice_delivery" ("notice_id", "channel") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_notice_delivery_status_next" ON "notice_delivery" ("status", "next_attempt_at") `,
    );
    await queryRunner.query(`DROP INDEX "UQ_notice_dedupe_key"`);
    await queryRunner.query(`DROP INDEX "IDX_notice_recipient_read"`);
    await queryRunner.query(`DROP INDEX "IDX_notice_unit_path"`);
    await queryRunner.query(`ALTER TABLE "notice" RENAME TO "temporary_notice"`);
    await queryRunner.query(
      `CREATE TABLE "notice" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "recipient_user_id" integer NOT NULL, "kind" varchar(32) NOT NULL, "request_id" integer, "owner_user_id" integer, "subject_cadre_id" integer, "unit_path" varchar(255) NOT NULL, "title" varchar(64) NOT NULL, "body" varchar(500) NOT NULL, "detail" text NOT NULL, "dedupe_key" varchar(120) NOT NULL, "read_at" datetime(6), "created_at" datetime(6) NOT NULL DEFAULT (datetime('now')))`,
    );
    await queryRunner.query(
      `INSERT INTO "notice"("id", "recipient_user_id", "kind", "request_id", "owner_user_id", "subject_cadre_id", "unit_path", "title", "body", "detail", "dedupe_key", "read_at", "created_at") SELECT "id", "recipient_user_id", "kind", "request_id", "owner_user_id", "subject_cadre_id", "unit_path", "title", "body", "detail", "dedupe_key", "read_at", "created_at" FROM "temporary_notice"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_notice"`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_notice_dedupe_key" ON "notice" ("dedupe_key") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_notice_recipient_read" ON "notice" ("recipient_user_id", "read_at") `,
    );
    await queryRunner.query(`CREATE INDEX "IDX_notice_unit_path" ON "notice" ("unit_path") `);
    await queryRunner.query(`DROP INDEX "IDX_request_clock_warn"`);
    await queryRunner.query(`DROP INDEX "IDX_request_clock_overdue"`);
    await queryRunner.query(`DROP INDEX "IDX_request_status_resolved_at"`);
    await queryRunner.query(`DROP INDEX "IDX_request_supervision_remind_at"`);
    await queryRunner.query(`DROP INDEX "UQ_user_account_work_wechat_openid"`);
    await queryRunner.query(`DROP INDEX "IDX_request_clock_request_id"`);
    await queryRunner.query(`DROP INDEX "IDX_request_clock_owner_unit_path_due"`);
    await queryRunner.query(`DROP INDEX "IDX_request_clock_owner_user_due"`);
    await queryRunner.query(`ALTER TABLE "request_clock" RENAME TO "temporary_request_clock"`);
    await queryRunner.query(
      `CREATE TABLE "request_clock" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "request_id" integer NOT NULL, "kind" varchar(16) NOT NULL, "round" tinyint NOT NULL, "owner_user_id" integer NOT NULL, "owner_unit_id" integer NOT NULL, "owner_unit_path" varchar(255) NOT NULL, "level" varchar(16) NOT NULL, "started_at" datetime(6) NOT NULL, "due_at" datetime(6) NOT NULL, "stopped_at" datetime(6), "stop" varchar(16), "result" varchar(16), "stop_action" varchar(16), CONSTRAINT "FK_request_clock_request_id" FOREIGN KEY ("request_id") REFERENCES "request" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION, CONSTRAINT "FK_request_clock_owner_user_id" FOREIGN KEY ("owner_user_id") REFERENCES "user_account" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION, CONSTRAINT "FK_request_clock_owner_unit_id" FOREIGN KEY ("owner_unit_id") REFERENCES "org_unit" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `INSERT INTO "request_clock"("id", "request_id", "kind", "round", "owner_user_id", "owner_unit_id", "owner_unit_path", "level", "started_at", "due_at", "stopped_at", "stop", "result", "stop_action") SELECT "id", "request_id", "kind", "round", "owner_user_id", "owner_unit_id", "owner_unit_path", "level", "started_at", "due_at", "stopped_at", "stop", "result", "stop_action" FROM "temporary_request_clock"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_request_clock"`);
    await queryRunner.query(
      `CREATE INDEX "IDX_request_clock_request_id" ON "request_clock" ("request_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_request_clock_owner_unit_path_due" ON "request_clock" ("owner_unit_path", "due_at") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_request_clock_owner_user_due" ON "request_clock" ("owner_user_id", "due_at") `,
    );
    await queryRunner.query(`DROP INDEX "IDX_request_first_contact_status"`);
    await queryRunner.query(`DROP INDEX "IDX_request_owner_unit_path_status"`);
    await queryRunner.query(`DROP INDEX "IDX_request_requester_submitted"`);
    await queryRunner.query(`DROP INDEX "UQ_request_number"`);
    await queryRunner.query(`DROP INDEX "IDX_request_flagged_to_county_at"`);
    await queryRunner.query(`DROP INDEX "IDX_request_owner_status_due"`);
    await queryRunner.query(`ALTER TABLE "request" RENAME TO "temporary_request"`);
    await queryRunner.query(
      `CREATE TABLE "request" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "number" varchar(24) NOT NULL, "channel" varchar(16) NOT NULL, "category" varchar(16) NOT NULL, "sub_topic" varchar(32), "text" text NOT NULL, "contact_phone_enc" text, "contact_phone_masked" varchar(16), "location" text, "requester_id" integer NOT NULL, "card_id" integer, "first_contact_cadre_id" integer, "subject_cadre_id" integer, "owner_user_id" integer NOT NULL, "owner_unit_id" integer NOT NULL, "owner_unit_path" varchar(255) NOT NULL, "level" varchar(16) NOT NULL, "status" varchar(24) NOT NULL, "round" tinyint NOT NULL DEFAULT (1), "accept_due_at" datetime(6), "due_at" datetime(6), "submitted_at" datetime(6) NOT NULL, "resolved_at" datetime(6), "resolution_outcome" varchar(16), "resolution_note" text, "version" integer NOT NULL, "created_at" datetime(6) NOT NULL DEFAULT (datetime('now')), "updated_at" datetime(6) NOT NULL DEFAULT (datetime('now')), "supervision_count" integer NOT NULL DEFAULT (0), "supervised_at" datetime(6), "flagged_to_county_at" datetime(6), CONSTRAINT "FK_request_owner_unit_id" FOREIGN KEY ("owner_unit_id") REFERENCES "org_unit" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION, CONSTRAINT "FK_request_owner_user_id" FOREIGN KEY ("owner_user_id") REFERENCES "user_account" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION, CONSTRAINT "FK_request_subject_cadre_id" FOREIGN KEY ("subject_cadre_id") REFERENCES "cadre" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION, CONSTRAINT "FK_request_first_contact_cadre_id" FOREIGN KEY ("first_contact_cadre_id") REFERENCES "cadre" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION, CONSTRAINT "FK_request_card_id" FOREIGN KEY ("card_id") REFERENCES "card" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION, CONSTRAINT "FK_request_requester_id" FOREIGN KEY ("requester_id") REFERENCES "user_account" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `INSERT INTO "request"("id", "number", "channel", "category", "sub_topic", "text", "contact_phone_enc", "contact_phone_masked", "location", "requester_id", "card_id", "first_contact_cadre_id", "subject_cadre_id", "owner_user_id", "owner_unit_id", "owner_unit_path", "level", "status", "round", "accept_due_at", "due_at", "submitted_at", "resolved_at", "resolution_outcome", "resolution_note", "version", "created_at", "updated_at", "supervision_count", "supervised_at", "flagged_to_county_at") SELECT "id", "number", "channel", "category", "sub_topic", "text", "contact_phone_enc", "contact_phone_masked", "location", "requester_id", "card_id", "first_contact_cadre_id", "subject_cadre_id", "owner_user_id", "owner_unit_id", "owner_unit_path", "level", "status", "round", "accept_due_at", "due_at", "submitted_at", "resolved_at", "resolution_outcome", "resolution_note", "version", "created_at", "updated_at", "supervision_count", "supervised_at", "flagged_to_county_at" FROM "temporary_request"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_request"`);
    await queryRunner.query(
      `CREATE INDEX "IDX_request_first_contact_status" ON "request" ("first_contact_cadre_id", "status") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_request_owner_unit_path_status" ON "request" ("owner_unit_path", "status") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_request_requester_submitted" ON "request" ("requester_id", "submitted_at") `,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_request_number" ON "request" ("number") `);
    await queryRunner.query(
      `CREATE INDEX "IDX_request_flagged_to_county_at" ON "request" ("flagged_to_county_at") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_request_owner_status_due" ON "request" ("owner_user_id", "status", "due_at") `,
    );
    await queryRunner.query(`DROP INDEX "UQ_user_account_wechat_openid"`);
    await queryRunner.query(`DROP INDEX "UQ_user_account_username"`);
    await queryRunner.query(`DROP INDEX "UQ_user_account_phone_hash"`);
    await queryRunner.query(`ALTER TABLE "user_account" RENAME TO "temporary_user_account"`);
    await queryRunner.query(
      `CREATE TABLE "user_account" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "role" varchar(16) NOT NULL, "display_name" varchar(64) NOT NULL, "username" varchar(64), "password_hash" varchar(255), "org_unit_id" integer, "wechat_openid" varchar(64), "phone_hash" varchar(64), "phone_enc" text, "phone_masked" varchar(16), "failed_logins" integer NOT NULL DEFAULT (0), "locked_until" datetime(6), "created_at" datetime(6) NOT NULL DEFAULT (datetime('now')), "updated_at" datetime(6) NOT NULL DEFAULT (datetime('now')), CONSTRAINT "FK_user_account_org_unit_id" FOREIGN KEY ("org_unit_id") REFERENCES "org_unit" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `INSERT INTO "user_account"("id", "role", "display_name", "username", "password_hash", "org_unit_id", "wechat_openid", "phone_hash", "phone_enc", "phone_masked", "failed_logins", "locked_until", "created_at", "updated_at") SELECT "id", "role", "display_name", "username", "password_hash", "org_unit_id", "wechat_openid", "phone_hash", "phone_enc", "phone_masked", "failed_logins", "locked_until", "created_at", "updated_at" FROM "temporary_user_account"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_user_account"`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_user_account_wechat_openid" ON "user_account" ("wechat_openid") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_user_account_username" ON "user_account" ("username") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_user_account_phone_hash" ON "user_account" ("phone_hash") `,
    );
    await queryRunner.query(`DROP INDEX "IDX_audit_log_unit_path_at"`);
    await queryRunner.query(`DROP TABLE "audit_log"`);
    await queryRunner.query(`DROP INDEX "UQ_notice_delivery_notice_channel"`);
    await queryRunner.query(`DROP INDEX "IDX_notice_delivery_status_next"`);
    await queryRunner.query(`DROP TABLE "notice_delivery"`);
    await queryRunner.query(`DROP INDEX "UQ_notice_dedupe_key"`);
    await queryRunner.query(`DROP INDEX "IDX_notice_recipient_read"`);
    await queryRunner.query(`DROP INDEX "IDX_notice_unit_path"`);
    await queryRunner.query(`DROP TABLE "notice"`);
    await queryRunner.query(`DROP TABLE "service_token"`);
  }
}
