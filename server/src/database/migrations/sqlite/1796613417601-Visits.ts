import { MigrationInterface, QueryRunner } from 'typeorm';

export class Visits1796613417601 implements MigrationInterface {
  name = 'Visits1796613417601';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "visit" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "household_id" integer NOT NULL, "cadre_id" integer NOT NULL, "visited_on" varchar(10) NOT NULL, "on_duty_day" boolean NOT NULL, "met" varchar(64) NOT NULL, "found" text NOT NULL, "recorded_at" datetime(6) NOT NULL)`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_visit_cadre_visited_on" ON "visit" ("cadre_id", "visited_on") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_visit_household_visited_on" ON "visit" ("household_id", "visited_on") `,
    );
    await queryRunner.query(`DROP INDEX "UQ_household_address"`);
    await queryRunner.query(`DROP INDEX "IDX_household_cadre_id"`);
    await queryRunner.query(`DROP INDEX "IDX_household_phone_hash"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_household" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "org_unit_id" integer NOT NULL, "group_name" varchar(32) NOT NULL DEFAULT (''), "house_number" varchar(32) NOT NULL, "head_name" varchar(64) NOT NULL, "member_count" integer NOT NULL, "phone_enc" text, "phone_hash" varchar(64), "phone_masked" varchar(16), "cadre_id" integer, "pairing" varchar(16), "linked_at" datetime(6), "created_at" datetime(6) NOT NULL DEFAULT (datetime('now')), "updated_at" datetime(6) NOT NULL DEFAULT (datetime('now')), "last_visit_on" varchar(10), CONSTRAINT "FK_household_cadre_id" FOREIGN KEY ("cadre_id") REFERENCES "cadre" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION, CONSTRAINT "FK_household_org_unit_id" FOREIGN KEY ("org_unit_id") REFERENCES "org_unit" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_household"("id", "org_unit_id", "group_name", "house_number", "head_name", "member_count", "phone_enc", "phone_hash", "phone_masked", "cadre_id", "pairing", "linked_at", "created_at", "updated_at") SELECT "id", "org_unit_id", "group_name", "house_number", "head_name", "member_count", "phone_enc", "phone_hash", "phone_masked", "cadre_id", "pairing", "linked_at", "created_at", "updated_at" FROM "household"`,
    );
    await queryRunner.query(`DROP TABLE "household"`);
    await queryRunner.query(`ALTER TABLE "temporary_household" RENAME TO "household"`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_household_address" ON "household" ("org_unit_id", "group_name", "house_number") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_household_cadre_id" ON "household" ("cadre_id", "id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_household_phone_hash" ON "household" ("phone_hash") `,
    );
    await queryRunner.query(`DROP INDEX "IDX_request_household_status"`);
    await queryRunner.query(`DROP INDEX "IDX_request_owner_status_due"`);
    await queryRunner.query(`DROP INDEX "IDX_request_flagged_to_county_at"`);
    await queryRunner.query(`DROP INDEX "UQ_request_number"`);
    await queryRunner.query(`DROP INDEX "IDX_request_requester_submitted"`);
    await queryRunner.query(`DROP INDEX "IDX_request_owner_unit_path_status"`);
    await queryRunner.query(`DROP INDEX "IDX_request_first_contact_status"`);
    await queryRunner.query(`DROP INDEX "IDX_request_supervision_remind_at"`);
    await queryRunner.query(`DROP INDEX "IDX_request_status_resolved_at"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_request" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "number" varchar(24) NOT NULL, "channel" varchar(16) NOT NULL, "category" varchar(16) NOT NULL, "sub_topic" varchar(32), "text" text NOT NULL, "contact_phone_enc" text, "contact_phone_masked" varchar(16), "location" text, "requester_id" integer NOT NULL, "card_id" integer, "first_contact_cadre_id" integer, "subject_cadre_id" integer, "owner_user_id" integer NOT NULL, "owner_unit_id" integer NOT NULL, "owner_unit_path" varchar(255) NOT NULL, "level" varchar(16) NOT NULL, "status" varchar(24) NOT NULL, "round" tinyint NOT NULL DEFAULT (1), "accept_due_at" datetime(6), "due_at" datetime(6), "submitted_at" datetime(6) NOT NULL, "resolved_at" datetime(6), "resolution_outcome" varchar(16), "resolution_note" text, "version" integer NOT NULL, "created_at" datetime(6) NOT NULL DEFAULT (datetime('now')), "updated_at" datetime(6) NOT NULL DEFAULT (datetime('now')), "supervision_count" integer NOT NULL DEFAULT (0), "supervised_at" datetime(6), "flagged_to_county_at" datetime(6), "supervision_remind_at" datetime(6), "household_id" integer, "visit_id" integer, CONSTRAINT "FK_request_household_id" FOREIGN KEY ("household_id") REFERENCES "household" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION, CONSTRAINT "FK_request_owner_unit_id" FOREIGN KEY ("owner_unit_id") REFERENCES "org_unit" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION, CONSTRAINT "FK_request_owner_user_id" FOREIGN KEY ("owner_user_id") REFERENCES "user_account" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION, CONSTRAINT "FK_request_subject_cadre_id" FOREIGN KEY ("subject_cadre_id") REFERENCES "cadre" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION, CONSTRAINT "FK_request_first_contact_cadre_id" FOREIGN KEY ("first_contact_cadre_id") REFERENCES "cadre" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION, CONSTRAINT "FK_request_card_id" FOREIGN KEY ("card_id") REFERENCES "card" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION, CONSTRAINT "FK_request_requester_id" FOREIGN KEY ("requester_id") REFERENCES "user_account" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_request"("id", "number", "channel", "category", "sub_topic", "text", "contact_phone_enc", "contact_phone_masked", "location", "requester_id", "card_id", "first_contact_cadre_id", "subject_cadre_id", "owner_user_id", "owner_unit_id", "owner_unit_path", "level", "status", "round", "accept_due_at", "due_at", "submitted_at", "resolved_at", "resolution_outcome", "resolution_note", "version", "created_at", "updated_at", "supervision_count", "supervised_at", "flagged_to_county_at", "supervision_remind_at", "household_id") SELECT "id", "number", "channel", "category", "sub_topic", "text", "contact_phone_enc", "contact_phone_masked", "location", "requester_id", "card_id", "first_contact_cadre_id", "subject_cadre_id", "owner_user_id", "owner_unit_id", "owner_unit_path", "level", "status", "round", "accept_due_at", "due_at", "submitted_at", "resolved_at", "resolution_outcome", "resolution_note", "version", "created_at", "updated_at", "supervision_count", "supervised_at", "flagged_to_county_at", "supervision_remind_at", "household_id" FROM "request"`,
    );
    await queryRunner.query(`DROP TABLE "request"`);
    await queryRunner.query(`ALTER TABLE "temporary_request" RENAME TO "request"`);
    await queryRunner.query(
      `CREATE INDEX "IDX_request_household_status" ON "request" ("household_id", "status") `,
    );
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
    await queryRunner.query(
      `CREATE INDEX "IDX_request_supervision_remind_at" ON "request" ("supervision_remind_at") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_request_status_resolved_at" ON "request" ("status", "resolved_at") `,
    );
    await queryRunner.query(`DROP INDEX "IDX_request_photo_request_id"`);
    await queryRunner.query(`DROP INDEX "IDX_request_photo_uploader_user_id"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_request_photo" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "request_id" integer, "uploader_user_id" integer NOT NULL, "storage_key" varchar(255) NOT NULL, "mime" varchar(32) NOT NULL, "size_bytes" integer NOT NULL, "width" integer NOT NULL, "height" integer NOT NULL, "created_at" datetime(6) NOT NULL DEFAULT (datetime('now')), "visit_id" integer, CONSTRAINT "FK_request_photo_uploader_user_id" FOREIGN KEY ("uploader_user_id") REFERENCES "user_account" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION, CONSTRAINT "FK_request_photo_request_id" FOREIGN KEY ("request_id") REFERENCES "request" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_request_photo"("id", "request_id", "uploader_user_id", "storage_key", "mime", "size_bytes", "width", "height", "created_at") SELECT "id", "request_id", "uploader_user_id", "storage_key", "mime", "size_bytes", "width", "height", "created_at" FROM "request_photo"`,
    );
    await queryRunner.query(`DROP TABLE "request_photo"`);
    await queryRunner.query(`ALTER TABLE "temporary_request_photo" RENAME TO "request_photo"`);
    await queryRunner.query(
      `CREATE INDEX "IDX_request_photo_request_id" ON "request_photo" ("request_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_request_photo_uploader_user_id" ON "request_photo" ("uploader_user_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_household_org_unit_last_visit" ON "household" ("org_unit_id", "last_visit_on") `,
    );
    await queryRunner.query(`CREATE INDEX "IDX_request_visit_id" ON "request" ("visit_id") `);
    await queryRunner.query(
      `CREATE INDEX "IDX_request_photo_visit_id" ON "request_photo" ("visit_id") `,
    );
    await queryRunner.query(`DROP INDEX "IDX_visit_cadre_visited_on"`);
    await queryRunner.query(`DROP INDEX "IDX_visit_household_visited_on"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_visit" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "household_id" integer NOT NULL, "cadre_id" integer NOT NULL, "visited_on" varchar(10) NOT NULL, "on_duty_day" boolean NOT NULL, "met" varchar(64) NOT NULL, "found" text NOT NULL, "recorded_at" datetime(6) NOT NULL, CONSTRAINT "FK_visit_household_id" FOREIGN KEY ("household_id") REFERENCES "household" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION, CONSTRAINT "FK_visit_cadre_id" FOREIGN KEY ("cadre_id") REFERENCES "cadre" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_visit"("id", "household_id", "cadre_id", "visited_on", "on_duty_day", "met", "found", "recorded_at") SELECT "id", "household_id", "cadre_id", "visited_on", "on_duty_day", "met", "found", "recorded_at" FROM "visit"`,
    );
    await queryRunner.query(`DROP TABLE "visit"`);
    await queryRunner.query(`ALTER TABLE "temporary_visit" RENAME TO "visit"`);
    await queryRunner.query(
      `CREATE INDEX "IDX_visit_cadre_visited_on" ON "visit" ("cadre_id", "visited_on") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_visit_household_visited_on" ON "visit" ("household_id", "visited_on") `,
    );
    await queryRunner.query(`DROP INDEX "IDX_request_household_status"`);
    await queryRunner.query(`DROP INDEX "IDX_request_owner_status_due"`);
    await queryRunner.query(`DROP INDEX "IDX_request_flagged_to_county_at"`);
    await queryRunner.query(`DROP INDEX "UQ_request_number"`);
    await queryRunner.query(`DROP INDEX "IDX_request_requester_submitted"`);
    await queryRunner.query(`DROP INDEX "IDX_request_owner_unit_path_status"`);
    await queryRunner.query(`DROP INDEX "IDX_request_first_contact_status"`);
    await queryRunner.query(`DROP INDEX "IDX_request_supervision_remind_at"`);
    await queryRunner.query(`DROP INDEX "IDX_request_status_resolved_at"`);
    await queryRunner.query(`DROP INDEX "IDX_request_visit_id"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_request" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "number" varchar(24) NOT NULL, "channel" varchar(16) NOT NULL, "category" varchar(16) NOT NULL, "sub_topic" varchar(32), "text" text NOT NULL, "contact_phone_enc" text, "contact_phone_masked" varchar(16), "location" text, "requester_id" integer NOT NULL, "card_id" integer, "first_contact_cadre_id" integer, "subject_cadre_id" integer, "owner_user_id" integer NOT NULL, "owner_unit_id" integer NOT NULL, "owner_unit_path" varchar(255) NOT NULL, "level" varchar(16) NOT NULL, "status" varchar(24) NOT NULL, "round" tinyint NOT NULL DEFAULT (1), "accept_due_at" datetime(6), "due_at" datetime(6), "submitted_at" datetime(6) NOT NULL, "resolved_at" datetime(6), "resolution_outcome" varchar(16), "resolution_note" text, "version" integer NOT NULL, "created_at" datetime(6) NOT NULL DEFAULT (datetime('now')), "updated_at" datetime(6) NOT NULL DEFAULT (datetime('now')), "supervision_count" integer NOT NULL DEFAULT (0), "supervised_at" datetime(6), "flagged_to_county_at" datetime(6), "supervision_remind_at" datetime(6), "household_id" integer, "visit_id" integer, CONSTRAINT "FK_request_household_id" FOREIGN KEY ("household_id") REFERENCES "household" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION, CONSTRAINT "FK_request_owner_unit_id" FOREIGN KEY ("owner_unit_id") REFERENCES "org_unit" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION, CONSTRAINT "FK_request_owner_user_id" FOREIGN KEY ("owner_user_id") REFERENCES "user_account" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION, CONSTRAINT "FK_request_subject_cadre_id" FOREIGN KEY ("subject_cadre_id") REFERENCES "cadre" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION, CONSTRAINT "FK_request_first_contact_cadre_id" FOREIGN KEY ("first_contact_cadre_id") REFERENCES "cadre" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION, CONSTRAINT "FK_request_card_id" FOREIGN KEY ("card_id") REFERENCES "card" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION, CONSTRAINT "FK_request_requester_id" FOREIGN KEY ("requester_id") REFERENCES "user_account" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION, CONSTRAINT "FK_request_visit_id" FOREIGN KEY ("visit_id") REFERENCES "visit" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_request"("id", "number", "channel", "category", "sub_topic", "text", "contact_phone_enc", "contact_phone_masked", "location", "requester_id", "card_id", "first_contact_cadre_id", "subject_cadre_id", "owner_user_id", "owner_unit_id", "owner_unit_path", "level", "status", "round", "accept_due_at", "due_at", "submitted_at", "resolved_at", "resolution_outcome", "resolution_note", "version", "created_at", "updated_at", "supervision_count", "supervised_at", "flagged_to_county_at", "supervision_remind_at", "household_id", "visit_id") SELECT "id", "number", "channel", "category", "sub_topic", "text", "contact_phone_enc", "contact_phone_masked", "location", "requester_id", "card_id", "first_contact_cadre_id", "subject_cadre_id", "owner_user_id", "owner_unit_id", "owner_unit_path", "level", "status", "round", "accept_due_at", "due_at", "submitted_at", "resolved_at", "resolution_outcome", "resolution_note", "version", "created_at", "updated_at", "supervision_count", "supervised_at", "flagged_to_county_at", "supervision_remind_at", "household_id", "visit_id" FROM "request"`,
    );
    await queryRunner.query(`DROP TABLE "request"`);
    await queryRunner.query(`ALTER TABLE "temporary_request" RENAME TO "request"`);
    await queryRunner.query(
      `CREATE INDEX "IDX_request_household_status" ON "request" ("household_id", "status") `,
    );
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
    await queryRunner.query(
      `CREATE INDEX "IDX_request_supervision_remind_at" ON "request" ("supervision_remind_at") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_request_status_resolved_at" ON "request" ("status", "resolved_at") `,
    );
    await queryRunner.query(`CREATE INDEX "IDX_request_visit_id" ON "request" ("visit_id") `);
    await queryRunner.query(`DROP INDEX "IDX_request_photo_request_id"`);
    await queryRunner.query(`DROP INDEX "IDX_request_photo_uploader_user_id"`);
    await queryRunner.query(`DROP INDEX "IDX_request_photo_visit_id"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_request_photo" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "request_id" integer, "uploader_user_id" integer NOT NULL, "storage_key" varchar(255) NOT NULL, "mime" varchar(32) NOT NULL, "size_bytes" integer NOT NULL, "width" integer NOT NULL, "height" integer NOT NULL, "created_at" datetime(6) NOT NULL DEFAULT (datetime('now')), "visit_id" integer, CONSTRAINT "FK_request_photo_uploader_user_id" FOREIGN KEY ("uploader_user_id") REFERENCES "user_account" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION, CONSTRAINT "FK_request_photo_request_id" FOREIGN KEY ("request_id") REFERENCES "request" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION, CONSTRAINT "FK_request_photo_visit_id" FOREIGN KEY ("visit_id") REFERENCES "visit" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_request_photo"("id", "request_id", "uploader_user_id", "storage_key", "mime", "size_bytes", "width", "height", "created_at", "visit_id") SELECT "id", "request_id", "uploader_user_id", "storage_key", "mime", "size_bytes", "width", "height", "created_at", "visit_id" FROM "request_photo"`,
    );
    await queryRunner.query(`DROP TABLE "request_photo"`);
    await queryRunner.query(`ALTER TABLE "temporary_request_photo" RENAME TO "request_photo"`);
    await queryRunner.query(
      `CREATE INDEX "IDX_request_photo_request_id" ON "request_photo" ("request_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_request_photo_uploader_user_id" ON "request_photo" ("uploader_user_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_request_photo_visit_id" ON "request_photo" ("visit_id") `,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_request_photo_visit_id"`);
    await queryRunner.query(`DROP INDEX "IDX_request_photo_uploader_user_id"`);
    await queryRunner.query(`DROP INDEX "IDX_request_photo_request_id"`);
    await queryRunner.query(`ALTER TABLE "request_photo" RENAME TO "temporary_request_photo"`);
    await queryRunner.query(
      `CREATE TABLE "request_photo" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "request_id" integer, "uploader_user_id" integer NOT NULL, "storage_key" varchar(255) NOT NULL, "mime" varchar(32) NOT NULL, "size_bytes" integer NOT NULL, "width" integer NOT NULL, "height" integer NOT NULL, "created_at" datetime(6) NOT NULL DEFAULT (datetime('now')), "visit_id" integer, CONSTRAINT "FK_request_photo_uploader_user_id" FOREIGN KEY ("uploader_user_id") REFERENCES "user_account" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION, CONSTRAINT "FK_request_photo_request_id" FOREIGN KEY ("request_id") REFERENCES "request" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `INSERT INTO "request_photo"("id", "request_id", "uploader_user_id", "storage_key", "mime", "size_bytes", "width", "height", "created_at", "visit_id") SELECT "id", "request_id", "uploader_user_id", "storage_key", "mime", "size_bytes", "width", "height", "created_at", "visit_id" FROM "temporary_request_photo"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_request_photo"`);
    await queryRunner.query(
      `CREATE INDEX "IDX_request_photo_visit_id" ON "request_photo" ("visit_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_request_photo_uploader_user_id" ON "request_photo" ("uploader_user_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_request_photo_request_id" ON "request_photo" ("request_id") `,
    );
    await queryRunner.query(`DROP INDEX "IDX_request_visit_id"`);
    await queryRunner.query(`DROP INDEX "IDX_request_status_resolved_at"`);
    await queryRunner.query(`DROP INDEX "IDX_request_supervision_remind_at"`);
    await queryRunner.query(`DROP INDEX "IDX_request_first_contact_status"`);
    await queryRunner.query(`DROP INDEX "IDX_request_owner_unit_path_status"`);
    await queryRunner.query(`DROP INDEX "IDX_request_requester_submitted"`);
    await queryRunner.query(`DROP INDEX "UQ_request_number"`);
    await queryRunner.query(`DROP INDEX "IDX_request_flagged_to_county_at"`);
    await queryRunner.query(`DROP INDEX "IDX_request_owner_status_due"`);
    await queryRunner.query(`DROP INDEX "IDX_request_household_status"`);
    await queryRunner.query(`ALTER TABLE "request" RENAME TO "temporary_request"`);
    await queryRunner.query(
      `CREATE TABLE "request" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "number" varchar(24) NOT NULL, "channel" varchar(16) NOT NULL, "category" varchar(16) NOT NULL, "sub_topic" varchar(32), "text" text NOT NULL, "contact_phone_enc" text, "contact_phone_masked" varchar(16), "location" text, "requester_id" integer NOT NULL, "card_id" integer, "first_contact_cadre_id" integer, "subject_cadre_id" integer, "owner_user_id" integer NOT NULL, "owner_unit_id" integer NOT NULL, "owner_unit_path" varchar(255) NOT NULL, "level" varchar(16) NOT NULL, "status" varchar(24) NOT NULL, "round" tinyint NOT NULL DEFAULT (1), "accept_due_at" datetime(6), "due_at" datetime(6), "submitted_at" datetime(6) NOT NULL, "resolved_at" datetime(6), "resolution_outcome" varchar(16), "resolution_note" text, "version" integer NOT NULL, "created_at" datetime(6) NOT NULL DEFAULT (datetime('now')), "updated_at" datetime(6) NOT NULL DEFAULT (datetime('now')), "supervision_count" integer NOT NULL DEFAULT (0), "supervised_at" datetime(6), "flagged_to_county_at" datetime(6), "supervision_remind_at" datetime(6), "household_id" integer, "visit_id" integer, CONSTRAINT "FK_request_household_id" FOREIGN KEY ("household_id") REFERENCES "household" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION, CONSTRAINT "FK_request_owner_unit_id" FOREIGN KEY ("owner_unit_id") REFERENCES "org_unit" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION, CONSTRAINT "FK_request_owner_user_id" FOREIGN KEY ("owner_user_id") REFERENCES "user_account" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION, CONSTRAINT "FK_request_subject_cadre_id" FOREIGN KEY ("subject_cadre_id") REFERENCES "cadre" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION, CONSTRAINT "FK_request_first_contact_cadre_id" FOREIGN KEY ("first_contact_cadre_id") REFERENCES "cadre" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION, CONSTRAINT "FK_request_card_id" FOREIGN KEY ("card_id") REFERENCES "card" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION, CONSTRAINT "FK_request_requester_id" FOREIGN KEY ("requester_id") REFERENCES "user_account" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `INSERT INTO "request"("id", "number", "channel", "category", "sub_topic", "text", "contact_phone_enc", "contact_phone_masked", "location", "requester_id", "card_id", "first_contact_cadre_id", "subject_cadre_id", "owner_user_id", "owner_unit_id", "owner_unit_path", "level", "status", "round", "accept_due_at", "due_at", "submitted_at", "resolved_at", "resolution_outcome", "resolution_note", "version", "created_at", "updated_at", "supervision_count", "supervised_at", "flagged_to_county_at", "supervision_remind_at", "household_id", "visit_id") SELECT "id", "number", "channel", "category", "sub_topic", "text", "contact_phone_enc", "contact_phone_masked", "location", "requester_id", "card_id", "first_contact_cadre_id", "subject_cadre_id", "owner_user_id", "owner_unit_id", "owner_unit_path", "level", "status", "round", "accept_due_at", "due_at", "submitted_at", "resolved_at", "resolution_outcome", "resolution_note", "version", "created_at", "updated_at", "supervision_count", "supervised_at", "flagged_to_county_at", "supervision_remind_at", "household_id", "visit_id" FROM "temporary_request"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_request"`);
    await queryRunner.query(`CREATE INDEX "IDX_request_visit_id" ON "request" ("visit_id") `);
    await queryRunner.query(
      `CREATE INDEX "IDX_request_status_resolved_at" ON "request" ("status", "resolved_at") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_request_supervision_remind_at" ON "request" ("supervision_remind_at") `,
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
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_request_number" ON "request" ("number") `);
    await queryRunner.query(
      `CREATE INDEX "IDX_request_flagged_to_county_at" ON "request" ("flagged_to_county_at") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_request_owner_status_due" ON "request" ("owner_user_id", "status", "due_at") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_request_household_status" ON "request" ("household_id", "status") `,
    );
    await queryRunner.query(`DROP INDEX "IDX_visit_household_visited_on"`);
    await queryRunner.query(`DROP INDEX "IDX_visit_cadre_visited_on"`);
    await queryRunner.query(`ALTER TABLE "visit" RENAME TO "temporary_visit"`);
    await queryRunner.query(
      `CREATE TABLE "visit" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "household_id" integer NOT NULL, "cadre_id" integer NOT NULL, "visited_on" varchar(10) NOT NULL, "on_duty_day" boolean NOT NULL, "met" varchar(64) NOT NULL, "found" text NOT NULL, "recorded_at" datetime(6) NOT NULL)`,
    );
    await queryRunner.query(
      `INSERT INTO "visit"("id", "household_id", "cadre_id", "visited_on", "on_duty_day", "met", "found", "recorded_at") SELECT "id", "household_id", "cadre_id", "visited_on", "on_duty_day", "met", "found", "recorded_at" FROM "temporary_visit"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_visit"`);
    await queryRunner.query(
      `CREATE INDEX "IDX_visit_household_visited_on" ON "visit" ("household_id", "visited_on") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_visit_cadre_visited_on" ON "visit" ("cadre_id", "visited_on") `,
    );
    await queryRunner.query(`DROP INDEX "IDX_request_photo_visit_id"`);
    await queryRunner.query(`DROP INDEX "IDX_request_visit_id"`);
    await queryRunner.query(`DROP INDEX "IDX_household_org_unit_last_visit"`);
    await queryRunner.query(`DROP INDEX "IDX_request_photo_uploader_user_id"`);
    await queryRunner.query(`DROP INDEX "IDX_request_photo_request_id"`);
    await queryRunner.query(`ALTER TABLE "request_photo" RENAME TO "temporary_request_photo"`);
    await queryRunner.query(
      `CREATE TABLE "request_photo" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "request_id" integer, "uploader_user_id" integer NOT NULL, "storage_key" varchar(255) NOT NULL, "mime" varchar(32) NOT NULL, "size_bytes" integer NOT NULL, "width" integer NOT NULL, "height" integer NOT NULL, "created_at" datetime(6) NOT NULL DEFAULT (datetime('now')), CONSTRAINT "FK_request_photo_uploader_user_id" FOREIGN KEY ("uploader_user_id") REFERENCES "user_account" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION, CONSTRAINT "FK_request_photo_request_id" FOREIGN KEY ("request_id") REFERENCES "request" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `INSERT INTO "request_photo"("id", "request_id", "uploader_user_id", "storage_key", "mime", "size_bytes", "width", "height", "created_at") SELECT "id", "request_id", "uploader_user_id", "storage_key", "mime", "size_bytes", "width", "height", "created_at" FROM "temporary_request_photo"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_request_photo"`);
    await queryRunner.query(
      `CREATE INDEX "IDX_request_photo_uploader_user_id" ON "request_photo" ("uploader_user_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_request_photo_request_id" ON "request_photo" ("request_id") `,
    );
    await queryRunner.query(`DROP INDEX "IDX_request_status_resolved_at"`);
    await queryRunner.query(`DROP INDEX "IDX_request_supervision_remind_at"`);
    await queryRunner.query(`DROP INDEX "IDX_request_first_contact_status"`);
    await queryRunner.query(`DROP INDEX "IDX_request_owner_unit_path_status"`);
    await queryRunner.query(`DROP INDEX "IDX_request_requester_submitted"`);
    await queryRunner.query(`DROP INDEX "UQ_request_number"`);
    await queryRunner.query(`DROP INDEX "IDX_request_flagged_to_county_at"`);
    await queryRunner.query(`DROP INDEX "IDX_request_owner_status_due"`);
    await queryRunner.query(`DROP INDEX "IDX_request_household_status"`);
    await queryRunner.query(`ALTER TABLE "request" RENAME TO "temporary_request"`);
    await queryRunner.query(
      `CREATE TABLE "request" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "number" varchar(24) NOT NULL, "channel" varchar(16) NOT NULL, "category" varchar(16) NOT NULL, "sub_topic" varchar(32), "text" text NOT NULL, "contact_phone_enc" text, "contact_phone_masked" varchar(16), "location" text, "requester_id" integer NOT NULL, "card_id" integer, "first_contact_cadre_id" integer, "subject_cadre_id" integer, "owner_user_id" integer NOT NULL, "owner_unit_id" integer NOT NULL, "owner_unit_path" varchar(255) NOT NULL, "level" varchar(16) NOT NULL, "status" varchar(24) NOT NULL, "round" tinyint NOT NULL DEFAULT (1), "accept_due_at" datetime(6), "due_at" datetime(6), "submitted_at" datetime(6) NOT NULL, "resolved_at" datetime(6), "resolution_outcome" varchar(16), "resolution_note" text, "version" integer NOT NULL, "created_at" datetime(6) NOT NULL DEFAULT (datetime('now')), "updated_at" datetime(6) NOT NULL DEFAULT (datetime('now')), "supervision_count" integer NOT NULL DEFAULT (0), "supervised_at" datetime(6), "flagged_to_county_at" datetime(6), "supervision_remind_at" datetime(6), "household_id" integer, CONSTRAINT "FK_request_household_id" FOREIGN KEY ("household_id") REFERENCES "household" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION, CONSTRAINT "FK_request_owner_unit_id" FOREIGN KEY ("owner_unit_id") REFERENCES "org_unit" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION, CONSTRAINT "FK_request_owner_user_id" FOREIGN KEY ("owner_user_id") REFERENCES "user_account" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION, CONSTRAINT "FK_request_subject_cadre_id" FOREIGN KEY ("subject_cadre_id") REFERENCES "cadre" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION, CONSTRAINT "FK_request_first_contact_cadre_id" FOREIGN KEY ("first_contact_cadre_id") REFERENCES "cadre" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION, CONSTRAINT "FK_request_card_id" FOREIGN KEY ("card_id") REFERENCES "card" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION, CONSTRAINT "FK_request_requester_id" FOREIGN KEY ("requester_id") REFERENCES "user_account" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `INSERT INTO "request"("id", "number", "channel", "category", "sub_topic", "text", "contact_phone_enc", "contact_phone_masked", "location", "requester_id", "card_id", "first_contact_cadre_id", "subject_cadre_id", "owner_user_id", "owner_unit_id", "owner_unit_path", "level", "status", "round", "accept_due_at", "due_at", "submitted_at", "resolved_at", "resolution_outcome", "resolution_note", "version", "created_at", "updated_at", "supervision_count", "supervised_at", "flagged_to_county_at", "supervision_remind_at", "household_id") SELECT "id", "number", "channel", "category", "sub_topic", "text", "contact_phone_enc", "contact_phone_masked", "location", "requester_id", "card_id", "first_contact_cadre_id", "subject_cadre_id", "owner_user_id", "owner_unit_id", "owner_unit_path", "level", "status", "round", "accept_due_at", "due_at", "submitted_at", "resolved_at", "resolution_outcome", "resolution_note", "version", "created_at", "updated_at", "supervision_count", "supervised_at", "flagged_to_county_at", "supervision_remind_at", "household_id" FROM "temporary_request"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_request"`);
    await queryRunner.query(
      `CREATE INDEX "IDX_request_status_resolved_at" ON "request" ("status", "resolved_at") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_request_supervision_remind_at" ON "request" ("supervision_remind_at") `,
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
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_request_number" ON "request" ("number") `);
    await queryRunner.query(
      `CREATE INDEX "IDX_request_flagged_to_county_at" ON "request" ("flagged_to_county_at") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_request_owner_status_due" ON "request" ("owner_user_id", "status", "due_at") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_request_household_status" ON "request" ("household_id", "status") `,
    );
    await queryRunner.query(`DROP INDEX "IDX_household_phone_hash"`);
    await queryRunner.query(`DROP INDEX "IDX_household_cadre_id"`);
    await queryRunner.query(`DROP INDEX "UQ_household_address"`);
    await queryRunner.query(`ALTER TABLE "household" RENAME TO "temporary_household"`);
    await queryRunner.query(
      `CREATE TABLE "household" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "org_unit_id" integer NOT NULL, "group_name" varchar(32) NOT NULL DEFAULT (''), "house_number" varchar(32) NOT NULL, "head_name" varchar(64) NOT NULL, "member_count" integer NOT NULL, "phone_enc" text, "phone_hash" varchar(64), "phone_masked" varchar(16), "cadre_id" integer, "pairing" varchar(16), "linked_at" datetime(6), "created_at" datetime(6) NOT NULL DEFAULT (datetime('now')), "updated_at" datetime(6) NOT NULL DEFAULT (datetime('now')), CONSTRAINT "FK_household_cadre_id" FOREIGN KEY ("cadre_id") REFERENCES "cadre" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION, CONSTRAINT "FK_household_org_unit_id" FOREIGN KEY ("org_unit_id") REFERENCES "org_unit" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `INSERT INTO "household"("id", "org_unit_id", "group_name", "house_number", "head_name", "member_count", "phone_enc", "phone_hash", "phone_masked", "cadre_id", "pairing", "linked_at", "created_at", "updated_at") SELECT "id", "org_unit_id", "group_name", "house_number", "head_name", "member_count", "phone_enc", "phone_hash", "phone_masked", "cadre_id", "pairing", "linked_at", "created_at", "updated_at" FROM "temporary_household"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_household"`);
    await queryRunner.query(
      `CREATE INDEX "IDX_household_phone_hash" ON "household" ("phone_hash") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_household_cadre_id" ON "household" ("cadre_id", "id") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_household_address" ON "household" ("org_unit_id", "group_name", "house_number") `,
    );
    await queryRunner.query(`DROP INDEX "IDX_visit_household_visited_on"`);
    await queryRunner.query(`DROP INDEX "IDX_visit_cadre_visited_on"`);
    await queryRunner.query(`DROP TABLE "visit"`);
  }
}
