import { Injectable } from '@nestjs/common';
import { UsersService } from '@app/auth';
import type { AuthUser } from '@app/auth';
import { AppConfig } from '@app/config';
import { buildInvite, type InviteAttendee } from '../ics';
import { toZonedIso } from '../time';
import { InterviewQueryService } from './interview-query.service';
import { InterviewRepository, KitRow } from './interview.repository';

export interface InviteFile {
  filename: string;
  body: string;
}

/** What one invitation mail says, for a sequence and method chosen by the invitations' keyed rows. */
export interface InvitationOptions {
  method: 'REQUEST' | 'CANCEL';
  sequence: number;
  /** A CANCEL to a removed panelist names only them (RFC 5546 3.2.5); otherwise the whole panel. */
  onlyAttendee?: string;
}

/** "Technical interview - Jordan Rivera.ics": characters that file systems or mail clients refuse become spaces. */
export function inviteFilename(title: string, candidate: string): string {
  const clean = `${title} - ${candidate}`
    .normalize('NFC')
    .replace(/[\u0000-\u001f\u007f-\u009f\\/:*?"<>|\u2028\u2029\u200b-\u200f\u202a-\u202e\u2066-\u2069]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\.+/, '');
  const short = Array.from(clean).slice(0, 100).join('').trim();
  return /[^\s.-]/.test(short) ? `${short}.ics` : 'interview.ics';
}

/** The interview as an RFC 5545 invite for the panel; a cancelled interview gives METHOD:CANCEL. */
@Injectable()
export class InterviewInviteService {
  constructor(
    private readonly query: InterviewQueryService,
    private readonly repo: InterviewRepository,
    private readonly users: UsersService,
    private readonly config: AppConfig,
  ) {}

  async ics(user: AuthUser, id: string): Promise<InviteFile> {
    return this.build(await this.query.readable(user, id));
  }

  /** For system work (reminder mails): no reader, no visibility check. */
  async icsFor(id: string): Promise<InviteFile | null> {
    const kit = await this.repo.findKit(id);
    return kit ? this.build(kit) : null;
  }

  /** For an invitation mail: the kit as read now, with the row's method and sequence. */
  invitation(kit: KitRow, options: InvitationOptions): Promise<InviteFile> {
    return this.build(kit, options);
  }

  /**
   * The candidate's own invitation: the admins' text, time, place or meeting link. No kit or
   * scorecard link and no panel addresses: the organizer (hiring manager) is the only other address.
   */
  async candidateInvitation(kit: KitRow, options: InvitationOptions & { text: string }): Promise<InviteFile> {
    const i = kit.interview;
    const [organizer] = await this.users.findManyByIds([kit.authority.hiringManagerId]);
    const lines = [
      options.text,
      '',
      `${i.title}, ${kit.position.title}`,
      `When: ${toZonedIso(i.startsAt, i.timezone)} (${i.timezone}), ${i.durationMinutes} minutes`,
      i.meetingUrl ? `Join: ${i.meetingUrl}` : '',
      i.location ? `Where: ${i.location}` : '',
    ].filter((l, n) => l || n === 1);
    const body = buildInvite({
      uid: `${i.id}@scorecards`,
      sequence: options.sequence,
      method: options.method,
      start: i.startsAt,
      end: i.endsAt,
      timezone: i.timezone,
      summary: `${options.method === 'CANCEL' ? 'Cancelled: ' : ''}${i.title}: ${kit.position.title}`,
      description: lines.join('\n'),
      location: i.location ?? i.meetingUrl ?? undefined,
      url: i.meetingUrl ?? undefined,
      organizer: { name: organizer?.name ?? 'Hiring team', email: organizer?.email ?? 'no-reply@scorecards.local' },
      attendees: [{ name: kit.candidate.name, email: kit.candidate.email, role: 'REQ-PARTICIPANT' }],
      created: i.createdAt,
      lastModified: i.updatedAt,
    });
    return { filename: inviteFilename(i.title, kit.position.title), body };
  }

  /** The web app's kit page for the interview (apps/web/src/routes.tsx: /interviews/:id). */
  kitUrl(interviewId: string): string {
    return `${this.config.publicUrl}/interviews/${interviewId}`;
  }

  private async build(kit: KitRow, options?: InvitationOptions): Promise<InviteFile> {
    const i = kit.interview;
    const people = new Map(
      (
        await this.users.findManyByIds([
          kit.authority.hiringManagerId,
          ...kit.panel.map((p) => p.userId),
          ...(options?.onlyAttendee ? [options.onlyAttendee] : []),
        ])
      ).map((u) => [u.id, u]),
    );
    const organizer = people.get(kit.authority.hiringManagerId);
    const kitUrl = this.kitUrl(i.id);
    const method = options?.method ?? (i.status === 'cancelled' ? 'CANCEL' : 'REQUEST');
    const lines = [
      `${kit.candidate.name} for ${kit.position.title} (${i.stage})`,
      `When: ${toZonedIso(i.startsAt, i.timezone)} (${i.timezone}), ${i.durationMinutes} minutes`,
      i.meetingUrl ? `Join: ${i.meetingUrl}` : '',
      i.location ? `Where: ${i.location}` : '',
      `Panel: ${kit.panel.map((p) => `${people.get(p.userId)?.name ?? p.userId} (${p.role})`).join(', ')}`,
      `Questions in the kit: ${kit.questions.length}`,
      `Interview kit and scorecard: ${kitUrl}`,
      i.status === 'cancelled' && i.cancelReason ? `Cancelled: ${i.cancelReason}` : '',
      options?.onlyAttendee ? "You are no longer on this interview's panel." : '',
    ].filter(Boolean);
    const attendee = (userId: string, lead: boolean): InviteAttendee => ({
      name: people.get(userId)?.name ?? userId,
      email: people.get(userId)?.email ?? '',
      role: lead ? 'REQ-PARTICIPANT' : 'OPT-PARTICIPANT',
    });
    const body = buildInvite({
      uid: `${i.id}@scorecards`,
      sequence: options?.sequence ?? i.sequence,
      method,
      start: i.startsAt,
      end: i.endsAt,
      timezone: i.timezone,
      summary: `${method === 'CANCEL' ? 'Cancelled: ' : ''}${i.title}: ${kit.candidate.name}`,
      description: lines.join('\n'),
      location: i.location ?? i.meetingUrl ?? undefined,
      url: i.meetingUrl ?? kitUrl,
      organizer: { name: organizer?.name ?? 'Hiring team', email: organizer?.email ?? 'no-reply@scorecards.local' },
      attendees: options?.onlyAttendee
        ? [attendee(options.onlyAttendee, false)]
        : kit.panel.map((p) => attendee(p.userId, p.role === 'lead')),
      created: i.createdAt,
      lastModified: i.updatedAt,
    });
    return { filename: inviteFilename(i.title, kit.candidate.name), body };
  }
}
