import { MigrationInterface, QueryRunner } from 'typeorm';

export class Initial1795264046771 implements MigrationInterface {
  name = 'Initial1795264046771';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "org_unit" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "parent_id" integer, "kind" varchar(16) NOT NULL, "name" varchar(64) NOT NULL, "path" varchar(255) NOT NULL, "hotlines" text NOT NULL, "created_at" datetime(6) NOT NULL DEFAULT (datetime('now')))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_org_unit_path" ON "org_unit" ("path") `);
    await queryRunner.query(
      `CREATE TABLE "user_account" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "role" varchar(16) NOT NULL, "display_name" varchar(64) NOT NULL, "username" varchar(64), "password_hash" varchar(255), "org_unit_id" integer, "wechat_openid" varchar(64), "phone_hash" varchar(64), "phone_enc" text, "phone_masked" varchar(16), "failed_logins" integer NOT NULL DEFAULT (0), "locked_until" datetime(6), "created_at" datetime(6) NOT NULL DEFAULT (datetime('now')), "updated_at" datetime(6) NOT NULL DEFAULT (datetime('now')))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_user_account_phone_hash" ON "user_account" ("phone_hash") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_user_account_wechat_openid" ON "user_account" ("wechat_openid") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_user_account_username" ON "user_account" ("username") `,
    );
    await queryRunner.query(
      `CREATE TABLE "cadre" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "user_id" integer NOT NULL, "org_unit_id" integer NOT NULL, "name" varchar(64) NOT NULL, "post" varchar(64) NOT NULL, "phone_enc" text NOT NULL, "phone_masked" varchar(16) NOT NULL, "duties" text NOT NULL, "duty_days" varchar(64) NOT NULL, "photo_url" varchar(255), "successor_cadre_id" integer, "active" boolean NOT NULL DEFAULT (1), "created_at" datetime(6) NOT NULL DEFAULT (datetime('now')))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_cadre_org_unit_id" ON "cadre" ("org_unit_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_cadre_user_id" ON "cadre" ("user_id") `);
    await queryRunner.query(
      `CREATE TABLE "card" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "code" varchar(32) NOT NULL, "cadre_id" integer NOT NULL, "status" varchar(16) NOT NULL, "issued_at" datetime(6) NOT NULL, "revoked_at" datetime(6))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_card_cadre_id" ON "card" ("cadre_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_card_code" ON "card" ("code") `);
    await queryRunner.query(
      `CREATE TABLE "request" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "number" varchar(24) NOT NULL, "channel" varchar(16) NOT NULL, "category" varchar(16) NOT NULL, "sub_topic" varchar(32), "text" text NOT NULL, "contact_phone_enc" text, "contact_phone_masked" varchar(16), "location" varchar(255), "requester_id" integer NOT NULL, "card_id" integer, "first_contact_cadre_id" integer, "subject_cadre_id" integer, "owner_user_id" integer NOT NULL, "owner_unit_id" integer NOT NULL, "owner_unit_path" varchar(255) NOT NULL, "level" varchar(16) NOT NULL, "status" varchar(24) NOT NULL, "round" tinyint NOT NULL DEFAULT (1), "accept_due_at" datetime(6) NOT NULL, "due_at" datetime(6) NOT NULL, "submitted_at" datetime(6) NOT NULL, "accepted_at" datetime(6), "resolved_at" datetime(6), "resolution_outcome" varchar(16), "resolution_note" text, "version" integer NOT NULL, "created_at" datetime(6) NOT NULL DEFAULT (datetime('now')), "updated_at" datetime(6) NOT NULL DEFAULT (datetime('now')))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_request_first_contact_status" ON "request" ("first_contact_cadre_id", "status") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_request_owner_unit_path_status" ON "request" ("owner_unit_path", "status") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_request_requester_submitted" ON "request" ("requester_id", "submitted_at") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_request_owner_status_due" ON "request" ("owner_user_id", "status", "due_at") `,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_request_number" ON "request" ("number") `);
    await queryRunner.query(
      `CREATE TABLE "request_event" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "request_id" integer NOT NULL, "action" varchar(32) NOT NULL, "actor_user_id" integer, "actor_role" varchar(16) NOT NULL, "from_status" varchar(24), "to_status" varchar(24) NOT NULL, "note" text, "payload" text, "created_at" datetime(6) NOT NULL DEFAULT (datetime('now')))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_request_event_request_id" ON "request_event" ("request_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "day_sequence" ("day" varchar(8) PRIMARY KEY NOT NULL, "last_value" integer NOT NULL)`,
    );
    await queryRunner.query(
      `CREATE TABLE "rating" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "request_id" integer NOT NULL, "round" tinyint NOT NULL, "level" tinyint NOT NULL, "tags" varchar(255) NOT NULL, "comment" text, "rater_user_id" integer NOT NULL, "owner_user_id" integer NOT NULL, "owner_unit_id" integer NOT NULL, "owner_unit_path" varchar(255) NOT NULL, "excluded" boolean NOT NULL DEFAULT (0), "exclusion_reason" text, "created_at" datetime(6) NOT NULL DEFAULT (datetime('now')))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_rating_request_round" ON "rating" ("request_id", "round") `,
    );
    await queryRunner.query(
      `CREATE TABLE "request_photo" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "request_id" integer, "uploader_user_id" integer NOT NULL, "storage_key" varchar(255) NOT NULL, "mime" varchar(32) NOT NULL, "size_bytes" integer NOT NULL, "width" integer NOT NULL, "height" integer NOT NULL, "created_at" datetime(6) NOT NULL DEFAULT (datetime('now')))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_request_photo_uploader_user_id" ON "request_photo" ("uploader_user_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_request_photo_request_id" ON "request_photo" ("request_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "idempotency_record" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "user_id" integer NOT NULL, "idem_key" varchar(64) NOT NULL, "route" varchar(64) NOT NULL, "request_hash" varchar(64) NOT NULL, "status_code" integer, "response_body" text, "created_at" datetime(6) NOT NULL DEFAULT (datetime('now')))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_idempotency_record_user_key" ON "idempotency_record" ("user_id", "idem_key") `,
    );
    await queryRunner.query(
      `CREATE TABLE "otp_code" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "phone_hash" varchar(64) NOT NULL, "code_hash" varchar(64) NOT NULL, "expires_at" datetime(6) NOT NULL, "attempts" integer NOT NULL DEFAULT (0), "consumed_at" datetime(6), "created_at" datetime(6) NOT NULL DEFAULT (datetime('now')))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_otp_code_phone_hash" ON "otp_code" ("phone_hash") `);
    await queryRunner.query(`DROP INDEX "IDX_org_unit_path"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_org_unit" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "parent_id" integer, "kind" varchar(16) NOT NULL, "name" varchar(64) NOT NULL, "path" varchar(255) NOT NULL, "hotlines" text NOT NULL, "created_at" datetime(6) NOT NULL DEFAULT (datetime('now')), CONSTRAINT "FK_org_unit_parent_id" FOREIGN KEY ("parent_id") REFERENCES "org_unit" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_org_unit"("id", "parent_id", "kind", "name", "path", "hotlines", "created_at") SELECT "id", "parent_id", "kind", "name", "path", "hotlines", "created_at" FROM "org_unit"`,
    );
    await queryRunner.query(`DROP TABLE "org_unit"`);
    await queryRunner.query(`ALTER TABLE "temporary_org_unit" RENAME TO "org_unit"`);
    await queryRunner.query(`CREATE INDEX "IDX_org_unit_path" ON "org_unit" ("path") `);
    await queryRunner.query(`DROP INDEX "IDX_user_account_phone_hash"`);
    await queryRunner.query(`DROP INDEX "UQ_user_account_wechat_openid"`);
    await queryRunner.query(`DROP INDEX "UQ_user_account_username"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_user_account" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "role" varchar(16) NOT NULL, "display_name" varchar(64) NOT NULL, "username" varchar(64), "password_hash" varchar(255), "org_unit_id" integer, "wechat_openid" varchar(64), "phone_hash" varchar(64), "phone_enc" text, "phone_masked" varchar(16), "failed_logins" integer NOT NULL DEFAULT (0), "locked_until" datetime(6), "created_at" datetime(6) NOT NULL DEFAULT (datetime('now')), "updated_at" datetime(6) NOT NULL DEFAULT (datetime('now')), CONSTRAINT "FK_user_account_org_unit_id" FOREIGN KEY ("org_unit_id") REFERENCES "org_unit" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_user_account"("id", "role", "display_name", "username", "password_hash", "org_unit_id", "wechat_openid", "phone_hash", "phone_enc", "phone_masked", "failed_logins", "locked_until", "created_at", "updated_at") SELECT "id", "role", "display_name", "username", "password_hash", "org_unit_id", "wechat_openid", "phone_hash", "phone_enc", "phone_masked", "failed_logins", "locked_until", "created_at", "updated_at" FROM "user_account"`,
    );
    await queryRunner.query(`DROP TABLE "user_account"`);
    await queryRunner.query(`ALTER TABLE "temporary_user_account" RENAME TO "user_account"`);
    await queryRunner.query(
      `CREATE INDEX "IDX_user_account_phone_hash" ON "user_account" ("phone_hash") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_user_account_wechat_openid" ON "user_account" ("wechat_openid") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_user_account_username" ON "user_account" ("username") `,
    );
    await queryRunner.query(`DROP INDEX "IDX_cadre_org_unit_id"`);
    await queryRunner.query(`DROP INDEX "UQ_cadre_user_id"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_cadre" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "user_id" integer NOT NULL, "org_unit_id" integer NOT NULL, "name" varchar(64) NOT NULL, "post" varchar(64) NOT NULL, "phone_enc" text NOT NULL, "phone_masked" varchar(16) NOT NULL, "duties" text NOT NULL, "duty_days" varchar(64) NOT NULL, "photo_url" varchar(255), "successor_cadre_id" integer, "active" boolean NOT NULL DEFAULT (1), "created_at" datetime(6) NOT NULL DEFAULT (datetime('now')), CONSTRAINT "FK_cadre_user_id" FOREIGN KEY ("user_id") REFERENCES "user_account" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION, CONSTRAINT "FK_cadre_org_unit_id" FOREIGN KEY ("org_unit_id") REFERENCES "org_unit" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION, CONSTRAINT "FK_cadre_successor_cadre_id" FOREIGN KEY ("successor_cadre_id") REFERENCES "cadre" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_cadre"("id", "user_id", "org_unit_id", "name", "post", "phone_enc", "phone_masked", "duties", "duty_days", "photo_url", "successor_cadre_id", "active", "created_at") SELECT "id", "user_id", "org_unit_id", "name", "post", "phone_enc", "phone_masked", "duties", "duty_days", "photo_url", "successor_cadre_id", "active", "created_at" FROM "cadre"`,
    );
    await queryRunner.query(`DROP TABLE "cadre"`);
    await queryRunner.query(`ALTER TABLE "temporary_cadre" RENAME TO "cadre"`);
    await queryRunner.query(`CREATE INDEX "IDX_cadre_org_unit_id" ON "cadre" ("org_unit_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_cadre_user_id" ON "cadre" ("user_id") `);
    await queryRunner.query(`DROP INDEX "IDX_card_cadre_id"`);
    await queryRunner.query(`DROP INDEX "UQ_card_code"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_card" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "code" varchar(32) NOT NULL, "cadre_id" integer NOT NULL, "status" varchar(16) NOT NULL, "issued_at" datetime(6) NOT NULL, "revoked_at" datetime(6), CONSTRAINT "FK_card_cadre_id" FOREIGN KEY ("cadre_id") REFERENCES "cadre" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_card"("id", "code", "cadre_id", "status", "issued_at", "revoked_at") SELECT "id", "code", "cadre_id", "status", "issued_at", "revoked_at" FROM "card"`,
    );
    await queryRunner.query(`DROP TABLE "card"`);
    await queryRunner.query(`ALTER TABLE "temporary_card" RENAME TO "card"`);
    await queryRunner.query(`CREATE INDEX "IDX_card_cadre_id" ON "card" ("cadre_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_card_code" ON "card" ("code") `);
    await queryRunner.query(`DROP INDEX "IDX_request_first_contact_status"`);
    await queryRunner.query(`DROP INDEX "IDX_request_owner_unit_path_status"`);
    await queryRunner.query(`DROP INDEX "IDX_request_requester_submitted"`);
    await queryRunner.query(`DROP INDEX "IDX_request_owner_status_due"`);
    await queryRunner.query(`DROP INDEX "UQ_request_number"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_request" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "number" varchar(24) NOT NULL, "channel" varchar(16) NOT NULL, "category" varchar(16) NOT NULL, "sub_topic" varchar(32), "text" text NOT NULL, "contact_phone_enc" text, "contact_phone_masked" varchar(16), "location" varchar(255), "requester_id" integer NOT NULL, "card_id" integer, "first_contact_cadre_id" integer, "subject_cadre_id" integer, "owner_user_id" integer NOT NULL, "owner_unit_id" integer NOT NULL, "owner_unit_path" varchar(255) NOT NULL, "level" varchar(16) NOT NULL, "status" varchar(24) NOT NULL, "round" tinyint NOT NULL DEFAULT (1), "accept_due_at" datetime(6) NOT NULL, "due_at" datetime(6) NOT NULL, "submitted_at" datetime(6) NOT NULL, "accepted_at" datetime(6), "resolved_at" datetime(6), "resolution_outcome" varchar(16), "resolution_note" text, "version" integer NOT NULL, "created_at" datetime(6) NOT NULL DEFAULT (datetime('now')), "updated_at" datetime(6) NOT NULL DEFAULT (datetime('now')), CONSTRAINT "FK_request_requester_id" FOREIGN KEY ("requester_id") REFERENCES "user_account" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION, CONSTRAINT "FK_request_card_id" FOREIGN KEY ("card_id") REFERENCES "card" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION, CONSTRAINT "FK_request_first_contact_cadre_id" FOREIGN KEY ("first_contact_cadre_id") REFERENCES "cadre" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION, CONSTRAINT "FK_request_subject_cadre_id" FOREIGN KEY ("subject_cadre_id") REFERENCES "cadre" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION, CONSTRAINT "FK_request_owner_user_id" FOREIGN KEY ("owner_user_id") REFERENCES "user_account" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION, CONSTRAINT "FK_request_owner_unit_id" FOREIGN KEY ("owner_unit_id") REFERENCES "org_unit" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_request"("id", "number", "channel", "category", "sub_topic", "text", "contact_phone_enc", "contact_phone_masked", "location", "requester_id", "card_id", "first_contact_cadre_id", "subject_cadre_id", "owner_user_id", "owner_unit_id", "owner_unit_path", "level", "status", "round", "accept_due_at", "due_at", "submitted_at", "accepted_at", "resolved_at", "resolution_outcome", "resolution_note", "version", "created_at", "updated_at") SELECT "id", "number", "channel", "category", "sub_topic", "text", "contact_phone_enc", "contact_phone_masked", "location", "requester_id", "card_id", "first_contact_cadre_id", "subject_cadre_id", "owner_user_id", "owner_unit_id", "owner_unit_path", "level", "status", "round", "accept_due_at", "due_at", "submitted_at", "accepted_at", "resolved_at", "resolution_outcome", "resolution_note", "version", "created_at", "updated_at" FROM "request"`,
    );
    await queryRunner.query(`DROP TABLE "request"`);
    await queryRunner.query(`ALTER TABLE "temporary_request" RENAME TO "request"`);
    await queryRunner.query(
      `CREATE INDEX "IDX_request_first_contact_status" ON "request" ("first_contact_cadre_id", "status") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_request_owner_unit_path_status" ON "request" ("owner_unit_path", "status") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_request_requester_submitted" ON "request" ("requester_id", "submitted_at") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_request_owner_status_due" ON "request" ("owner_user_id", "status", "due_at") `,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_request_number" ON "request" ("number") `);
    await queryRunner.query(`DROP INDEX "IDX_request_event_request_id"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_request_event" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "request_id" integer NOT NULL, "action" varchar(32) NOT NULL, "actor_user_id" integer, "actor_role" varchar(16) NOT NULL, "from_status" varchar(24), "to_status" varchar(24) NOT NULL, "note" text, "payload" text, "created_at" datetime(6) NOT NULL DEFAULT (datetime('now')), CONSTRAINT "FK_request_event_request_id" FOREIGN KEY ("request_id") REFERENCES "request" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION, CONSTRAINT "FK_request_event_actor_user_id" FOREIGN KEY ("actor_user_id") REFERENCES "user_account" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_request_event"("id", "request_id", "action", "actor_user_id", "actor_role", "from_status", "to_status", "note", "payload", "created_at") SELECT "id", "request_id", "action", "actor_user_id", "actor_role", "from_status", "to_status", "note", "payload", "created_at" FROM "request_event"`,
    );
    await queryRunner.query(`DROP TABLE "request_event"`);
    await queryRunner.query(`ALTER TABLE "temporary_request_event" RENAME TO "request_event"`);
    await queryRunner.query(
      `CREATE INDEX "IDX_request_event_request_id" ON "request_event" ("request_id") `,
    );
    await queryRunner.query(`DROP INDEX "UQ_rating_request_round"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_rating" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "request_id" integer NOT NULL, "round" tinyint NOT NULL, "level" tinyint NOT NULL, "tags" varchar(255) NOT NULL, "comment" text, "rater_user_id" integer NOT NULL, "owner_user_id" integer NOT NULL, "owner_unit_id" integer NOT NULL, "owner_unit_path" varchar(255) NOT NULL, "excluded" boolean NOT NULL DEFAULT (0), "exclusion_reason" text, "created_at" datetime(6) NOT NULL DEFAULT (datetime('now')), CONSTRAINT "FK_rating_request_id" FOREIGN KEY ("request_id") REFERENCES "request" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION, CONSTRAINT "FK_rating_rater_user_id" FOREIGN KEY ("rater_user_id") REFERENCES "user_account" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION, CONSTRAINT "FK_rating_owner_user_id" FOREIGN KEY ("owner_user_id") REFERENCES "user_account" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION, CONSTRAINT "FK_rating_owner_unit_id" FOREIGN KEY ("owner_unit_id") REFERENCES "org_unit" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_rating"("id", "request_id", "round", "level", "tags", "comment", "rater_user_id", "owner_user_id", "owner_unit_id", "owner_unit_path", "excluded", "exclusion_reason", "created_at") SELECT "id", "request_id", "round", "level", "tags", "comment", "rater_user_id", "owner_user_id", "owner_unit_id", "owner_unit_path", "excluded", "exclusion_reason", "created_at" FROM "rating"`,
    );
    await queryRunner.query(`DROP TABLE "rating"`);
    await queryRunner.query(`ALTER TABLE "temporary_rating" RENAME TO "rating"`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_rating_request_round" ON "rating" ("request_id", "round") `,
    );
    await queryRunner.query(`DROP INDEX "IDX_request_photo_uploader_user_id"`);
    await queryRunner.query(`DROP INDEX "IDX_request_photo_request_id"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_request_photo" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "request_id" integer, "uploader_user_id" integer NOT NULL, "storage_key" varchar(255) NOT NULL, "mime" varchar(32) NOT NULL, "size_bytes" integer NOT NULL, "width" integer NOT NULL, "height" integer NOT NULL, "created_at" datetime(6) NOT NULL DEFAULT (datetime('now')), CONSTRAINT "FK_request_photo_request_id" FOREIGN KEY ("request_id") REFERENCES "request" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION, CONSTRAINT "FK_request_photo_uploader_user_id" FOREIGN KEY ("uploader_user_id") REFERENCES "user_account" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_request_photo"("id", "request_id", "uploader_user_id", "storage_key", "mime", "size_bytes", "width", "height", "created_at") SELECT "id", "request_id", "uploader_user_id", "storage_key", "mime", "size_bytes", "width", "height", "created_at" FROM "request_photo"`,
    );
    await queryRunner.query(`DROP TABLE "request_photo"`);
    await queryRunner.query(`ALTER TABLE "temporary_request_photo" RENAME TO "request_photo"`);
    await queryRunner.query(
      `CREATE INDEX "IDX_request_photo_uploader_user_id" ON "request_photo" ("uploader_user_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_request_photo_request_id" ON "request_photo" ("request_id") `,
    );
    await queryRunner.query(`DROP INDEX "UQ_idempotency_record_user_key"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_idempotency_record" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "user_id" integer NOT NULL, "idem_key" varchar(64) NOT NULL, "route" varchar(64) NOT NULL, "request_hash" varchar(64) NOT NULL, "status_code" integer, "response_body" text, "created_at" datetime(6) NOT NULL DEFAULT (datetime('now')), CONSTRAINT "FK_idempotency_record_user_id" FOREIGN KEY ("user_id") REFERENCES "user_account" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_idempotency_record"("id", "user_id", "idem_key", "route", "request_hash", "status_code", "response_body", "created_at") SELECT "id", "user_id", "idem_key", "route", "request_hash", "status_code", "response_body", "created_at" FROM "idempotency_record"`,
    );
    await queryRunner.query(`DROP TABLE "idempotency_record"`);
    await queryRunner.query(
      `ALTER TABLE "temporary_idempotency_record" RENAME TO "idempotency_record"`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_idempotency_record_user_key" ON "idempotency_record" ("user_id", "idem_key") `,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "UQ_idempotency_record_user_key"`);
    await queryRunner.query(
      `ALTER TABLE "idempotency_record" RENAME TO "temporary_idempotency_record"`,
    );
    await queryRunner.query(
      `CREATE TABLE "idempotency_record" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "user_id" integer NOT NULL, "idem_key" varchar(64) NOT NULL, "route" varchar(64) NOT NULL, "request_hash" varchar(64) NOT NULL, "status_code" integer, "response_body" text, "created_at" datetime(6) NOT NULL DEFAULT (datetime('now')))`,
    );
    await queryRunner.query(
      `INSERT INTO "idempotency_record"("id", "user_id", "idem_key", "route", "request_hash", "status_code", "response_body", "created_at") SELECT "id", "user_id", "idem_key", "route", "request_hash", "status_code", "response_body", "created_at" FROM "temporary_idempotency_record"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_idempotency_record"`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_idempotency_record_user_key" ON "idempotency_record" ("user_id", "idem_key") `,
    );
    await queryRunner.query(`DROP INDEX "IDX_request_photo_request_id"`);
    await queryRunner.query(`DROP INDEX "IDX_request_photo_uploader_user_id"`);
    await queryRunner.query(`ALTER TABLE "request_photo" RENAME TO "temporary_request_photo"`);
    await queryRunner.query(
      `CREATE TABLE "request_photo" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "request_id" integer, "uploader_user_id" integer NOT NULL, "storage_key" varchar(255) NOT NULL, "mime" varchar(32) NOT NULL, "size_bytes" integer NOT NULL, "width" integer NOT NULL, "height" integer NOT NULL, "created_at" datetime(6) NOT NULL DEFAULT (datetime('now')))`,
    );
    await queryRunner.query(
      `INSERT INTO "request_photo"("id", "request_id", "uploader_user_id", "storage_key", "mime", "size_bytes", "width", "height", "created_at") SELECT "id", "request_id", "uploader_user_id", "storage_key", "mime", "size_bytes", "width", "height", "created_at" FROM "temporary_request_photo"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_request_photo"`);
    await queryRunner.query(
      `CREATE INDEX "IDX_request_photo_request_id" ON "request_photo" ("request_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_request_photo_uploader_user_id" ON "request_photo" ("uploader_user_id") `,
    );
    await queryRunner.query(`DROP INDEX "UQ_rating_request_round"`);
    await queryRunner.query(`ALTER TABLE "rating" RENAME TO "temporary_rating"`);
    await queryRunner.query(
      `CREATE TABLE "rating" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "request_id" integer NOT NULL, "round" tinyint NOT NULL, "level" tinyint NOT NULL, "tags" varchar(255) NOT NULL, "comment" text, "rater_user_id" integer NOT NULL, "owner_user_id" integer NOT NULL, "owner_unit_id" integer NOT NULL, "owner_unit_path" varchar(255) NOT NULL, "excluded" boolean NOT NULL DEFAULT (0), "exclusion_reason" text, "created_at" datetime(6) NOT NULL DEFAULT (datetime('now')))`,
    );
    await queryRunner.query(
      `INSERT INTO "rating"("id", "request_id", "round", "level", "tags", "comment", "rater_user_id", "owner_user_id", "owner_unit_id", "owner_unit_path", "excluded", "exclusion_reason", "created_at") SELECT "id", "request_id", "round", "level", "tags", "comment", "rater_user_id", "owner_user_id", "owner_unit_id", "owner_unit_path", "excluded", "exclusion_reason", "created_at" FROM "temporary_rating"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_rating"`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_rating_request_round" ON "rating" ("request_id", "round") `,
    );
    await queryRunner.query(`DROP INDEX "IDX_request_event_request_id"`);
    await queryRunner.query(`ALTER TABLE "request_event" RENAME TO "temporary_request_event"`);
    await queryRunner.query(
      `CREATE TABLE "request_event" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "request_id" integer NOT NULL, "action" varchar(32) NOT NULL, "actor_user_id" integer, "actor_role" varchar(16) NOT NULL, "from_status" varchar(24), "to_status" varchar(24) NOT NULL, "note" text, "payload" text, "created_at" datetime(6) NOT NULL DEFAULT (datetime('now')))`,
    );
    await queryRunner.query(
      `INSERT INTO "request_event"("id", "request_id", "action", "actor_user_id", "actor_role", "from_status", "to_status", "note", "payload", "created_at") SELECT "id", "request_id", "action", "actor_user_id", "actor_role", "from_status", "to_status", "note", "payload", "created_at" FROM "temporary_request_event"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_request_event"`);
    await queryRunner.query(
      `CREATE INDEX "IDX_request_event_request_id" ON "request_event" ("request_id") `,
    );
    await queryRunner.query(`DROP INDEX "UQ_request_number"`);
    await queryRunner.query(`DROP INDEX "IDX_request_owner_status_due"`);
    await queryRunner.query(`DROP INDEX "IDX_request_requester_submitted"`);
    await queryRunner.query(`DROP INDEX "IDX_request_owner_unit_path_status"`);
    await queryRunner.query(`DROP INDEX "IDX_request_first_contact_status"`);
    await queryRunner.query(`ALTER TABLE "request" RENAME TO "temporary_request"`);
    await queryRunner.query(
      `CREATE TABLE "request" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "number" varchar(24) NOT NULL, "channel" varchar(16) NOT NULL, "category" varchar(16) NOT NULL, "sub_topic" varchar(32), "text" text NOT NULL, "contact_phone_enc" text, "contact_phone_masked" varchar(16), "location" varchar(255), "requester_id" integer NOT NULL, "card_id" integer, "first_contact_cadre_id" integer, "subject_cadre_id" integer, "owner_user_id" integer NOT NULL, "owner_unit_id" integer NOT NULL, "owner_unit_path" varchar(255) NOT NULL, "level" varchar(16) NOT NULL, "status" varchar(24) NOT NULL, "round" tinyint NOT NULL DEFAULT (1), "accept_due_at" datetime(6) NOT NULL, "due_at" datetime(6) NOT NULL, "submitted_at" datetime(6) NOT NULL, "accepted_at" datetime(6), "resolved_at" datetime(6), "resolution_outcome" varchar(16), "resolution_note" text, "version" integer NOT NULL, "created_at" datetime(6) NOT NULL DEFAULT (datetime('now')), "updated_at" datetime(6) NOT NULL DEFAULT (datetime('now')))`,
    );
    await queryRunner.query(
      `INSERT INTO "request"("id", "number", "channel", "category", "sub_topic", "text", "contact_phone_enc", "contact_phone_masked", "location", "requester_id", "card_id", "first_contact_cadre_id", "subject_cadre_id", "owner_user_id", "owner_unit_id", "owner_unit_path", "level", "status", "round", "accept_due_at", "due_at", "submitted_at", "accepted_at", "resolved_at", "resolution_outcome", "resolution_note", "version", "created_at", "updated_at") SELECT "id", "number", "channel", "category", "sub_topic", "text", "contact_phone_enc", "contact_phone_masked", "location", "requester_id", "card_id", "first_contact_cadre_id", "subject_cadre_id", "owner_user_id", "owner_unit_id", "owner_unit_path", "level", "status", "round", "accept_due_at", "due_at", "submitted_at", "accepted_at", "resolved_at", "resolution_outcome", "resolution_note", "version", "created_at", "updated_at" FROM "temporary_request"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_request"`);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_request_number" ON "request" ("number") `);
    await queryRunner.query(
      `CREATE INDEX "IDX_request_owner_status_due" ON "request" ("owner_user_id", "status", "due_at") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_request_requester_submitted" ON "request" ("requester_id", "submitted_at") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_request_owner_unit_path_status" ON "request" ("owner_unit_path", "status") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_request_first_contact_status" ON "request" ("first_contact_cadre_id", "status") `,
    );
    await queryRunner.query(`DROP INDEX "UQ_card_code"`);
    await queryRunner.query(`DROP INDEX "IDX_card_cadre_id"`);
    await queryRunner.query(`ALTER TABLE "card" RENAME TO "temporary_card"`);
    await queryRunner.query(
      `CREATE TABLE "card" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "code" varchar(32) NOT NULL, "cadre_id" integer NOT NULL, "status" varchar(16) NOT NULL, "issued_at" datetime(6) NOT NULL, "revoked_at" datetime(6))`,
    );
    await queryRunner.query(
      `INSERT INTO "card"("id", "code", "cadre_id", "status", "issued_at", "revoked_at") SELECT "id", "code", "cadre_id", "status", "issued_at", "revoked_at" FROM "temporary_card"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_card"`);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_card_code" ON "card" ("code") `);
    await queryRunner.query(`CREATE INDEX "IDX_card_cadre_id" ON "card" ("cadre_id") `);
    await queryRunner.query(`DROP INDEX "UQ_cadre_user_id"`);
    await queryRunner.query(`DROP INDEX "IDX_cadre_org_unit_id"`);
    await queryRunner.query(`ALTER TABLE "cadre" RENAME TO "temporary_cadre"`);
    await queryRunner.query(
      `CREATE TABLE "cadre" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "user_id" integer NOT NULL, "org_unit_id" integer NOT NULL, "name" varchar(64) NOT NULL, "post" varchar(64) NOT NULL, "phone_enc" text NOT NULL, "phone_masked" varchar(16) NOT NULL, "duties" text NOT NULL, "duty_days" varchar(64) NOT NULL, "photo_url" varchar(255), "successor_cadre_id" integer, "active" boolean NOT NULL DEFAULT (1), "created_at" datetime(6) NOT NULL DEFAULT (datetime('now')))`,
    );
    await queryRunner.query(
      `INSERT INTO "cadre"("id", "user_id", "org_unit_id", "name", "post", "phone_enc", "phone_masked", "duties", "duty_days", "photo_url", "successor_cadre_id", "active", "created_at") SELECT "id", "user_id", "org_unit_id", "name", "post", "phone_enc", "phone_masked", "duties", "duty_days", "photo_url", "successor_cadre_id", "active", "created_at" FROM "temporary_cadre"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_cadre"`);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_cadre_user_id" ON "cadre" ("user_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_cadre_org_unit_id" ON "cadre" ("org_unit_id") `);
    await queryRunner.query(`DROP INDEX "UQ_user_account_username"`);
    await queryRunner.query(`DROP INDEX "UQ_user_account_wechat_openid"`);
    await queryRunner.query(`DROP INDEX "IDX_user_account_phone_hash"`);
    await queryRunner.query(`ALTER TABLE "user_account" RENAME TO "temporary_user_account"`);
    await queryRunner.query(
      `CREATE TABLE "user_account" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "role" varchar(16) NOT NULL, "display_name" varchar(64) NOT NULL, "username" varchar(64), "password_hash" varchar(255), "org_unit_id" integer, "wechat_openid" varchar(64), "phone_hash" varchar(64), "phone_enc" text, "phone_masked" varchar(16), "failed_logins" integer NOT NULL DEFAULT (0), "locked_until" datetime(6), "created_at" datetime(6) NOT NULL DEFAULT (datetime('now')), "updated_at" datetime(6) NOT NULL DEFAULT (datetime('now')))`,
    );
    await queryRunner.query(
      `INSERT INTO "user_account"("id", "role", "display_name", "username", "password_hash", "org_unit_id", "wechat_openid", "phone_hash", "phone_enc", "phone_masked", "failed_logins", "locked_until", "created_at", "updated_at") SELECT "id", "role", "display_name", "username", "password_hash", "org_unit_id", "wechat_openid", "phone_hash", "phone_enc", "phone_masked", "failed_logins", "locked_until", "created_at", "updated_at" FROM "temporary_user_account"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_user_account"`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_user_account_username" ON "user_account" ("username") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_user_account_wechat_openid" ON "user_account" ("wechat_openid") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_user_account_phone_hash" ON "user_account" ("phone_hash") `,
    );
    await queryRunner.query(`DROP INDEX "IDX_org_unit_path"`);
    await queryRunner.query(`ALTER TABLE "org_unit" RENAME TO "temporary_org_unit"`);
    await queryRunner.query(
      `CREATE TABLE "org_unit" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "parent_id" integer, "kind" varchar(16) NOT NULL, "name" varchar(64) NOT NULL, "path" varchar(255) NOT NULL, "hotlines" text NOT NULL, "created_at" datetime(6) NOT NULL DEFAULT (datetime('now')))`,
    );
    await queryRunner.query(
      `INSERT INTO "org_unit"("id", "parent_id", "kind", "name", "path", "hotlines", "created_at") SELECT "id", "parent_id", "kind", "name", "path", "hotlines", "created_at" FROM "temporary_org_unit"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_org_unit"`);
    await queryRunner.query(`CREATE INDEX "IDX_org_unit_path" ON "org_unit" ("path") `);
    await queryRunner.query(`DROP INDEX "IDX_otp_code_phone_hash"`);
    await queryRunner.query(`DROP TABLE "otp_code"`);
    await queryRunner.query(`DROP INDEX "UQ_idempotency_record_user_key"`);
    await queryRunner.query(`DROP TABLE "idempotency_record"`);
    await queryRunner.query(`DROP INDEX "IDX_request_photo_request_id"`);
    await queryRunner.query(`DROP INDEX "IDX_request_photo_uploader_user_id"`);
    await queryRunner.query(`DROP TABLE "request_photo"`);
    await queryRunner.query(`DROP INDEX "UQ_rating_request_round"`);
    await queryRunner.query(`DROP TABLE "rating"`);
    await queryRunner.query(`DROP TABLE "day_sequence"`);
    await queryRunner.query(`DROP INDEX "IDX_request_event_request_id"`);
    await queryRunner.query(`DROP TABLE "request_event"`);
    await queryRunner.query(`DROP INDEX "UQ_request_number"`);
    await queryRunner.query(`DROP INDEX "IDX_request_owner_status_due"`);
    await queryRunner.query(`DROP INDEX "IDX_request_requester_submitted"`);
    await queryRunner.query(`DROP INDEX "IDX_request_owner_unit_path_status"`);
    await queryRunner.query(`DROP INDEX "IDX_request_first_contact_status"`);
    await queryRunner.query(`DROP TABLE "request"`);
    await queryRunner.query(`DROP INDEX "UQ_card_code"`);
    await queryRunner.query(`DROP INDEX "IDX_card_cadre_id"`);
    await queryRunner.query(`DROP TABLE "card"`);
    await queryRunner.query(`DROP INDEX "UQ_cadre_user_id"`);
    await queryRunner.query(`DROP INDEX "IDX_cadre_org_unit_id"`);
    await queryRunner.query(`DROP TABLE "cadre"`);
    await queryRunner.query(`DROP INDEX "UQ_user_account_username"`);
    await queryRunner.query(`DROP INDEX "UQ_user_account_wechat_openid"`);
    await queryRunner.query(`DROP INDEX "IDX_user_account_phone_hash"`);
    await queryRunner.query(`DROP TABLE "user_account"`);
    await queryRunner.query(`DROP INDEX "IDX_org_unit_path"`);
    await queryRunner.query(`DROP TABLE "org_unit"`);
  }
}
