import { createApp } from './bootstrap';
import { loadProcessConfig } from './config/config';

async function main(): Promise<void> {
  const config = loadProcessConfig();
  const app = await createApp(config);
  app.enableShutdownHooks();
  await app.listen({ port: config.port, host: config.host });
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
