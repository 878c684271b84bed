// The benchmark's yardstick: a bare Fastify + pg server answering the hot paths with the app's own
// SQL (copied from `bench/hot-paths/print-sql.ts`), the same auth work per request (JWT verified with
// the same secret and algorithm, then the guard's user lookup) and identical JSON bodies. Whatever the
// app costs above this is framework and structure. The product never imports this file.
//
// It borrows the product's pure mapping and statistics functions (no Nest, TypeORM, class-validator or
// passport at request time), so that the bodies match byte for byte; bench/README.md says where it is
// simpler than the app.
// Run by bench/hot-paths/run.ts; alone: PORT=… DATABASE_URL=… REDIS_URL=… JWT_SECRET=… QUEUE_PREFIX=… PUBLIC_URL=…
//   node -r ts-node/register/transpile-only -r tsconfig-paths/register bench/bare/server.ts
import { createSecretKey, randomUUID } from 'node:crypto';
import { STATUS_CODES } from 'node:http';
import Fastify, { type FastifyReply, type FastifyRequest } from 'fastify';
import jwt from 'jsonwebtoken';
import { Pool, type PoolClient } from 'pg';
import { Queue } from 'bullmq';
import { wallClock } from '../../libs/common/src/time/wall-clock';
import { LATEST_HEARTBEAT_SQL } from '../../libs/queue/src/heartbeat-statements';
import { questionContent } from '../../libs/question-sets/src/question-content';
import { LIST_SETS, toSummaryItem, type SetListRow } from '../../libs/question-sets/src/question-set-statements';
import { needsReplacement } from '../../libs/interviews/src/rsvp/rsvp-rules';
import { toScorecardResponse } from '../../libs/feedback/src/scorecards/scorecard-view';
import {
  FIND_CARD,
  RATINGS_AND_NOTES,
  SAVE_DRAFT,
  toCard,
} from '../../libs/feedback/src/scorecards/scorecard-statements';
import type { CardRow, NotesView, RatingView } from '../../libs/feedback/src/scorecards/scorecard-statements';
import { POSITION_SUMMARY_PAGE } from '../../libs/feedback/src/dto/summary.dto';
import {
  candidateAgreementsSql,
  choosePage,
  MISSING_SLOTS_SQL,
  POSITION_AGREEMENT_SQL,
  POSITION_ROWS_SQL,
  positionSummaryResponse,
  toCandidateAgreements,
  toMissingSlots,
  toPositionAgreement,
  toPositionRows,
} from '../../libs/feedback/src/summaries/position-page';
import { POOL_IDLE_MS } from '../../libs/database/src/pool-settings';
import {
  candidateSummaryResponse,
  interviewSummaryResponse,
  type SubmittedRecommendation,
} from '../../libs/feedback/src/summaries/summary-view';
import { coincidencesFromPairs } from '../../libs/feedback/src/stats';

const env = (name: string) => {
  const v = process.env[name];
  if (!v) throw new Error(`${name} is required`);
  return v;
};
const PUBLIC_URL = env('PUBLIC_URL').replace(/\/$/, '');
// the app's pool size and idle time (libs/database data-source-options): same concurrency against
// PostgreSQL, and connections kept between rounds as the app keeps them (with pg's 10 s default, each
// round began on fresh backends whose catalog caches were cold)
const pool = new Pool({
  connectionString: env('DATABASE_URL'),
  max: 20,
  idleTimeoutMillis: POOL_IDLE_MS,
  connectionTimeoutMillis: 5_000,
  keepAlive: true,
});
const key = createSecretKey(Buffer.from(env('JWT_SECRET')));
const systemQueue = new Queue('system', {
  connection: { url: env('REDIS_URL'), maxRetriesPerRequest: null },
  prefix: env('QUEUE_PREFIX'),
});

type User = { id: string; email: string; name: string; roles: string[]; timezone: string; sessionId?: string };
class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

const q = async <T = Record<string, any>>(
  text: string,
  params: unknown[] = [],
  client: Pool | PoolClient = pool,
): Promise<T[]> => (await client.query(text, params)).rows as T[];

const BEARER = /^Bearer\s+(\S+)$/i;
/** The guard's work: signature, algorithm and expiry, then the user (active, sign-in still open). */
async function authenticate(req: FastifyRequest): Promise<User> {
  const m = typeof req.headers.authorization === 'string' ? BEARER.exec(req.headers.authorization) : null;
  if (!m) throw new HttpError(401, 'Missing bearer token');
  let payload: { sub: string; sid?: string };
  try {
    payload = jwt.verify(m[1], key, { algorithms: ['HS256'] }) as { sub: string; sid?: string };
  } catch (e) {
    throw new HttpError(
      401,
      (e as Error).name === 'TokenExpiredError' ? 'Access token expired' : 'Invalid or revoked access token',
    );
  }
  const [u] = await q<User>(
    `SELECT u.id, u.email, u.name, u.roles, u.timezone FROM users u
        WHERE u.id = $1 AND u.active
          AND ($2::uuid IS NULL OR EXISTS (SELECT 1 FROM refresh_tokens r WHERE r.family_id = $2 AND r.revoked_at IS NULL))`,
    [payload.sub, payload.sid ?? null],
  );
  if (!u) throw new HttpError(401, 'Invalid or revoked access token');
  return { ...u, sessionId: payload.sid };
}

const hasRole = (u: User, ...roles: string[]) => roles.some((r) => u.roles.includes(r));
const canManagePosition = (u: User, hiringManagerId: string) =>
  hasRole(u, 'admin', 'recruiter') || (hasRole(u, 'hiring_manager') && hiringManagerId === u.id);

function toZonedIso(instant: Date, timeZone: string): string {
  const local = wallClock(instant.getTime(), timeZone);
  const offsetMin = Math.round((local - Math.floor(instant.getTime() / 1000) * 1000) / 60000);
  const abs = Math.abs(offsetMin);
  const offset = `${offsetMin >= 0 ? '+' : '-'}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
  return `${new Date(local).toISOString().slice(0, 19)}${offset}`;
}
const encodeCursor = (values: unknown[]) => Buffer.from(JSON.stringify(values)).toString('base64url');

const INTERVIEW_COLUMNS = `i.id, i.candidate_id, i.position_id, i.title, i.stage, i.plan_stage_id, i.starts_at, i.ends_at, i.timezone, i.duration_minutes, i.location, i.meeting_url, i.status, i.feedback_due_at, i.cancel_reason, i.cancelled_at, i.completed_at, i.created_by_id, i.sequence, i.revision, i.created_at, i.updated_at, i.invite_candidate`;
const interview = (r: Record<string, any>) => ({
  id: r.id,
  candidateId: r.candidate_id,
  positionId: r.position_id,
  title: r.title,
  stage: r.stage,
  planStageId: r.plan_stage_id ?? null,
  startsAt: r.starts_at as Date,
  endsAt: r.ends_at as Date,
  timezone: r.timezone,
  durationMinutes: r.duration_minutes,
  location: r.location,
  meetingUrl: r.meeting_url,
  status: r.status,
  feedbackDueAt: r.feedback_due_at as Date,
  cancelReason: r.cancel_reason,
  cancelledAt: r.cancelled_at,
  completedAt: r.completed_at,
  createdById: r.created_by_id,
  sequence: r.sequence,
  inviteCandidate: r.invite_candidate,
  revision: r.revision,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

// the app's kit statement (libs/interviews interview.repository.ts), with the panel's names for the kit page
const KIT_PEOPLE = `,
              (SELECT json_object_agg(u.id, json_build_object('name', u.name, 'email', u.email)) FROM users u
                WHERE u.id IN (SELECT ip.user_id FROM interview_panelists ip WHERE ip.interview_id = i.id)) AS people`;

async function findKit(id: string, client: Pool | PoolClient = pool, withPeople = false) {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
  const [r] = await q(
    `SELECT ${INTERVIEW_COLUMNS},
              json_build_object('id', c.id, 'name', c.name, 'email', c.email) AS candidate,
              json_build_object('id', p.id, 'title', p.title, 'department', p.department, 'hiringManagerId', p.hiring_manager_id) AS position,
              json_build_object('positionId', cp.id, 'hiringManagerId', cp.hiring_manager_id) AS authority,
              COALESCE((SELECT json_agg(json_build_object('userId', ip.user_id, 'role', ip.role, 'rsvp', ip.rsvp, 'rsvpNote', ip.rsvp_note, 'rsvpAt', ip.rsvp_at) ORDER BY ip.role, ip.added_at)
                          FROM interview_panelists ip WHERE ip.interview_id = i.id), '[]') AS panel,
              COALESCE((SELECT json_agg(row_to_json(q) ORDER BY q.position) FROM interview_questions q WHERE q.interview_id = i.id), '[]') AS questions${withPeople ? KIT_PEOPLE : ''}
         FROM interviews i JOIN candidates c ON c.id = i.candidate_id JOIN positions p ON p.id = i.position_id
              JOIN positions cp ON cp.id = c.position_id
        WHERE i.id = $1`,
    [id],
    client,
  );
  if (!r) return null;
  return {
    interview: interview(r),
    candidate: r.candidate,
    position: r.position,
    authority: r.authority as { positionId: string; hiringManagerId: string },
    people: new Map(Object.entries((r.people ?? {}) as Record<string, { name: string; email: string }>)),
    panel: r.panel as Array<{
      userId: string;
      role: string;
      rsvp: string;
      rsvpNote: string | null;
      rsvpAt: string | null;
    }>,
    questions: (r.questions as Array<Record<string, any>>).map((x) => ({
      id: x.id,
      interviewId: x.interview_id,
      position: x.position,
      sourceQuestionId: x.source_question_id,
      sourceSetId: x.source_set_id,
      sourceSetName: x.source_set_name,
      sourceSetVersion: x.source_set_version,
      type: x.type,
      prompt: x.prompt,
      followUps: x.follow_ups,
      criteria: x.criteria,
      guidance: x.guidance,
      competencies: x.competencies,
      timeboxMinutes: x.timebox_minutes,
      askedById: x.asked_by_id,
    })),
  };
}
type Kit = NonNullable<Awaited<ReturnType<typeof findKit>>>;

async function readableKit(user: User, id: string, client: Pool | PoolClient = pool, withPeople = false): Promise<Kit> {
  const kit = await findKit(id, client, withPeople);
  if (!kit || !(canManagePosition(user, kit.authority.hiringManagerId) || kit.panel.some((p) => p.userId === user.id)))
    throw new HttpError(404, `Interview ${id} not found`);
  return kit;
}

const USERS_BY_IDS = (n: number) =>
  `SELECT "UserEntity"."id" AS "UserEntity_id", "UserEntity"."email" AS "UserEntity_email", "UserEntity"."name" AS "UserEntity_name", "UserEntity"."password_hash" AS "UserEntity_password_hash", "UserEntity"."roles" AS "UserEntity_roles", "UserEntity"."timezone" AS "UserEntity_timezone", "UserEntity"."active" AS "UserEntity_active", "UserEntity"."created_at" AS "UserEntity_created_at", "UserEntity"."updated_at" AS "UserEntity_updated_at" FROM "users" "UserEntity" WHERE (("UserEntity"."id" IN (${Array.from({ length: n }, (_, i) => `$${i + 1}`).join(', ')})))`;
async function usersByIds(ids: string[]): Promise<Map<string, { name: string; email: string }>> {
  const unique = [...new Set(ids)];
  if (!unique.length) return new Map();
  const rows = await q(USERS_BY_IDS(unique.length), unique);
  return new Map(rows.map((r) => [r.UserEntity_id, { name: r.UserEntity_name, email: r.UserEntity_email }]));
}

async function kitResponse(user: User, id: string) {
  const kit = await readableKit(user, id, pool, true);
  const people = kit.people;
  const i = kit.interview;
  const manages = canManagePosition(user, kit.authority.hiringManagerId);
  return {
    id: i.id,
    title: i.title,
    stage: i.stage,
    planStageId: i.planStageId,
    status: i.status,
    start: i.startsAt,
    end: i.endsAt,
    durationMinutes: i.durationMinutes,
    scheduled: {
      timezone: i.timezone,
      start: toZonedIso(i.startsAt, i.timezone),
      end: toZonedIso(i.endsAt, i.timezone),
    },
    local: {
      timezone: user.timezone,
      start: toZonedIso(i.startsAt, user.timezone),
      end: toZonedIso(i.endsAt, user.timezone),
    },
    location: i.location,
    meetingUrl: i.meetingUrl,
    inviteCandidate: i.inviteCandidate,
    feedbackDueAt: i.feedbackDueAt,
    cancelReason: i.cancelReason,
    candidate: kit.candidate,
    position: { id: kit.position.id, title: kit.position.title, department: kit.position.department },
    panel: kit.panel.map((p) => ({
      userId: p.userId,
      role: p.role,
      name: people.get(p.userId)?.name ?? 'Unknown user',
      email: people.get(p.userId)?.email ?? '',
      rsvp: p.rsvp,
      rsvpNote: user.id === p.userId || manages ? p.rsvpNote : null,
      rsvpAt: p.rsvpAt ? new Date(p.rsvpAt) : null,
    })),
    needsReplacement: needsReplacement(i as any, kit.panel as any),
    questions: kit.questions.map((x) => ({
      id: x.id,
      position: x.position,
      ...questionContent(x as any),
      askedBy: x.askedById ? { userId: x.askedById, name: people.get(x.askedById)?.name ?? 'Unknown user' } : null,
      source: {
        setId: x.sourceSetId,
        setName: x.sourceSetName,
        setVersion: x.sourceSetVersion,
        questionId: x.sourceQuestionId,
      },
    })),
    revision: i.revision,
    sequence: i.sequence,
    links: { kit: `${PUBLIC_URL}/interviews/${i.id}`, invite: `${PUBLIC_URL}/api/v1/interviews/${i.id}/invite.ics` },
    warnings: [],
  };
}

const LIST_COLUMNS = `${INTERVIEW_COLUMNS}, i.starts_at::text AS cursor_ts, c.name AS candidate_name, pos.title AS position_title,
              cpos.hiring_manager_id,
              COALESCE((SELECT json_agg(json_build_object('userId', ip.user_id, 'role', ip.role, 'rsvp', ip.rsvp, 'rsvpNote', ip.rsvp_note, 'rsvpAt', ip.rsvp_at) ORDER BY ip.role, ip.added_at)
                          FROM interview_panelists ip WHERE ip.interview_id = i.id), '[]') AS panel,
              (SELECT count(*)::int FROM interview_questions q WHERE q.interview_id = i.id) AS question_count
         FROM interviews i JOIN candidates c ON c.id = i.candidate_id JOIN positions pos ON pos.id = i.position_id
              JOIN positions cpos ON cpos.id = c.position_id`;

async function upcoming(user: User, query: { limit?: string }) {
  const limit = query.limit === undefined ? 20 : Number(query.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > 100)
    throw new HttpError(400, 'limit must be a whole number from 1 to 100');
  // an interviewer's scope is "on the panel" (the app adds that condition beside its interviewer filter)
  const scoped = !hasRole(user, 'admin', 'recruiter');
  const managed = scoped && hasRole(user, 'hiring_manager');
  const params: unknown[] = [new Date(), ['scheduled'], user.id];
  const where = [
    'i.ends_at > $1',
    'i.status = ANY($2)',
    'EXISTS (SELECT 1 FROM interview_panelists x WHERE x.interview_id = i.id AND x.user_id = $3)',
  ];
  if (scoped) {
    params.push(user.id);
    const onPanel = `EXISTS (SELECT 1 FROM interview_panelists v WHERE v.interview_id = i.id AND v.user_id = $4)`;
    where.push(managed ? `(cpos.hiring_manager_id = $4 OR ${onPanel})` : onPanel);
  }
  params.push(limit + 1);
  const rows = await q(
    `SELECT ${LIST_COLUMNS} WHERE ${where.join(' AND ')} ORDER BY i.starts_at, i.id LIMIT $${params.length}`,
    params,
  );
  const page = rows.slice(0, limit);
  return {
    items: page.map((r) => {
      const i = interview(r);
      return {
        id: i.id,
        title: i.title,
        stage: i.stage,
        planStageId: i.planStageId,
        status: i.status,
        start: i.startsAt,
        end: i.endsAt,
        timezone: i.timezone,
        local: {
          timezone: user.timezone,
          start: toZonedIso(i.startsAt, user.timezone),
          end: toZonedIso(i.endsAt, user.timezone),
        },
        candidate: { id: i.candidateId, name: r.candidate_name },
        position: { id: i.positionId, title: r.position_title },
        panel: (r.panel as Array<{ userId: string; role: string; rsvp: string }>).map((p) => ({
          userId: p.userId,
          role: p.role,
          rsvp: p.rsvp,
        })),
        needsReplacement: needsReplacement(i as any, r.panel),
        questionCount: r.question_count,
        feedbackDueAt: i.feedbackDueAt,
        location: i.location,
        meetingUrl: i.meetingUrl,
        updatedAt: i.updatedAt,
      };
    }),
    page: {
      limit,
      nextCursor:
        rows.length > limit ? encodeCursor([page[page.length - 1].cursor_ts, page[page.length - 1].id]) : null,
    },
  };
}

async function questionSets(user: User, query: { limit?: string }) {
  const limit = query.limit === undefined ? 20 : Number(query.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > 100)
    throw new HttpError(400, 'limit must be a whole number from 1 to 100');
  const statuses = hasRole(user, 'admin', 'recruiter') ? ['draft', 'published'] : ['published'];
  // the app's fixed statement (libs/question-sets/src/question-set-statements.ts), no filter
  const rows = await q<SetListRow>(LIST_SETS, [statuses, null, null, null, [], null, null, null, limit + 1]);
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return {
    items: page.map(toSummaryItem),
    page: { limit, nextCursor: rows.length > limit && last ? encodeCursor([last.cursor_ts, last.id]) : null },
  };
}

interface SaveBody {
  version: number;
  overallRecommendation?: string | null;
  summary?: string;
  ratings?: Array<{
    questionId: string;
    criterionId: string;
    rating?: number | null;
    notAssessed?: boolean;
    note?: string;
  }>;
  questions?: Array<{ questionId: string; notes?: string; followUpsAsked?: string[] }>;
}

/** The autosave: the app's statements after the guard's (the kit, then a transaction of three), the same boundaries. */
async function saveScorecard(user: User, interviewId: string, dto: SaveBody) {
  const kit = await readableKit(user, interviewId);
  if (!kit.panel.some((p) => p.userId === user.id))
    throw new HttpError(404, `You are not on the panel of interview ${interviewId}`);
  if (kit.interview.status === 'cancelled') throw new HttpError(409, `Interview ${interviewId} is cancelled`);
  if (kit.interview.status === 'no_show')
    throw new HttpError(409, `Interview ${interviewId} was a no-show; no feedback is taken`);
  const questions = new Map(kit.questions.map((x) => [x.id, x]));
  const ratings = (dto.ratings ?? []).map((r, i) => {
    const qn = questions.get(r.questionId);
    if (!qn) throw new HttpError(400, `ratings.${i}.questionId: question ${r.questionId} is not on this interview`);
    if (!qn.criteria.some((c: { id: string }) => c.id === r.criterionId))
      throw new HttpError(
        400,
        `ratings.${i}.criterionId: criterion ${r.criterionId} is not on question ${qn.position + 1}`,
      );
    if (r.notAssessed && r.rating != null)
      throw new HttpError(400, `ratings.${i}: give a rating or notAssessed, not both`);
    return { r, q: qn };
  });
  for (const [i, n] of (dto.questions ?? []).entries()) {
    const qn = questions.get(n.questionId);
    if (!qn) throw new HttpError(400, `questions.${i}.questionId: question ${n.questionId} is not on this interview`);
    const unknown = (n.followUpsAsked ?? []).find((f) => !qn.followUps.some((x: { id: string }) => x.id === f));
    if (unknown)
      throw new HttpError(
        400,
        `questions.${i}.followUpsAsked: follow-up ${unknown} is not on question ${qn.position + 1}`,
      );
  }
  // the app's statements (libs/feedback/src/scorecards/scorecard-statements.ts): the writes in one
  // statement gated by the version, the audit row, the ratings and notes read back, one transaction
  const set = ratings.filter(({ r }) => r.rating != null || r.notAssessed);
  const cleared = ratings.filter(({ r }) => r.rating == null && !r.notAssessed);
  const params = [
    interviewId,
    user.id,
    dto.version,
    dto.overallRecommendation !== undefined,
    dto.overallRecommendation ?? null,
    dto.summary !== undefined,
    dto.summary ?? null,
    JSON.stringify(
      set.map(({ r, q: qn }) => ({
        question_id: qn.id,
        criterion_id: r.criterionId,
        rating: r.notAssessed ? null : r.rating,
        not_assessed: !!r.notAssessed,
        note: r.note ?? null,
        question_type: qn.type,
        competencies: qn.competencies,
        source_question_id: qn.sourceQuestionId,
      })),
    ),
    cleared.map(({ q: qn }) => qn.id),
    cleared.map(({ r }) => r.criterionId),
    JSON.stringify(
      (dto.questions ?? []).map((n) => ({
        question_id: n.questionId,
        notes: n.notes ?? null,
        follow_ups_asked: n.followUpsAsked ?? [],
      })),
    ),
  ];
  const client = await pool.connect();
  let saved: ReturnType<typeof toCard>;
  let content: { ratings: RatingView[]; notes: NotesView[] };
  try {
    await client.query('START TRANSACTION');
    const [row] = await q<CardRow>(SAVE_DRAFT, params, client);
    if (!row) {
      const [current] = await q<CardRow>(FIND_CARD, [interviewId, user.id], client);
      if (!current) throw new HttpError(500, 'the bench seeds every draft');
      if (current.version !== dto.version) {
        throw new HttpError(
          409,
          `Your scorecard was saved elsewhere in the meantime (version ${current.version}, yours ${dto.version}); reload it to continue`,
          { currentVersion: current.version },
        );
      }
      throw new HttpError(409, 'This scorecard is submitted and locked; reopen it to change it');
    }
    saved = toCard(row);
    const changes: Record<string, unknown> = { ratings: ratings.length, questions: dto.questions?.length ?? 0 };
    if (dto.overallRecommendation !== undefined) changes.overallRecommendation = dto.overallRecommendation;
    if (dto.summary !== undefined) changes.summary = dto.summary;
    await q(
      `INSERT INTO "audit_events"("id", "actor_id", "entity_type", "entity_id", "action", "changes", "created_at") VALUES (DEFAULT, $1, $2, $3, $4, $5, DEFAULT)`,
      [user.id, 'scorecard', saved.id, 'saved', JSON.stringify(changes)],
      client,
    );
    [content] = await q<{ ratings: RatingView[]; notes: NotesView[] }>(RATINGS_AND_NOTES, [saved.id], client);
    await client.query('COMMIT');
  } catch (e) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw e;
  } finally {
    client.release();
  }
  return toScorecardResponse(kit as any, saved, user.name, content.ratings, content.notes);
}

type SummaryQuery = { sort?: string; order?: string; limit?: string; cursor?: string };
async function positionSummary(user: User, positionId: string, query: SummaryQuery) {
  if (!hasRole(user, 'admin', 'recruiter', 'hiring_manager')) throw new HttpError(403, 'This is for the hiring team');
  const [p] = /^[0-9a-f-]{36}$/i.test(positionId)
    ? await q(
        // PositionRepository.findById's statement
        'SELECT id, title, department, hiring_manager_id, status, created_at, updated_at FROM positions WHERE id = $1',
        [positionId],
      )
    : [];
  if (!p || !canManagePosition(user, p.hiring_manager_id)) throw new HttpError(404, `Position ${positionId} not found`);
  const id = p.id as string;
  // the app's statements and assembly (libs/feedback/src/summaries/position-page.ts), default page
  const sort = query.sort ?? 'overallMean';
  const order = query.order ?? (sort === 'name' ? 'asc' : 'desc');
  if (sort === 'agreement' || query.limit !== undefined || query.cursor !== undefined) {
    throw new HttpError(400, 'the bare server serves the first default page only');
  }
  const now = new Date();
  const [rows, positionSums] = await Promise.all([
    q(POSITION_ROWS_SQL, [id, now]).then(toPositionRows),
    q(POSITION_AGREEMENT_SQL, [id]).then(toPositionAgreement),
  ]);
  const { page, nextCursor } = choosePage(rows, { sort, order, limit: POSITION_SUMMARY_PAGE });
  const ids = page.map((r) => r.candidateId);
  const owing = page.filter((r) => r.missing > 0).map((r) => r.candidateId);
  const [sums, missing] = await Promise.all([
    ids.length ? q(candidateAgreementsSql(true), [id, ids]).then(toCandidateAgreements) : new Map(),
    owing.length ? q(MISSING_SLOTS_SQL, [owing, now]).then(toMissingSlots) : [],
  ]);
  const names = new Map([...(await usersByIds(missing.map((m) => m.userId)))].map(([k, v]) => [k, v.name]));
  return positionSummaryResponse({
    position: { id, name: p.title },
    sort,
    order,
    limit: POSITION_SUMMARY_PAGE,
    total: rows.length,
    page,
    nextCursor,
    sums,
    positionSums,
    missing,
    names,
    now,
  });
}

// the candidate and interview summaries: the app's statements (bench/hot-paths/print-sql.ts) and its
// assembly (libs/feedback/src/summaries/summary-view.ts)
const SUBMITTED = (scope: 'interview' | 'candidate') =>
  `SELECT s.interview_id, s.candidate_id, s.panelist_id, s.overall_recommendation, s.submitted_at FROM scorecards s WHERE s.${scope}_id = $1 AND s.status = 'submitted'`;
const toRecs = (rows: Array<Record<string, any>>): SubmittedRecommendation[] =>
  rows.map((r) => ({
    interviewId: r.interview_id,
    candidateId: r.candidate_id,
    panelistId: r.panelist_id,
    recommendation: r.overall_recommendation,
    submittedAt: r.submitted_at,
  }));
const COMPETENCY_MEANS = (scope: 'interview' | 'candidate') =>
  `SELECT a.interview_id, a.candidate_id, a.panelist_id, a.competency, (a.rating_sum::numeric / a.ratings)::float AS mean FROM scorecard_competency_aggregates a WHERE a.${scope}_id = $1 ORDER BY a.interview_id, a.competency, a.panelist_id`;
const toMeans = (rows: Array<Record<string, any>>) =>
  rows.map((r) => ({
    interviewId: r.interview_id as string,
    candidateId: r.candidate_id as string,
    panelistId: r.panelist_id as string,
    competency: r.competency as string,
    mean: r.mean as number,
  }));
const VALUES = [1, 2, 3, 4];
const INTERVIEW_COINCIDENCES = `WITH u AS ( SELECT s.interview_id AS g, ${VALUES.map((v) => `count(*) FILTER (WHERE r.rating = ${v}) AS n${v}`).join(', ')}, count(*) AS m FROM scorecard_ratings r JOIN scorecards s ON s.id = r.scorecard_id AND s.status = 'submitted' WHERE s.interview_id = $1 AND r.rating IS NOT NULL GROUP BY s.interview_id, r.interview_question_id, r.criterion_id HAVING count(*) >= 2) SELECT g, count(*)::int AS units, ${VALUES.flatMap(
  (c) => VALUES.map((k) => `sum(n${c} * (n${k} - ${c === k ? 1 : 0})::float / (m - 1)) AS o${c}${k}`),
).join(', ')} FROM u GROUP BY g`;
const CRITERIA = `SELECT r.interview_question_id, r.criterion_id, json_agg(json_build_object('userId', r.panelist_id, 'rating', r.rating, 'notAssessed', r.not_assessed, 'note', r.note) ORDER BY r.panelist_id) AS ratings, avg(r.rating)::float AS mean, stddev_pop(r.rating)::float AS spread, min(r.rating) AS min, max(r.rating) AS max, count(r.rating)::int AS rated, count(*) FILTER (WHERE r.not_assessed)::int AS not_assessed FROM scorecard_ratings r JOIN scorecards s ON s.id = r.scorecard_id AND s.status = 'submitted' WHERE r.interview_id = $1 GROUP BY r.interview_question_id, r.criterion_id`;

async function interviewSummary(user: User, id: string) {
  const kit = await readableKit(user, id);
  const recs = toRecs(await q(SUBMITTED('interview'), [id]));
  if (!canManagePosition(user, kit.authority.hiringManagerId) && !recs.some((r) => r.panelistId === user.id))
    throw new HttpError(404, `Submit your own scorecard to see the feedback summary of interview ${id}`);
  const [criteria, [m], means, people] = await Promise.all([
    q(CRITERIA, [id]),
    q(INTERVIEW_COINCIDENCES, [id]),
    q(COMPETENCY_MEANS('interview'), [id]).then(toMeans),
    usersByIds(kit.panel.map((p) => p.userId)),
  ]);
  return interviewSummaryResponse({
    interviewId: id,
    kit: kit as any,
    recs,
    criteria: criteria.map((r) => ({
      interviewQuestionId: r.interview_question_id,
      criterionId: r.criterion_id,
      ratings: r.ratings,
      mean: r.mean,
      spread: r.spread,
      min: r.min,
      max: r.max,
      rated: r.rated,
      notAssessed: r.not_assessed,
    })),
    matrix: m
      ? { values: VALUES, o: VALUES.map((c) => VALUES.map((k) => Number(m[`o${c}${k}`]))), units: Number(m.units) }
      : undefined,
    means,
    names: new Map([...people].map(([k, v]) => [k, v.name])),
  });
}

const GROUPS = (key: string, from: string) =>
  `SELECT ${key} AS key, avg(r.rating)::float AS mean, stddev_pop(r.rating)::float AS spread, count(r.rating)::int AS count FROM scorecard_ratings r JOIN scorecards s ON s.id = r.scorecard_id AND s.status = 'submitted' ${from} WHERE s.candidate_id = $1 GROUP BY ${key} ORDER BY ${key}`;
const BY_COMPETENCY = GROUPS('c.competency', 'CROSS JOIN LATERAL unnest(r.competencies) AS c(competency)');
const BY_TYPE = GROUPS('r.question_type', '');

async function candidateSummary(user: User, id: string) {
  if (!hasRole(user, 'admin', 'recruiter', 'hiring_manager')) throw new HttpError(403, 'This is for the hiring team');
  const [c] = /^[0-9a-f-]{36}$/i.test(id)
    ? await q(
        // CandidateRepository.findById's statement, as TypeORM generates it
        `SELECT "c"."id" AS "c_id", "c"."name" AS "c_name", "c"."email" AS "c_email", "c"."position_id" AS "c_position_id", "c"."stage_id" AS "c_stage_id", "c"."status" AS "c_status", "c"."notes" AS "c_notes", "c"."created_at" AS "c_created_at", "c"."updated_at" AS "c_updated_at", "p"."id" AS "p_id", "p"."title" AS "p_title", "p"."department" AS "p_department", "p"."hiring_manager_id" AS "p_hiring_manager_id", "p"."status" AS "p_status", "p"."created_at" AS "p_created_at", "p"."updated_at" AS "p_updated_at", (SELECT s.name FROM plan_stages s WHERE s.id = "c"."stage_id") AS "stage_name" FROM "candidates" "c" INNER JOIN "positions" "p" ON "p"."id"="c"."position_id" WHERE "c"."id" = $1`,
        [id],
      )
    : [];
  if (!c || !canManagePosition(user, c.p_hiring_manager_id)) throw new HttpError(404, `Candidate ${id} not found`);
  const [byCompetency, byQuestionType, recs, pairs, held, means] = await Promise.all([
    q(BY_COMPETENCY, [id]),
    q(BY_TYPE, [id]),
    q(SUBMITTED('candidate'), [id]).then(toRecs),
    q(
      'SELECT a.candidate_id, a.panel, a.units, a.pairs FROM candidate_coincidences a WHERE a.candidate_id = $1 ORDER BY a.candidate_id, a.panel',
      [id],
    ),
    q(`SELECT ${LIST_COLUMNS} WHERE i.status = ANY($1) AND i.candidate_id = $2 ORDER BY i.starts_at, i.id LIMIT $3`, [
      ['scheduled', 'awaiting_feedback', 'completed'],
      id,
      10_000,
    ]),
    q(COMPETENCY_MEANS('candidate'), [id]).then(toMeans),
  ]);
  const interviews = held.map((r) => ({ interview: interview(r) as any, panel: r.panel }));
  const people = await usersByIds(interviews.flatMap((i) => i.panel.map((p: { userId: string }) => p.userId)));
  return candidateSummaryResponse({
    candidate: { id: c.c_id, name: c.c_name, positionId: c.c_position_id, positionTitle: c.p_title },
    byCompetency: byCompetency as any,
    byQuestionType: byQuestionType as any,
    recs,
    matrix: (coincidencesFromPairs(VALUES, pairs as any) ?? undefined) as any,
    interviews,
    means,
    names: new Map([...people].map(([k, v]) => [k, v.name])),
  });
}

async function health() {
  const t0 = Date.now();
  await q('SELECT 1');
  const database = { responseTime: Date.now() - t0, status: 'up' };
  const jobs = await systemQueue.getJobCounts('waiting', 'active', 'delayed', 'failed', 'completed');
  const [beat] = await q(LATEST_HEARTBEAT_SQL);
  const queue = {
    backend: 'redis',
    jobs,
    lastWorkerHeartbeat: beat ? { processedAt: beat.processed_at, processedBy: beat.processed_by } : null,
    status: 'up',
  };
  return { status: 'ok', info: { database, queue }, error: {}, details: { database, queue } };
}

const REQUEST_ID = /^[A-Za-z0-9._-]{1,100}$/;
const app = Fastify({
  logger: false,
  bodyLimit: 1024 * 1024,
  genReqId: (req) => {
    const given = req.headers['x-request-id'];
    return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
  },
});
app.addHook('onRequest', async (req, reply) => {
  reply.header('x-request-id', req.id);
});
app.setErrorHandler((e: any, req, reply) => {
  const status =
    e instanceof HttpError ? e.status : typeof e.statusCode === 'number' && e.statusCode < 500 ? e.statusCode : 500;
  const body: Record<string, unknown> = {
    statusCode: status,
    error: STATUS_CODES[status] ?? 'Error',
    message: status === 500 ? 'Internal server error' : e.message,
  };
  if (e instanceof HttpError && e.details !== undefined) body.details = e.details;
  body.requestId = req.id;
  if (status === 500) process.stderr.write(`bare: ${e.stack ?? e}\n`);
  void reply.status(status).send(body);
});

type Params = { id: string };
const authed =
  <T>(
    fn: (
      user: User,
      req: FastifyRequest<{ Params: Params; Querystring: Record<string, string>; Body: any }>,
      reply: FastifyReply,
    ) => Promise<T>,
  ) =>
  async (
    req: FastifyRequest<{ Params: Params; Querystring: Record<string, string>; Body: any }>,
    reply: FastifyReply,
  ) =>
    fn(await authenticate(req), req, reply);

app.get('/health', () => health());
app.get(
  '/api/v1/interviews/upcoming',
  authed((u, req) => upcoming(u, req.query)),
);
app.get(
  '/api/v1/interviews/:id',
  authed((u, req) => kitResponse(u, req.params.id)),
);
app.get(
  '/api/v1/question-sets',
  authed((u, req) => questionSets(u, req.query)),
);
app.get(
  '/api/v1/candidates/:id/feedback-summary',
  authed((u, req) => candidateSummary(u, req.params.id)),
);
app.get(
  '/api/v1/interviews/:id/feedback-summary',
  authed((u, req) => interviewSummary(u, req.params.id)),
);
app.get(
  '/api/v1/positions/:id/feedback-summary',
  authed((u, req) => positionSummary(u, req.params.id, req.query)),
);

const uuid = { type: 'string', format: 'uuid' };
// the DTO's rules that a valid autosave touches, as a JSON schema (Fastify compiles it once)
const saveSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['version'],
  properties: {
    version: { type: 'integer', minimum: 1 },
    overallRecommendation: { enum: ['strong_no', 'no', 'yes', 'strong_yes', null] },
    summary: { type: 'string', maxLength: 20000 },
    ratings: {
      type: 'array',
      maxItems: 500,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['questionId', 'criterionId'],
        properties: {
          questionId: uuid,
          criterionId: { type: 'string', maxLength: 64 },
          rating: { type: ['integer', 'null'], minimum: 1, maximum: 4 },
          notAssessed: { type: 'boolean' },
          note: { type: 'string', maxLength: 20000 },
        },
      },
    },
    questions: {
      type: 'array',
      maxItems: 500,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['questionId'],
        properties: {
          questionId: uuid,
          notes: { type: 'string', maxLength: 20000 },
          followUpsAsked: { type: 'array', maxItems: 100, items: { type: 'string', maxLength: 64 } },
        },
      },
    },
  },
};
app.put(
  '/api/v1/interviews/:id/scorecards/mine',
  { schema: { body: saveSchema } },
  authed((u, req) => saveScorecard(u, req.params.id, req.body as SaveBody)),
);

void app.listen({ port: Number(process.env.PORT ?? 0), host: '127.0.0.1' }).then((address) => {
  process.stdout.write(`bare server listening at ${address}\n`);
});
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, () => {
    void app.close().then(async () => {
      await systemQueue.close();
      await pool.end();
      process.exit(0);
    });
  });
}
