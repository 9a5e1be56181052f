// The figures' rollups, checked or rebuilt from the raw rows:
//   pnpm --filter @mqlk/server metrics reconcile [--unit <单位编号>] [--from 2026-11-01] [--to 2026-11-30]
//   pnpm --filter @mqlk/server metrics rebuild      (with the server stopped)
//   node dist/database/metrics-cli.js …             (built)
// Same configuration as the server (environment, then server/.env). reconcile exits 1 on any difference.
import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { formatMean, formatRate, localDateOf, type MetricsSummary } from '@mqlk/shared';
import { loadProcessConfig } from '../config/config';
import { OrgUnitEntity } from '../modules/org/org-unit.entity';
import { dataSourceOptions, openDataSource } from './data-source';
import { metricLedgerFor } from './metric-ledger-for';

const FIGURES: [string, (s: MetricsSummary) => string][] = [
  ['受理', (s) => String(s.received)],
  ['办结', (s) => String(s.resolved)],
  [
    '满意率',
    (s) =>
      `${formatRate(s.satisfaction)} (${s.satisfaction.numerator}/${s.satisfaction.denominator})`,
  ],
  [
    '解决率',
    (s) => `${formatRate(s.solvedRate)} (${s.solvedRate.numerator}/${s.solvedRate.denominator})`,
  ],
  [
    '参评率',
    (s) =>
      `${formatRate(s.participation)} (${s.participation.numerator}/${s.participation.denominator})`,
  ],
  ['按时办结率', (s) => `${formatRate(s.onTime)} (${s.onTime.numerator}/${s.onTime.denominator})`],
  [
    '响应率',
    (s) =>
      `${formatRate(s.responsiveness)} (${s.responsiveness.numerator}/${s.responsiveness.denominator})`,
  ],
  [
    '差评整改率',
    (s) =>
      `${formatRate(s.rectification)} (${s.rectification.numerator}/${s.rectification.denominator})`,
  ],
  ['平均签收时长', (s) => `${formatMean(s.acceptanceHours)} h (${s.acceptanceHours.count})`],
];

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      unit: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
    },
  });
  const command = positionals[0];
  if (command !== 'rebuild' && command !== 'reconcile') {
    console.error(
      'usage: metrics reconcile [--unit <id>] [--from YYYY-MM-DD] [--to YYYY-MM-DD] | metrics rebuild',
    );
    process.exit(2);
  }
  const config = loadProcessConfig();
  const db = await openDataSource({ ...dataSourceOptions(config.database), migrationsRun: false });
  try {
    const ledger = metricLedgerFor(db);
    if (command === 'rebuild') {
      const started = Date.now();
      const count = await ledger.rebuild((done) => process.stdout.write(`\r${done} requests…`));
      console.log(`\nrebuilt the figures of ${count} requests in ${Date.now() - started} ms`);
      return;
    }
    const units = db.getRepository(OrgUnitEntity);
    const unit = values.unit
      ? await units.findOne({ where: { id: Number(values.unit) } })
      : await units.findOne({ where: { kind: 'county' }, order: { id: 'ASC' } });
    if (!unit) {
      console.error(`no such unit: ${values.unit ?? '(a county)'}`);
      process.exit(1);
    }
    const now = new Date();
    const period = { from: values.from ?? '2000-01-01', to: values.to ?? localDateOf(now) };
    const check = await ledger.reconcile(unit.path, period, now);
    console.log(`${unit.name} ${period.from} … ${period.to}`);
    for (const [label, show] of FIGURES) {
      const [a, b] = [show(check.reference), show(check.fromRollups)];
      console.log(`  ${label}: ${a}${a === b ? '' : `  ≠ rollups ${b}`}`);
    }
    const same = JSON.stringify(check.reference) === JSON.stringify(check.fromRollups);
    for (const id of check.staleRequests) console.log(`  stale facts: request ${id}`);
    for (const p of check.rollupProblems) console.log(`  ${p}`);
    if (same && check.staleRequests.length === 0 && check.rollupProblems.length === 0) {
      console.log('指标与原始记录一致 / figures match the raw rows');
    } else {
      console.log('指标与原始记录不一致 / figures DIFFER from the raw rows (fix: metrics rebuild)');
      process.exitCode = 1;
    }
  } finally {
    await db.destroy();
  }
}

void main();
