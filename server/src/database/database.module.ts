import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { dataSourceOptions, openDataSource } from './data-source';

/** The app's DataSource: the same options the migration CLI uses (cli-data-source.ts). */
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        ...dataSourceOptions(config.database),
        // A production database may come up after the server: keep trying for a while there only.
        retryAttempts: config.nodeEnv === 'production' ? 10 : 0,
        retryDelay: 3000,
      }),
      dataSourceFactory: async (options) => {
        if (!options) throw new Error('no database options');
        return openDataSource(options);
      },
    }),
  ],
})
export class DatabaseModule {}
