import { Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ApiErrors } from '@app/common';
import { Authenticated, Role } from '@app/auth';
import { Idempotent } from '@app/idempotency';
import { HeartbeatResponse, HeartbeatTicket } from './dto/heartbeat.response';
import { HeartbeatService } from './heartbeat.service';

@ApiTags('system')
@Controller('system/heartbeats')
@Authenticated({ roles: [Role.Admin] })
export class SystemController {
  constructor(private readonly heartbeats: HeartbeatService) {}

  /** Sends a heartbeat job through the queue; a worker records it. */
  @Post()
  @Idempotent()
  @HttpCode(202)
  send(): Promise<HeartbeatTicket> {
    return this.heartbeats.send();
  }

  /** The heartbeat as the worker recorded it; 404 until a worker has processed it. */
  @Get(':jobId')
  @ApiErrors(401, 403, 404)
  get(@Param('jobId') jobId: string): Promise<HeartbeatResponse> {
    return this.heartbeats.get(jobId);
  }
}
