import { Injectable, Logger } from '@nestjs/common';
import { InjectQueue } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { OnDomainEvent } from '@app/common';
import { AppConfig } from '@app/config';
import { InterviewEvent, InterviewReadService } from '@app/interviews';
import type { InterviewEventPayload } from '@app/interviews';
import { InvitationJob, type InvitationJobPayload, jobId, KEEP_COMPLETED, QueueName } from '@app/queue';
import type { InvitationEntity } from './invitation.entity';
import { InvitationRepository } from './invitation.repository';

/**
 * Works out, from the interview as it is now, which calendar messages its current version owes:
 * a REQUEST at the current SEQUENCE to each panelist, a CANCEL to each person whose last message was
 * a REQUEST but who is no longer on the panel. Rows are keyed by (interview, recipient, sequence),
 * so the two events of one edit (rescheduled + panel changed), a repeated event or a replan add
 * nothing twice; each new row gets one job whose id is the row's id.
 *
 * The candidate, when the interview says so, is one more recipient (their id is the candidate's).
 * Cancelling the whole interview plans only the candidate's CANCEL: the reminders' cancellation
 * notice already tells every panelist with METHOD:CANCEL, and a second message would be a duplicate.
 */
@Injectable()
export class InvitationPlannerService {
  private readonly logger = new Logger('Invitations');

  constructor(
    private readonly repo: InvitationRepository,
    private readonly interviews: InterviewReadService,
    private readonly config: AppConfig,
    @InjectQueue(QueueName.Invitations) private readonly queue: Queue<InvitationJobPayload>,
  ) {}

  @OnDomainEvent([
    InterviewEvent.Scheduled,
    InterviewEvent.Rescheduled,
    InterviewEvent.PanelChanged,
    InterviewEvent.Updated,
    InterviewEvent.Cancelled,
  ])
  async onInterview(e: InterviewEventPayload): Promise<void> {
    try {
      await this.plan(e.interviewId);
    } catch (err) {
      // the change is committed and stands; `reconcile` (worker start) re-queues pending rows
      this.logger.error(
        `planning the invitations of ${e.interviewId} failed: ${err instanceof Error ? err.message : String(err)}`,
      );
    }
  }

  async plan(interviewId: string): Promise<InvitationEntity[]> {
    const kit = await this.interviews.kit(interviewId);
    const i = kit?.interview;
    // nothing to change in anyone's calendar once it has started, completed or been a no-show
    if (!kit || !i || (i.status !== 'scheduled' && i.status !== 'cancelled') || i.startsAt.getTime() <= Date.now())
      return [];
    const live = i.status === 'scheduled';
    const candidate = kit.candidate.id;
    const attending = new Set(
      live ? [...kit.panel.map((p) => p.userId), ...(i.inviteCandidate ? [candidate] : [])] : [],
    );
    const latest = new Map<string, InvitationEntity>();
    for (const row of await this.repo.forInterview(interviewId)) {
      const seen = latest.get(row.recipientId);
      if (!seen || seen.sequence < row.sequence) latest.set(row.recipientId, row);
    }
    // a cancelled interview's panel hears of it from the cancellation notice; the candidate from here
    const removed = [...latest.values()]
      .filter((r) => r.method === 'REQUEST' && !attending.has(r.recipientId) && (live || r.recipientId === candidate))
      .map((r) => r.recipientId);
    const sequence = i.sequence;
    const added = await this.repo.insertNew([
      ...[...attending].map((recipientId) => ({ interviewId, recipientId, sequence, method: 'REQUEST' as const })),
      ...removed.map((recipientId) => ({ interviewId, recipientId, sequence, method: 'CANCEL' as const })),
    ]);
    for (const row of added) await this.enqueue(row);
    return added;
  }

  /** Adds back the job of every pending row that has none (a failed enqueue, a lost queue); returns how many. */
  async requeuePending(): Promise<number> {
    let restored = 0;
    for (const row of await this.repo.pending(1000)) {
      if (await this.queue.getJob(jobId('inv', row.id))) continue;
      await this.enqueue(row);
      restored++;
    }
    if (restored) this.logger.warn(`${restored} invitation job(s) were missing from the queue and were added back`);
    return restored;
  }

  async enqueue(row: InvitationEntity): Promise<void> {
    await this.queue.add(
      InvitationJob.Deliver,
      { invitationId: row.id },
      {
        jobId: jobId('inv', row.id),
        attempts: this.config.reminderAttempts,
        backoff: { type: 'exponential', delay: this.config.reminderRetryMs },
        removeOnComplete: KEEP_COMPLETED,
        removeOnFail: false,
      },
    );
  }
}
