import { MigrationInterface, QueryRunner } from 'typeorm';

export class UniquePhoneAndLongerLocation1795267053151 implements MigrationInterface {
  name = 'UniquePhoneAndLongerLocation1795267053151';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_user_account_phone_hash"`);
    await queryRunner.query(`DROP INDEX "UQ_request_number"`);
    await queryRunner.query(`DROP INDEX "IDX_request_owner_status_due"`);
    await queryRunner.query(`DROP INDEX "IDX_request_requester_submitted"`);
    await queryRunner.query(`DROP INDEX "IDX_request_owner_unit_path_status"`);
    await queryRunner.query(`DROP INDEX "IDX_request_first_contact_status"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_request" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "number" varchar(24) NOT NULL, "channel" varchar(16) NOT NULL, "category" varchar(16) NOT NULL, "sub_topic" varchar(32), "text" text NOT NULL, "contact_phone_enc" text, "contact_phone_masked" varchar(16), "location" varchar(255), "requester_id" integer NOT NULL, "card_id" integer, "first_contact_cadre_id" integer, "subject_cadre_id" integer, "owner_user_id" integer NOT NULL, "owner_unit_id" integer NOT NULL, "owner_unit_path" varchar(255) NOT NULL, "level" varchar(16) NOT NULL, "status" varchar(24) NOT NULL, "round" tinyint NOT NULL DEFAULT (1), "accept_due_at" datetime(6) NOT NULL, "due_at" datetime(6) NOT NULL, "submitted_at" datetime(6) NOT NULL, "accepted_at" datetime(6), "resolved_at" datetime(6), "resolution_outcome" varchar(16), "resolution_note" text, "version" integer NOT NULL, "created_at" datetime(6) NOT NULL DEFAULT (datetime('now')), "updated_at" datetime(6) NOT NULL DEFAULT (datetime('now')), CONSTRAINT "FK_request_owner_unit_id" FOREIGN KEY ("owner_unit_id") REFERENCES "org_unit" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION, CONSTRAINT "FK_request_owner_user_id" FOREIGN KEY ("owner_user_id") REFERENCES "user_account" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION, CONSTRAINT "FK_request_subject_cadre_id" FOREIGN KEY ("subject_cadre_id") REFERENCES "cadre" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION, CONSTRAINT "FK_request_first_contact_cadre_id" FOREIGN KEY ("first_contact_cadre_id") REFERENCES "cadre" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION, CONSTRAINT "FK_request_card_id" FOREIGN KEY ("card_id") REFERENCES "card" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION, CONSTRAINT "FK_request_requester_id" FOREIGN KEY ("requester_id") REFERENCES "user_account" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_request"("id", "number", "channel", "category", "sub_topic", "text", "contact_phone_enc", "contact_phone_masked", "location", "requester_id", "card_id", "first_contact_cadre_id", "subject_cadre_id", "owner_user_id", "owner_unit_id", "owner_unit_path", "level", "status", "round", "accept_due_at", "due_at", "submitted_at", "accepted_at", "resolved_at", "resolution_outcome", "resolution_note", "version", "created_at", "updated_at") SELECT "id", "number", "channel", "category", "sub_topic", "text", "contact_phone_enc", "contact_phone_masked", "location", "requester_id", "card_id", "first_contact_cadre_id", "subject_cadre_id", "owner_user_id", "owner_unit_id", "owner_unit_path", "level", "status", "round", "accept_due_at", "due_at", "submitted_at", "accepted_at", "resolved_at", "resolution_outcome", "resolution_note", "version", "created_at", "updated_at" FROM "request"`,
    );
    await queryRunner.query(`DROP TABLE "request"`);
    await queryRunner.query(`ALTER TABLE "temporary_request" RENAME TO "request"`);
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
    await queryRunner.query(
      `CREATE TABLE "temporary_request" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "number" varchar(24) NOT NULL, "channel" varchar(16) NOT NULL, "category" varchar(16) NOT NULL, "sub_topic" varchar(32), "text" text NOT NULL, "contact_phone_enc" text, "contact_phone_masked" varchar(16), "location" text, "requester_id" integer NOT NULL, "card_id" integer, "first_contact_cadre_id" integer, "subject_cadre_id" integer, "owner_user_id" integer NOT NULL, "owner_unit_id" integer NOT NULL, "owner_unit_path" varchar(255) NOT NULL, "level" varchar(16) NOT NULL, "status" varchar(24) NOT NULL, "round" tinyint NOT NULL DEFAULT (1), "accept_due_at" datetime(6) NOT NULL, "due_at" datetime(6) NOT NULL, "submitted_at" datetime(6) NOT NULL, "accepted_at" datetime(6), "resolved_at" datetime(6), "resolution_outcome" varchar(16), "resolution_note" text, "version" integer NOT NULL, "created_at" datetime(6) NOT NULL DEFAULT (datetime('now')), "updated_at" datetime(6) NOT NULL DEFAULT (datetime('now')), CONSTRAINT "FK_request_owner_unit_id" FOREIGN KEY ("owner_unit_id") REFERENCES "org_unit" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION, CONSTRAINT "FK_request_owner_user_id" FOREIGN KEY ("owner_user_id") REFERENCES "user_account" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION, CONSTRAINT "FK_request_subject_cadre_id" FOREIGN KEY ("subject_cadre_id") REFERENCES "cadre" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION, CONSTRAINT "FK_request_first_contact_cadre_id" FOREIGN KEY ("first_contact_cadre_id") REFERENCES "cadre" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION, CONSTRAINT "FK_request_card_id" FOREIGN KEY ("card_id") REFERENCES "card" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION, CONSTRAINT "FK_request_requester_id" FOREIGN KEY ("requester_id") REFERENCES "user_account" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_request"("id", "number", "channel", "category", "sub_topic", "text", "contact_phone_enc", "contact_phone_masked", "location", "requester_id", "card_id", "first_contact_cadre_id", "subject_cadre_id", "owner_user_id", "owner_unit_id", "owner_unit_path", "level", "status", "round", "accept_due_at", "due_at", "submitted_at", "accepted_at", "resolved_at", "resolution_outcome", "resolution_note", "version", "created_at", "updated_at") SELECT "id", "number", "channel", "category", "sub_topic", "text", "contact_phone_enc", "contact_phone_masked", "location", "requester_id", "card_id", "first_contact_cadre_id", "subject_cadre_id", "owner_user_id", "owner_unit_id", "owner_unit_path", "level", "status", "round", "accept_due_at", "due_at", "submitted_at", "accepted_at", "resolved_at", "resolution_outcome", "resolution_note", "version", "created_at", "updated_at" FROM "request"`,
    );
    await queryRunner.query(`DROP TABLE "request"`);
    await queryRunner.query(`ALTER TABLE "temporary_request" RENAME TO "request"`);
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
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_user_account_phone_hash" ON "user_account" ("phone_hash") `,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "UQ_user_account_phone_hash"`);
    await queryRunner.query(`DROP INDEX "IDX_request_first_contact_status"`);
    await queryRunner.query(`DROP INDEX "IDX_request_owner_unit_path_status"`);
    await queryRunner.query(`DROP INDEX "IDX_request_requester_submitted"`);
    await queryRunner.query(`DROP INDEX "IDX_request_owner_status_due"`);
    await queryRunner.query(`DROP INDEX "UQ_request_number"`);
    await queryRunner.query(`ALTER TABLE "request" RENAME TO "temporary_request"`);
    await queryRunner.query(
      `CREATE TABLE "request" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "number" varchar(24) NOT NULL, "channel" varchar(16) NOT NULL, "category" varchar(16) NOT NULL, "sub_topic" varchar(32), "text" text NOT NULL, "contact_phone_enc" text, "contact_phone_masked" varchar(16), "location" varchar(255), "requester_id" integer NOT NULL, "card_id" integer, "first_contact_cadre_id" integer, "subject_cadre_id" integer, "owner_user_id" integer NOT NULL, "owner_unit_id" integer NOT NULL, "owner_unit_path" varchar(255) NOT NULL, "level" varchar(16) NOT NULL, "status" varchar(24) NOT NULL, "round" tinyint NOT NULL DEFAULT (1), "accept_due_at" datetime(6) NOT NULL, "due_at" datetime(6) NOT NULL, "submitted_at" datetime(6) NOT NULL, "accepted_at" datetime(6), "resolved_at" datetime(6), "resolution_outcome" varchar(16), "resolution_note" text, "version" integer NOT NULL, "created_at" datetime(6) NOT NULL DEFAULT (datetime('now')), "updated_at" datetime(6) NOT NULL DEFAULT (datetime('now')), CONSTRAINT "FK_request_owner_unit_id" FOREIGN KEY ("owner_unit_id") REFERENCES "org_unit" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION, CONSTRAINT "FK_request_owner_user_id" FOREIGN KEY ("owner_user_id") REFERENCES "user_account" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION, CONSTRAINT "FK_request_subject_cadre_id" FOREIGN KEY ("subject_cadre_id") REFERENCES "cadre" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION, CONSTRAINT "FK_request_first_contact_cadre_id" FOREIGN KEY ("first_contact_cadre_id") REFERENCES "cadre" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION, CONSTRAINT "FK_request_card_id" FOREIGN KEY ("card_id") REFERENCES "card" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION, CONSTRAINT "FK_request_requester_id" FOREIGN KEY ("requester_id") REFERENCES "user_account" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `INSERT INTO "request"("id", "number", "channel", "category", "sub_topic", "text", "contact_phone_enc", "contact_phone_masked", "location", "requester_id", "card_id", "first_contact_cadre_id", "subject_cadre_id", "owner_user_id", "owner_unit_id", "owner_unit_path", "level", "status", "round", "accept_due_at", "due_at", "submitted_at", "accepted_at", "resolved_at", "resolution_outcome", "resolution_note", "version", "created_at", "updated_at") SELECT "id", "number", "channel", "category", "sub_topic", "text", "contact_phone_enc", "contact_phone_masked", "location", "requester_id", "card_id", "first_contact_cadre_id", "subject_cadre_id", "owner_user_id", "owner_unit_id", "owner_unit_path", "level", "status", "round", "accept_due_at", "due_at", "submitted_at", "accepted_at", "resolved_at", "resolution_outcome", "resolution_note", "version", "created_at", "updated_at" FROM "temporary_request"`,
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
    await queryRunner.query(
      `CREATE INDEX "IDX_request_owner_status_due" ON "request" ("owner_user_id", "status", "due_at") `,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_request_number" ON "request" ("number") `);
    await queryRunner.query(`DROP INDEX "IDX_request_first_contact_status"`);
    await queryRunner.query(`DROP INDEX "IDX_request_owner_unit_path_status"`);
    await queryRunner.query(`DROP INDEX "IDX_request_requester_submitted"`);
    await queryRunner.query(`DROP INDEX "IDX_request_owner_status_due"`);
    await queryRunner.query(`DROP INDEX "UQ_request_number"`);
    await queryRunner.query(`ALTER TABLE "request" RENAME TO "temporary_request"`);
    await queryRunner.query(
      `CREATE TABLE "request" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "number" varchar(24) NOT NULL, "channel" varchar(16) NOT NULL, "category" varchar(16) NOT NULL, "sub_topic" varchar(32), "text" text NOT NULL, "contact_phone_enc" text, "contact_phone_masked" varchar(16), "location" varchar(255), "requester_id" integer NOT NULL, "card_id" integer, "first_contact_cadre_id" integer, "subject_cadre_id" integer, "owner_user_id" integer NOT NULL, "owner_unit_id" integer NOT NULL, "owner_unit_path" varchar(255) NOT NULL, "level" varchar(16) NOT NULL, "status" varchar(24) NOT NULL, "round" tinyint NOT NULL DEFAULT (1), "accept_due_at" datetime(6) NOT NULL, "due_at" datetime(6) NOT NULL, "submitted_at" datetime(6) NOT NULL, "accepted_at" datetime(6), "resolved_at" datetime(6), "resolution_outcome" varchar(16), "resolution_note" text, "version" integer NOT NULL, "created_at" datetime(6) NOT NULL DEFAULT (datetime('now')), "updated_at" datetime(6) NOT NULL DEFAULT (datetime('now')), CONSTRAINT "FK_request_owner_unit_id" FOREIGN KEY ("owner_unit_id") REFERENCES "org_unit" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION, CONSTRAINT "FK_request_owner_user_id" FOREIGN KEY ("owner_user_id") REFERENCES "user_account" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION, CONSTRAINT "FK_request_subject_cadre_id" FOREIGN KEY ("subject_cadre_id") REFERENCES "cadre" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION, CONSTRAINT "FK_request_first_contact_cadre_id" FOREIGN KEY ("first_contact_cadre_id") REFERENCES "cadre" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION, CONSTRAINT "FK_request_card_id" FOREIGN KEY ("card_id") REFERENCES "card" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION, CONSTRAINT "FK_request_requester_id" FOREIGN KEY ("requester_id") REFERENCES "user_account" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `INSERT INTO "request"("id", "number", "channel", "category", "sub_topic", "text", "contact_phone_enc", "contact_phone_masked", "location", "requester_id", "card_id", "first_contact_cadre_id", "subject_cadre_id", "owner_user_id", "owner_unit_id", "owner_unit_path", "level", "status", "round", "accept_due_at", "due_at", "submitted_at", "accepted_at", "resolved_at", "resolution_outcome", "resolution_note", "version", "created_at", "updated_at") SELECT "id", "number", "channel", "category", "sub_topic", "text", "contact_phone_enc", "contact_phone_masked", "location", "requester_id", "card_id", "first_contact_cadre_id", "subject_cadre_id", "owner_user_id", "owner_unit_id", "owner_unit_path", "level", "status", "round", "accept_due_at", "due_at", "submitted_at", "accepted_at", "resolved_at", "resolution_outcome", "resolution_note", "version", "created_at", "updated_at" FROM "temporary_request"`,
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
    await queryRunner.query(
      `CREATE INDEX "IDX_request_owner_status_due" ON "request" ("owner_user_id", "status", "due_at") `,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_request_number" ON "request" ("number") `);
    await queryRunner.query(
      `CREATE INDEX "IDX_user_account_phone_hash" ON "user_account" ("phone_hash") `,
    );
  }
}
