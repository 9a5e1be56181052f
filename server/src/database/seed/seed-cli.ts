// Seeds the demo county into an empty database and prints its cards and sign-ins:
//   pnpm --filter @mqlk/server seed          (from the sources)
//   node dist/database/seed/seed-cli.js      (built; what `npm start` at the root runs)
// Same configuration as the server (environment, then server/.env); runs pending migrations first.
// `--json` prints the summary as JSON instead of the table.
import 'reflect-metadata';
import { PhoneCipher } from '../../common/crypto/phone-cipher';
import { loadProcessConfig } from '../../config/config';
import { dataSourceOptions, openDataSource } from '../data-source';
import { formatDemoSummary, seedDemo } from './demo-seed';

async function main(): Promise<void> {
  const config = loadProcessConfig();
  if (config.nodeEnv === 'production') {
    console.error('The demo seed is for development and trials: refused with NODE_ENV=production.');
    process.exit(1);
  }
  const dataSource = await openDataSource({
    ...dataSourceOptions(config.database),
    migrationsRun: true,
  });
  try {
    const summary = await seedDemo(dataSource, new PhoneCipher(config), {
      publicBaseUrl: config.publicBaseUrl,
    });
    console.log(
      process.argv.includes('--json') ? JSON.stringify(summary) : formatDemoSummary(summary),
    );
  } finally {
    await dataSource.destroy();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
