import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ApiErrors } from '@app/common';
import { Authenticated, CurrentUser } from '@app/auth';
import type { AuthUser } from '@app/auth';
import { Idempotent } from '@app/idempotency';
import { InterviewKitResponse } from '../dto/interview.response';
import { RsvpDto } from '../dto/rsvp.dto';
import { RsvpService } from './rsvp.service';

@ApiTags('interviews')
@Controller('interviews')
@Authenticated()
export class InterviewRsvpController {
  constructor(private readonly rsvp: RsvpService) {}

  /**
   * Your answer to the invitation, as a panelist of the interview (404 to anyone else): accepted,
   * declined or tentative, with an optional note. A decline tells whoever scheduled it and the
   * position's team, and flags the interview `needsReplacement`. 409 when it is cancelled or closed,
   * 422 once it has started.
   */
  @Post(':id/rsvp')
  @Idempotent()
  @HttpCode(200)
  @ApiOkResponse({ type: InterviewKitResponse })
  @ApiErrors(400, 401, 404, 409, 422)
  respond(@CurrentUser() user: AuthUser, @Param('id') id: string, @Body() dto: RsvpDto): Promise<InterviewKitResponse> {
    return this.rsvp.respond(user, id, dto);
  }
}
