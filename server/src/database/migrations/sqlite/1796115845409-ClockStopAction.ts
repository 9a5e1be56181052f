import { MigrationInterface, QueryRunner } from 'typeorm';

export class ClockStopAction1796115845409 implements MigrationInterface {
  name = 'ClockStopAction1796115845409';

  public async up(queryRunner: QueryRunner): Promise<void> {
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
  }
}
