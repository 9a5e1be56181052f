import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MetricCategoryDailyEntity, MetricCategoryMonthlyEntity } from './metric-category.entity';
import { MetricDailyEntity } from './metric-daily.entity';
import { MetricDueEntity } from './metric-due.entity';
import { MetricFactEntity } from './metric-fact.entity';
import { MetricMonthlyEntity } from './metric-monthly.entity';
import { MetricRepository } from './metric.repository';

/**
 * The figures' own tables: each request's facts, their daily and monthly rollups, the clocks by
 * due time, the category mix.
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([
      MetricFactEntity,
      MetricDailyEntity,
      MetricDueEntity,
      MetricMonthlyEntity,
      MetricCategoryDailyEntity,
      MetricCategoryMonthlyEntity,
    ]),
  ],
  providers: [MetricRepository],
  exports: [MetricRepository],
})
export class MetricsModule {}
