import { MigrationInterface, QueryRunner } from 'typeorm';

export class HelpCards1796614572274 implements MigrationInterface {
  name = 'HelpCards1796614572274';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_card_cadre_id"`);
    await queryRunner.query(`DROP INDEX "UQ_card_code"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_card" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "code" varchar(32) NOT NULL, "cadre_id" integer NOT NULL, "status" varchar(16) NOT NULL, "issued_at" datetime(6) NOT NULL, "revoked_at" datetime(6), "revoke_reason" varchar(100), "replaced_by_card_id" integer, "household_id" integer, CONSTRAINT "FK_card_replaced_by_card_id" FOREIGN KEY ("replaced_by_card_id") REFERENCES "card" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION, CONSTRAINT "FK_card_cadre_id" FOREIGN KEY ("cadre_id") REFERENCES "cadre" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_card"("id", "code", "cadre_id", "status", "issued_at", "revoked_at", "revoke_reason", "replaced_by_card_id") SELECT "id", "code", "cadre_id", "status", "issued_at", "revoked_at", "revoke_reason", "replaced_by_card_id" FROM "card"`,
    );
    await queryRunner.query(`DROP TABLE "card"`);
    await queryRunner.query(`ALTER TABLE "temporary_card" RENAME TO "card"`);
    await queryRunner.query(`CREATE INDEX "IDX_card_cadre_id" ON "card" ("cadre_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_card_code" ON "card" ("code") `);
    await queryRunner.query(`CREATE INDEX "IDX_card_household_id" ON "card" ("household_id") `);
    await queryRunner.query(`DROP INDEX "IDX_card_cadre_id"`);
    await queryRunner.query(`DROP INDEX "UQ_card_code"`);
    await queryRunner.query(`DROP INDEX "IDX_card_household_id"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_card" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "code" varchar(32) NOT NULL, "cadre_id" integer NOT NULL, "status" varchar(16) NOT NULL, "issued_at" datetime(6) NOT NULL, "revoked_at" datetime(6), "revoke_reason" varchar(100), "replaced_by_card_id" integer, "household_id" integer, CONSTRAINT "FK_card_replaced_by_card_id" FOREIGN KEY ("replaced_by_card_id") REFERENCES "card" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION, CONSTRAINT "FK_card_cadre_id" FOREIGN KEY ("cadre_id") REFERENCES "cadre" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION, CONSTRAINT "FK_card_household_id" FOREIGN KEY ("household_id") REFERENCES "household" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_card"("id", "code", "cadre_id", "status", "issued_at", "revoked_at", "revoke_reason", "replaced_by_card_id", "household_id") SELECT "id", "code", "cadre_id", "status", "issued_at", "revoked_at", "revoke_reason", "replaced_by_card_id", "household_id" FROM "card"`,
    );
    await queryRunner.query(`DROP TABLE "card"`);
    await queryRunner.query(`ALTER TABLE "temporary_card" RENAME TO "card"`);
    await queryRunner.query(`CREATE INDEX "IDX_card_cadre_id" ON "card" ("cadre_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_card_code" ON "card" ("code") `);
    await queryRunner.query(`CREATE INDEX "IDX_card_household_id" ON "card" ("household_id") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_card_household_id"`);
    await queryRunner.query(`DROP INDEX "UQ_card_code"`);
    await queryRunner.query(`DROP INDEX "IDX_card_cadre_id"`);
    await queryRunner.query(`ALTER TABLE "card" RENAME TO "temporary_card"`);
    await queryRunner.query(
      `CREATE TABLE "card" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "code" varchar(32) NOT NULL, "cadre_id" integer NOT NULL, "status" varchar(16) NOT NULL, "issued_at" datetime(6) NOT NULL, "revoked_at" datetime(6), "revoke_reason" varchar(100), "replaced_by_card_id" integer, "household_id" integer, CONSTRAINT "FK_card_replaced_by_card_id" FOREIGN KEY ("replaced_by_card_id") REFERENCES "card" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION, CONSTRAINT "FK_card_cadre_id" FOREIGN KEY ("cadre_id") REFERENCES "cadre" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `INSERT INTO "card"("id", "code", "cadre_id", "status", "issued_at", "revoked_at", "revoke_reason", "replaced_by_card_id", "household_id") SELECT "id", "code", "cadre_id", "status", "issued_at", "revoked_at", "revoke_reason", "replaced_by_card_id", "household_id" FROM "temporary_card"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_card"`);
    await queryRunner.query(`CREATE INDEX "IDX_card_household_id" ON "card" ("household_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_card_code" ON "card" ("code") `);
    await queryRunner.query(`CREATE INDEX "IDX_card_cadre_id" ON "card" ("cadre_id") `);
    await queryRunner.query(`DROP INDEX "IDX_card_household_id"`);
    await queryRunner.query(`DROP INDEX "UQ_card_code"`);
    await queryRunner.query(`DROP INDEX "IDX_card_cadre_id"`);
    await queryRunner.query(`ALTER TABLE "card" RENAME TO "temporary_card"`);
    await queryRunner.query(
      `CREATE TABLE "card" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "code" varchar(32) NOT NULL, "cadre_id" integer NOT NULL, "status" varchar(16) NOT NULL, "issued_at" datetime(6) NOT NULL, "revoked_at" datetime(6), "revoke_reason" varchar(100), "replaced_by_card_id" integer, CONSTRAINT "FK_card_replaced_by_card_id" FOREIGN KEY ("replaced_by_card_id") REFERENCES "card" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION, CONSTRAINT "FK_card_cadre_id" FOREIGN KEY ("cadre_id") REFERENCES "cadre" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `INSERT INTO "card"("id", "code", "cadre_id", "status", "issued_at", "revoked_at", "revoke_reason", "replaced_by_card_id") SELECT "id", "code", "cadre_id", "status", "issued_at", "revoked_at", "revoke_reason", "replaced_by_card_id" FROM "temporary_card"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_card"`);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_card_code" ON "card" ("code") `);
    await queryRunner.query(`CREATE INDEX "IDX_card_cadre_id" ON "card" ("cadre_id") `);
  }
}
