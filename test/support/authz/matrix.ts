import type { Actor, AuthzFixture, Side, SideResources } from './fixture';

/**
 * What a caller must get:
 * - 'ok': 2xx;
 * - 'pass': authorization passed (not 401, 403 or 404, and no 5xx): a business rule may still say
 *   409, 422 or 400 (a scorecard already submitted, a stale revision, a throwaway body);
 * - 'any': neither 401 nor 403 nor 5xx (for lookups of ids that may legitimately not exist);
 * - 401, 403, 404: exactly that (404 = the caller may not know it exists; 403 = their role may not).
 */
export type Expect = 'ok' | 'pass' | 'any' | 401 | 403 | 404;
/** One value for both sides, or [own, other]. */
export type ByRole = Partial<Record<Exclude<Actor, 'anon'>, Expect | [Expect, Expect]>> & { anon?: Expect };

/** Throwaway resources a mutating entry needs per request, so that the fixture stays as built. */
export type Fresh = 'candidate' | 'position' | 'interview' | 'heldInterview' | 'set';

/** A side's resources, the fresh ones, and what `prepare` loaded. */
export type Ctx = SideResources & Record<string, any>;

export interface Entry {
  /** The OpenAPI operationId. */
  op: string;
  /** "METHOD /path" under /api/v1 (or absolute when it starts with //); {key} comes from the side's resources or the fresh one. */
  route: string;
  expect: ByRole;
  /** A JSON body, or a function of the side's resources. */
  body?: Record<string, unknown> | ((r: Ctx, f: AuthzFixture) => unknown);
  /** A text/plain body. */
  text?: string;
  /** Run for one side only (the resource is not a hiring manager's: lists, one's own records, settings). */
  oneSide?: boolean;
  fresh?: Fresh;
  /** Changes data: run after every read, and with fresh resources where it would spoil the fixture. */
  mutates?: boolean;
  /** Free text to tell two entries of one operation apart. */
  label?: string;
  /** No token needed (anonymous callers get what everyone gets). */
  public?: boolean;
  /** Loads what the body needs (the current plan, the current settings), as the admin. */
  prepare?: (f: AuthzFixture, side: Side) => Promise<Record<string, unknown>>;
}

const ALL_OK: ByRole = { admin: 'ok', recruiter: 'ok', hmA: 'ok', ivOn: 'ok', ivOff: 'ok' };
const ADMIN_ONLY: ByRole = { admin: 'ok', recruiter: 403, hmA: 403, ivOn: 403, ivOff: 403 };
/** A position, a candidate and what hangs on them: the hiring team of that position; interviewers are refused by role. */
const TEAM: ByRole = { admin: 'ok', recruiter: 'ok', hmA: ['ok', 404], ivOn: 403, ivOff: 403 };
/** The same, where the service hides the resource from interviewers (404) rather than refusing the role. */
const TEAM_HIDDEN: ByRole = { ...TEAM, ivOn: 404, ivOff: 404 };
/** An interview: its position's team and its panel read it. */
const INTERVIEW_READ: ByRole = { admin: 'ok', recruiter: 'ok', hmA: ['ok', 404], ivOn: ['ok', 404], ivOff: 404 };
/** Changing an interview: its position's team; interviewers refused by role. */
const INTERVIEW_CHANGE: ByRole = { admin: 'pass', recruiter: 'pass', hmA: ['pass', 404], ivOn: 403, ivOff: 403 };
/** Question sets are written by admins and recruiters. */
const WRITERS: ByRole = { admin: 'pass', recruiter: 'pass', hmA: 403, ivOn: 403, ivOff: 403 };
/** One's own scorecard on an interview: its panelists only. */
const PANELIST: ByRole = { admin: 404, recruiter: 404, hmA: 404, ivOn: ['pass', 404], ivOff: 404 };

let counter = 0;
/** Unique, reproducible suffixes for created emails. */
const next = () => ++counter;
const with_ = (base: ByRole, over: ByRole): ByRole => ({ ...base, ...over });
/** Pools: admins and recruiters manage them, hiring managers read them, interviewers are refused by role. */
const POOL_READ: ByRole = { admin: 'ok', recruiter: 'ok', hmA: 'ok', ivOn: 403, ivOff: 403 };
const POOL_MANAGE: ByRole = { admin: 'ok', recruiter: 'ok', hmA: 403, ivOn: 403, ivOff: 403 };
/** A pool of its own for an entry, with the side's interviewer as a member. */
const freshPool = async (f: AuthzFixture, side: Side) => {
  const pool = await f.admin('POST', '/interviewer-pools', { name: `Authz pool ${next()}` });
  await f.admin('PUT', `/interviewer-pools/${pool.id}/members/${f.res[side].interviewerId}`, { trainee: false });
  return { poolId: pool.id };
};
/** A webhook subscription of its own for an entry (event webhooks, issue 17). */
const freshWebhook = async (f: AuthzFixture, _side: Side) => {
  const hook = await f.admin('POST', '/webhooks', { url: 'http://127.0.0.1:9/authz', events: ['candidate.hired'] });
  return { webhookId: hook.id };
};
/** The plan as it is now, sent back whole (a PUT replaces it). */
const currentPlan = async (f: AuthzFixture, side: Side) => {
  const p = await f.current(`/positions/${f.res[side].positionId}/plan`);
  return {
    plan: {
      revision: p.revision,
      competencies: p.competencies,
      stages: p.stages.map((s: any) => ({ id: s.id, name: s.name, templates: s.templates })),
    },
  };
};

/**
 * Every operation of the OpenAPI document, how to call it, and what each caller gets for hiring
 * manager A's resource ("own") and hiring manager B's ("other"). Anonymous callers get 401 unless
 * the entry is public. Add a line when you add a route: the test fails until you do.
 */
export const MATRIX: Entry[] = [
  // sign-in and one's own account
  {
    op: 'Auth_login',
    route: 'POST /auth/login',
    public: true,
    oneSide: true,
    body: { email: 'rita.recruiter@authz.test', password: 'user-password-1' },
    expect: with_(ALL_OK, { anon: 'ok' }),
  },
  // whether the demo is on and its logins, for the sign-in page: anyone may ask (the test app runs without the demo)
  {
    op: 'Auth_demoLogins',
    route: 'GET /auth/demo-logins',
    public: true,
    oneSide: true,
    expect: with_(ALL_OK, { anon: 'ok' }),
  },
  // single sign-on (issue 17): whether it is on, for the sign-in page, and the browser's round trip to the
  // provider; the test app has no provider, so start and callback land on the sign-in page (a redirect)
  { op: 'Sso_config', route: 'GET /auth/sso', public: true, oneSide: true, expect: with_(ALL_OK, { anon: 'ok' }) },
  ...(['GET /auth/sso/start', 'GET /auth/sso/callback'] as const).map((route): Entry => ({
    op: route.endsWith('start') ? 'Sso_start' : 'Sso_callback',
    route,
    public: true,
    oneSide: true,
    expect: { admin: 'any', recruiter: 'any', hmA: 'any', ivOn: 'any', ivOff: 'any', anon: 'any' },
  })),
  { op: 'Auth_dashboardSession', route: 'POST /auth/dashboard-session', oneSide: true, expect: ADMIN_ONLY },
  { op: 'Auth_me', route: 'GET /me', oneSide: true, expect: ALL_OK },
  // without X-Requested-With (a cross-site form could not send it) refresh and sign-out are refused before anything else
  {
    op: 'Sessions_refresh',
    route: 'POST /auth/refresh',
    public: true,
    oneSide: true,
    expect: { admin: 403, recruiter: 403, hmA: 403, ivOn: 403, ivOff: 403, anon: 403 },
  },
  {
    op: 'Sessions_logout',
    route: 'POST /auth/logout',
    public: true,
    oneSide: true,
    expect: { admin: 403, recruiter: 403, hmA: 403, ivOn: 403, ivOff: 403, anon: 403 },
  },
  // a wrong current password: everyone signed in reaches the check (400), nobody changes anything
  {
    op: 'Auth_changePassword',
    route: 'POST /me/password',
    oneSide: true,
    body: { currentPassword: 'not-the-password-1', newPassword: 'a-new-long-password-77' },
    expect: { admin: 'pass', recruiter: 'pass', hmA: 'pass', ivOn: 'pass', ivOff: 'pass' },
  },
  { op: 'Auth_updateMe', route: 'PATCH /me', oneSide: true, mutates: true, body: { timezone: 'UTC' }, expect: ALL_OK },
  { op: 'Users_list', route: 'GET /users', oneSide: true, expect: ADMIN_ONLY },
  {
    op: 'Users_create',
    route: 'POST /users',
    oneSide: true,
    mutates: true,
    body: () => ({
      email: `new-${next()}@authz.test`,
      name: 'New',
      password: 'user-password-1',
      roles: ['interviewer'],
    }),
    expect: ADMIN_ONLY,
  },
  { op: 'Users_get', route: 'GET /users/{userId}', expect: ADMIN_ONLY },
  { op: 'Users_update', route: 'PATCH /users/{userId}', mutates: true, body: { name: 'Renamed' }, expect: ADMIN_ONLY },
  { op: 'Audit_list', route: 'GET /audit-events', oneSide: true, expect: ADMIN_ONLY },

  // API keys (admin only; keys themselves are refused: test/api-keys.e2e-spec.ts)
  { op: 'ApiKeys_list', route: 'GET /api-keys', oneSide: true, expect: ADMIN_ONLY },
  {
    op: 'ApiKeys_create',
    route: 'POST /api-keys',
    oneSide: true,
    mutates: true,
    body: () => ({ name: `Authz key ${next()}`, scopes: ['interviews:read'] }),
    expect: ADMIN_ONLY,
  },
  {
    op: 'ApiKeys_revoke',
    route: 'POST /api-keys/{apiKeyId}/revoke',
    oneSide: true,
    mutates: true,
    prepare: async (f) => ({
      apiKeyId: (await f.admin('POST', '/api-keys', { name: `Authz revoke ${next()}`, scopes: ['interviews:read'] }))
        .apiKey.id,
    }),
    expect: ADMIN_ONLY,
  },

  // positions
  { op: 'Positions_list', route: 'GET /positions', label: 'all', oneSide: true, expect: TEAM },
  {
    op: 'Positions_list',
    route: 'GET /positions?hiringManagerId={hiringManagerId}&limit=100',
    label: 'by manager',
    expect: with_(TEAM, { hmA: 'ok' }),
  },
  {
    op: 'Positions_list',
    route: 'GET /positions?q=MKB-POSITION-6P3',
    label: 'search',
    oneSide: true,
    expect: with_(TEAM, { hmA: 'ok' }),
  },
  {
    op: 'Positions_create',
    route: 'POST /positions',
    mutates: true,
    body: (r) => ({ title: 'Spare opened', hiringManagerId: r.hiringManagerId }),
    expect: with_(TEAM, { hmA: ['ok', 403] }),
  },
  { op: 'Positions_get', route: 'GET /positions/{positionId}', expect: TEAM },
  {
    op: 'Positions_update',
    route: 'PATCH /positions/{positionId}',
    mutates: true,
    body: { department: 'Platform' },
    expect: TEAM,
  },
  {
    op: 'Positions_remove',
    route: 'DELETE /positions/{freshId}',
    fresh: 'position',
    mutates: true,
    expect: with_(TEAM, { hmA: 403 }),
  },
  { op: 'Plans_get', route: 'GET /positions/{positionId}/plan', expect: TEAM_HIDDEN },
  {
    op: 'Plans_put',
    route: 'PUT /positions/{positionId}/plan',
    mutates: true,
    prepare: currentPlan,
    body: (r) => r.plan,
    expect: with_(TEAM_HIDDEN, { admin: 'pass', recruiter: 'pass', hmA: ['pass', 404] }),
  },
  { op: 'Pipeline_board', route: 'GET /positions/{positionId}/pipeline', expect: TEAM_HIDDEN },
  { op: 'Summaries_position', route: 'GET /positions/{positionId}/feedback-summary', label: 'json', expect: TEAM },
  {
    op: 'Summaries_position',
    route: 'GET /positions/{positionId}/feedback-summary?format=csv',
    label: 'csv',
    expect: TEAM,
  },

  // candidates
  { op: 'Candidates_list', route: 'GET /candidates?positionId={positionId}', expect: with_(TEAM, { hmA: 'ok' }) },
  {
    op: 'Candidates_list',
    route: 'GET /candidates?q=MKB-CANDIDATE-9Z2',
    label: 'search',
    oneSide: true,
    expect: with_(TEAM, { hmA: 'ok' }),
  },
  {
    op: 'Candidates_create',
    route: 'POST /candidates',
    mutates: true,
    body: (r) => ({ name: 'Spare added', email: `added-${next()}@authz.test`, positionId: r.positionId }),
    expect: with_(TEAM, { hmA: ['ok', 403] }),
  },
  { op: 'Candidates_get', route: 'GET /candidates/{candidateId}', expect: TEAM },
  {
    op: 'Candidates_update',
    route: 'PATCH /candidates/{freshId}',
    fresh: 'candidate',
    mutates: true,
    body: { notes: 'updated' },
    expect: TEAM,
  },
  {
    op: 'Candidates_remove',
    route: 'DELETE /candidates/{freshId}',
    fresh: 'candidate',
    mutates: true,
    expect: with_(TEAM, { hmA: [403, 404] }),
  },
  { op: 'Summaries_candidate', route: 'GET /candidates/{candidateId}/feedback-summary', expect: TEAM },
  { op: 'Debrief_debrief', route: 'GET /candidates/{candidateId}/debrief', expect: TEAM_HIDDEN },
  { op: 'Decisions_history', route: 'GET /candidates/{candidateId}/decisions', expect: TEAM_HIDDEN },
  {
    op: 'Decisions_decide',
    route: 'POST /candidates/{freshId}/decisions',
    fresh: 'candidate',
    mutates: true,
    body: { decision: 'hold' },
    expect: TEAM_HIDDEN,
  },

  // interviews
  { op: 'Interviews_list', route: 'GET /interviews?candidateId={candidateId}', expect: ALL_OK },
  {
    op: 'Interviews_list',
    route: 'GET /interviews?positionId={positionId}&limit=100',
    label: 'by position',
    expect: ALL_OK,
  },
  {
    op: 'Interviews_list',
    route: 'GET /interviews?interviewerId={interviewerId}&from=2000-01-01T00:00:00Z',
    label: 'by interviewer',
    expect: ALL_OK,
  },
  { op: 'Interviews_upcoming', route: 'GET /interviews/upcoming', oneSide: true, expect: ALL_OK },
  {
    op: 'Interviews_create',
    route: 'POST /interviews',
    mutates: true,
    body: (r, f) => ({
      candidateId: r.candidateId,
      stage: 'technical',
      start: new Date(Date.now() + 40 * 86_400_000).toISOString(),
      durationMinutes: 30,
      timezone: 'UTC',
      allowConflicts: true,
      panel: [{ userId: f.ids.ivB2, role: 'lead' }],
    }),
    expect: with_(TEAM, { hmA: ['ok', 403] }),
  },
  { op: 'Interviews_get', route: 'GET /interviews/{interviewId}', expect: INTERVIEW_READ },
  {
    op: 'Interviews_get',
    route: 'GET /interviews/{smuggledInterviewId}',
    label: "B's candidate filed under A's position",
    oneSide: true,
    expect: { admin: 'ok', recruiter: 'ok', hmA: 404, ivOn: 404, ivOff: 404 },
  },
  {
    op: 'Summaries_interview',
    route: 'GET /interviews/{smuggledInterviewId}/feedback-summary',
    label: "B's candidate filed under A's position",
    oneSide: true,
    expect: { admin: 'ok', recruiter: 'ok', hmA: 404, ivOn: 404, ivOff: 404 },
  },
  { op: 'Interviews_invite', route: 'GET /interviews/{interviewId}/invite.ics', expect: INTERVIEW_READ },
  {
    op: 'Interviews_update',
    route: 'PATCH /interviews/{freshId}',
    fresh: 'interview',
    mutates: true,
    body: (r) => ({ revision: r.freshRevision, title: 'Moved' }),
    expect: INTERVIEW_CHANGE,
  },
  {
    op: 'Interviews_cancel',
    route: 'POST /interviews/{freshId}/cancel',
    fresh: 'interview',
    mutates: true,
    body: { reason: 'Candidate asked' },
    expect: INTERVIEW_CHANGE,
  },
  {
    op: 'Interviews_complete',
    route: 'POST /interviews/{freshId}/complete',
    fresh: 'heldInterview',
    mutates: true,
    body: {},
    expect: INTERVIEW_CHANGE,
  },
  {
    op: 'Interviews_noShow',
    route: 'POST /interviews/{freshId}/no-show',
    fresh: 'heldInterview',
    mutates: true,
    body: {},
    expect: INTERVIEW_CHANGE,
  },
  {
    op: 'Interviews_assignQuestions',
    route: 'POST /interviews/{freshId}/questions',
    fresh: 'interview',
    mutates: true,
    body: (r) => ({ questions: [{ setId: r.publishedSetId }] }),
    expect: INTERVIEW_CHANGE,
  },
  { op: 'Reminders_forInterview', route: 'GET /interviews/{interviewId}/reminders', expect: INTERVIEW_READ },
  {
    op: 'InterviewRsvp_respond',
    route: 'POST /interviews/{interviewId}/rsvp',
    mutates: true,
    body: { response: 'tentative', note: 'authz' },
    expect: PANELIST,
  },
  {
    op: 'InterviewReplacements_list',
    route: 'GET /interviews/{interviewId}/replacements',
    expect: { admin: 'ok', recruiter: 'ok', hmA: ['ok', 404], ivOn: 403, ivOff: 403 },
  },
  {
    op: 'FindTimes_find',
    route: 'GET /interviews/find-times?interviewerIds={interviewerId}&durationMinutes=60&from=2027-03-08&to=2027-03-12',
    expect: { admin: 'ok', recruiter: 'ok', hmA: 'ok', ivOn: 403, ivOff: 403 },
  },
  { op: 'Summaries_interview', route: 'GET /interviews/{interviewId}/feedback-summary', expect: INTERVIEW_READ },

  // scorecards
  { op: 'Scorecards_list', route: 'GET /interviews/{interviewId}/scorecards', expect: INTERVIEW_READ },
  { op: 'Scorecards_mine', route: 'GET /interviews/{interviewId}/scorecards/mine', expect: PANELIST },
  {
    op: 'Scorecards_save',
    route: 'PUT /interviews/{interviewId}/scorecards/mine',
    mutates: true,
    body: { version: 1, summary: 'late edit' },
    expect: PANELIST,
  },
  {
    op: 'Scorecards_submit',
    route: 'POST /interviews/{interviewId}/scorecards/mine/submit',
    mutates: true,
    body: {},
    expect: PANELIST,
  },
  // after every read: the author (ivOn on A's) or an admin reopens; a recruiter or manager sees it but may not (403)
  {
    op: 'Scorecards_reopen',
    route: 'POST /interviews/{interviewId}/scorecards/{scorecardId}/reopen',
    mutates: true,
    body: {},
    expect: { admin: 'pass', recruiter: 403, hmA: [403, 404], ivOn: ['pass', 404], ivOff: 404 },
  },

  // interviewers
  { op: 'Interviewers_list', route: 'GET /interviewers', oneSide: true, expect: ALL_OK },
  { op: 'Interviewers_get', route: 'GET /interviewers/{interviewerId}', expect: ALL_OK },
  {
    op: 'Interviewers_update',
    route: 'PATCH /interviewers/{interviewerId}',
    mutates: true,
    body: { title: 'Engineer' },
    expect: { admin: 'ok', recruiter: 'ok', hmA: 403, ivOn: ['ok', 403], ivOff: 403 },
  },
  {
    op: 'Interviewers_pendingScorecards',
    route: 'GET /interviewers/{interviewerId}/pending-scorecards',
    expect: { admin: 'ok', recruiter: 'ok', hmA: 'ok', ivOn: ['ok', 403], ivOff: 403 },
  },
  {
    op: 'Availability_read',
    route: 'GET /interviewers/{interviewerId}/availability?from=2027-03-01T00:00:00Z&to=2027-03-08T00:00:00Z',
    expect: { admin: 'ok', recruiter: 'ok', hmA: 'ok', ivOn: ['ok', 403], ivOff: 403 },
  },
  {
    op: 'Availability_update',
    route: 'PUT /interviewers/{interviewerId}/availability',
    mutates: true,
    body: { bufferMinutes: 10 },
    expect: { admin: 'ok', recruiter: 403, hmA: 403, ivOn: ['ok', 403], ivOff: 403 },
  },
  {
    op: 'Summaries_interviewerCalibration',
    route: 'GET /interviewers/{interviewerId}/calibration',
    expect: { admin: 'ok', recruiter: 'ok', hmA: 'ok', ivOn: ['ok', 403], ivOff: 403 },
  },

  // interviewer pools: admins and recruiters manage, hiring managers read, interviewers are refused by role
  { op: 'InterviewerPools_list', route: 'GET /interviewer-pools', oneSide: true, expect: POOL_READ },
  {
    op: 'InterviewerPools_get',
    route: 'GET /interviewer-pools/{poolId}',
    oneSide: true,
    prepare: freshPool,
    expect: POOL_READ,
  },
  {
    op: 'InterviewerPools_create',
    route: 'POST /interviewer-pools',
    oneSide: true,
    mutates: true,
    body: () => ({ name: `Pool ${next()}`, dailyLimit: 2 }),
    expect: POOL_MANAGE,
  },
  {
    op: 'InterviewerPools_update',
    route: 'PATCH /interviewer-pools/{poolId}',
    oneSide: true,
    mutates: true,
    prepare: freshPool,
    body: { weeklyLimit: 4 },
    expect: POOL_MANAGE,
  },
  {
    op: 'InterviewerPools_putMember',
    route: 'PUT /interviewer-pools/{poolId}/members/{interviewerId}',
    oneSide: true,
    mutates: true,
    prepare: freshPool,
    body: { trainee: true },
    expect: POOL_MANAGE,
  },
  // one pool per entry: the admin removes (deletes), the recruiter then finds it gone (404)
  {
    op: 'InterviewerPools_removeMember',
    route: 'DELETE /interviewer-pools/{poolId}/members/{interviewerId}',
    oneSide: true,
    mutates: true,
    prepare: freshPool,
    expect: with_(POOL_MANAGE, { recruiter: 'any' }),
  },
  {
    op: 'InterviewerPools_remove',
    route: 'DELETE /interviewer-pools/{poolId}',
    oneSide: true,
    mutates: true,
    prepare: freshPool,
    expect: with_(POOL_MANAGE, { recruiter: 'any' }),
  },

  // hiring home, notifications
  {
    op: 'Pipeline_home',
    route: 'GET /me/hiring-home',
    oneSide: true,
    expect: { admin: 'ok', recruiter: 403, hmA: 'ok', ivOn: 403, ivOff: 403 },
  },
  { op: 'Reminders_notifications', route: 'GET /notifications', oneSide: true, expect: ALL_OK },

  // question sets: own = a published set (everyone reads it), other = a draft (its writers only)
  { op: 'QuestionSets_list', route: 'GET /question-sets', oneSide: true, expect: ALL_OK },
  {
    op: 'QuestionSets_create',
    route: 'POST /question-sets',
    oneSide: true,
    mutates: true,
    body: { name: 'Spare created', questions: [] },
    expect: WRITERS,
  },
  {
    op: 'QuestionSets_import',
    route: 'POST /question-sets/import',
    oneSide: true,
    mutates: true,
    text: 'Backend guide\n\n1. Design a queue\n   - Durability\n',
    expect: WRITERS,
  },
  {
    op: 'QuestionSets_previewImport',
    route: 'POST /question-sets/import/preview',
    oneSide: true,
    text: 'Backend guide\n\n1. Design a queue\n   - Durability\n',
    expect: WRITERS,
  },
  {
    op: 'QuestionSets_get',
    route: 'GET /question-sets/{questionSetId}',
    expect: { admin: 'ok', recruiter: 'ok', hmA: ['ok', 404], ivOn: ['ok', 404], ivOff: ['ok', 404] },
  },
  {
    op: 'QuestionSets_export',
    route: 'GET /question-sets/{questionSetId}/export?format=json',
    expect: { admin: 'ok', recruiter: 'ok', hmA: ['ok', 404], ivOn: ['ok', 404], ivOff: ['ok', 404] },
  },
  {
    op: 'Summaries_questionStats',
    route: 'GET /question-sets/{questionSetId}/rating-stats',
    expect: with_(TEAM, { hmA: ['ok', 404] }),
  },
  {
    op: 'QuestionSets_update',
    route: 'PATCH /question-sets/{freshId}',
    fresh: 'set',
    oneSide: true,
    mutates: true,
    body: (r) => ({ revision: r.freshRevision, name: 'Renamed set' }),
    expect: WRITERS,
  },
  {
    op: 'QuestionSets_remove',
    route: 'DELETE /question-sets/{freshId}',
    fresh: 'set',
    oneSide: true,
    mutates: true,
    expect: WRITERS,
  },
  {
    op: 'QuestionSets_addQuestion',
    route: 'POST /question-sets/{freshId}/questions',
    fresh: 'set',
    oneSide: true,
    mutates: true,
    body: (r) => ({ revision: r.freshRevision, type: 'technical', prompt: 'Added', criteria: [{ label: 'C' }] }),
    expect: WRITERS,
  },
  {
    op: 'QuestionSets_reorder',
    route: 'POST /question-sets/{freshId}/questions/reorder',
    fresh: 'set',
    oneSide: true,
    mutates: true,
    body: (r) => ({ revision: r.freshRevision, questionIds: r.freshQuestionIds }),
    expect: WRITERS,
  },
  {
    op: 'QuestionSets_updateQuestion',
    route: 'PATCH /question-sets/{freshId}/questions/{freshQuestionId}',
    fresh: 'set',
    oneSide: true,
    mutates: true,
    body: (r) => ({ revision: r.freshRevision, prompt: 'Changed' }),
    expect: WRITERS,
  },
  {
    op: 'QuestionSets_removeQuestion',
    route: 'DELETE /question-sets/{freshId}/questions/{freshQuestionId}?revision={freshRevision}',
    fresh: 'set',
    oneSide: true,
    mutates: true,
    expect: WRITERS,
  },
  {
    op: 'QuestionSets_publish',
    route: 'POST /question-sets/{freshId}/publish',
    fresh: 'set',
    oneSide: true,
    mutates: true,
    body: (r) => ({ revision: r.freshRevision }),
    expect: WRITERS,
  },
  {
    op: 'QuestionSets_archive',
    route: 'POST /question-sets/{freshId}/archive',
    fresh: 'set',
    oneSide: true,
    mutates: true,
    body: (r) => ({ revision: r.freshRevision }),
    expect: WRITERS,
  },

  // settings and system
  {
    op: 'RejectionReasons_list',
    route: 'GET /settings/rejection-reasons',
    oneSide: true,
    expect: { admin: 'ok', recruiter: 'ok', hmA: 'ok', ivOn: 403, ivOff: 403 },
  },
  {
    op: 'RejectionReasons_replace',
    route: 'PUT /settings/rejection-reasons',
    oneSide: true,
    mutates: true,
    prepare: async (f) => ({ reasons: await f.current('/settings/rejection-reasons') }),
    body: (r) => ({
      reasons: (r.reasons.items ?? r.reasons.reasons ?? []).map((x: any) => ({ id: x.id, label: x.label })),
    }),
    expect: with_(ADMIN_ONLY, { admin: 'pass' }),
  },
  { op: 'Reminders_getPolicy', route: 'GET /settings/reminders', oneSide: true, expect: ADMIN_ONLY },
  {
    op: 'Reminders_putPolicy',
    route: 'PUT /settings/reminders',
    oneSide: true,
    mutates: true,
    prepare: async (f) => ({ policy: await f.current('/settings/reminders') }),
    body: (r) => r.policy,
    expect: with_(ADMIN_ONLY, { admin: 'pass' }),
  },
  {
    op: 'System_send',
    route: 'POST /system/heartbeats',
    oneSide: true,
    mutates: true,
    body: {},
    expect: with_(ADMIN_ONLY, { admin: 'pass' }),
  },
  {
    op: 'System_get',
    route: 'GET /system/heartbeats/{missingId}',
    oneSide: true,
    expect: with_(ADMIN_ONLY, { admin: 'any' }),
  },
  { op: 'Health_check', route: 'GET //health', public: true, oneSide: true, expect: with_(ALL_OK, { anon: 'ok' }) },
  {
    op: 'Health_ready',
    route: 'GET //health/ready',
    public: true,
    oneSide: true,
    expect: with_(ALL_OK, { anon: 'ok' }),
  },
  { op: 'Health_live', route: 'GET //health/live', public: true, oneSide: true, expect: with_(ALL_OK, { anon: 'ok' }) },
  {
    op: 'Metrics_scrape',
    route: 'GET //metrics',
    public: true,
    oneSide: true,
    expect: { admin: 'any', recruiter: 'any', hmA: 'any', ivOn: 'any', ivOff: 'any', anon: 'any' },
  },

  // event webhooks (issue 17): admins only; a subscription of its own per entry (nothing listens on port 9)
  { op: 'Webhooks_list', route: 'GET /webhooks', oneSide: true, expect: ADMIN_ONLY },
  {
    op: 'Webhooks_create',
    route: 'POST /webhooks',
    oneSide: true,
    mutates: true,
    body: { url: 'http://127.0.0.1:9/authz', events: ['interview.scheduled'] },
    expect: ADMIN_ONLY,
  },
  { op: 'Webhooks_get', route: 'GET /webhooks/{webhookId}', oneSide: true, prepare: freshWebhook, expect: ADMIN_ONLY },
  {
    op: 'Webhooks_update',
    route: 'PATCH /webhooks/{webhookId}',
    oneSide: true,
    mutates: true,
    prepare: freshWebhook,
    body: { description: 'Changed' },
    expect: ADMIN_ONLY,
  },
  {
    op: 'Webhooks_remove',
    route: 'DELETE /webhooks/{webhookId}',
    oneSide: true,
    mutates: true,
    prepare: freshWebhook,
    expect: ADMIN_ONLY,
  },
  {
    op: 'Webhooks_rotate',
    route: 'POST /webhooks/{webhookId}/rotate-secret',
    oneSide: true,
    mutates: true,
    prepare: freshWebhook,
    expect: ADMIN_ONLY,
  },
  {
    op: 'Webhooks_pause',
    route: 'POST /webhooks/{webhookId}/pause',
    oneSide: true,
    mutates: true,
    prepare: freshWebhook,
    expect: ADMIN_ONLY,
  },
  // an active subscription: the admin's resume is a 409 (nothing to resume), past authorization
  {
    op: 'Webhooks_resume',
    route: 'POST /webhooks/{webhookId}/resume',
    oneSide: true,
    mutates: true,
    prepare: freshWebhook,
    expect: with_(ADMIN_ONLY, { admin: 'pass' }),
  },
  {
    op: 'Webhooks_ping',
    route: 'POST /webhooks/{webhookId}/ping',
    oneSide: true,
    mutates: true,
    prepare: freshWebhook,
    expect: ADMIN_ONLY,
  },
  {
    op: 'Webhooks_deliveryLog',
    route: 'GET /webhooks/{webhookId}/deliveries',
    oneSide: true,
    prepare: freshWebhook,
    expect: ADMIN_ONLY,
  },
  {
    op: 'Webhooks_redeliver',
    route: 'POST /webhooks/{webhookId}/deliveries/{deliveryId}/redeliver',
    oneSide: true,
    mutates: true,
    prepare: async (f, side) => {
      const { webhookId } = await freshWebhook(f, side);
      const ping = await f.admin('POST', `/webhooks/${webhookId}/ping`);
      return { webhookId, deliveryId: ping.id };
    },
    expect: ADMIN_ONLY,
  },
];

/** The expectation of one caller for one side. */
export function expected(entry: Entry, actor: Actor, side: Side): Expect {
  if (actor === 'anon') return entry.expect.anon ?? (entry.public ? 'ok' : 401);
  const e = entry.expect[actor];
  if (e === undefined)
    throw new Error(`${entry.op}${entry.label ? ` (${entry.label})` : ''}: no expectation for ${actor}`);
  return Array.isArray(e) ? e[side === 'own' ? 0 : 1] : e;
}

export function satisfies(e: Expect, status: number): boolean {
  if (status >= 500) return false;
  switch (e) {
    case 'ok':
      return status >= 200 && status < 300;
    case 'pass':
      return ![401, 403, 404].includes(status);
    case 'any':
      return ![401, 403].includes(status);
    default:
      return status === e;
  }
}

export type { Side };
