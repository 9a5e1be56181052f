// 月报 of one unit for one month that is over, as a PDF and a workbook:
//   pnpm --filter @mqlk/server report:monthly -- --unit <单位编号> [--month 2026-11] [--out <目录>]
//   node dist/database/monthly-report-cli.js --unit 3 --month 2026-11       (built)
// --month defaults to last month, --out to the current directory (server/ under pnpm --filter).
// Same configuration as the server (environment, then server/.env). Builds only the report's
// modules (no HTTP, no sweeps or dispatcher), and puts the run on the audit log.
import 'reflect-metadata';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { type DynamicModule, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { formatRate, localDateOf, messageOf } from '@mqlk/shared';
import { AppError } from '../common/app-error';
import type { RequestActor } from '../common/auth/actor';
import { ClockModule } from '../common/clock/clock.module';
import { type AppConfig, loadProcessConfig } from '../config/config';
import { ConfigModule } from '../config/config.module';
import { CalendarModule } from '../modules/calendar/calendar.module';
import { OrgRepository } from '../modules/org/org.repository';
import { reportFileNames } from '../modules/report/monthly-report';
import { ReportModule } from '../modules/report/report.module';
import { ReportService } from '../modules/report/report.service';
import { DatabaseModule } from './database.module';

const USAGE = 'usage: report:monthly --unit <单位编号> [--month YYYY-MM] [--out <目录>]';

@Module({})
class MonthlyReportCliModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: MonthlyReportCliModule,
      imports: [
        ConfigModule.forRoot(config),
        ClockModule.forRoot(config),
        DatabaseModule,
        // Global, like config and clock: the request module's deadline rules need it.
        CalendarModule,
        ReportModule,
      ],
    };
  }
}

/** The month before today's, in local dates. */
function lastMonth(now: Date): string {
  const [year, month] = localDateOf(now).split('-').map(Number) as [number, number];
  return month === 1 ? `${year - 1}-12` : `${year}-${String(month - 1).padStart(2, '0')}`;
}

async function main(): Promise<void> {
  // `pnpm run x -- --unit 3` hands the `--` on: without this parseArgs would take the rest as positionals.
  const args = process.argv.slice(2).filter((a, i) => !(i === 0 && a === '--'));
  const { values } = parseArgs({
    args,
    options: {
      unit: { type: 'string' },
      month: { type: 'string' },
      out: { type: 'string' },
    },
  });
  const unitId = Number(values.unit);
  if (!values.unit || !Number.isSafeInteger(unitId) || unitId <= 0) {
    console.error(USAGE);
    process.exit(2);
  }
  const config = loadProcessConfig();
  const ctx = await NestFactory.createApplicationContext(
    MonthlyReportCliModule.forRoot({
      ...config,
      database: { ...config.database, migrationsRun: false },
    }),
    { logger: ['error', 'warn'], abortOnError: false },
  );
  try {
    const unit = await ctx.get(OrgRepository).findById(unitId);
    if (!unit) {
      console.error(`没有这个单位：${unitId}`);
      process.exitCode = 1;
      return;
    }
    // The command stands for the county's office: it reads the unit as an admin scoped to it.
    const actor: RequestActor = {
      userId: 0,
      role: 'admin',
      displayName: '月报命令',
      orgUnitId: unit.id,
      orgUnitPath: unit.path,
      cadreId: null,
    };
    const reports = ctx.get(ReportService);
    const month = values.month ?? lastMonth(new Date());
    const report = await reports.build(actor, { unitId: unit.id, month });
    const dir = path.resolve(values.out ?? '.');
    fs.mkdirSync(dir, { recursive: true });
    const written: string[] = [];
    for (const format of ['pdf', 'xlsx'] as const) {
      const file = path.join(dir, reportFileNames(report.unit, month, format).name);
      fs.writeFileSync(file, await reports.render(report, format));
      written.push(file);
    }
    await reports.record({ actorUserId: null, actorName: '月报命令' }, report, 'pdf+xlsx');
    const t = report.total;
    console.log(`${report.unit.name} ${report.period.from} … ${report.period.to}`);
    console.log(
      `  受理 ${t.received}，办结 ${t.resolved}，满意率 ${formatRate(t.satisfaction)}，` +
        `按时办结率 ${formatRate(t.onTime)}，超期 ${report.overdue.length} 条，差评 ${report.badReviews.length} 条`,
    );
    for (const file of written) console.log(`  ${file}`);
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    const details = err.details?.map((d) => d.message).join('；');
    console.error(details || messageOf(err.code));
    process.exitCode = 1;
  } finally {
    await ctx.close();
  }
}

void main();
