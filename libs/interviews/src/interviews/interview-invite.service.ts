import { Injectable } from '@nestjs/common';
import { UsersService } from '@app/auth';
import type { AuthUser } from '@app/auth';
import { AppConfig } from '@app/config';
import { buildInvite } from '../ics';
import { toZonedIso } from '../time';
import { InterviewQueryService } from './interview-query.service';
import { InterviewRepository, KitRow } from './interview.repository';

/** The interview as an RFC 5545 invite for the panel; a cancelled interview gives METHOD:CANCEL. */
@Injectable()
export class InterviewInviteService {
  constructor(
    private readonly query: InterviewQueryService,
    private readonly repo: InterviewRepository,
    private readonly users: UsersService,
    private readonly config: AppConfig,
  ) {}

  async ics(user: AuthUser, id: string): Promise<{ filename: string; body: string }> {
    return this.build(await this.query.readable(user, id));
  }

  /** For system work (reminder mails): no reader, no visibility check. */
  async icsFor(id: string): Promise<{ filename: string; body: string } | null> {
    const kit = await this.repo.findKit(id);
    return kit ? this.build(kit) : null;
  }

  private async build(kit: KitRow): Promise<{ filename: string; body: string }> {
    const i = kit.interview;
    const people = new Map((await this.users.findManyByIds([kit.authority.hiringManagerId, ...kit.panel.map((p) => p.userId)])).map((u) => [u.id, u]));
    const organizer = people.get(kit.authority.hiringManagerId);
    const kitUrl = `${this.config.publicUrl}/interviews/${i.id}`;
    const lines = [
      `${kit.candidate.name} for ${kit.position.title} (${i.stage})`,
      `When: ${toZonedIso(i.startsAt, i.timezone)} (${i.timezone}), ${i.durationMinutes} minutes`,
      i.meetingUrl ? `Join: ${i.meetingUrl}` : '',
      i.location ? `Where: ${i.location}` : '',
      `Panel: ${kit.panel.map((p) => `${people.get(p.userId)?.name ?? p.userId} (${p.role})`).join(', ')}`,
      `Questions in the kit: ${kit.questions.length}`,
      `Interview kit and scorecard: ${kitUrl}`,
      i.status === 'cancelled' && i.cancelReason ? `Cancelled: ${i.cancelReason}` : '',
    ].filter(Boolean);
    const body = buildInvite({
      uid: `${i.id}@scorecards`,
      sequence: i.sequence,
      method: i.status === 'cancelled' ? 'CANCEL' : 'REQUEST',
      start: i.startsAt,
      end: i.endsAt,
      timezone: i.timezone,
      summary: `${i.status === 'cancelled' ? 'Cancelled: ' : ''}${i.title}: ${kit.candidate.name}`,
      description: lines.join('\n'),
      location: i.location ?? i.meetingUrl ?? undefined,
      url: i.meetingUrl ?? kitUrl,
      organizer: { name: organizer?.name ?? 'Hiring team', email: organizer?.email ?? 'no-reply@scorecards.local' },
      attendees: kit.panel.map((p) => ({
        name: people.get(p.userId)?.name ?? p.userId,
        email: people.get(p.userId)?.email ?? '',
        role: p.role === 'lead' ? 'REQ-PARTICIPANT' : 'OPT-PARTICIPANT',
      })),
      created: i.createdAt,
      lastModified: i.updatedAt,
    });
    return { filename: `interview-${i.id}.ics`, body };
  }
}
