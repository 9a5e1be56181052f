import { MigrationInterface, QueryRunner } from 'typeorm';

export class MetricRollups1796525768597 implements MigrationInterface {
  name = 'MetricRollups1796525768597';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "metric_monthly" ("received" integer NOT NULL DEFAULT (0), "resolved" integer NOT NULL DEFAULT (0), "resolved_rated" integer NOT NULL DEFAULT (0), "resolved_village" integer NOT NULL DEFAULT (0), "resolved_township" integer NOT NULL DEFAULT (0), "resolved_county" integer NOT NULL DEFAULT (0), "rating_1" integer NOT NULL DEFAULT (0), "rating_2" integer NOT NULL DEFAULT (0), "rating_3" integer NOT NULL DEFAULT (0), "rating_4" integer NOT NULL DEFAULT (0), "rating_5" integer NOT NULL DEFAULT (0), "answered" integer NOT NULL DEFAULT (0), "solved" integer NOT NULL DEFAULT (0), "accepted" integer NOT NULL DEFAULT (0), "acceptance_ms" bigint NOT NULL DEFAULT (0), "founded_bad" integer NOT NULL DEFAULT (0), "rectified" integer NOT NULL DEFAULT (0), "accept_due" integer NOT NULL DEFAULT (0), "accept_met" integer NOT NULL DEFAULT (0), "deadline_due" integer NOT NULL DEFAULT (0), "deadline_met" integer NOT NULL DEFAULT (0), "month" integer NOT NULL, "owner_user_id" integer NOT NULL, "unit_path" varchar(255) NOT NULL, "self_subject" boolean NOT NULL, "next_day" integer NOT NULL, PRIMARY KEY ("month", "owner_user_id", "unit_path", "self_subject", "next_day"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "metric_fact" ("received" integer NOT NULL DEFAULT (0), "resolved" integer NOT NULL DEFAULT (0), "resolved_rated" integer NOT NULL DEFAULT (0), "resolved_village" integer NOT NULL DEFAULT (0), "resolved_township" integer NOT NULL DEFAULT (0), "resolved_county" integer NOT NULL DEFAULT (0), "rating_1" integer NOT NULL DEFAULT (0), "rating_2" integer NOT NULL DEFAULT (0), "rating_3" integer NOT NULL DEFAULT (0), "rating_4" integer NOT NULL DEFAULT (0), "rating_5" integer NOT NULL DEFAULT (0), "answered" integer NOT NULL DEFAULT (0), "solved" integer NOT NULL DEFAULT (0), "accepted" integer NOT NULL DEFAULT (0), "acceptance_ms" bigint NOT NULL DEFAULT (0), "founded_bad" integer NOT NULL DEFAULT (0), "rectified" integer NOT NULL DEFAULT (0), "accept_due" integer NOT NULL DEFAULT (0), "accept_met" integer NOT NULL DEFAULT (0), "deadline_due" integer NOT NULL DEFAULT (0), "deadline_met" integer NOT NULL DEFAULT (0), "request_id" integer NOT NULL, "seq" smallint NOT NULL, "day" integer NOT NULL, "month" integer NOT NULL, "owner_user_id" integer NOT NULL, "unit_path" varchar(255) NOT NULL, "self_subject" boolean NOT NULL, "next_day" integer NOT NULL, "due_at" bigint NOT NULL, PRIMARY KEY ("request_id", "seq"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_metric_fact_owner_day" ON "metric_fact" ("owner_user_id", "day") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_metric_fact_unit_day" ON "metric_fact" ("unit_path", "day") `,
    );
    await queryRunner.query(
      `CREATE TABLE "metric_daily" ("received" integer NOT NULL DEFAULT (0), "resolved" integer NOT NULL DEFAULT (0), "resolved_rated" integer NOT NULL DEFAULT (0), "resolved_village" integer NOT NULL DEFAULT (0), "resolved_township" integer NOT NULL DEFAULT (0), "resolved_county" integer NOT NULL DEFAULT (0), "rating_1" integer NOT NULL DEFAULT (0), "rating_2" integer NOT NULL DEFAULT (0), "rating_3" integer NOT NULL DEFAULT (0), "rating_4" integer NOT NULL DEFAULT (0), "rating_5" integer NOT NULL DEFAULT (0), "answered" integer NOT NULL DEFAULT (0), "solved" integer NOT NULL DEFAULT (0), "accepted" integer NOT NULL DEFAULT (0), "acceptance_ms" bigint NOT NULL DEFAULT (0), "founded_bad" integer NOT NULL DEFAULT (0), "rectified" integer NOT NULL DEFAULT (0), "accept_due" integer NOT NULL DEFAULT (0), "accept_met" integer NOT NULL DEFAULT (0), "deadline_due" integer NOT NULL DEFAULT (0), "deadline_met" integer NOT NULL DEFAULT (0), "day" integer NOT NULL, "owner_user_id" integer NOT NULL, "unit_path" varchar(255) NOT NULL, "self_subject" boolean NOT NULL, "next_day" integer NOT NULL, "due_at" bigint NOT NULL, "month" integer NOT NULL, PRIMARY KEY ("day", "owner_user_id", "unit_path", "self_subject", "next_day", "due_at"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "metric_category_daily" ("day" integer NOT NULL, "unit_path" varchar(255) NOT NULL, "category" varchar(16) NOT NULL, "month" integer NOT NULL, "received" integer NOT NULL DEFAULT (0), PRIMARY KEY ("day", "unit_path", "category"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "metric_category_monthly" ("month" integer NOT NULL, "unit_path" varchar(255) NOT NULL, "category" varchar(16) NOT NULL, "received" integer NOT NULL DEFAULT (0), PRIMARY KEY ("month", "unit_path", "category"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_rating_owner_unit_path_created" ON "rating" ("owner_unit_path", "created_at") `,
    );
    await queryRunner.query(`DROP INDEX "IDX_metric_fact_owner_day"`);
    await queryRunner.query(`DROP INDEX "IDX_metric_fact_unit_day"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_metric_fact" ("received" integer NOT NULL DEFAULT (0), "resolved" integer NOT NULL DEFAULT (0), "resolved_rated" integer NOT NULL DEFAULT (0), "resolved_village" integer NOT NULL DEFAULT (0), "resolved_township" integer NOT NULL DEFAULT (0), "resolved_county" integer NOT NULL DEFAULT (0), "rating_1" integer NOT NULL DEFAULT (0), "rating_2" integer NOT NULL DEFAULT (0), "rating_3" integer NOT NULL DEFAULT (0), "rating_4" integer NOT NULL DEFAULT (0), "rating_5" integer NOT NULL DEFAULT (0), "answered" integer NOT NULL DEFAULT (0), "solved" integer NOT NULL DEFAULT (0), "accepted" integer NOT NULL DEFAULT (0), "acceptance_ms" bigint NOT NULL DEFAULT (0), "founded_bad" integer NOT NULL DEFAULT (0), "rectified" integer NOT NULL DEFAULT (0), "accept_due" integer NOT NULL DEFAULT (0), "accept_met" integer NOT NULL DEFAULT (0), "deadline_due" integer NOT NULL DEFAULT (0), "deadline_met" integer NOT NULL DEFAULT (0), "request_id" integer NOT NULL, "seq" smallint NOT NULL, "day" integer NOT NULL, "month" integer NOT NULL, "owner_user_id" integer NOT NULL, "unit_path" varchar(255) NOT NULL, "self_subject" boolean NOT NULL, "next_day" integer NOT NULL, "due_at" bigint NOT NULL, CONSTRAINT "FK_metric_fact_request_id" FOREIGN KEY ("request_id") REFERENCES "request" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION, PRIMARY KEY ("request_id", "seq"))`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_metric_fact"("received", "resolved", "resolved_rated", "resolved_village", "resolved_township", "resolved_county", "rating_1", "rating_2", "rating_3", "rating_4", "rating_5", "answered", "solved", "accepted", "acceptance_ms", "founded_bad", "rectified", "accept_due", "accept_met", "deadline_due", "deadline_met", "request_id", "seq", "day", "month", "owner_user_id", "unit_path", "self_subject", "next_day", "due_at") SELECT "received", "resolved", "resolved_rated", "resolved_village", "resolved_township", "resolved_county", "rating_1", "rating_2", "rating_3", "rating_4", "rating_5", "answered", "solved", "accepted", "acceptance_ms", "founded_bad", "rectified", "accept_due", "accept_met", "deadline_due", "deadline_met", "request_id", "seq", "day", "month", "owner_user_id", "unit_path", "self_subject", "next_day", "due_at" FROM "metric_fact"`,
    );
    await queryRunner.query(`DROP TABLE "metric_fact"`);
    await queryRunner.query(`ALTER TABLE "temporary_metric_fact" RENAME TO "metric_fact"`);
    await queryRunner.query(
      `CREATE INDEX "IDX_metric_fact_owner_day" ON "metric_fact" ("owner_user_id", "day") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_metric_fact_unit_day" ON "metric_fact" ("unit_path", "day") `,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_metric_fact_unit_day"`);
    await queryRunner.query(`DROP INDEX "IDX_metric_fact_owner_day"`);
    await queryRunner.query(`ALTER TABLE "metric_fact" RENAME TO "temporary_metric_fact"`);
    await queryRunner.query(
      `CREATE TABLE "metric_fact" ("received" integer NOT NULL DEFAULT (0), "resolved" integer NOT NULL DEFAULT (0), "resolved_rated" integer NOT NULL DEFAULT (0), "resolved_village" integer NOT NULL DEFAULT (0), "resolved_township" integer NOT NULL DEFAULT (0), "resolved_county" integer NOT NULL DEFAULT (0), "rating_1" integer NOT NULL DEFAULT (0), "rating_2" integer NOT NULL DEFAULT (0), "rating_3" integer NOT NULL DEFAULT (0), "rating_4" integer NOT NULL DEFAULT (0), "rating_5" integer NOT NULL DEFAULT (0), "answered" integer NOT NULL DEFAULT (0), "solved" integer NOT NULL DEFAULT (0), "accepted" integer NOT NULL DEFAULT (0), "acceptance_ms" bigint NOT NULL DEFAULT (0), "founded_bad" integer NOT NULL DEFAULT (0), "rectified" integer NOT NULL DEFAULT (0), "accept_due" integer NOT NULL DEFAULT (0), "accept_met" integer NOT NULL DEFAULT (0), "deadline_due" integer NOT NULL DEFAULT (0), "deadline_met" integer NOT NULL DEFAULT (0), "request_id" integer NOT NULL, "seq" smallint NOT NULL, "day" integer NOT NULL, "month" integer NOT NULL, "owner_user_id" integer NOT NULL, "unit_path" varchar(255) NOT NULL, "self_subject" boolean NOT NULL, "next_day" integer NOT NULL, "due_at" bigint NOT NULL, PRIMARY KEY ("request_id", "seq"))`,
    );
    await queryRunner.query(
      `INSERT INTO "metric_fact"("received", "resolved", "resolved_rated", "resolved_village", "resolved_township", "resolved_county", "rating_1", "rating_2", "rating_3", "rating_4", "rating_5", "answered", "solved", "accepted", "acceptance_ms", "founded_bad", "rectified", "accept_due", "accept_met", "deadline_due", "deadline_met", "request_id", "seq", "day", "month", "owner_user_id", "unit_path", "self_subject", "next_day", "due_at") SELECT "received", "resolved", "resolved_rated", "resolved_village", "resolved_township", "resolved_county", "rating_1", "rating_2", "rating_3", "rating_4", "rating_5", "answered", "solved", "accepted", "acceptance_ms", "founded_bad", "rectified", "accept_due", "accept_met", "deadline_due", "deadline_met", "request_id", "seq", "day", "month", "owner_user_id", "unit_path", "self_subject", "next_day", "due_at" FROM "temporary_metric_fact"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_metric_fact"`);
    await queryRunner.query(
      `CREATE INDEX "IDX_metric_fact_unit_day" ON "metric_fact" ("unit_path", "day") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_metric_fact_owner_day" ON "metric_fact" ("owner_user_id", "day") `,
    );
    await queryRunner.query(`DROP INDEX "IDX_rating_owner_unit_path_created"`);
    await queryRunner.query(`DROP TABLE "metric_category_monthly"`);
    await queryRunner.query(`DROP TABLE "metric_category_daily"`);
    await queryRunner.query(`DROP TABLE "metric_daily"`);
    await queryRunner.query(`DROP INDEX "IDX_metric_fact_unit_day"`);
    await queryRunner.query(`DROP INDEX "IDX_metric_fact_owner_day"`);
    await queryRunner.query(`DROP TABLE "metric_fact"`);
    await queryRunner.query(`DROP TABLE "metric_monthly"`);
  }
}
