import { ConflictException, Injectable, NotFoundException, UnprocessableEntityException } from '@nestjs/common';
import { AuditService } from '@app/audit';
import type { AuthUser } from '@app/auth';
import { InterviewKitResponse } from '../dto/interview.response';
import { InterviewEvent, type PanelistDeclinedPayload } from '../interview.events';
import { assertVisible, canAnswerInvitation } from '@app/auth';
import { InterviewQueryService } from '../interviews/interview-query.service';
import { InterviewRepository } from '../interviews/interview.repository';
import { RsvpDto } from '../dto/rsvp.dto';
import { rsvpRefusal } from './rsvp-rules';
import { DomainEventsService } from '@app/common';

/** A panelist's answer to an interview's invitation (accept, decline, tentative), with a note. */
@Injectable()
export class RsvpService {
  constructor(
    private readonly repo: InterviewRepository,
    private readonly query: InterviewQueryService,
    private readonly audit: AuditService,
    private readonly events: DomainEventsService,
  ) {}

  async respond(user: AuthUser, id: string, dto: RsvpDto): Promise<InterviewKitResponse> {
    const kit = await this.query.readable(user, id);
    // only the panel answers: to anyone else (managers included) there is nothing here to answer
    assertVisible(canAnswerInvitation(user, { panelUserIds: kit.panel.map((p) => p.userId) }), 'Interview', id);
    const note = dto.note ? dto.note : null;

    const declined = await this.repo.transaction(async (repo) => {
      const interview = await repo.findForUpdate(id);
      if (!interview) throw new NotFoundException(`Interview ${id} not found`);
      const refusal = rsvpRefusal(interview, new Date());
      if (refusal)
        throw refusal.status === 409
          ? new ConflictException(refusal.message)
          : new UnprocessableEntityException(refusal.message);
      const row = await repo.findPanelistForUpdate(id, user.id);
      if (!row) throw new NotFoundException(`Interview ${id} not found`);
      // the same answer again only edits the note: its time (and so a decline's notice) stays the same
      const changed = row.rsvp !== dto.response;
      const at = changed || !row.rsvpAt ? new Date() : row.rsvpAt;
      await repo.setRsvp(id, user.id, { rsvp: dto.response, rsvpNote: note, rsvpAt: at });
      await this.audit.record(user.id, 'interview', id, 'rsvp', { response: dto.response, note }, repo.tx);
      return changed && dto.response === 'declined'
        ? ({
            interviewId: id,
            panelistId: user.id,
            scheduledById: interview.createdById,
            hiringManagerId: kit.authority.hiringManagerId,
            note,
            declinedAt: at,
          } satisfies PanelistDeclinedPayload)
        : null;
    });
    // awaited, so that when the API answers the notices are planned
    if (declined) await this.events.emit(InterviewEvent.PanelistDeclined, declined);
    return this.query.kit(user, id);
  }
}
