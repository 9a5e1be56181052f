import { MigrationInterface, QueryRunner } from 'typeorm';

export class RequestVoice1796660237165 implements MigrationInterface {
  name = 'RequestVoice1796660237165';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "request_voice" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "request_id" integer, "uploader_user_id" integer NOT NULL, "storage_key" varchar(255) NOT NULL, "mime" varchar(32) NOT NULL, "size_bytes" integer NOT NULL, "duration_ms" integer NOT NULL, "transcript" text, "created_at" datetime(6) NOT NULL DEFAULT (datetime('now')))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_request_voice_uploader_user_id" ON "request_voice" ("uploader_user_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_request_voice_request_id" ON "request_voice" ("request_id") `,
    );
    await queryRunner.query(`DROP INDEX "IDX_request_voice_uploader_user_id"`);
    await queryRunner.query(`DROP INDEX "IDX_request_voice_request_id"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_request_voice" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "request_id" integer, "uploader_user_id" integer NOT NULL, "storage_key" varchar(255) NOT NULL, "mime" varchar(32) NOT NULL, "size_bytes" integer NOT NULL, "duration_ms" integer NOT NULL, "transcript" text, "created_at" datetime(6) NOT NULL DEFAULT (datetime('now')), CONSTRAINT "FK_request_voice_request_id" FOREIGN KEY ("request_id") REFERENCES "request" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION, CONSTRAINT "FK_request_voice_uploader_user_id" FOREIGN KEY ("uploader_user_id") REFERENCES "user_account" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_request_voice"("id", "request_id", "uploader_user_id", "storage_key", "mime", "size_bytes", "duration_ms", "transcript", "created_at") SELECT "id", "request_id", "uploader_user_id", "storage_key", "mime", "size_bytes", "duration_ms", "transcript", "created_at" FROM "request_voice"`,
    );
    await queryRunner.query(`DROP TABLE "request_voice"`);
    await queryRunner.query(`ALTER TABLE "temporary_request_voice" RENAME TO "request_voice"`);
    await queryRunner.query(
      `CREATE INDEX "IDX_request_voice_uploader_user_id" ON "request_voice" ("uploader_user_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_request_voice_request_id" ON "request_voice" ("request_id") `,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_request_voice_request_id"`);
    await queryRunner.query(`DROP INDEX "IDX_request_voice_uploader_user_id"`);
    await queryRunner.query(`ALTER TABLE "request_voice" RENAME TO "temporary_request_voice"`);
    await queryRunner.query(
      `CREATE TABLE "request_voice" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "request_id" integer, "uploader_user_id" integer NOT NULL, "storage_key" varchar(255) NOT NULL, "mime" varchar(32) NOT NULL, "size_bytes" integer NOT NULL, "duration_ms" integer NOT NULL, "transcript" text, "created_at" datetime(6) NOT NULL DEFAULT (datetime('now')))`,
    );
    await queryRunner.query(
      `INSERT INTO "request_voice"("id", "request_id", "uploader_user_id", "storage_key", "mime", "size_bytes", "duration_ms", "transcript", "created_at") SELECT "id", "request_id", "uploader_user_id", "storage_key", "mime", "size_bytes", "duration_ms", "transcript", "created_at" FROM "temporary_request_voice"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_request_voice"`);
    await queryRunner.query(
      `CREATE INDEX "IDX_request_voice_request_id" ON "request_voice" ("request_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_request_voice_uploader_user_id" ON "request_voice" ("uploader_user_id") `,
    );
    await queryRunner.query(`DROP INDEX "IDX_request_voice_request_id"`);
    await queryRunner.query(`DROP INDEX "IDX_request_voice_uploader_user_id"`);
    await queryRunner.query(`DROP TABLE "request_voice"`);
  }
}
