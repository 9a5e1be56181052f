import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MetricDailyEntity } from './metric-daily.entity';
import { MetricFactEntity } from './metric-fact.entity';
import { MetricMonthlyEntity } from './metric-monthly.entity';
import { MetricRepository } from './metric.repository';

/** The figures' own tables: each request's facts and their daily and monthly rollups. */
@Module({
  imports: [TypeOrmModule.forFeature([MetricFactEntity, MetricDailyEntity, MetricMonthlyEntity])],
  providers: [MetricRepository],
  exports: [MetricRepository],
})
export class MetricsModule {}
