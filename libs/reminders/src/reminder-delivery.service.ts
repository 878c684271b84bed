import { randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { AppConfig } from '@app/config';
import { OutboundError } from '@app/outbound';
import type { ReminderEntity } from './entities/reminder.entity';
import { deliveryErrorText } from './delivery-error';
import { audienceOf } from './decision-message';
import { DecisionNoticeContextService } from './decision-notice-context.service';
import { ReminderChannelsService, type Send } from './reminder-channels.service';
import { ReminderContextService } from './reminder-context.service';
import { ReminderRepository, type Settlement } from './reminder.repository';
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
 * How many due reminders one worker settles together, how long a lone reminder waits for company,
 * and how many batches run at once: while they run, the jobs arriving meanwhile gather into the next
 * batch, so a burst is read and settled in few statements and a trickle goes out at once.
 */
const BATCH = 50;
const BATCH_WAIT_MS = 2;
const IN_FLIGHT = 3;

interface Pending {
  id: string;
  dueAt: Date;
  token: string;
  resolve(outcome: DeliveryOutcome): void;
  reject(e: unknown): void;
}

/**
 * Sends due reminders, at most once per channel, in batches of the jobs a worker holds at once:
 * one statement claims the batch (a claim names the job's attempt; a reminder claimed by another
 * live attempt is left to it), a few read what the messages need, the sends run outside any
 * transaction over pooled connections, and one statement records the delivery rows and the
 * reminders' new state. A failed send gives its claim back so the job's retry sends it; a channel
 * already delivered for that due time is never sent again; a worker killed mid-send leaves a claim
 * that the job's next attempt takes over once the queue's lock has expired.
 */
@Injectable()
export class ReminderDeliveryService {
  private readonly logger = new Logger('Reminders');
  private pending: Pending[] = [];
  private timer: NodeJS.Timeout | null = null;
  private inFlight = 0;

  constructor(
    private readonly repo: ReminderRepository,
    private readonly contexts: ReminderContextService,
    private readonly channels: ReminderChannelsService,
    private readonly decisionNotices: DecisionNoticeContextService,
    private readonly declineNotices: DeclineNoticeContextService,
    private readonly config: AppConfig,
  ) {}

  /** `token` names this attempt (the job's lock token); without one every call is an attempt of its own. */
  deliver(reminderId: string, dueAt: Date, token: string = randomUUID()): Promise<DeliveryOutcome> {
    return new Promise((resolve, reject) => {
      this.pending.push({ id: reminderId, dueAt, token, resolve, reject });
      if (this.pending.length >= BATCH) this.flush();
      else this.timer ??= setTimeout(() => this.flush(), BATCH_WAIT_MS);
    });
  }

  private flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (!this.pending.length || (this.inFlight >= IN_FLIGHT && this.pending.length < BATCH)) return;
    const batch = this.pending.splice(0, BATCH);
    this.inFlight++;
    void this.deliverBatch(batch)
      .catch((e: unknown) => batch.forEach((p) => p.reject(e)))
      .finally(() => {
        this.inFlight--;
        this.flush();
      });
    if (this.pending.length) this.timer = setTimeout(() => this.flush(), BATCH_WAIT_MS);
  }

  private async deliverBatch(batch: Pending[]): Promise<void> {
    // the queue cannot hold two jobs for one reminder and time, but a test or a stalled job can
    const claimed = await this.repo.claim(batch, this.config.queueLockMs);
    const byId = new Map(claimed.map((c) => [c.reminder.id, c]));
    const unclaimed = batch.filter((p) => byId.get(p.id)?.reminder.claimedBy !== p.token);
    if (unclaimed.length) await this.explain(unclaimed);
    const mine = batch.filter((p) => byId.get(p.id)?.reminder.claimedBy === p.token);
    const loaded = await this.sendsFor(mine.map((p) => byId.get(p.id)!.reminder));
    const settlement: Settlement = { deliveries: [], sent: [], skipped: [], released: [] };
    const results = await Promise.all(
      mine.map((p, i) =>
        this.sendOne(byId.get(p.id)!, p, loaded[i], settlement).catch((e: unknown) => {
          settlement.released.push({ id: p.id, token: p.token });
          return { error: e };
        }),
      ),
    );
    await this.repo.settle(settlement);
    mine.forEach((p, i) => {
      const r = results[i];
      if ('error' in r) p.reject(r.error);
      else p.resolve(r.outcome);
    });
  }

  /** Sends what is left to send of one claimed reminder; its outcome goes into the batch's settlement. */
  private async sendOne(
    claimed: { reminder: ReminderEntity; delivered: Set<string> },
    p: Pending,
    loaded: { skip: string } | { sends: Send[] },
    settlement: Settlement,
  ): Promise<{ outcome: DeliveryOutcome } | { error: unknown }> {
    const { reminder: r, delivered } = claimed;
    const sends = 'skip' in loaded ? [] : loaded.sends;
    const skip = 'skip' in loaded ? loaded.skip : sends.length ? null : 'the recipient turned reminders off';
    if (skip) {
      settlement.skipped.push({ id: r.id, dueAt: p.dueAt, reason: skip });
      return { outcome: this.note('skipped', r.id, skip) };
    }
    const failures: DeliveryFailure['failures'] = [];
    const todo = sends.filter((s) => !delivered.has(s.channel));
    await Promise.all(
      todo.map(async (send) => {
        try {
          const ref = await send.send(`${r.id}.${p.dueAt.getTime()}.${send.channel}`);
          settlement.deliveries.push({
            reminderId: r.id,
            dueAt: p.dueAt,
            channel: send.channel,
            recipientId: r.recipientId,
            interviewId: r.interviewId,
            candidateId: r.candidateId,
            kind: r.kind,
            subject: send.subject,
            providerRef: ref,
          });
        } catch (e) {
          // the full error for the server log; the generic text for the delivery log and the job's reason
          if (!(e instanceof OutboundError))
            this.logger.warn(
              `reminder ${r.id}: ${send.channel} failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`,
            );
          failures.push({ channel: send.channel, subject: send.subject, error: deliveryErrorText(send.channel, e) });
        }
      }),
    );
    // the job retries; channels delivered now are recorded and will not repeat
    if (failures.length) {
      settlement.released.push({ id: r.id, token: p.token });
      return { error: new DeliveryFailure(failures) };
    }
    settlement.sent.push({ id: r.id, dueAt: p.dueAt });
    return { outcome: todo.length ? 'sent' : this.note('duplicate', r.id, 'already delivered') };
  }

  /** A reminder not claimed is stale (moved, cancelled, done, deleted), or in another attempt's hands: that job retries later. */
  private async explain(unclaimed: Pending[]): Promise<void> {
    const state = await this.repo.claimState(unclaimed.map((p) => p.id));
    for (const p of unclaimed) {
      const r = state.get(p.id);
      const stale = !r
        ? 'reminder no longer exists'
        : r.status !== 'scheduled'
          ? `reminder is ${r.status}`
          : r.dueAt.getTime() !== p.dueAt.getTime()
            ? `reminder moved to ${r.dueAt.toISOString()}`
            : null;
      if (stale) p.resolve(this.note('stale', p.id, stale));
      else p.reject(new Error('another attempt is delivering this reminder'));
    }
  }

  /** After the last attempt: the reminder shows as failed, and each failed channel appears in the delivery log. */
  async fail(reminderId: string, dueAt: Date, error: Error): Promise<void> {
    await this.repo.transaction(async (repo) => {
      const r = await repo.findForUpdate(reminderId);
      if (staleness(r, dueAt) || !r) return;
      await repo.markFailed(reminderId, dueAt, error.message);
      const failures = error instanceof DeliveryFailure ? error.failures : [];
      for (const f of failures) {
        await repo.recordFailure({
          reminderId,
          dueAt,
          channel: f.channel,
          recipientId: r.recipientId,
          interviewId: r.interviewId,
          candidateId: r.candidateId,
          kind: r.kind,
          subject: f.subject,
          error: f.error.slice(0, 2000),
        });
      }
    });
  }

  /**
   * A decision notice is about a candidate's decision, a decline notice about a panelist's answer; every other kind about an
   * interview's time, read for the whole batch at once.
   */
  private async sendsFor(rs: ReminderEntity[]): Promise<Array<{ skip: string } | { sends: Send[] }>> {
    const timed = rs.filter((r) => !audienceOf(r.kind) && r.kind !== RSVP_DECLINED);
    const contexts = new Map((await this.contexts.loadMany(timed)).map((l, i) => [timed[i], l]));
    return Promise.all(
      rs.map(async (r) => {
        if (audienceOf(r.kind)) {
          const loaded = await this.decisionNotices.load(r);
          return 'skip' in loaded ? loaded : { sends: this.channels.forDecision(loaded.context, loaded.preferences) };
        }
        if (r.kind === RSVP_DECLINED) {
          const loaded = await this.declineNotices.load(r);
          return 'skip' in loaded ? loaded : { sends: this.channels.forDecline(loaded.context, loaded.preferences) };
        }
        const loaded = contexts.get(r)!;
        return 'skip' in loaded ? loaded : { sends: this.channels.for(loaded.context, loaded.preferences) };
      }),
    );
  }

  private note<T extends string>(outcome: T, reminderId: string, why: string): T {
    this.logger.log(`reminder ${reminderId}: ${outcome} (${why})`);
    return outcome;
  }
}
