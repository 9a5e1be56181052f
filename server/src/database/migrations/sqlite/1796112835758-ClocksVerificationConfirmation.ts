import { MigrationInterface, QueryRunner } from 'typeorm';
import { backfillClocks } from '../../migration-helpers/backfill-clocks';

export class ClocksVerificationConfirmation1796112835758 implements MigrationInterface {
  name = 'ClocksVerificationConfirmation1796112835758';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "request_confirmation" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "request_id" integer NOT NULL, "token_hash" varchar(64) NOT NULL, "expires_at" datetime(6) NOT NULL, "spent_at" datetime(6), "created_at" datetime(6) NOT NULL DEFAULT (datetime('now')))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_request_confirmation_request_id" ON "request_confirmation" ("request_id") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_request_confirmation_token_hash" ON "request_confirmation" ("token_hash") `,
    );
    await queryRunner.query(
      `CREATE TABLE "request_clock" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "request_id" integer NOT NULL, "kind" varchar(16) NOT NULL, "round" tinyint NOT NULL, "owner_user_id" integer NOT NULL, "owner_unit_id" integer NOT NULL, "owner_unit_path" varchar(255) NOT NULL, "level" varchar(16) NOT NULL, "started_at" datetime(6) NOT NULL, "due_at" datetime(6) NOT NULL, "stopped_at" datetime(6), "stop" varchar(16), "result" varchar(16))`,
    );
    // Existing requests get the clocks their row held, before accepted_at goes.
    await backfillClocks(queryRunner);
    await queryRunner.query(
      `CREATE INDEX "IDX_request_clock_owner_user_due" ON "request_clock" ("owner_user_id", "due_at") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_request_clock_owner_unit_path_due" ON "request_clock" ("owner_unit_path", "due_at") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_request_clock_request_id" ON "request_clock" ("request_id") `,
    );
    await queryRunner.query(`DROP INDEX "IDX_request_first_contact_status"`);
    await queryRunner.query(`DROP INDEX "IDX_request_owner_unit_path_status"`);
    await queryRunner.query(`DROP INDEX "IDX_request_requester_submitted"`);
    await queryRunner.query(`DROP INDEX "IDX_request_owner_status_due"`);
    await queryRunner.query(`DROP INDEX "UQ_request_number"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_request" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "number" varchar(24) NOT NULL, "channel" varchar(16) NOT NULL, "category" varchar(16) NOT NULL, "sub_topic" varchar(32), "text" text NOT NULL, "contact_phone_enc" text, "contact_phone_masked" varchar(16), "location" text, "requester_id" integer NOT NULL, "card_id" integer, "first_contact_cadre_id" integer, "subject_cadre_id" integer, "owner_user_id" integer NOT NULL, "owner_unit_id" integer NOT NULL, "owner_unit_path" varchar(255) NOT NULL, "level" varchar(16) NOT NULL, "status" varchar(24) NOT NULL, "round" tinyint NOT NULL DEFAULT (1), "accept_due_at" datetime(6) NOT NULL, "due_at" datetime(6) NOT NULL, "submitted_at" datetime(6) NOT NULL, "resolved_at" datetime(6), "resolution_outcome" varchar(16), "resolution_note" text, "version" integer NOT NULL, "created_at" datetime(6) NOT NULL DEFAULT (datetime('now')), "updated_at" datetime(6) NOT NULL DEFAULT (datetime('now')), CONSTRAINT "FK_request_requester_id" FOREIGN KEY ("requester_id") REFERENCES "user_account" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION, CONSTRAINT "FK_request_card_id" FOREIGN KEY ("card_id") REFERENCES "card" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION, CONSTRAINT "FK_request_first_contact_cadre_id" FOREIGN KEY ("first_contact_cadre_id") REFERENCES "cadre" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION, CONSTRAINT "FK_request_subject_cadre_id" FOREIGN KEY ("subject_cadre_id") REFERENCES "cadre" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION, CONSTRAINT "FK_request_owner_user_id" FOREIGN KEY ("owner_user_id") REFERENCES "user_account" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION, CONSTRAINT "FK_request_owner_unit_id" FOREIGN KEY ("owner_unit_id") REFERENCES "org_unit" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_request"("id", "number", "channel", "category", "sub_topic", "text", "contact_phone_enc", "contact_phone_masked", "location", "requester_id", "card_id", "first_contact_cadre_id", "subject_cadre_id", "owner_user_id", "owner_unit_id", "owner_unit_path", "level", "status", "round", "accept_due_at", "due_at", "submitted_at", "resolved_at", "resolution_outcome", "resolution_note", "version", "created_at", "updated_at") SELECT "id", "number", "channel", "category", "sub_topic", "text", "contact_phone_enc", "contact_phone_masked", "location", "requester_id", "card_id", "first_contact_cadre_id", "subject_cadre_id", "owner_user_id", "owner_unit_id", "owner_unit_path", "level", "status", "round", "accept_due_at", "due_at", "submitted_at", "resolved_at", "resolution_outcome", "resolution_note", "version", "created_at", "updated_at" FROM "request"`,
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
    await queryRunner.query(`DROP INDEX "IDX_request_first_contact_status"`);
    await queryRunner.query(`DROP INDEX "IDX_request_owner_unit_path_status"`);
    await queryRunner.query(`DROP INDEX "IDX_request_requester_submitted"`);
    await queryRunner.query(`DROP INDEX "IDX_request_owner_status_due"`);
    await queryRunner.query(`DROP INDEX "UQ_request_number"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_request" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "number" varchar(24) NOT NULL, "channel" varchar(16) NOT NULL, "category" varchar(16) NOT NULL, "sub_topic" varchar(32), "text" text NOT NULL, "contact_phone_enc" text, "contact_phone_masked" varchar(16), "location" text, "requester_id" integer NOT NULL, "card_id" integer, "first_contact_cadre_id" integer, "subject_cadre_id" integer, "owner_user_id" integer NOT NULL, "owner_unit_id" integer NOT NULL, "owner_unit_path" varchar(255) NOT NULL, "level" varchar(16) NOT NULL, "status" varchar(24) NOT NULL, "round" tinyint NOT NULL DEFAULT (1), "accept_due_at" datetime(6) NOT NULL, "due_at" datetime(6) NOT NULL, "submitted_at" datetime(6) NOT NULL, "resolved_at" datetime(6), "resolution_outcome" varchar(16), "resolution_note" text, "version" integer NOT NULL, "created_at" datetime(6) NOT NULL DEFAULT (datetime('now')), "updated_at" datetime(6) NOT NULL DEFAULT (datetime('now')), "supervision_count" integer NOT NULL DEFAULT (0), "supervised_at" datetime(6), "flagged_to_county_at" datetime(6), CONSTRAINT "FK_request_requester_id" FOREIGN KEY ("requester_id") REFERENCES "user_account" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION, CONSTRAINT "FK_request_card_id" FOREIGN KEY ("card_id") REFERENCES "card" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION, CONSTRAINT "FK_request_first_contact_cadre_id" FOREIGN KEY ("first_contact_cadre_id") REFERENCES "cadre" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION, CONSTRAINT "FK_request_subject_cadre_id" FOREIGN KEY ("subject_cadre_id") REFERENCES "cadre" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION, CONSTRAINT "FK_request_owner_user_id" FOREIGN KEY ("owner_user_id") REFERENCES "user_account" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION, CONSTRAINT "FK_request_owner_unit_id" FOREIGN KEY ("owner_unit_id") REFERENCES "org_unit" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_request"("id", "number", "channel", "category", "sub_topic", "text", "contact_phone_enc", "contact_phone_masked", "location", "requester_id", "card_id", "first_contact_cadre_id", "subject_cadre_id", "owner_user_id", "owner_unit_id", "owner_unit_path", "level", "status", "round", "accept_due_at", "due_at", "submitted_at", "resolved_at", "resolution_outcome", "resolution_note", "version", "created_at", "updated_at") SELECT "id", "number", "channel", "category", "sub_topic", "text", "contact_phone_enc", "contact_phone_masked", "location", "requester_id", "card_id", "first_contact_cadre_id", "subject_cadre_id", "owner_user_id", "owner_unit_id", "owner_unit_path", "level", "status", "round", "accept_due_at", "due_at", "submitted_at", "resolved_at", "resolution_outcome", "resolution_note", "version", "created_at", "updated_at" FROM "request"`,
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
    await queryRunner.query(`DROP INDEX "UQ_rating_request_round"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_rating" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "request_id" integer NOT NULL, "round" tinyint NOT NULL, "level" tinyint NOT NULL, "tags" varchar(255) NOT NULL, "comment" text, "rater_user_id" integer NOT NULL, "owner_user_id" integer NOT NULL, "owner_unit_id" integer NOT NULL, "owner_unit_path" varchar(255) NOT NULL, "excluded" boolean NOT NULL DEFAULT (0), "exclusion_reason" text, "created_at" datetime(6) NOT NULL DEFAULT (datetime('now')), "solved" varchar(16), "exclusion_note" text, CONSTRAINT "FK_rating_owner_unit_id" FOREIGN KEY ("owner_unit_id") REFERENCES "org_unit" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION, CONSTRAINT "FK_rating_owner_user_id" FOREIGN KEY ("owner_user_id") REFERENCES "user_account" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION, CONSTRAINT "FK_rating_rater_user_id" FOREIGN KEY ("rater_user_id") REFERENCES "user_account" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION, CONSTRAINT "FK_rating_request_id" FOREIGN KEY ("request_id") REFERENCES "request" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_rating"("id", "request_id", "round", "level", "tags", "comment", "rater_user_id", "owner_user_id", "owner_unit_id", "owner_unit_path", "excluded", "exclusion_reason", "created_at") SELECT "id", "request_id", "round", "level", "tags", "comment", "rater_user_id", "owner_user_id", "owner_unit_id", "owner_unit_path", "excluded", "exclusion_reason", "created_at" FROM "rating"`,
    );
    await queryRunner.query(`DROP TABLE "rating"`);
    await queryRunner.query(`ALTER TABLE "temporary_rating" RENAME TO "rating"`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_rating_request_round" ON "rating" ("request_id", "round") `,
    );
    await queryRunner.query(`DROP INDEX "IDX_request_owner_status_due"`);
    await queryRunner.query(`DROP INDEX "IDX_request_first_contact_status"`);
    await queryRunner.query(`DROP INDEX "IDX_request_owner_unit_path_status"`);
    await queryRunner.query(`DROP INDEX "IDX_request_requester_submitted"`);
    await queryRunner.query(`DROP INDEX "UQ_request_number"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_request" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "number" varchar(24) NOT NULL, "channel" varchar(16) NOT NULL, "category" varchar(16) NOT NULL, "sub_topic" varchar(32), "text" text NOT NULL, "contact_phone_enc" text, "contact_phone_masked" varchar(16), "location" text, "requester_id" integer NOT NULL, "card_id" integer, "first_contact_cadre_id" integer, "subject_cadre_id" integer, "owner_user_id" integer NOT NULL, "owner_unit_id" integer NOT NULL, "owner_unit_path" varchar(255) NOT NULL, "level" varchar(16) NOT NULL, "status" varchar(24) NOT NULL, "round" tinyint NOT NULL DEFAULT (1), "accept_due_at" datetime(6), "due_at" datetime(6), "submitted_at" datetime(6) NOT NULL, "resolved_at" datetime(6), "resolution_outcome" varchar(16), "resolution_note" text, "version" integer NOT NULL, "created_at" datetime(6) NOT NULL DEFAULT (datetime('now')), "updated_at" datetime(6) NOT NULL DEFAULT (datetime('now')), "supervision_count" integer NOT NULL DEFAULT (0), "supervised_at" datetime(6), "flagged_to_county_at" datetime(6), CONSTRAINT "FK_request_requester_id" FOREIGN KEY ("requester_id") REFERENCES "user_account" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION, CONSTRAINT "FK_request_card_id" FOREIGN KEY ("card_id") REFERENCES "card" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION, CONSTRAINT "FK_request_first_contact_cadre_id" FOREIGN KEY ("first_contact_cadre_id") REFERENCES "cadre" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION, CONSTRAINT "FK_request_subject_cadre_id" FOREIGN KEY ("subject_cadre_id") REFERENCES "cadre" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION, CONSTRAINT "FK_request_owner_user_id" FOREIGN KEY ("owner_user_id") REFERENCES "user_account" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION, CONSTRAINT "FK_request_owner_unit_id" FOREIGN KEY ("owner_unit_id") REFERENCES "org_unit" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_request"("id", "number", "channel", "category", "sub_topic", "text", "contact_phone_enc", "contact_phone_masked", "location", "requester_id", "card_id", "first_contact_cadre_id", "subject_cadre_id", "owner_user_id", "owner_unit_id", "owner_unit_path", "level", "status", "round", "accept_due_at", "due_at", "submitted_at", "resolved_at", "resolution_outcome", "resolution_note", "version", "created_at", "updated_at", "supervision_count", "supervised_at", "flagged_to_county_at") SELECT "id", "number", "channel", "category", "sub_topic", "text", "contact_phone_enc", "contact_phone_masked", "location", "requester_id", "card_id", "first_contact_cadre_id", "subject_cadre_id", "owner_user_id", "owner_unit_id", "owner_unit_path", "level", "status", "round", "accept_due_at", "due_at", "submitted_at", "resolved_at", "resolution_outcome", "resolution_note", "version", "created_at", "updated_at", "supervision_count", "supervised_at", "flagged_to_county_at" FROM "request"`,
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
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_request_number" ON "request" ("number") `);
    await queryRunner.query(`DROP INDEX "UQ_rating_request_round"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_rating" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "request_id" integer NOT NULL, "round" tinyint NOT NULL, "level" tinyint NOT NULL, "tags" varchar(255) NOT NULL, "comment" text, "rater_user_id" integer NOT NULL, "owner_user_id" integer NOT NULL, "owner_unit_id" integer NOT NULL, "owner_unit_path" varchar(255) NOT NULL, "excluded" boolean NOT NULL DEFAULT (0), "exclusion_reason" varchar(16), "created_at" datetime(6) NOT NULL DEFAULT (datetime('now')), "solved" varchar(16), "exclusion_note" text, CONSTRAINT "FK_rating_owner_unit_id" FOREIGN KEY ("owner_unit_id") REFERENCES "org_unit" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION, CONSTRAINT "FK_rating_owner_user_id" FOREIGN KEY ("owner_user_id") REFERENCES "user_account" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION, CONSTRAINT "FK_rating_rater_user_id" FOREIGN KEY ("rater_user_id") REFERENCES "user_account" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION, CONSTRAINT "FK_rating_request_id" FOREIGN KEY ("request_id") REFERENCES "request" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_rating"("id", "request_id", "round", "level", "tags", "comment", "rater_user_id", "owner_user_id", "owner_unit_id", "owner_unit_path", "excluded", "exclusion_reason", "created_at", "solved", "exclusion_note") SELECT "id", "request_id", "round", "level", "tags", "comment", "rater_user_id", "owner_user_id", "owner_unit_id", "owner_unit_path", "excluded", "exclusion_reason", "created_at", "solved", "exclusion_note" FROM "rating"`,
    );
    await queryRunner.query(`DROP TABLE "rating"`);
    await queryRunner.query(`ALTER TABLE "temporary_rating" RENAME TO "rating"`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_rating_request_round" ON "rating" ("request_id", "round") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_request_flagged_to_county_at" ON "request" ("flagged_to_county_at") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_request_owner_status_due" ON "request" ("owner_user_id", "status", "due_at") `,
    );
    await queryRunner.query(`DROP INDEX "IDX_request_confirmation_request_id"`);
    await queryRunner.query(`DROP INDEX "UQ_request_confirmation_token_hash"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_request_confirmation" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "request_id" integer NOT NULL, "token_hash" varchar(64) NOT NULL, "expires_at" datetime(6) NOT NULL, "spent_at" datetime(6), "created_at" datetime(6) NOT NULL DEFAULT (datetime('now')), CONSTRAINT "FK_request_confirmation_request_id" FOREIGN KEY ("request_id") REFERENCES "request" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_request_confirmation"("id", "request_id", "token_hash", "expires_at", "spent_at", "created_at") SELECT "id", "request_id", "token_hash", "expires_at", "spent_at", "created_at" FROM "request_confirmation"`,
    );
    await queryRunner.query(`DROP TABLE "request_confirmation"`);
    await queryRunner.query(
      `ALTER TABLE "temporary_request_confirmation" RENAME TO "request_confirmation"`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_request_confirmation_request_id" ON "request_confirmation" ("request_id") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_request_confirmation_token_hash" ON "request_confirmation" ("token_hash") `,
    );
    await queryRunner.query(`DROP INDEX "IDX_request_clock_owner_user_due"`);
    await queryRunner.query(`DROP INDEX "IDX_request_clock_owner_unit_path_due"`);
    await queryRunner.query(`DROP INDEX "IDX_request_clock_request_id"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_request_clock" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "request_id" integer NOT NULL, "kind" varchar(16) NOT NULL, "round" tinyint NOT NULL, "owner_user_id" integer NOT NULL, "owner_unit_id" integer NOT NULL, "owner_unit_path" varchar(255) NOT NULL, "level" varchar(16) NOT NULL, "started_at" datetime(6) NOT NULL, "due_at" datetime(6) NOT NULL, "stopped_at" datetime(6), "stop" varchar(16), "result" varchar(16), CONSTRAINT "FK_request_clock_request_id" FOREIGN KEY ("request_id") REFERENCES "request" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION, CONSTRAINT "FK_request_clock_owner_user_id" FOREIGN KEY ("owner_user_id") REFERENCES "user_account" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION, CONSTRAINT "FK_request_clock_owner_unit_id" FOREIGN KEY ("owner_unit_id") REFERENCES "org_unit" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_request_clock"("id", "request_id", "kind", "round", "owner_user_id", "owner_unit_id", "owner_unit_path", "level", "started_at", "due_at", "stopped_at", "stop", "result") SELECT "id", "request_id", "kind", "round", "owner_user_id", "owner_unit_id", "owner_unit_path", "level", "started_at", "due_at", "stopped_at", "stop", "result" FROM "request_clock"`,
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
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_request_clock_request_id"`);
    await queryRunner.query(`DROP INDEX "IDX_request_clock_owner_unit_path_due"`);
    await queryRunner.query(`DROP INDEX "IDX_request_clock_owner_user_due"`);
    await queryRunner.query(`ALTER TABLE "request_clock" RENAME TO "temporary_request_clock"`);
    await queryRunner.query(
      `CREATE TABLE "request_clock" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "request_id" integer NOT NULL, "kind" varchar(16) NOT NULL, "round" tinyint NOT NULL, "owner_user_id" integer NOT NULL, "owner_unit_id" integer NOT NULL, "owner_unit_path" varchar(255) NOT NULL, "level" varchar(16) NOT NULL, "started_at" datetime(6) NOT NULL, "due_at" datetime(6) NOT NULL, "stopped_at" datetime(6), "stop" varchar(16), "result" varchar(16))`,
    );
    await queryRunner.query(
      `INSERT INTO "request_clock"("id", "request_id", "kind", "round", "owner_user_id", "owner_unit_id", "owner_unit_path", "level", "started_at", "due_at", "stopped_at", "stop", "result") SELECT "id", "request_id", "kind", "round", "owner_user_id", "owner_unit_id", "owner_unit_path", "level", "started_at", "due_at", "stopped_at", "stop", "result" FROM "temporary_request_clock"`,
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
    await queryRunner.query(`DROP INDEX "UQ_request_confirmation_token_hash"`);
    await queryRunner.query(`DROP INDEX "IDX_request_confirmation_request_id"`);
    await queryRunner.query(
      `ALTER TABLE "request_confirmation" RENAME TO "temporary_request_confirmation"`,
    );
    await queryRunner.query(
      `CREATE TABLE "request_confirmation" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "request_id" integer NOT NULL, "token_hash" varchar(64) NOT NULL, "expires_at" datetime(6) NOT NULL, "spent_at" datetime(6), "created_at" datetime(6) NOT NULL DEFAULT (datetime('now')))`,
    );
    await queryRunner.query(
      `INSERT INTO "request_confirmation"("id", "request_id", "token_hash", "expires_at", "spent_at", "created_at") SELECT "id", "request_id", "token_hash", "expires_at", "spent_at", "created_at" FROM "temporary_request_confirmation"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_request_confirmation"`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_request_confirmation_token_hash" ON "request_confirmation" ("token_hash") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_request_confirmation_request_id" ON "request_confirmation" ("request_id") `,
    );
    await queryRunner.query(`DROP INDEX "IDX_request_owner_status_due"`);
    await queryRunner.query(`DROP INDEX "IDX_request_flagged_to_county_at"`);
    await queryRunner.query(`DROP INDEX "UQ_rating_request_round"`);
    await queryRunner.query(`ALTER TABLE "rating" RENAME TO "temporary_rating"`);
    await queryRunner.query(
      `CREATE TABLE "rating" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "request_id" integer NOT NULL, "round" tinyint NOT NULL, "level" tinyint NOT NULL, "tags" varchar(255) NOT NULL, "comment" text, "rater_user_id" integer NOT NULL, "owner_user_id" integer NOT NULL, "owner_unit_id" integer NOT NULL, "owner_unit_path" varchar(255) NOT NULL, "excluded" boolean NOT NULL DEFAULT (0), "exclusion_reason" text, "created_at" datetime(6) NOT NULL DEFAULT (datetime('now')), "solved" varchar(16), "exclusion_note" text, CONSTRAINT "FK_rating_owner_unit_id" FOREIGN KEY ("owner_unit_id") REFERENCES "org_unit" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION, CONSTRAINT "FK_rating_owner_user_id" FOREIGN KEY ("owner_user_id") REFERENCES "user_account" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION, CONSTRAINT "FK_rating_rater_user_id" FOREIGN KEY ("rater_user_id") REFERENCES "user_account" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION, CONSTRAINT "FK_rating_request_id" FOREIGN KEY ("request_id") REFERENCES "request" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `INSERT INTO "rating"("id", "request_id", "round", "level", "tags", "comment", "rater_user_id", "owner_user_id", "owner_unit_id", "owner_unit_path", "excluded", "exclusion_reason", "created_at", "solved", "exclusion_note") SELECT "id", "request_id", "round", "level", "tags", "comment", "rater_user_id", "owner_user_id", "owner_unit_id", "owner_unit_path", "excluded", "exclusion_reason", "created_at", "solved", "exclusion_note" FROM "temporary_rating"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_rating"`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_rating_request_round" ON "rating" ("request_id", "round") `,
    );
    await queryRunner.query(`DROP INDEX "UQ_request_number"`);
    await queryRunner.query(`DROP INDEX "IDX_request_requester_submitted"`);
    await queryRunner.query(`DROP INDEX "IDX_request_owner_unit_path_status"`);
    await queryRunner.query(`DROP INDEX "IDX_request_first_contact_status"`);
    await queryRunner.query(`ALTER TABLE "request" RENAME TO "temporary_request"`);
    await queryRunner.query(
      `CREATE TABLE "request" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "number" varchar(24) NOT NULL, "channel" varchar(16) NOT NULL, "category" varchar(16) NOT NULL, "sub_topic" varchar(32), "text" text NOT NULL, "contact_phone_enc" text, "contact_phone_masked" varchar(16), "location" text, "requester_id" integer NOT NULL, "card_id" integer, "first_contact_cadre_id" integer, "subject_cadre_id" integer, "owner_user_id" integer NOT NULL, "owner_unit_id" integer NOT NULL, "owner_unit_path" varchar(255) NOT NULL, "level" varchar(16) NOT NULL, "status" varchar(24) NOT NULL, "round" tinyint NOT NULL DEFAULT (1), "accept_due_at" datetime(6) NOT NULL, "due_at" datetime(6) NOT NULL, "submitted_at" datetime(6) NOT NULL, "resolved_at" datetime(6), "resolution_outcome" varchar(16), "resolution_note" text, "version" integer NOT NULL, "created_at" datetime(6) NOT NULL DEFAULT (datetime('now')), "updated_at" datetime(6) NOT NULL DEFAULT (datetime('now')), "supervision_count" integer NOT NULL DEFAULT (0), "supervised_at" datetime(6), "flagged_to_county_at" datetime(6), CONSTRAINT "FK_request_requester_id" FOREIGN KEY ("requester_id") REFERENCES "user_account" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION, CONSTRAINT "FK_request_card_id" FOREIGN KEY ("card_id") REFERENCES "card" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION, CONSTRAINT "FK_request_first_contact_cadre_id" FOREIGN KEY ("first_contact_cadre_id") REFERENCES "cadre" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION, CONSTRAINT "FK_request_subject_cadre_id" FOREIGN KEY ("subject_cadre_id") REFERENCES "cadre" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION, CONSTRAINT "FK_request_owner_user_id" FOREIGN KEY ("owner_user_id") REFERENCES "user_account" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION, CONSTRAINT "FK_request_owner_unit_id" FOREIGN KEY ("owner_unit_id") REFERENCES "org_unit" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `INSERT INTO "request"("id", "number", "channel", "category", "sub_topic", "text", "contact_phone_enc", "contact_phone_masked", "location", "requester_id", "card_id", "first_contact_cadre_id", "subject_cadre_id", "owner_user_id", "owner_unit_id", "owner_unit_path", "level", "status", "round", "accept_due_at", "due_at", "submitted_at", "resolved_at", "resolution_outcome", "resolution_note", "version", "created_at", "updated_at", "supervision_count", "supervised_at", "flagged_to_county_at") SELECT "id", "number", "channel", "category", "sub_topic", "text", "contact_phone_enc", "contact_phone_masked", "location", "requester_id", "card_id", "first_contact_cadre_id", "subject_cadre_id", "owner_user_id", "owner_unit_id", "owner_unit_path", "level", "status", "round", "accept_due_at", "due_at", "submitted_at", "resolved_at", "resolution_outcome", "resolution_note", "version", "created_at", "updated_at", "supervision_count", "supervised_at", "flagged_to_county_at" FROM "temporary_request"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_request"`);
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
    await queryRunner.query(
      `CREATE INDEX "IDX_request_owner_status_due" ON "request" ("owner_user_id", "status", "due_at") `,
    );
    await queryRunner.query(`DROP INDEX "UQ_rating_request_round"`);
    await queryRunner.query(`ALTER TABLE "rating" RENAME TO "temporary_rating"`);
    await queryRunner.query(
      `CREATE TABLE "rating" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "request_id" integer NOT NULL, "round" tinyint NOT NULL, "level" tinyint NOT NULL, "tags" varchar(255) NOT NULL, "comment" text, "rater_user_id" integer NOT NULL, "owner_user_id" integer NOT NULL, "owner_unit_id" integer NOT NULL, "owner_unit_path" varchar(255) NOT NULL, "excluded" boolean NOT NULL DEFAULT (0), "exclusion_reason" text, "created_at" datetime(6) NOT NULL DEFAULT (datetime('now')), CONSTRAINT "FK_rating_owner_unit_id" FOREIGN KEY ("owner_unit_id") REFERENCES "org_unit" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION, CONSTRAINT "FK_rating_owner_user_id" FOREIGN KEY ("owner_user_id") REFERENCES "user_account" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION, CONSTRAINT "FK_rating_rater_user_id" FOREIGN KEY ("rater_user_id") REFERENCES "user_account" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION, CONSTRAINT "FK_rating_request_id" FOREIGN KEY ("request_id") REFERENCES "request" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `INSERT INTO "rating"("id", "request_id", "round", "level", "tags", "comment", "rater_user_id", "owner_user_id", "owner_unit_id", "owner_unit_path", "excluded", "exclusion_reason", "created_at") SELECT "id", "request_id", "round", "level", "tags", "comment", "rater_user_id", "owner_user_id", "owner_unit_id", "owner_unit_path", "excluded", "exclusion_reason", "created_at" FROM "temporary_rating"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_rating"`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_rating_request_round" ON "rating" ("request_id", "round") `,
    );
    await queryRunner.query(`DROP INDEX "UQ_request_number"`);
    await queryRunner.query(`DROP INDEX "IDX_request_owner_status_due"`);
    await queryRunner.query(`DROP INDEX "IDX_request_requester_submitted"`);
    await queryRunner.query(`DROP INDEX "IDX_request_owner_unit_path_status"`);
    await queryRunner.query(`DROP INDEX "IDX_request_first_contact_status"`);
    await queryRunner.query(`ALTER TABLE "request" RENAME TO "temporary_request"`);
    await queryRunner.query(
      `CREATE TABLE "request" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "number" varchar(24) NOT NULL, "channel" varchar(16) NOT NULL, "category" varchar(16) NOT NULL, "sub_topic" varchar(32), "text" text NOT NULL, "contact_phone_enc" text, "contact_phone_masked" varchar(16), "location" text, "requester_id" integer NOT NULL, "card_id" integer, "first_contact_cadre_id" integer, "subject_cadre_id" integer, "owner_user_id" integer NOT NULL, "owner_unit_id" integer NOT NULL, "owner_unit_path" varchar(255) NOT NULL, "level" varchar(16) NOT NULL, "status" varchar(24) NOT NULL, "round" tinyint NOT NULL DEFAULT (1), "accept_due_at" datetime(6) NOT NULL, "due_at" datetime(6) NOT NULL, "submitted_at" datetime(6) NOT NULL, "resolved_at" datetime(6), "resolution_outcome" varchar(16), "resolution_note" text, "version" integer NOT NULL, "created_at" datetime(6) NOT NULL DEFAULT (datetime('now')), "updated_at" datetime(6) NOT NULL DEFAULT (datetime('now')), CONSTRAINT "FK_request_requester_id" FOREIGN KEY ("requester_id") REFERENCES "user_account" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION, CONSTRAINT "FK_request_card_id" FOREIGN KEY ("card_id") REFERENCES "card" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION, CONSTRAINT "FK_request_first_contact_cadre_id" FOREIGN KEY ("first_contact_cadre_id") REFERENCES "cadre" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION, CONSTRAINT "FK_request_subject_cadre_id" FOREIGN KEY ("subject_cadre_id") REFERENCES "cadre" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION, CONSTRAINT "FK_request_owner_user_id" FOREIGN KEY ("owner_user_id") REFERENCES "user_account" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION, CONSTRAINT "FK_request_owner_unit_id" FOREIGN KEY ("owner_unit_id") REFERENCES "org_unit" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `INSERT INTO "request"("id", "number", "channel", "category", "sub_topic", "text", "contact_phone_enc", "contact_phone_masked", "location", "requester_id", "card_id", "first_contact_cadre_id", "subject_cadre_id", "owner_user_id", "owner_unit_id", "owner_unit_path", "level", "status", "round", "accept_due_at", "due_at", "submitted_at", "resolved_at", "resolution_outcome", "resolution_note", "version", "created_at", "updated_at") SELECT "id", "number", "channel", "category", "sub_topic", "text", "contact_phone_enc", "contact_phone_masked", "location", "requester_id", "card_id", "first_contact_cadre_id", "subject_cadre_id", "owner_user_id", "owner_unit_id", "owner_unit_path", "level", "status", "round", "accept_due_at", "due_at", "submitted_at", "resolved_at", "resolution_outcome", "resolution_note", "version", "created_at", "updated_at" FROM "temporary_request"`,
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
    await queryRunner.query(`DROP INDEX "UQ_request_number"`);
    await queryRunner.query(`DROP INDEX "IDX_request_owner_status_due"`);
    await queryRunner.query(`DROP INDEX "IDX_request_requester_submitted"`);
    await queryRunner.query(`DROP INDEX "IDX_request_owner_unit_path_status"`);
    await queryRunner.query(`DROP INDEX "IDX_request_first_contact_status"`);
    await queryRunner.query(`ALTER TABLE "request" RENAME TO "temporary_request"`);
    await queryRunner.query(
      `CREATE TABLE "request" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "number" varchar(24) NOT NULL, "channel" varchar(16) NOT NULL, "category" varchar(16) NOT NULL, "sub_topic" varchar(32), "text" text NOT NULL, "contact_phone_enc" text, "contact_phone_masked" varchar(16), "location" text, "requester_id" integer NOT NULL, "card_id" integer, "first_contact_cadre_id" integer, "subject_cadre_id" integer, "owner_user_id" integer NOT NULL, "owner_unit_id" integer NOT NULL, "owner_unit_path" varchar(255) NOT NULL, "level" varchar(16) NOT NULL, "status" varchar(24) NOT NULL, "round" tinyint NOT NULL DEFAULT (1), "accept_due_at" datetime(6) NOT NULL, "due_at" datetime(6) NOT NULL, "submitted_at" datetime(6) NOT NULL, "accepted_at" datetime(6), "resolved_at" datetime(6), "resolution_outcome" varchar(16), "resolution_note" text, "version" integer NOT NULL, "created_at" datetime(6) NOT NULL DEFAULT (datetime('now')), "updated_at" datetime(6) NOT NULL DEFAULT (datetime('now')), CONSTRAINT "FK_request_requester_id" FOREIGN KEY ("requester_id") REFERENCES "user_account" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION, CONSTRAINT "FK_request_card_id" FOREIGN KEY ("card_id") REFERENCES "card" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION, CONSTRAINT "FK_request_first_contact_cadre_id" FOREIGN KEY ("first_contact_cadre_id") REFERENCES "cadre" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION, CONSTRAINT "FK_request_subject_cadre_id" FOREIGN KEY ("subject_cadre_id") REFERENCES "cadre" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION, CONSTRAINT "FK_request_owner_user_id" FOREIGN KEY ("owner_user_id") REFERENCES "user_account" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION, CONSTRAINT "FK_request_owner_unit_id" FOREIGN KEY ("owner_unit_id") REFERENCES "org_unit" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `INSERT INTO "request"("id", "number", "channel", "category", "sub_topic", "text", "contact_phone_enc", "contact_phone_masked", "location", "requester_id", "card_id", "first_contact_cadre_id", "subject_cadre_id", "owner_user_id", "owner_unit_id", "owner_unit_path", "level", "status", "round", "accept_due_at", "due_at", "submitted_at", "resolved_at", "resolution_outcome", "resolution_note", "version", "created_at", "updated_at") SELECT "id", "number", "channel", "category", "sub_topic", "text", "contact_phone_enc", "contact_phone_masked", "location", "requester_id", "card_id", "first_contact_cadre_id", "subject_cadre_id", "owner_user_id", "owner_unit_id", "owner_unit_path", "level", "status", "round", "accept_due_at", "due_at", "submitted_at", "resolved_at", "resolution_outcome", "resolution_note", "version", "created_at", "updated_at" FROM "temporary_request"`,
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
    await queryRunner.query(`DROP INDEX "IDX_request_clock_request_id"`);
    await queryRunner.query(`DROP INDEX "IDX_request_clock_owner_unit_path_due"`);
    await queryRunner.query(`DROP INDEX "IDX_request_clock_owner_user_due"`);
    await queryRunner.query(`DROP TABLE "request_clock"`);
    await queryRunner.query(`DROP INDEX "UQ_request_confirmation_token_hash"`);
    await queryRunner.query(`DROP INDEX "IDX_request_confirmation_request_id"`);
    await queryRunner.query(`DROP TABLE "request_confirmation"`);
  }
}
