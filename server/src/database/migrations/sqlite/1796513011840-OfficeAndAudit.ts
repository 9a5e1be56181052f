import { MigrationInterface, QueryRunner } from 'typeorm';
import {
  chainExistingAuditRows,
  dropAppendOnlyTriggers,
} from '../../migration-helpers/audit-chain';

export class OfficeAndAudit1796513011840 implements MigrationInterface {
  name = 'OfficeAndAudit1796513011840';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "card_scan_day" ("card_id" integer NOT NULL, "day" varchar(10) NOT NULL, "scans" integer NOT NULL DEFAULT (0), PRIMARY KEY ("card_id", "day"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "calendar_year" ("county_id" integer NOT NULL, "year" integer NOT NULL, "holidays" text NOT NULL, "makeup_workdays" text NOT NULL, "source" varchar(100), "updated_at" datetime(6) NOT NULL DEFAULT (datetime('now')), PRIMARY KEY ("county_id", "year"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "calendar_change" ("county_id" integer NOT NULL, "date" varchar(10) NOT NULL, "kind" varchar(16) NOT NULL, "note" varchar(50), "updated_at" datetime(6) NOT NULL DEFAULT (datetime('now')), PRIMARY KEY ("county_id", "date"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "deadline_policy" ("county_id" integer PRIMARY KEY NOT NULL, "accept_days" integer NOT NULL, "village_days" integer NOT NULL, "township_days" integer NOT NULL, "county_days" integer NOT NULL, "rectify_days" integer NOT NULL, "updated_at" datetime(6) NOT NULL DEFAULT (datetime('now')))`,
    );
    await queryRunner.query(
      `CREATE TABLE "audit_chain" ("id" integer PRIMARY KEY NOT NULL, "last_id" integer NOT NULL DEFAULT (0), "last_hash" varchar(64) NOT NULL)`,
    );
    await queryRunner.query(`DROP INDEX "IDX_org_unit_path"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_org_unit" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "parent_id" integer, "kind" varchar(16) NOT NULL, "name" varchar(64) NOT NULL, "path" varchar(255) NOT NULL, "hotlines" text NOT NULL, "created_at" datetime(6) NOT NULL DEFAULT (datetime('now')), "retired_at" datetime(6), CONSTRAINT "FK_org_unit_parent_id" FOREIGN KEY ("parent_id") REFERENCES "org_unit" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_org_unit"("id", "parent_id", "kind", "name", "path", "hotlines", "created_at") SELECT "id", "parent_id", "kind", "name", "path", "hotlines", "created_at" FROM "org_unit"`,
    );
    await queryRunner.query(`DROP TABLE "org_unit"`);
    await queryRunner.query(`ALTER TABLE "temporary_org_unit" RENAME TO "org_unit"`);
    await queryRunner.query(`CREATE INDEX "IDX_org_unit_path" ON "org_unit" ("path") `);
    await queryRunner.query(`DROP INDEX "UQ_user_account_work_wechat_openid"`);
    await queryRunner.query(`DROP INDEX "UQ_user_account_wechat_openid"`);
    await queryRunner.query(`DROP INDEX "UQ_user_account_username"`);
    await queryRunner.query(`DROP INDEX "UQ_user_account_phone_hash"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_user_account" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "role" varchar(16) NOT NULL, "display_name" varchar(64) NOT NULL, "username" varchar(64), "password_hash" varchar(255), "org_unit_id" integer, "wechat_openid" varchar(64), "phone_hash" varchar(64), "phone_enc" text, "phone_masked" varchar(16), "failed_logins" integer NOT NULL DEFAULT (0), "locked_until" datetime(6), "created_at" datetime(6) NOT NULL DEFAULT (datetime('now')), "updated_at" datetime(6) NOT NULL DEFAULT (datetime('now')), "work_wechat_openid" varchar(64), "must_change_password" boolean NOT NULL DEFAULT (0), "sessions_since" datetime(6), "active" boolean NOT NULL DEFAULT (1), CONSTRAINT "FK_user_account_org_unit_id" FOREIGN KEY ("org_unit_id") REFERENCES "org_unit" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_user_account"("id", "role", "display_name", "username", "password_hash", "org_unit_id", "wechat_openid", "phone_hash", "phone_enc", "phone_masked", "failed_logins", "locked_until", "created_at", "updated_at", "work_wechat_openid") SELECT "id", "role", "display_name", "username", "password_hash", "org_unit_id", "wechat_openid", "phone_hash", "phone_enc", "phone_masked", "failed_logins", "locked_until", "created_at", "updated_at", "work_wechat_openid" FROM "user_account"`,
    );
    await queryRunner.query(`DROP TABLE "user_account"`);
    await queryRunner.query(`ALTER TABLE "temporary_user_account" RENAME TO "user_account"`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_user_account_work_wechat_openid" ON "user_account" ("work_wechat_openid") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_user_account_wechat_openid" ON "user_account" ("wechat_openid") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_user_account_username" ON "user_account" ("username") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_user_account_phone_hash" ON "user_account" ("phone_hash") `,
    );
    await queryRunner.query(`DROP INDEX "UQ_cadre_user_id"`);
    await queryRunner.query(`DROP INDEX "IDX_cadre_org_unit_id"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_cadre" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "user_id" integer NOT NULL, "org_unit_id" integer NOT NULL, "name" varchar(64) NOT NULL, "post" varchar(64) NOT NULL, "phone_enc" text NOT NULL, "phone_masked" varchar(16) NOT NULL, "duties" text NOT NULL, "duty_days" varchar(64) NOT NULL, "photo_url" varchar(255), "successor_cadre_id" integer, "active" boolean NOT NULL DEFAULT (1), "created_at" datetime(6) NOT NULL DEFAULT (datetime('now')), "ended_at" datetime(6), "end_reason" varchar(200), CONSTRAINT "FK_cadre_successor_cadre_id" FOREIGN KEY ("successor_cadre_id") REFERENCES "cadre" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION, CONSTRAINT "FK_cadre_org_unit_id" FOREIGN KEY ("org_unit_id") REFERENCES "org_unit" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION, CONSTRAINT "FK_cadre_user_id" FOREIGN KEY ("user_id") REFERENCES "user_account" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_cadre"("id", "user_id", "org_unit_id", "name", "post", "phone_enc", "phone_masked", "duties", "duty_days", "photo_url", "successor_cadre_id", "active", "created_at") SELECT "id", "user_id", "org_unit_id", "name", "post", "phone_enc", "phone_masked", "duties", "duty_days", "photo_url", "successor_cadre_id", "active", "created_at" FROM "cadre"`,
    );
    await queryRunner.query(`DROP TABLE "cadre"`);
    await queryRunner.query(`ALTER TABLE "temporary_cadre" RENAME TO "cadre"`);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_cadre_user_id" ON "cadre" ("user_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_cadre_org_unit_id" ON "cadre" ("org_unit_id") `);
    await queryRunner.query(`DROP INDEX "UQ_card_code"`);
    await queryRunner.query(`DROP INDEX "IDX_card_cadre_id"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_card" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "code" varchar(32) NOT NULL, "cadre_id" integer NOT NULL, "status" varchar(16) NOT NULL, "issued_at" datetime(6) NOT NULL, "revoked_at" datetime(6), "revoke_reason" varchar(100), "replaced_by_card_id" integer, CONSTRAINT "FK_card_cadre_id" FOREIGN KEY ("cadre_id") REFERENCES "cadre" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_card"("id", "code", "cadre_id", "status", "issued_at", "revoked_at") SELECT "id", "code", "cadre_id", "status", "issued_at", "revoked_at" FROM "card"`,
    );
    await queryRunner.query(`DROP TABLE "card"`);
    await queryRunner.query(`ALTER TABLE "temporary_card" RENAME TO "card"`);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_card_code" ON "card" ("code") `);
    await queryRunner.query(`CREATE INDEX "IDX_card_cadre_id" ON "card" ("cadre_id") `);
    await queryRunner.query(`DROP INDEX "IDX_audit_log_unit_path_at"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_audit_log" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "actor_user_id" integer NOT NULL, "action" varchar(48) NOT NULL, "target_type" varchar(32) NOT NULL, "target_id" integer NOT NULL, "unit_path" varchar(255) NOT NULL, "detail" text, "created_at" datetime(6) NOT NULL DEFAULT (datetime('now')), "actor_name" varchar(64) NOT NULL DEFAULT (''), "hash" varchar(64) NOT NULL DEFAULT (''), CONSTRAINT "FK_audit_log_actor_user_id" FOREIGN KEY ("actor_user_id") REFERENCES "user_account" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_audit_log"("id", "actor_user_id", "action", "target_type", "target_id", "unit_path", "detail", "created_at") SELECT "id", "actor_user_id", "action", "target_type", "target_id", "unit_path", "detail", "created_at" FROM "audit_log"`,
    );
    await queryRunner.query(`DROP TABLE "audit_log"`);
    await queryRunner.query(`ALTER TABLE "temporary_audit_log" RENAME TO "audit_log"`);
    await queryRunner.query(
      `CREATE INDEX "IDX_audit_log_unit_path_at" ON "audit_log" ("unit_path", "created_at") `,
    );
    await queryRunner.query(`DROP INDEX "IDX_audit_log_unit_path_at"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_audit_log" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "actor_user_id" integer NOT NULL, "action" varchar(48) NOT NULL, "target_type" varchar(32) NOT NULL, "target_id" integer NOT NULL, "unit_path" varchar(255) NOT NULL, "detail" text, "created_at" datetime(6) NOT NULL DEFAULT (datetime('now')), "actor_name" varchar(64) NOT NULL DEFAULT (''), "hash" varchar(64) NOT NULL DEFAULT (''))`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_audit_log"("id", "actor_user_id", "action", "target_type", "target_id", "unit_path", "detail", "created_at", "actor_name", "hash") SELECT "id", "actor_user_id", "action", "target_type", "target_id", "unit_path", "detail", "created_at", "actor_name", "hash" FROM "audit_log"`,
    );
    await queryRunner.query(`DROP TABLE "audit_log"`);
    await queryRunner.query(`ALTER TABLE "temporary_audit_log" RENAME TO "audit_log"`);
    await queryRunner.query(
      `CREATE INDEX "IDX_audit_log_unit_path_at" ON "audit_log" ("unit_path", "created_at") `,
    );
    await queryRunner.query(`DROP INDEX "IDX_audit_log_unit_path_at"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_audit_log" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "actor_user_id" integer, "action" varchar(48) NOT NULL, "target_type" varchar(32) NOT NULL, "target_id" integer, "unit_path" varchar(255) NOT NULL, "detail" text, "created_at" datetime(6) NOT NULL DEFAULT (datetime('now')), "actor_name" varchar(64) NOT NULL DEFAULT (''), "hash" varchar(64) NOT NULL DEFAULT (''))`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_audit_log"("id", "actor_user_id", "action", "target_type", "target_id", "unit_path", "detail", "created_at", "actor_name", "hash") SELECT "id", "actor_user_id", "action", "target_type", "target_id", "unit_path", "detail", "created_at", "actor_name", "hash" FROM "audit_log"`,
    );
    await queryRunner.query(`DROP TABLE "audit_log"`);
    await queryRunner.query(`ALTER TABLE "temporary_audit_log" RENAME TO "audit_log"`);
    await queryRunner.query(
      `CREATE INDEX "IDX_audit_log_unit_path_at" ON "audit_log" ("unit_path", "created_at") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_audit_log_action_at" ON "audit_log" ("action", "created_at") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_audit_log_actor_user_id_at" ON "audit_log" ("actor_user_id", "created_at") `,
    );
    await queryRunner.query(`DROP INDEX "UQ_card_code"`);
    await queryRunner.query(`DROP INDEX "IDX_card_cadre_id"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_card" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "code" varchar(32) NOT NULL, "cadre_id" integer NOT NULL, "status" varchar(16) NOT NULL, "issued_at" datetime(6) NOT NULL, "revoked_at" datetime(6), "revoke_reason" varchar(100), "replaced_by_card_id" integer, CONSTRAINT "FK_card_cadre_id" FOREIGN KEY ("cadre_id") REFERENCES "cadre" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION, CONSTRAINT "FK_card_replaced_by_card_id" FOREIGN KEY ("replaced_by_card_id") REFERENCES "card" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_card"("id", "code", "cadre_id", "status", "issued_at", "revoked_at", "revoke_reason", "replaced_by_card_id") SELECT "id", "code", "cadre_id", "status", "issued_at", "revoked_at", "revoke_reason", "replaced_by_card_id" FROM "card"`,
    );
    await queryRunner.query(`DROP TABLE "card"`);
    await queryRunner.query(`ALTER TABLE "temporary_card" RENAME TO "card"`);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_card_code" ON "card" ("code") `);
    await queryRunner.query(`CREATE INDEX "IDX_card_cadre_id" ON "card" ("cadre_id") `);
    await queryRunner.query(
      `CREATE TABLE "temporary_card_scan_day" ("card_id" integer NOT NULL, "day" varchar(10) NOT NULL, "scans" integer NOT NULL DEFAULT (0), CONSTRAINT "FK_card_scan_day_card_id" FOREIGN KEY ("card_id") REFERENCES "card" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION, PRIMARY KEY ("card_id", "day"))`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_card_scan_day"("card_id", "day", "scans") SELECT "card_id", "day", "scans" FROM "card_scan_day"`,
    );
    await queryRunner.query(`DROP TABLE "card_scan_day"`);
    await queryRunner.query(`ALTER TABLE "temporary_card_scan_day" RENAME TO "card_scan_day"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_calendar_year" ("county_id" integer NOT NULL, "year" integer NOT NULL, "holidays" text NOT NULL, "makeup_workdays" text NOT NULL, "source" varchar(100), "updated_at" datetime(6) NOT NULL DEFAULT (datetime('now')), CONSTRAINT "FK_calendar_year_county_id" FOREIGN KEY ("county_id") REFERENCES "org_unit" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION, PRIMARY KEY ("county_id", "year"))`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_calendar_year"("county_id", "year", "holidays", "makeup_workdays", "source", "updated_at") SELECT "county_id", "year", "holidays", "makeup_workdays", "source", "updated_at" FROM "calendar_year"`,
    );
    await queryRunner.query(`DROP TABLE "calendar_year"`);
    await queryRunner.query(`ALTER TABLE "temporary_calendar_year" RENAME TO "calendar_year"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_calendar_change" ("county_id" integer NOT NULL, "date" varchar(10) NOT NULL, "kind" varchar(16) NOT NULL, "note" varchar(50), "updated_at" datetime(6) NOT NULL DEFAULT (datetime('now')), CONSTRAINT "FK_calendar_change_county_id" FOREIGN KEY ("county_id") REFERENCES "org_unit" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION, PRIMARY KEY ("county_id", "date"))`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_calendar_change"("county_id", "date", "kind", "note", "updated_at") SELECT "county_id", "date", "kind", "note", "updated_at" FROM "calendar_change"`,
    );
    await queryRunner.query(`DROP TABLE "calendar_change"`);
    await queryRunner.query(`ALTER TABLE "temporary_calendar_change" RENAME TO "calendar_change"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_deadline_policy" ("county_id" integer PRIMARY KEY NOT NULL, "accept_days" integer NOT NULL, "village_days" integer NOT NULL, "township_days" integer NOT NULL, "county_days" integer NOT NULL, "rectify_days" integer NOT NULL, "updated_at" datetime(6) NOT NULL DEFAULT (datetime('now')), CONSTRAINT "FK_deadline_policy_county_id" FOREIGN KEY ("county_id") REFERENCES "org_unit" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_deadline_policy"("county_id", "accept_days", "village_days", "township_days", "county_days", "rectify_days", "updated_at") SELECT "county_id", "accept_days", "village_days", "township_days", "county_days", "rectify_days", "updated_at" FROM "deadline_policy"`,
    );
    await queryRunner.query(`DROP TABLE "deadline_policy"`);
    await queryRunner.query(`ALTER TABLE "temporary_deadline_policy" RENAME TO "deadline_policy"`);
    await queryRunner.query(`DROP INDEX "IDX_audit_log_unit_path_at"`);
    await queryRunner.query(`DROP INDEX "IDX_audit_log_action_at"`);
    await queryRunner.query(`DROP INDEX "IDX_audit_log_actor_user_id_at"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_audit_log" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "actor_user_id" integer, "action" varchar(48) NOT NULL, "target_type" varchar(32) NOT NULL, "target_id" integer, "unit_path" varchar(255) NOT NULL, "detail" text, "created_at" datetime(6) NOT NULL DEFAULT (datetime('now')), "actor_name" varchar(64) NOT NULL DEFAULT (''), "hash" varchar(64) NOT NULL DEFAULT (''), CONSTRAINT "FK_audit_log_actor_user_id" FOREIGN KEY ("actor_user_id") REFERENCES "user_account" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_audit_log"("id", "actor_user_id", "action", "target_type", "target_id", "unit_path", "detail", "created_at", "actor_name", "hash") SELECT "id", "actor_user_id", "action", "target_type", "target_id", "unit_path", "detail", "created_at", "actor_name", "hash" FROM "audit_log"`,
    );
    await queryRunner.query(`DROP TABLE "audit_log"`);
    await queryRunner.query(`ALTER TABLE "temporary_audit_log" RENAME TO "audit_log"`);
    await queryRunner.query(
      `CREATE INDEX "IDX_audit_log_unit_path_at" ON "audit_log" ("unit_path", "created_at") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_audit_log_action_at" ON "audit_log" ("action", "created_at") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_audit_log_actor_user_id_at" ON "audit_log" ("actor_user_id", "created_at") `,
    );
    await chainExistingAuditRows(queryRunner);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await dropAppendOnlyTriggers(queryRunner);
    await queryRunner.query(`DROP INDEX "IDX_audit_log_actor_user_id_at"`);
    await queryRunner.query(`DROP INDEX "IDX_audit_log_action_at"`);
    await queryRunner.query(`DROP INDEX "IDX_audit_log_unit_path_at"`);
    await queryRunner.query(`ALTER TABLE "audit_log" RENAME TO "temporary_audit_log"`);
    await queryRunner.query(
      `CREATE TABLE "audit_log" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "actor_user_id" integer, "action" varchar(48) NOT NULL, "target_type" varchar(32) NOT NULL, "target_id" integer, "unit_path" varchar(255) NOT NULL, "detail" text, "created_at" datetime(6) NOT NULL DEFAULT (datetime('now')), "actor_name" varchar(64) NOT NULL DEFAULT (''), "hash" varchar(64) NOT NULL DEFAULT (''))`,
    );
    await queryRunner.query(
      `INSERT INTO "audit_log"("id", "actor_user_id", "action", "target_type", "target_id", "unit_path", "detail", "created_at", "actor_name", "hash") SELECT "id", "actor_user_id", "action", "target_type", "target_id", "unit_path", "detail", "created_at", "actor_name", "hash" FROM "temporary_audit_log"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_audit_log"`);
    await queryRunner.query(
      `CREATE INDEX "IDX_audit_log_actor_user_id_at" ON "audit_log" ("actor_user_id", "created_at") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_audit_log_action_at" ON "audit_log" ("action", "created_at") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_audit_log_unit_path_at" ON "audit_log" ("unit_path", "created_at") `,
    );
    await queryRunner.query(`ALTER TABLE "deadline_policy" RENAME TO "temporary_deadline_policy"`);
    await queryRunner.query(
      `CREATE TABLE "deadline_policy" ("county_id" integer PRIMARY KEY NOT NULL, "accept_days" integer NOT NULL, "village_days" integer NOT NULL, "township_days" integer NOT NULL, "county_days" integer NOT NULL, "rectify_days" integer NOT NULL, "updated_at" datetime(6) NOT NULL DEFAULT (datetime('now')))`,
    );
    await queryRunner.query(
      `INSERT INTO "deadline_policy"("county_id", "accept_days", "village_days", "township_days", "county_days", "rectify_days", "updated_at") SELECT "county_id", "accept_days", "village_days", "township_days", "county_days", "rectify_days", "updated_at" FROM "temporary_deadline_policy"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_deadline_policy"`);
    await queryRunner.query(`ALTER TABLE "calendar_change" RENAME TO "temporary_calendar_change"`);
    await queryRunner.query(
      `CREATE TABLE "calendar_change" ("county_id" integer NOT NULL, "date" varchar(10) NOT NULL, "kind" varchar(16) NOT NULL, "note" varchar(50), "updated_at" datetime(6) NOT NULL DEFAULT (datetime('now')), PRIMARY KEY ("county_id", "date"))`,
    );
    await queryRunner.query(
      `INSERT INTO "calendar_change"("county_id", "date", "kind", "note", "updated_at") SELECT "county_id", "date", "kind", "note", "updated_at" FROM "temporary_calendar_change"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_calendar_change"`);
    await queryRunner.query(`ALTER TABLE "calendar_year" RENAME TO "temporary_calendar_year"`);
    await queryRunner.query(
      `CREATE TABLE "calendar_year" ("county_id" integer NOT NULL, "year" integer NOT NULL, "holidays" text NOT NULL, "makeup_workdays" text NOT NULL, "source" varchar(100), "updated_at" datetime(6) NOT NULL DEFAULT (datetime('now')), PRIMARY KEY ("county_id", "year"))`,
    );
    await queryRunner.query(
      `INSERT INTO "calendar_year"("county_id", "year", "holidays", "makeup_workdays", "source", "updated_at") SELECT "county_id", "year", "holidays", "makeup_workdays", "source", "updated_at" FROM "temporary_calendar_year"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_calendar_year"`);
    await queryRunner.query(`ALTER TABLE "card_scan_day" RENAME TO "temporary_card_scan_day"`);
    await queryRunner.query(
      `CREATE TABLE "card_scan_day" ("card_id" integer NOT NULL, "day" varchar(10) NOT NULL, "scans" integer NOT NULL DEFAULT (0), PRIMARY KEY ("card_id", "day"))`,
    );
    await queryRunner.query(
      `INSERT INTO "card_scan_day"("card_id", "day", "scans") SELECT "card_id", "day", "scans" FROM "temporary_card_scan_day"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_card_scan_day"`);
    await queryRunner.query(`DROP INDEX "IDX_card_cadre_id"`);
    await queryRunner.query(`DROP INDEX "UQ_card_code"`);
    await queryRunner.query(`ALTER TABLE "card" RENAME TO "temporary_card"`);
    await queryRunner.query(
      `CREATE TABLE "card" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "code" varchar(32) NOT NULL, "cadre_id" integer NOT NULL, "status" varchar(16) NOT NULL, "issued_at" datetime(6) NOT NULL, "revoked_at" datetime(6), "revoke_reason" varchar(100), "replaced_by_card_id" integer, CONSTRAINT "FK_card_cadre_id" FOREIGN KEY ("cadre_id") REFERENCES "cadre" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `INSERT INTO "card"("id", "code", "cadre_id", "status", "issued_at", "revoked_at", "revoke_reason", "replaced_by_card_id") SELECT "id", "code", "cadre_id", "status", "issued_at", "revoked_at", "revoke_reason", "replaced_by_card_id" FROM "temporary_card"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_card"`);
    await queryRunner.query(`CREATE INDEX "IDX_card_cadre_id" ON "card" ("cadre_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_card_code" ON "card" ("code") `);
    await queryRunner.query(`DROP INDEX "IDX_audit_log_actor_user_id_at"`);
    await queryRunner.query(`DROP INDEX "IDX_audit_log_action_at"`);
    await queryRunner.query(`DROP INDEX "IDX_audit_log_unit_path_at"`);
    await queryRunner.query(`ALTER TABLE "audit_log" RENAME TO "temporary_audit_log"`);
    await queryRunner.query(
      `CREATE TABLE "audit_log" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "actor_user_id" integer NOT NULL, "action" varchar(48) NOT NULL, "target_type" varchar(32) NOT NULL, "target_id" integer NOT NULL, "unit_path" varchar(255) NOT NULL, "detail" text, "created_at" datetime(6) NOT NULL DEFAULT (datetime('now')), "actor_name" varchar(64) NOT NULL DEFAULT (''), "hash" varchar(64) NOT NULL DEFAULT (''))`,
    );
    await queryRunner.query(
      `INSERT INTO "audit_log"("id", "actor_user_id", "action", "target_type", "target_id", "unit_path", "detail", "created_at", "actor_name", "hash") SELECT "id", "actor_user_id", "action", "target_type", "target_id", "unit_path", "detail", "created_at", "actor_name", "hash" FROM "temporary_audit_log"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_audit_log"`);
    await queryRunner.query(
      `CREATE INDEX "IDX_audit_log_unit_path_at" ON "audit_log" ("unit_path", "created_at") `,
    );
    await queryRunner.query(`DROP INDEX "IDX_audit_log_unit_path_at"`);
    await queryRunner.query(`ALTER TABLE "audit_log" RENAME TO "temporary_audit_log"`);
    await queryRunner.query(
      `CREATE TABLE "audit_log" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "actor_user_id" integer NOT NULL, "action" varchar(48) NOT NULL, "target_type" varchar(32) NOT NULL, "target_id" integer NOT NULL, "unit_path" varchar(255) NOT NULL, "detail" text, "created_at" datetime(6) NOT NULL DEFAULT (datetime('now')), "actor_name" varchar(64) NOT NULL DEFAULT (''), "hash" varchar(64) NOT NULL DEFAULT (''), CONSTRAINT "FK_audit_log_actor_user_id" FOREIGN KEY ("actor_user_id") REFERENCES "user_account" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `INSERT INTO "audit_log"("id", "actor_user_id", "action", "target_type", "target_id", "unit_path", "detail", "created_at", "actor_name", "hash") SELECT "id", "actor_user_id", "action", "target_type", "target_id", "unit_path", "detail", "created_at", "actor_name", "hash" FROM "temporary_audit_log"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_audit_log"`);
    await queryRunner.query(
      `CREATE INDEX "IDX_audit_log_unit_path_at" ON "audit_log" ("unit_path", "created_at") `,
    );
    await queryRunner.query(`DROP INDEX "IDX_audit_log_unit_path_at"`);
    await queryRunner.query(`ALTER TABLE "audit_log" RENAME TO "temporary_audit_log"`);
    await queryRunner.query(
      `CREATE TABLE "audit_log" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "actor_user_id" integer NOT NULL, "action" varchar(48) NOT NULL, "target_type" varchar(32) NOT NULL, "target_id" integer NOT NULL, "unit_path" varchar(255) NOT NULL, "detail" text, "created_at" datetime(6) NOT NULL DEFAULT (datetime('now')), CONSTRAINT "FK_audit_log_actor_user_id" FOREIGN KEY ("actor_user_id") REFERENCES "user_account" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `INSERT INTO "audit_log"("id", "actor_user_id", "action", "target_type", "target_id", "unit_path", "detail", "created_at") SELECT "id", "actor_user_id", "action", "target_type", "target_id", "unit_path", "detail", "created_at" FROM "temporary_audit_log"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_audit_log"`);
    await queryRunner.query(
      `CREATE INDEX "IDX_audit_log_unit_path_at" ON "audit_log" ("unit_path", "created_at") `,
    );
    await queryRunner.query(`DROP INDEX "IDX_card_cadre_id"`);
    await queryRunner.query(`DROP INDEX "UQ_card_code"`);
    await queryRunner.query(`ALTER TABLE "card" RENAME TO "temporary_card"`);
    await queryRunner.query(
      `CREATE TABLE "card" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "code" varchar(32) NOT NULL, "cadre_id" integer NOT NULL, "status" varchar(16) NOT NULL, "issued_at" datetime(6) NOT NULL, "revoked_at" datetime(6), CONSTRAINT "FK_card_cadre_id" FOREIGN KEY ("cadre_id") REFERENCES "cadre" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `INSERT INTO "card"("id", "code", "cadre_id", "status", "issued_at", "revoked_at") SELECT "id", "code", "cadre_id", "status", "issued_at", "revoked_at" FROM "temporary_card"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_card"`);
    await queryRunner.query(`CREATE INDEX "IDX_card_cadre_id" ON "card" ("cadre_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_card_code" ON "card" ("code") `);
    await queryRunner.query(`DROP INDEX "IDX_cadre_org_unit_id"`);
    await queryRunner.query(`DROP INDEX "UQ_cadre_user_id"`);
    await queryRunner.query(`ALTER TABLE "cadre" RENAME TO "temporary_cadre"`);
    await queryRunner.query(
      `CREATE TABLE "cadre" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "user_id" integer NOT NULL, "org_unit_id" integer NOT NULL, "name" varchar(64) NOT NULL, "post" varchar(64) NOT NULL, "phone_enc" text NOT NULL, "phone_masked" varchar(16) NOT NULL, "duties" text NOT NULL, "duty_days" varchar(64) NOT NULL, "photo_url" varchar(255), "successor_cadre_id" integer, "active" boolean NOT NULL DEFAULT (1), "created_at" datetime(6) NOT NULL DEFAULT (datetime('now')), CONSTRAINT "FK_cadre_successor_cadre_id" FOREIGN KEY ("successor_cadre_id") REFERENCES "cadre" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION, CONSTRAINT "FK_cadre_org_unit_id" FOREIGN KEY ("org_unit_id") REFERENCES "org_unit" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION, CONSTRAINT "FK_cadre_user_id" FOREIGN KEY ("user_id") REFERENCES "user_account" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `INSERT INTO "cadre"("id", "user_id", "org_unit_id", "name", "post", "phone_enc", "phone_masked", "duties", "duty_days", "photo_url", "successor_cadre_id", "active", "created_at") SELECT "id", "user_id", "org_unit_id", "name", "post", "phone_enc", "phone_masked", "duties", "duty_days", "photo_url", "successor_cadre_id", "active", "created_at" FROM "temporary_cadre"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_cadre"`);
    await queryRunner.query(`CREATE INDEX "IDX_cadre_org_unit_id" ON "cadre" ("org_unit_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_cadre_user_id" ON "cadre" ("user_id") `);
    await queryRunner.query(`DROP INDEX "UQ_user_account_phone_hash"`);
    await queryRunner.query(`DROP INDEX "UQ_user_account_username"`);
    await queryRunner.query(`DROP INDEX "UQ_user_account_wechat_openid"`);
    await queryRunner.query(`DROP INDEX "UQ_user_account_work_wechat_openid"`);
    await queryRunner.query(`ALTER TABLE "user_account" RENAME TO "temporary_user_account"`);
    await queryRunner.query(
      `CREATE TABLE "user_account" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "role" varchar(16) NOT NULL, "display_name" varchar(64) NOT NULL, "username" varchar(64), "password_hash" varchar(255), "org_unit_id" integer, "wechat_openid" varchar(64), "phone_hash" varchar(64), "phone_enc" text, "phone_masked" varchar(16), "failed_logins" integer NOT NULL DEFAULT (0), "locked_until" datetime(6), "created_at" datetime(6) NOT NULL DEFAULT (datetime('now')), "updated_at" datetime(6) NOT NULL DEFAULT (datetime('now')), "work_wechat_openid" varchar(64), CONSTRAINT "FK_user_account_org_unit_id" FOREIGN KEY ("org_unit_id") REFERENCES "org_unit" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `INSERT INTO "user_account"("id", "role", "display_name", "username", "password_hash", "org_unit_id", "wechat_openid", "phone_hash", "phone_enc", "phone_masked", "failed_logins", "locked_until", "created_at", "updated_at", "work_wechat_openid") SELECT "id", "role", "display_name", "username", "password_hash", "org_unit_id", "wechat_openid", "phone_hash", "phone_enc", "phone_masked", "failed_logins", "locked_until", "created_at", "updated_at", "work_wechat_openid" FROM "temporary_user_account"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_user_account"`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_user_account_phone_hash" ON "user_account" ("phone_hash") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_user_account_username" ON "user_account" ("username") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_user_account_wechat_openid" ON "user_account" ("wechat_openid") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_user_account_work_wechat_openid" ON "user_account" ("work_wechat_openid") `,
    );
    await queryRunner.query(`DROP INDEX "IDX_org_unit_path"`);
    await queryRunner.query(`ALTER TABLE "org_unit" RENAME TO "temporary_org_unit"`);
    await queryRunner.query(
      `CREATE TABLE "org_unit" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "parent_id" integer, "kind" varchar(16) NOT NULL, "name" varchar(64) NOT NULL, "path" varchar(255) NOT NULL, "hotlines" text NOT NULL, "created_at" datetime(6) NOT NULL DEFAULT (datetime('now')), CONSTRAINT "FK_org_unit_parent_id" FOREIGN KEY ("parent_id") REFERENCES "org_unit" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `INSERT INTO "org_unit"("id", "parent_id", "kind", "name", "path", "hotlines", "created_at") SELECT "id", "parent_id", "kind", "name", "path", "hotlines", "created_at" FROM "temporary_org_unit"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_org_unit"`);
    await queryRunner.query(`CREATE INDEX "IDX_org_unit_path" ON "org_unit" ("path") `);
    await queryRunner.query(`DROP TABLE "audit_chain"`);
    await queryRunner.query(`DROP TABLE "deadline_policy"`);
    await queryRunner.query(`DROP TABLE "calendar_change"`);
    await queryRunner.query(`DROP TABLE "calendar_year"`);
    await queryRunner.query(`DROP TABLE "card_scan_day"`);
  }
}
