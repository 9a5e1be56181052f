import { MigrationInterface, QueryRunner } from 'typeorm';

export class ClockStopActionAndConfirmationSms1796118607654 implements MigrationInterface {
  name = 'ClockStopActionAndConfirmationSms1796118607654';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "UQ_request_confirmation_token_hash"`);
    await queryRunner.query(`DROP INDEX "IDX_request_confirmation_request_id"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_request_confirmation" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "request_id" integer NOT NULL, "token_hash" varchar(64) NOT NULL, "expires_at" datetime(6) NOT NULL, "spent_at" datetime(6), "created_at" datetime(6) NOT NULL DEFAULT (datetime('now')), "sms_sent_at" datetime(6), CONSTRAINT "FK_request_confirmation_request_id" FOREIGN KEY ("request_id") REFERENCES "request" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_request_confirmation"("id", "request_id", "token_hash", "expires_at", "spent_at", "created_at") SELECT "id", "request_id", "token_hash", "expires_at", "spent_at", "created_at" FROM "request_confirmation"`,
    );
    await queryRunner.query(`DROP TABLE "request_confirmation"`);
    await queryRunner.query(
      `ALTER TABLE "temporary_request_confirmation" RENAME TO "request_confirmation"`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_request_confirmation_token_hash" ON "request_confirmation" ("token_hash") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_request_confirmation_request_id" ON "request_confirmation" ("request_id") `,
    );
    await queryRunner.query(`DROP INDEX "IDX_request_clock_request_id"`);
    await queryRunner.query(`DROP INDEX "IDX_request_clock_owner_unit_path_due"`);
    await queryRunner.query(`DROP INDEX "IDX_request_clock_owner_user_due"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_request_clock" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "request_id" integer NOT NULL, "kind" varchar(16) NOT NULL, "round" tinyint NOT NULL, "owner_user_id" integer NOT NULL, "owner_unit_id" integer NOT NULL, "owner_unit_path" varchar(255) NOT NULL, "level" varchar(16) NOT NULL, "started_at" datetime(6) NOT NULL, "due_at" datetime(6) NOT NULL, "stopped_at" datetime(6), "stop" varchar(16), "result" varchar(16), "stop_action" varchar(16), CONSTRAINT "FK_request_clock_owner_unit_id" FOREIGN KEY ("owner_unit_id") REFERENCES "org_unit" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION, CONSTRAINT "FK_request_clock_owner_user_id" FOREIGN KEY ("owner_user_id") REFERENCES "user_account" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION, CONSTRAINT "FK_request_clock_request_id" FOREIGN KEY ("request_id") REFERENCES "request" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_request_clock"("id", "request_id", "kind", "round", "owner_user_id", "owner_unit_id", "owner_unit_path", "level", "started_at", "due_at", "stopped_at", "stop", "result") SELECT "id", "request_id", "kind", "round", "owner_user_id", "owner_unit_id", "owner_unit_path", "level", "started_at", "due_at", "stopped_at", "stop", "result" FROM "request_clock"`,
    );
    await queryRunner.query(`DROP TABLE "request_clock"`);
    await queryRunner.query(`ALTER TABLE "temporary_request_clock" RENAME TO "request_clock"`);
    await queryRunner.query(
      `CREATE INDEX "IDX_request_clock_request_id" ON "request_clock" ("request_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_request_clock_owner_unit_path_due" ON "request_clock" ("owner_unit_path", "due_at") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_request_clock_owner_user_due" ON "request_clock" ("owner_user_id", "due_at") `,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_request_clock_owner_user_due"`);
    await queryRunner.query(`DROP INDEX "IDX_request_clock_owner_unit_path_due"`);
    await queryRunner.query(`DROP INDEX "IDX_request_clock_request_id"`);
    await queryRunner.query(`ALTER TABLE "request_clock" RENAME TO "temporary_request_clock"`);
    await queryRunner.query(
      `CREATE TABLE "request_clock" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "request_id" integer NOT NULL, "kind" varchar(16) NOT NULL, "round" tinyint NOT NULL, "owner_user_id" integer NOT NULL, "owner_unit_id" integer NOT NULL, "owner_unit_path" varchar(255) NOT NULL, "level" varchar(16) NOT NULL, "started_at" datetime(6) NOT NULL, "due_at" datetime(6) NOT NULL, "stopped_at" datetime(6), "stop" varchar(16), "result" varchar(16), CONSTRAINT "FK_request_clock_owner_unit_id" FOREIGN KEY ("owner_unit_id") REFERENCES "org_unit" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION, CONSTRAINT "FK_request_clock_owner_user_id" FOREIGN KEY ("owner_user_id") REFERENCES "user_account" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION, CONSTRAINT "FK_request_clock_request_id" FOREIGN KEY ("request_id") REFERENCES "request" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `INSERT INTO "request_clock"("id", "request_id", "kind", "round", "owner_user_id", "owner_unit_id", "owner_unit_path", "level", "started_at", "due_at", "stopped_at", "stop", "result") SELECT "id", "request_id", "kind", "round", "owner_user_id", "owner_unit_id", "owner_unit_path", "level", "started_at", "due_at", "stopped_at", "stop", "result" FROM "temporary_request_clock"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_request_clock"`);
    await queryRunner.query(
      `CREATE INDEX "IDX_request_clock_owner_user_due" ON "request_clock" ("owner_user_id", "due_at") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_request_clock_owner_unit_path_due" ON "request_clock" ("owner_unit_path", "due_at") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_request_clock_request_id" ON "request_clock" ("request_id") `,
    );
    await queryRunner.query(`DROP INDEX "IDX_request_confirmation_request_id"`);
    await queryRunner.query(`DROP INDEX "UQ_request_confirmation_token_hash"`);
    await queryRunner.query(
      `ALTER TABLE "request_confirmation" RENAME TO "temporary_request_confirmation"`,
    );
    await queryRunner.query(
      `CREATE TABLE "request_confirmation" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "request_id" integer NOT NULL, "token_hash" varchar(64) NOT NULL, "expires_at" datetime(6) NOT NULL, "spent_at" datetime(6), "created_at" datetime(6) NOT NULL DEFAULT (datetime('now')), CONSTRAINT "FK_request_confirmation_request_id" FOREIGN KEY ("request_id") REFERENCES "request" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `INSERT INTO "request_confirmation"("id", "request_id", "token_hash", "expires_at", "spent_at", "created_at") SELECT "id", "request_id", "token_hash", "expires_at", "spent_at", "created_at" FROM "temporary_request_confirmation"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_request_confirmation"`);
    await queryRunner.query(
      `CREATE INDEX "IDX_request_confirmation_request_id" ON "request_confirmation" ("request_id") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_request_confirmation_token_hash" ON "request_confirmation" ("token_hash") `,
    );
  }
}
