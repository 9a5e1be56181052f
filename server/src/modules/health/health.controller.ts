import { Controller } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Endpoint } from '../../common/contract/endpoint';
import { HealthService } from './health.service';

/** A load balancer's question: 200 when the server and its database answer, 503 otherwise. */
@ApiTags('health')
@Controller()
export class HealthController {
  constructor(private readonly health: HealthService) {}

  @Endpoint('health')
  check() {
    return this.health.check();
  }
}
