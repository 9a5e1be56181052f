import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { InjectPinoLogger, PinoLogger } from 'nestjs-pino';
import { DataSource } from 'typeorm';
import type { HealthStatus } from '@mqlk/shared';
import { AppError } from '../../common/app-error';

/** A load balancer's question: can this instance serve? It can when the database answers quickly. */
const DATABASE_TIMEOUT_MS = 2000;

@Injectable()
export class HealthService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectPinoLogger(HealthService.name) private readonly logger: PinoLogger,
  ) {}

  async check(): Promise<HealthStatus> {
    try {
      await this.ping();
    } catch (err) {
      this.logger.warn({ err }, 'database did not answer the health check');
      throw new AppError('DATABASE_UNAVAILABLE');
    }
    return { status: 'ok', database: 'up' };
  }

  private async ping(): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('SELECT 1 timed out')), DATABASE_TIMEOUT_MS);
    });
    try {
      await Promise.race([this.dataSource.query('SELECT 1'), timeout]);
    } finally {
      clearTimeout(timer);
    }
  }
}
