import { Injectable, Logger } from '@nestjs/common';
import { OutboundError } from '@app/outbound';
import type { ReminderEntity } from './entities/reminder.entity';
import { deliveryErrorText } from './delivery-error';
import { audienceOf } from './decision-message';
import { DecisionNoticeContextService } from './decision-notice-context.service';
import { ReminderChannels, type Send } from './reminder-channels.service';
import { ReminderContextService } from './reminder-context.service';
import { RemindersRepository } from './reminders.repository';
import { RSVP_DECLINED } from './rsvp/decline-message';
import { DeclineNoticeContextService } from './rsvp/decline-notice-context.service';

export type DeliveryOutcome = 'sent' | 'skipped' | 'stale' | 'duplicate';

/** Some channels failed; the job retries them, and after its last attempt they go in the delivery log. */
export class DeliveryFailure extends Error {
  constructor(readonly failures: Array<{ channel: Send['channel']; subject: string; error: string }>) {
    super(failures.map((f) => `${f.channel}: ${f.error}`).join('; '));
  }
}

function staleness(r: ReminderEntity | null, dueAt: Date): string | null {
  if (!r) return 'reminder no longer exists';
  if (r.status !== 'scheduled') return `reminder is ${r.status}`;
  if (r.dueAt.getTime() !== dueAt.getTime()) return `reminder moved to ${r.dueAt.toISOString()}`;
  return null;
}

/**
 * Sends one reminder, at most once per channel. Each channel's send happens inside the transaction
 * that claims it (a delivery row unique per reminder, due time and channel): a failed send rolls its
 * claim back so the job's retry sends it, and a channel already delivered is never sent again.
 */
@Injectable()
export class ReminderDeliveryService {
  private readonly logger = new Logger('Reminders');

  constructor(
    private readonly repo: RemindersRepository,
    private readonly contexts: ReminderContextService,
    private readonly channels: ReminderChannels,
    private readonly decisionNotices: DecisionNoticeContextService,
    private readonly declineNotices: DeclineNoticeContextService,
  ) {}

  async deliver(reminderId: string, dueAt: Date): Promise<DeliveryOutcome> {
    const prepared = await this.repo.transaction(async (repo) => {
      const r = await repo.findForUpdate(reminderId);
      const stale = staleness(r, dueAt);
      if (stale || !r) return this.note('stale', reminderId, stale ?? '');
      const loaded = await this.sendsFor(r);
      const sends = 'skip' in loaded ? [] : loaded.sends;
      const skip = 'skip' in loaded ? loaded.skip : sends.length ? null : 'the recipient turned reminders off';
      if (skip) {
        await repo.setStatus([r.id], 'skipped', skip);
        return this.note('skipped', reminderId, skip);
      }
      return { r, sends };
    });
    if (typeof prepared === 'string') return prepared;

    const failures: DeliveryFailure['failures'] = [];
    let delivered = 0;
    for (const send of prepared.sends) {
      try {
        if (await this.sendOnce(prepared.r, dueAt, send)) delivered++;
      } catch (e) {
        // the full error for the server log; the generic text for the delivery log and the job's reason
        if (!(e instanceof OutboundError)) this.logger.warn(`reminder ${reminderId}: ${send.channel} failed: ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
        failures.push({ channel: send.channel, subject: send.subject, error: deliveryErrorText(send.channel, e) });
      }
    }
    // the job retries; channels already delivered are claimed and will not repeat
    if (failures.length) throw new DeliveryFailure(failures);
    await this.repo.markSent(reminderId, dueAt);
    return delivered ? 'sent' : this.note('duplicate', reminderId, 'already delivered');
  }

  /** After the last attempt: the reminder shows as failed, and each failed channel appears in the delivery log. */
  async fail(reminderId: string, dueAt: Date, error: Error): Promise<void> {
    await this.repo.transaction(async (repo) => {
      const r = await repo.findForUpdate(reminderId);
      if (staleness(r, dueAt) || !r) return;
      await repo.markFailed(reminderId, dueAt, error.message);
      const failures = error instanceof DeliveryFailure ? error.failures : [];
      for (const f of failures) {
        await repo.recordFailure({ reminderId, dueAt, channel: f.channel, recipientId: r.recipientId, interviewId: r.interviewId, candidateId: r.candidateId, kind: r.kind, subject: f.subject, error: f.error.slice(0, 2000) });
      }
    });
  }

  private sendOnce(reminder: ReminderEntity, dueAt: Date, send: Send): Promise<boolean> {
    return this.repo.transaction(async (repo) => {
      const r = await repo.findForUpdate(reminder.id);
      if (staleness(r, dueAt) || !r) return false;
      const claim = await repo.claimDelivery({ reminderId: r.id, dueAt, channel: send.channel, recipientId: r.recipientId, interviewId: r.interviewId, candidateId: r.candidateId, kind: r.kind, subject: send.subject });
      if (!claim) return false;
      await repo.setProviderRef(claim, await send.send(`${r.id}.${dueAt.getTime()}.${send.channel}`));
      return true;
    });
  }

  /** A decision notice is about a candidate's decision, a decline notice about a panelist's answer; every other kind about an interview's time. */
  private async sendsFor(r: ReminderEntity): Promise<{ skip: string } | { sends: Send[] }> {
    if (audienceOf(r.kind)) {
      const loaded = await this.decisionNotices.load(r);
      return 'skip' in loaded ? loaded : { sends: this.channels.forDecision(loaded.context, loaded.preferences) };
    }
    if (r.kind === RSVP_DECLINED) {
      const loaded = await this.declineNotices.load(r);
      return 'skip' in loaded ? loaded : { sends: this.channels.forDecline(loaded.context, loaded.preferences) };
    }
    const loaded = await this.contexts.load(r);
    return 'skip' in loaded ? loaded : { sends: this.channels.for(loaded.context, loaded.preferences) };
  }

  private note<T extends string>(outcome: T, reminderId: string, why: string): T {
    this.logger.log(`reminder ${reminderId}: ${outcome} (${why})`);
    return outcome;
  }
}
