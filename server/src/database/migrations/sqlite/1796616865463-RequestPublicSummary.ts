import { MigrationInterface, QueryRunner } from 'typeorm';

export class RequestPublicSummary1796616865463 implements MigrationInterface {
  name = 'RequestPublicSummary1796616865463';

  public async up(queryRunner: QueryRunner): Promise<void> {
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
    await queryRunner.query(
      `CREATE TABLE "temporary_request" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "number" varchar(24) NOT NULL, "channel" varchar(16) NOT NULL, "category" varchar(16) NOT NULL, "sub_topic" varchar(32), "text" text NOT NULL, "contact_phone_enc" text, "contact_phone_masked" varchar(16), "location" text, "requester_id" integer NOT NULL, "card_id" integer, "first_contact_cadre_id" integer, "subject_cadre_id" integer, "owner_user_id" integer NOT NULL, "owner_unit_id" integer NOT NULL, "owner_unit_path" varchar(255) NOT NULL, "level" varchar(16) NOT NULL, "status" varchar(24) NOT NULL, "round" tinyint NOT NULL DEFAULT (1), "accept_due_at" datetime(6), "due_at" datetime(6), "submitted_at" datetime(6) NOT NULL, "resolved_at" datetime(6), "resolution_outcome" varchar(16), "resolution_note" text, "version" integer NOT NULL, "created_at" datetime(6) NOT NULL DEFAULT (datetime('now')), "updated_at" datetime(6) NOT NULL DEFAULT (datetime('now')), "supervision_count" integer NOT NULL DEFAULT (0), "supervised_at" datetime(6), "flagged_to_county_at" datetime(6), "supervision_remind_at" datetime(6), "household_id" integer, "visit_id" integer, "public_summary" varchar(64), "public_hidden" boolean NOT NULL DEFAULT (0), CONSTRAINT "FK_request_visit_id" FOREIGN KEY ("visit_id") REFERENCES "visit" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION, CONSTRAINT "FK_request_requester_id" FOREIGN KEY ("requester_id") REFERENCES "user_account" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION, CONSTRAINT "FK_request_card_id" FOREIGN KEY ("card_id") REFERENCES "card" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION, CONSTRAINT "FK_request_first_contact_cadre_id" FOREIGN KEY ("first_contact_cadre_id") REFERENCES "cadre" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION, CONSTRAINT "FK_request_subject_cadre_id" FOREIGN KEY ("subject_cadre_id") REFERENCES "cadre" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION, CONSTRAINT "FK_request_owner_user_id" FOREIGN KEY ("owner_user_id") REFERENCES "user_account" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION, CONSTRAINT "FK_request_owner_unit_id" FOREIGN KEY ("owner_unit_id") REFERENCES "org_unit" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION, CONSTRAINT "FK_request_household_id" FOREIGN KEY ("household_id") REFERENCES "household" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_request"("id", "number", "channel", "category", "sub_topic", "text", "contact_phone_enc", "contact_phone_masked", "location", "requester_id", "card_id", "first_contact_cadre_id", "subject_cadre_id", "owner_user_id", "owner_unit_id", "owner_unit_path", "level", "status", "round", "accept_due_at", "due_at", "submitted_at", "resolved_at", "resolution_outcome", "resolution_note", "version", "created_at", "updated_at", "supervision_count", "supervised_at", "flagged_to_county_at", "supervision_remind_at", "household_id", "visit_id") SELECT "id", "number", "channel", "category", "sub_topic", "text", "contact_phone_enc", "contact_phone_masked", "location", "requester_id", "card_id", "first_contact_cadre_id", "subject_cadre_id", "owner_user_id", "owner_unit_id", "owner_unit_path", "level", "status", "round", "accept_due_at", "due_at", "submitted_at", "resolved_at", "resolution_outcome", "resolution_note", "version", "created_at", "updated_at", "supervision_count", "supervised_at", "flagged_to_county_at", "supervision_remind_at", "household_id", "visit_id" FROM "request"`,
    );
    await queryRunner.query(`DROP TABLE "request"`);
    await queryRunner.query(`ALTER TABLE "temporary_request" RENAME TO "request"`);
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
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
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
    await queryRunner.query(`ALTER TABLE "request" RENAME TO "temporary_request"`);
    await queryRunner.query(
      `CREATE TABLE "request" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "number" varchar(24) NOT NULL, "channel" varchar(16) NOT NULL, "category" varchar(16) NOT NULL, "sub_topic" varchar(32), "text" text NOT NULL, "contact_phone_enc" text, "contact_phone_masked" varchar(16), "location" text, "requester_id" integer NOT NULL, "card_id" integer, "first_contact_cadre_id" integer, "subject_cadre_id" integer, "owner_user_id" integer NOT NULL, "owner_unit_id" integer NOT NULL, "owner_unit_path" varchar(255) NOT NULL, "level" varchar(16) NOT NULL, "status" varchar(24) NOT NULL, "round" tinyint NOT NULL DEFAULT (1), "accept_due_at" datetime(6), "due_at" datetime(6), "submitted_at" datetime(6) NOT NULL, "resolved_at" datetime(6), "resolution_outcome" varchar(16), "resolution_note" text, "version" integer NOT NULL, "created_at" datetime(6) NOT NULL DEFAULT (datetime('now')), "updated_at" datetime(6) NOT NULL DEFAULT (datetime('now')), "supervision_count" integer NOT NULL DEFAULT (0), "supervised_at" datetime(6), "flagged_to_county_at" datetime(6), "supervision_remind_at" datetime(6), "household_id" integer, "visit_id" integer, CONSTRAINT "FK_request_visit_id" FOREIGN KEY ("visit_id") REFERENCES "visit" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION, CONSTRAINT "FK_request_requester_id" FOREIGN KEY ("requester_id") REFERENCES "user_account" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION, CONSTRAINT "FK_request_card_id" FOREIGN KEY ("card_id") REFERENCES "card" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION, CONSTRAINT "FK_request_first_contact_cadre_id" FOREIGN KEY ("first_contact_cadre_id") REFERENCES "cadre" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION, CONSTRAINT "FK_request_subject_cadre_id" FOREIGN KEY ("subject_cadre_id") REFERENCES "cadre" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION, CONSTRAINT "FK_request_owner_user_id" FOREIGN KEY ("owner_user_id") REFERENCES "user_account" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION, CONSTRAINT "FK_request_owner_unit_id" FOREIGN KEY ("owner_unit_id") REFERENCES "org_unit" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION, CONSTRAINT "FK_request_household_id" FOREIGN KEY ("household_id") REFERENCES "household" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `INSERT INTO "request"("id", "number", "channel", "category", "sub_topic", "text", "contact_phone_enc", "contact_phone_masked", "location", "requester_id", "card_id", "first_contact_cadre_id", "subject_cadre_id", "owner_user_id", "owner_unit_id", "owner_unit_path", "level", "status", "round", "accept_due_at", "due_at", "submitted_at", "resolved_at", "resolution_outcome", "resolution_note", "version", "created_at", "updated_at", "supervision_count", "supervised_at", "flagged_to_county_at", "supervision_remind_at", "household_id", "visit_id") SELECT "id", "number", "channel", "category", "sub_topic", "text", "contact_phone_enc", "contact_phone_masked", "location", "requester_id", "card_id", "first_contact_cadre_id", "subject_cadre_id", "owner_user_id", "owner_unit_id", "owner_unit_path", "level", "status", "round", "accept_due_at", "due_at", "submitted_at", "resolved_at", "resolution_outcome", "resolution_note", "version", "created_at", "updated_at", "supervision_count", "supervised_at", "flagged_to_county_at", "supervision_remind_at", "household_id", "visit_id" FROM "temporary_request"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_request"`);
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
  }
}
