import { Injectable, Logger } from '@nestjs/common';
import { UsersService } from '@app/auth';
import { InterviewersService } from '@app/interviewers';
import { InterviewInviteService, InterviewReadService, type KitRow } from '@app/interviews';
import { deliveryErrorText } from '../delivery-error';
import { MailService } from '../mail.service';
import type { InvitationEntity } from './invitation.entity';
import { composeCandidateInvitation, composeInvitation } from './invitation-message';
import { ReminderSettingsService } from '../reminder-settings.service';
import { InvitationRepository } from './invitation.repository';
import { ReminderKind } from '../reminder-kind';

export type InvitationOutcome = 'sent' | 'skipped' | 'duplicate' | 'stale';

/** Why a row must not be sent now, read from the interview as it is at delivery time. */
function staleness(row: InvitationEntity, kit: KitRow | null): string | null {
  if (!kit) return 'interview no longer exists';
  const i = kit.interview;
  const attending =
    row.recipientId === kit.candidate.id ? i.inviteCandidate : kit.panel.some((p) => p.userId === row.recipientId);
  if (row.method === 'REQUEST') {
    if (i.status !== 'scheduled') return `interview is ${i.status}`;
    if (row.sequence !== i.sequence) return `superseded by sequence ${i.sequence}`;
    if (!attending) return 'no longer invited';
  } else if (attending && i.status === 'scheduled') {
    return 'invited again';
  }
  return null;
}

/**
 * Sends one invitation row at most once. The row is locked for the whole attempt and the mail is
 * sent inside that transaction, with its delivery-log row: a second worker waits, then finds it
 * sent; a failed send rolls everything back and the job's retry sends it.
 */
@Injectable()
export class InvitationDeliveryService {
  private readonly logger = new Logger('Invitations');

  constructor(
    private readonly repo: InvitationRepository,
    private readonly interviews: InterviewReadService,
    private readonly invites: InterviewInviteService,
    private readonly users: UsersService,
    private readonly mail: MailService,
    private readonly interviewers: InterviewersService,
    private readonly settings: ReminderSettingsService,
  ) {}

  deliver(invitationId: string): Promise<InvitationOutcome> {
    return this.repo.transaction(async (repo) => {
      const row = await repo.findForUpdate(invitationId);
      if (!row) return this.note('stale', invitationId, 'no such invitation');
      if (row.status !== 'pending') return this.note('duplicate', invitationId, `already ${row.status}`);
      const kit = await this.interviews.kit(row.interviewId);
      const forCandidate = kit?.candidate.id === row.recipientId;
      const recipient =
        kit && forCandidate
          ? { ...kit.candidate, active: true, timezone: kit.interview.timezone }
          : (await this.users.findManyByIds([row.recipientId]))[0];
      // the same switch as reminders: a panelist who turned email off gets no invitation mail either
      const emailOff =
        recipient &&
        !forCandidate &&
        !(await this.interviewers.notificationSettings([recipient.id])).get(recipient.id)?.email;
      const skip =
        staleness(row, kit) ??
        (!recipient?.active || !recipient.email?.includes('@')
          ? 'recipient no longer active or without an address'
          : emailOff
            ? 'the recipient turned email off'
            : null);
      if (skip || !kit || !recipient) {
        await repo.settle(row.id, 'skipped', skip);
        return this.note('skipped', invitationId, skip ?? '');
      }
      const earlier = (await repo.forInterview(row.interviewId)).some(
        (r) => r.recipientId === row.recipientId && r.sequence < row.sequence && r.status === 'sent',
      );
      const policy = forCandidate ? await this.settings.get() : null;
      const message = forCandidate
        ? composeCandidateInvitation({
            kit,
            method: row.method,
            update: earlier,
            recipient,
            text: policy?.candidateInvitationText ?? '',
          })
        : composeInvitation({
            kit,
            method: row.method,
            update: earlier,
            recipient,
            kitUrl: this.invites.kitUrl(kit.interview.id),
          });
      const kind = row.method === 'CANCEL' ? ReminderKind.Cancellation : ReminderKind.Invitation;
      const claim = await repo.claimDelivery({
        reminderId: row.id,
        dueAt: row.createdAt,
        channel: this.mail.channel,
        recipientId: row.recipientId,
        interviewId: row.interviewId,
        candidateId: kit.candidate.id,
        kind,
        subject: message.subject,
      });
      if (!claim) {
        await repo.settle(row.id, 'sent', null);
        return this.note('duplicate', invitationId, 'already in the delivery log');
      }
      const ics = forCandidate
        ? await this.invites.candidateInvitation(kit, {
            method: row.method,
            sequence: row.sequence,
            text: policy?.candidateInvitationText ?? '',
          })
        : await this.invites.invitation(kit, {
            method: row.method,
            sequence: row.sequence,
            ...(row.method === 'CANCEL' ? { onlyAttendee: row.recipientId } : {}),
          });
      const ref = await this.mail.send({
        ...message,
        messageId: `inv.${row.id}`,
        ics: { ...ics, method: row.method },
        headers: { 'X-Scorecards-Kind': kind },
      });
      await repo.setProviderRef(claim, ref);
      await repo.settle(row.id, 'sent', null);
      return 'sent';
    });
  }

  /** After the last attempt: the row is failed and the failure shows in the delivery log (generic text; the server log has details). */
  async fail(invitationId: string, error: Error): Promise<void> {
    await this.repo.transaction(async (repo) => {
      const row = await repo.findForUpdate(invitationId);
      if (!row || row.status !== 'pending') return;
      const text = deliveryErrorText(this.mail.channel, error);
      await repo.recordFailure({
        reminderId: row.id,
        dueAt: row.createdAt,
        channel: this.mail.channel,
        recipientId: row.recipientId,
        interviewId: row.interviewId,
        candidateId: null,
        kind: row.method === 'CANCEL' ? ReminderKind.Cancellation : ReminderKind.Invitation,
        subject: `${row.method === 'CANCEL' ? 'Cancellation' : 'Invitation'} (sequence ${row.sequence})`,
        error: text,
      });
      await repo.settle(row.id, 'failed', text);
    });
  }

  private note<T extends string>(outcome: T, id: string, why: string): T {
    this.logger.log(`invitation ${id}: ${outcome} (${why})`);
    return outcome;
  }
}
