import { Public } from '../../common/auth/decorators';
import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { type HealthStatus, HealthService } from './health.service';

@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(private readonly health: HealthService) {}

  @Get()
  @ApiOkResponse({
    description: 'The server and its database answer: `{ status: "ok", database: "up" }`',
  })
  @ApiServiceUnavailableResponse({
    description: 'The database does not answer: DATABASE_UNAVAILABLE',
  })
  check(): Promise<HealthStatus> {
    return this.health.check();
  }
}
