import { MigrationInterface, QueryRunner } from 'typeorm';

export class ContentCheck1796669908806 implements MigrationInterface {
  name = 'ContentCheck1796669908806';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "content_check" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "request_id" integer NOT NULL, "item" varchar(8) NOT NULL, "photo_id" integer, "voice_id" integer, "content" text, "author_user_id" integer NOT NULL, "state" varchar(12) NOT NULL, "trace_id" varchar(64), "suggest" varchar(8), "label" integer, "failure" varchar(200), "attempts" integer NOT NULL DEFAULT (0), "next_attempt_at" datetime(6) NOT NULL, "lease_until" datetime(6), "checked_at" datetime(6), "reviewer_user_id" integer, "reviewed_at" datetime(6), "review_note" varchar(400), "created_at" datetime(6) NOT NULL DEFAULT (datetime('now')))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_content_check_trace_id" ON "content_check" ("trace_id") `,
    );
    await queryRunner.query(`CREATE INDEX "IDX_content_check_state" ON "content_check" ("state") `);
    await queryRunner.query(
      `CREATE INDEX "IDX_content_check_request_id" ON "content_check" ("request_id") `,
    );
    await queryRunner.query(`DROP INDEX "UQ_content_check_trace_id"`);
    await queryRunner.query(`DROP INDEX "IDX_content_check_state"`);
    await queryRunner.query(`DROP INDEX "IDX_content_check_request_id"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_content_check" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "request_id" integer NOT NULL, "item" varchar(8) NOT NULL, "photo_id" integer, "voice_id" integer, "content" text, "author_user_id" integer NOT NULL, "state" varchar(12) NOT NULL, "trace_id" varchar(64), "suggest" varchar(8), "label" integer, "failure" varchar(200), "attempts" integer NOT NULL DEFAULT (0), "next_attempt_at" datetime(6) NOT NULL, "lease_until" datetime(6), "checked_at" datetime(6), "reviewer_user_id" integer, "reviewed_at" datetime(6), "review_note" varchar(400), "created_at" datetime(6) NOT NULL DEFAULT (datetime('now')), CONSTRAINT "FK_content_check_request_id" FOREIGN KEY ("request_id") REFERENCES "request" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION, CONSTRAINT "FK_content_check_photo_id" FOREIGN KEY ("photo_id") REFERENCES "request_photo" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION, CONSTRAINT "FK_content_check_voice_id" FOREIGN KEY ("voice_id") REFERENCES "request_voice" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION, CONSTRAINT "FK_content_check_author_user_id" FOREIGN KEY ("author_user_id") REFERENCES "user_account" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION, CONSTRAINT "FK_content_check_reviewer_user_id" FOREIGN KEY ("reviewer_user_id") REFERENCES "user_account" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_content_check"("id", "request_id", "item", "photo_id", "voice_id", "content", "author_user_id", "state", "trace_id", "suggest", "label", "failure", "attempts", "next_attempt_at", "lease_until", "checked_at", "reviewer_user_id", "reviewed_at", "review_note", "created_at") SELECT "id", "request_id", "item", "photo_id", "voice_id", "content", "author_user_id", "state", "trace_id", "suggest", "label", "failure", "attempts", "next_attempt_at", "lease_until", "checked_at", "reviewer_user_id", "reviewed_at", "review_note", "created_at" FROM "content_check"`,
    );
    await queryRunner.query(`DROP TABLE "content_check"`);
    await queryRunner.query(`ALTER TABLE "temporary_content_check" RENAME TO "content_check"`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_content_check_trace_id" ON "content_check" ("trace_id") `,
    );
    await queryRunner.query(`CREATE INDEX "IDX_content_check_state" ON "content_check" ("state") `);
    await queryRunner.query(
      `CREATE INDEX "IDX_content_check_request_id" ON "content_check" ("request_id") `,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_content_check_request_id"`);
    await queryRunner.query(`DROP INDEX "IDX_content_check_state"`);
    await queryRunner.query(`DROP INDEX "UQ_content_check_trace_id"`);
    await queryRunner.query(`ALTER TABLE "content_check" RENAME TO "temporary_content_check"`);
    await queryRunner.query(
      `CREATE TABLE "content_check" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "request_id" integer NOT NULL, "item" varchar(8) NOT NULL, "photo_id" integer, "voice_id" integer, "content" text, "author_user_id" integer NOT NULL, "state" varchar(12) NOT NULL, "trace_id" varchar(64), "suggest" varchar(8), "label" integer, "failure" varchar(200), "attempts" integer NOT NULL DEFAULT (0), "next_attempt_at" datetime(6) NOT NULL, "lease_until" datetime(6), "checked_at" datetime(6), "reviewer_user_id" integer, "reviewed_at" datetime(6), "review_note" varchar(400), "created_at" datetime(6) NOT NULL DEFAULT (datetime('now')))`,
    );
    await queryRunner.query(
      `INSERT INTO "content_check"("id", "request_id", "item", "photo_id", "voice_id", "content", "author_user_id", "state", "trace_id", "suggest", "label", "failure", "attempts", "next_attempt_at", "lease_until", "checked_at", "reviewer_user_id", "reviewed_at", "review_note", "created_at") SELECT "id", "request_id", "item", "photo_id", "voice_id", "content", "author_user_id", "state", "trace_id", "suggest", "label", "failure", "attempts", "next_attempt_at", "lease_until", "checked_at", "reviewer_user_id", "reviewed_at", "review_note", "created_at" FROM "temporary_content_check"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_content_check"`);
    await queryRunner.query(
      `CREATE INDEX "IDX_content_check_request_id" ON "content_check" ("request_id") `,
    );
    await queryRunner.query(`CREATE INDEX "IDX_content_check_state" ON "content_check" ("state") `);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_content_check_trace_id" ON "content_check" ("trace_id") `,
    );
    await queryRunner.query(`DROP INDEX "IDX_content_check_request_id"`);
    await queryRunner.query(`DROP INDEX "IDX_content_check_state"`);
    await queryRunner.query(`DROP INDEX "UQ_content_check_trace_id"`);
    await queryRunner.query(`DROP TABLE "content_check"`);
  }
}
