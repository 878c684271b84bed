import { Injectable } from '@nestjs/common';
import { TransactionalRepository } from '@app/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { DeliveryEntity } from './entities/delivery.entity';
import { ReminderEntity, ReminderStatus } from './entities/reminder.entity';

export interface Claim {
  id: string;
  dueAt: Date;
  /** Names the delivery attempt (the job's lock token): the same attempt may claim again. */
  token: string;
}

export interface Settlement {
  deliveries: Array<
    Pick<
      DeliveryEntity,
      'reminderId' | 'dueAt' | 'channel' | 'recipientId' | 'interviewId' | 'candidateId' | 'kind' | 'subject'
    > & { providerRef: string }
  >;
  sent: Array<{ id: string; dueAt: Date }>;
  skipped: Array<{ id: string; dueAt: Date; reason: string }>;
  released: Array<{ id: string; token: string }>;
}

@Injectable()
export class ReminderRepository extends TransactionalRepository<ReminderRepository> {
  constructor(@InjectDataSource() ds: DataSource, manager: EntityManager = ds.manager) {
    super(ds, manager);
  }

  protected withManager(manager: EntityManager): ReminderRepository {
    return new ReminderRepository(this.ds, manager);
  }

  private get reminders() {
    return this.manager.getRepository(ReminderEntity);
  }

  forInterview(interviewId: string): Promise<ReminderEntity[]> {
    return this.reminders.find({ where: { interviewId }, order: { dueAt: 'ASC', key: 'ASC' } });
  }

  findById(id: string): Promise<ReminderEntity | null> {
    return this.reminders.findOne({ where: { id } });
  }

  /** Locks the reminder until the transaction ends: one delivery attempt at a time. */
  findForUpdate(id: string): Promise<ReminderEntity | null> {
    return this.reminders.createQueryBuilder('r').setLock('pessimistic_write').where('r.id = :id', { id }).getOne();
  }

  /** Creates or moves reminders by key; returns them as stored. */
  async upsert(
    rows: Array<
      Pick<ReminderEntity, 'key' | 'interviewId' | 'recipientId' | 'aboutUserId' | 'kind' | 'occurrence' | 'dueAt'>
    >,
  ): Promise<ReminderEntity[]> {
    if (!rows.length) return [];
    await this.reminders
      .createQueryBuilder()
      .insert()
      .values(rows.map((r) => ({ ...r, status: 'scheduled' as ReminderStatus })))
      // a moved reminder is a new send: the claim of its previous time no longer holds
      .orUpdate(['due_at', 'status', 'recipient_id', 'reason', 'updated_at', 'claimed_by', 'claimed_at'], ['key'])
      .execute();
    return this.reminders.find({ where: { key: In(rows.map((r) => r.key)) } });
  }

  async setJob(id: string, jobId: string): Promise<void> {
    await this.reminders.update({ id }, { jobId });
  }

  async setStatus(ids: string[], status: ReminderStatus, reason: string | null): Promise<void> {
    if (ids.length) await this.reminders.update({ id: In(ids) }, { status, reason });
  }

  /** Only while it is still scheduled for that time: a reminder moved meanwhile stays scheduled. */
  async markSent(id: string, dueAt: Date): Promise<void> {
    await this.reminders.update(
      { id, dueAt, status: 'scheduled' },
      { status: 'sent', sentAt: new Date(), reason: null, attempts: () => 'attempts + 1' },
    );
  }

  async markFailed(id: string, dueAt: Date, error: string): Promise<void> {
    await this.reminders.update(
      { id, dueAt, status: 'scheduled' },
      {
        status: 'failed',
        reason: error.slice(0, 2000),
        attempts: () => 'attempts + 1',
        claimedBy: null,
        claimedAt: null,
      },
    );
  }

  /** Adds reminders whose key is new and returns only those: a notice is never planned twice. */
  async insertNew(
    rows: Array<
      Pick<ReminderEntity, 'key' | 'interviewId' | 'recipientId' | 'aboutUserId' | 'kind' | 'occurrence' | 'dueAt'> &
        Partial<Pick<ReminderEntity, 'candidateId' | 'decisionId'>>
    >,
  ): Promise<ReminderEntity[]> {
    if (!rows.length) return [];
    const result = await this.reminders
      .createQueryBuilder()
      .insert()
      .values(rows.map((r) => ({ ...r, status: 'scheduled' as ReminderStatus })))
      .orIgnore()
      .returning(['id'])
      .execute();
    const ids = (result.raw as Array<{ id: string }>).map((r) => r.id);
    return ids.length ? this.reminders.find({ where: { id: In(ids) } }) : [];
  }

  /**
   * Claims a batch of deliveries in one statement: each reminder still scheduled for that time and not
   * claimed by another attempt (or claimed longer ago than `leaseMs`: that attempt's worker is gone).
   * Returns the claimed reminders with the channels already delivered for that time.
   */
  async claim(items: Claim[], leaseMs: number): Promise<Array<{ reminder: ReminderEntity; delivered: Set<string> }>> {
    if (!items.length) return [];
    const result: unknown = await this.manager.query(
      `UPDATE reminders r SET claimed_by = j.token, claimed_at = now()
         FROM unnest($1::uuid[], $2::timestamptz[], $3::text[]) AS j(id, due, token)
        WHERE r.id = j.id AND r.due_at = j.due AND r.status = 'scheduled'
          AND (r.claimed_by IS NULL OR r.claimed_by = j.token OR r.claimed_at < now() - $4 * interval '1 millisecond')
       RETURNING r.id, r.key, r.interview_id, r.candidate_id, r.decision_id, r.recipient_id, r.about_user_id, r.kind,
                 r.occurrence, r.due_at, r.status, r.job_id, r.attempts, r.claimed_by,
                 ARRAY(SELECT d.channel FROM deliveries d WHERE d.reminder_id = r.id AND d.due_at = r.due_at AND d.status = 'sent') AS delivered`,
      [items.map((i) => i.id), items.map((i) => i.dueAt.toISOString()), items.map((i) => i.token), leaseMs],
    );
    // TypeORM answers an UPDATE with [rows, count]
    const rows = (result as [Array<Record<string, unknown>>, number])[0];
    return rows.map((r) => ({
      // a plain copy into the entity class, without create()'s walk over the entity's metadata
      reminder: Object.assign(new ReminderEntity(), {
        id: r.id as string,
        key: r.key as string,
        interviewId: r.interview_id as string | null,
        candidateId: r.candidate_id as string | null,
        decisionId: r.decision_id as string | null,
        recipientId: r.recipient_id as string,
        aboutUserId: r.about_user_id as string,
        kind: r.kind as string,
        occurrence: r.occurrence as number,
        dueAt: r.due_at as Date,
        status: r.status as ReminderStatus,
        jobId: r.job_id as string | null,
        attempts: r.attempts as number,
        claimedBy: r.claimed_by as string,
      }),
      delivered: new Set(r.delivered as string[]),
    }));
  }

  /** Why reminders could not be claimed: their state now (absent when deleted). */
  async claimState(ids: string[]): Promise<Map<string, { dueAt: Date; status: ReminderStatus }>> {
    const rows: Array<{ id: string; due_at: Date; status: ReminderStatus }> = await this.manager.query(
      `SELECT id, due_at, status FROM reminders WHERE id = ANY($1::uuid[])`,
      [ids],
    );
    return new Map(rows.map((r) => [r.id, { dueAt: r.due_at, status: r.status }]));
  }

  /**
   * The outcome of a claimed batch in one statement: the delivery rows of the messages sent, the
   * reminders now sent or skipped (while still scheduled for that time), and the claims given back
   * by attempts that failed (their job retries).
   */
  async settle(o: Settlement): Promise<void> {
    const iso = (d: Date) => d.toISOString();
    const d = o.deliveries;
    await this.manager.query(
      `WITH d AS (
         INSERT INTO deliveries (reminder_id, due_at, channel, recipient_id, interview_id, candidate_id, kind, subject, provider_ref)
         SELECT * FROM unnest($1::uuid[], $2::timestamptz[], $3::varchar[], $4::uuid[], $5::uuid[], $6::uuid[], $7::varchar[], $8::varchar[], $9::varchar[])
         ON CONFLICT DO NOTHING RETURNING 1
       ), s AS (
         UPDATE reminders r SET status = 'sent', sent_at = now(), reason = NULL, attempts = r.attempts + 1,
                claimed_by = NULL, claimed_at = NULL, updated_at = now()
           FROM unnest($10::uuid[], $11::timestamptz[]) AS j(id, due)
          WHERE r.id = j.id AND r.due_at = j.due AND r.status = 'scheduled' RETURNING 1
       ), k AS (
         UPDATE reminders r SET status = 'skipped', reason = j.reason, claimed_by = NULL, claimed_at = NULL, updated_at = now()
           FROM unnest($12::uuid[], $13::timestamptz[], $14::text[]) AS j(id, due, reason)
          WHERE r.id = j.id AND r.due_at = j.due AND r.status = 'scheduled' RETURNING 1
       ), f AS (
         UPDATE reminders r SET claimed_by = NULL, claimed_at = NULL
           FROM unnest($15::uuid[], $16::text[]) AS j(id, token)
          WHERE r.id = j.id AND r.claimed_by = j.token RETURNING 1
       )
       SELECT (SELECT count(*) FROM d) + (SELECT count(*) FROM s) + (SELECT count(*) FROM k) + (SELECT count(*) FROM f) AS n`,
      [
        d.map((x) => x.reminderId),
        d.map((x) => iso(x.dueAt)),
        d.map((x) => x.channel),
        d.map((x) => x.recipientId),
        d.map((x) => x.interviewId),
        d.map((x) => x.candidateId),
        d.map((x) => x.kind),
        d.map((x) => x.subject.slice(0, 400)),
        d.map((x) => x.providerRef.slice(0, 400)),
        o.sent.map((x) => x.id),
        o.sent.map((x) => iso(x.dueAt)),
        o.skipped.map((x) => x.id),
        o.skipped.map((x) => iso(x.dueAt)),
        o.skipped.map((x) => x.reason),
        o.released.map((x) => x.id),
        o.released.map((x) => x.token),
      ],
    );
  }

  /** Claims one send: false when this reminder, due time and channel were already delivered. */
  async claimDelivery(
    values: Omit<DeliveryEntity, 'id' | 'createdAt' | 'providerRef' | 'status' | 'error'>,
  ): Promise<string | null> {
    const result = await this.manager
      .getRepository(DeliveryEntity)
      .createQueryBuilder()
      .insert()
      .values(values)
      .orIgnore()
      .returning(['id'])
      .execute();
    return (result.raw as Array<{ id: string }>)[0]?.id ?? null;
  }

  async recordFailure(values: Omit<DeliveryEntity, 'id' | 'createdAt' | 'providerRef' | 'status'>): Promise<void> {
    await this.manager
      .getRepository(DeliveryEntity)
      .createQueryBuilder()
      .insert()
      .values({ ...values, status: 'failed' })
      .orIgnore()
      .execute();
  }

  async setProviderRef(deliveryId: string, ref: string): Promise<void> {
    await this.manager.getRepository(DeliveryEntity).update({ id: deliveryId }, { providerRef: ref.slice(0, 400) });
  }

  /** Reminders that should be waiting in the queue, a page at a time in (dueAt, id) order. */
  async scheduledAfter(after: { dueAt: Date; id: string } | null, limit: number): Promise<ReminderEntity[]> {
    const qb = this.reminders
      .createQueryBuilder('r')
      .where(`r.status = 'scheduled'`)
      .orderBy('r.due_at', 'ASC')
      .addOrderBy('r.id', 'ASC')
      .limit(limit);
    if (after) qb.andWhere('(r.due_at, r.id) > (:d, :i)', { d: after.dueAt, i: after.id });
    return qb.getMany();
  }

  countLate(graceMs: number): Promise<number> {
    return this.reminders
      .createQueryBuilder('r')
      .where(`r.status = 'scheduled'`)
      .andWhere('r.due_at < :t', { t: new Date(Date.now() - graceMs) })
      .getCount();
  }

  /** Seconds between due and delivery for messages delivered since `since`. */
  async latenessSince(since: Date): Promise<{ p50: number; p99: number; max: number }> {
    const [row] = await this.manager.query(
      `SELECT coalesce(percentile_cont(0.5) WITHIN GROUP (ORDER BY l), 0) AS p50, coalesce(percentile_cont(0.99) WITHIN GROUP (ORDER BY l), 0) AS p99, coalesce(max(l), 0) AS max
         FROM (SELECT extract(epoch FROM created_at - due_at) AS l FROM deliveries WHERE created_at >= $1 AND status = 'sent') d`,
      [since],
    );
    return { p50: Number(row.p50), p99: Number(row.p99), max: Number(row.max) };
  }

  /**
   * The delivery log (one recipient's, or everyone's), newest first, each row with its cursor. The id
   * breaks ties: a batch's rows share created_at, the time of the transaction that wrote them. The
   * cursor's time is PostgreSQL's text of created_at: a Date would drop the microseconds.
   */
  async deliveries(f: {
    recipientId?: string;
    limit: number;
    after?: { createdAt: string; id: string };
  }): Promise<Array<{ delivery: DeliveryEntity; cursor: [string, string] }>> {
    const qb = this.manager
      .getRepository(DeliveryEntity)
      .createQueryBuilder('d')
      .addSelect('d.created_at::text', 'cursor_ts')
      .orderBy('d.created_at', 'DESC')
      .addOrderBy('d.id', 'DESC')
      .limit(f.limit);
    if (f.recipientId) qb.andWhere('d.recipient_id = :r', { r: f.recipientId });
    if (f.after) qb.andWhere('(d.created_at, d.id) < (:createdAt::timestamptz, :id::uuid)', f.after);
    const { entities, raw } = await qb.getRawAndEntities<{ cursor_ts: string }>();
    return entities.map((delivery, i) => ({ delivery, cursor: [raw[i].cursor_ts, delivery.id] }));
  }
}
