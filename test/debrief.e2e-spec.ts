import { referenceAlpha } from '../libs/feedback/src/stats/krippendorff.reference';
import { TestApp } from './support/test-app';

const R = 'rita@example.com';
const HM = 'hank@example.com';
const HM2 = 'hilda@example.com';
const A = 'ada@example.com';
const B = 'ben@example.com';
const C = 'cyd@example.com';

const VALUE: Record<string, number> = { strong_no: 1, no: 2, yes: 3, strong_yes: 4 };

describe('debrief: every submitted scorecard in full, disagreements, who is missing, agreement', () => {
  let t: TestApp;
  const ids: Record<string, string> = {};
  let questions: any[];
  let positionId: string;
  let cand1: string;
  let cand2: string;
  let iv: any;
  let cancelled: any;
  const loop: any[] = [];

  const schedule = async (candidateId: string, days: number, panel: string[], askers: string[]) => {
    const res = await t.post(
      '/api/v1/interviews',
      {
        candidateId,
        stage: 'onsite',
        title: `Onsite ${days}`,
        start: new Date(Date.now() + days * 86_400_000).toISOString(),
        durationMinutes: 60,
        timezone: 'UTC',
        panel: panel.map((p, i) => ({ userId: ids[p], role: i === 0 ? 'lead' : 'shadow' })),
        // questions split between panelists: each asks (and must rate) their own
        questions: askers.map((who, i) => ({ questionId: questions[i].id, askedBy: ids[who] })),
        allowConflicts: true,
      },
      HM,
    );
    if (res.status !== 201) throw new Error(`schedule: ${res.status} ${res.text}`);
    return res.body;
  };
  /** Moves the interview into the past (submitting needs it started), its feedback due in `dueHours`. */
  const startedAgo = (interviewId: string, dueHours: number) =>
    t.db.query(
      `UPDATE interviews SET starts_at = now() - interval '2 hours', ends_at = now() - interval '1 hour', feedback_due_at = now() + make_interval(secs => $2) WHERE id = $1`,
      [interviewId, dueHours * 3600],
    );
  const fill = async (as: string, kit: any, body: Record<string, unknown>) => {
    const card = (await t.get(`/api/v1/interviews/${kit.id}/scorecards/mine`, as)).body;
    const saved = await t.request('PUT', `/api/v1/interviews/${kit.id}/scorecards/mine`, {
      as,
      body: { version: card.version, ...body },
    });
    if (saved.status !== 200) throw new Error(`save: ${saved.status} ${saved.text}`);
  };
  const submit = async (as: string, kit: any) => {
    const res = await t.post(`/api/v1/interviews/${kit.id}/scorecards/mine/submit`, {}, as);
    if (res.status !== 200) throw new Error(`submit: ${res.status} ${res.text}`);
  };
  const rate = (kit: any, qi: number, ci: number, rating: number, note?: string) => ({
    questionId: kit.questions[qi].id,
    criterionId: kit.questions[qi].criteria[ci].id,
    rating,
    ...(note ? { note } : {}),
  });
  const debrief = (candidateId: string, as: string, query = '') =>
    t.get(`/api/v1/candidates/${candidateId}/debrief${query}`, as);

  beforeAll(async () => {
    t = await TestApp.start('debrief');
    for (const [email, roles] of [
      [R, ['recruiter']],
      [HM, ['hiring_manager']],
      [HM2, ['hiring_manager']],
      [A, ['interviewer']],
      [B, ['interviewer']],
      [C, ['interviewer']],
    ] as const) {
      ids[email] = (await t.createUser(email, [...roles])).id;
    }
    const set = await t.post(
      '/api/v1/question-sets',
      {
        name: 'Onsite loop',
        questions: [
          {
            type: 'technical',
            prompt: 'Design a rate limiter',
            criteria: [{ label: 'Trade-offs' }, { label: 'Failure modes' }],
            competencies: ['System design'],
            followUps: [{ prompt: 'What if Redis is down?' }, { prompt: 'Per-tenant limits?' }],
          },
          {
            type: 'behavioral',
            prompt: 'Tell me about an outage you owned',
            criteria: [{ label: 'Ownership shown' }],
            competencies: ['Ownership', 'System design'],
          },
          {
            type: 'situational',
            prompt: 'A teammate disagrees with your design',
            criteria: [{ label: 'Listening' }],
            competencies: ['Communication'],
          },
        ],
      },
      R,
    );
    await t.post(`/api/v1/question-sets/${set.body.id}/publish`, {}, R);
    questions = (await t.get(`/api/v1/question-sets/${set.body.id}`, R)).body.questions;
    positionId = (await t.post('/api/v1/positions', { title: 'Platform Engineer', hiringManagerId: ids[HM] }, R)).body
      .id;
    await t.post('/api/v1/positions', { title: 'Designer', hiringManagerId: ids[HM2] }, R);
    cand1 = (await t.post('/api/v1/candidates', { name: 'Casey Quinn', email: 'casey@example.com', positionId }, R))
      .body.id;
    cand2 = (await t.post('/api/v1/candidates', { name: 'Dana Loop', email: 'dana@example.com', positionId }, R)).body
      .id;

    // cand1: A asks Q1, B asks Q2, C asks Q3 and only keeps a draft
    iv = await schedule(cand1, 2, [A, B, C], [A, B, C]);
    cancelled = await schedule(cand1, 5, [C], [C]);
    await t.post(`/api/v1/interviews/${cancelled.id}/cancel`, { reason: 'Candidate asked to move it' }, HM);
    await startedAgo(iv.id, 24);
    await fill(A, iv, {
      overallRecommendation: 'strong_yes',
      summary: 'Clear thinker; would hire.',
      ratings: [
        rate(iv, 0, 0, 4, 'Weighed token bucket against sliding window'),
        rate(iv, 0, 1, 4),
        rate(iv, 1, 0, 4, 'A rated Q2 too'),
      ],
      questions: [
        {
          questionId: iv.questions[0].id,
          notes: 'Drew the ring on the whiteboard',
          followUpsAsked: [iv.questions[0].followUps[0].id],
        },
      ],
    });
    await submit(A, iv);
    await fill(B, iv, {
      overallRecommendation: 'no',
      summary: 'Blamed others for the outage.',
      ratings: [rate(iv, 1, 0, 2, 'Vague about own part')],
      questions: [{ questionId: iv.questions[1].id, notes: 'Outage at previous job' }],
    });
    await submit(B, iv);
    await fill(C, iv, {
      overallRecommendation: 'strong_no',
      summary: 'DRAFT SUMMARY never to be shown',
      ratings: [rate(iv, 2, 0, 1, 'DRAFT NOTE on listening')],
      questions: [{ questionId: iv.questions[2].id, notes: 'DRAFT QUESTION NOTES' }],
    });

    // cand2: six interviews, A and B split the questions; recommendations vary so that alpha is defined
    const votes: Array<[string, string]> = [
      ['yes', 'strong_yes'],
      ['no', 'strong_no'],
      ['yes', 'yes'],
      ['strong_no', 'no'],
      ['strong_yes', 'yes'],
      ['no', 'yes'],
    ];
    for (const [i, [a, b]] of votes.entries()) {
      const kit = await schedule(cand2, 10 + i, [A, B], [A, B]);
      // the first one is submitted after its deadline
      await startedAgo(kit.id, i === 0 ? -0.5 : 24);
      await fill(A, kit, { overallRecommendation: a, ratings: [rate(kit, 0, 0, VALUE[a]), rate(kit, 0, 1, VALUE[a])] });
      await submit(A, kit);
      await fill(B, kit, { overallRecommendation: b, ratings: [rate(kit, 1, 0, VALUE[b])] });
      await submit(B, kit);
      loop.push({ kit, a, b });
    }
  });
  afterAll(() => t?.close());

  it('shows both submitted scorecards in full and never the draft', async () => {
    const res = await debrief(cand1, HM);
    expect(res.status).toBe(200);
    const d = res.body;
    expect(d.candidate).toEqual({ id: cand1, name: 'Casey Quinn', positionId, positionTitle: 'Platform Engineer' });
    expect(d.scorecards).toHaveLength(2);
    // C's draft is there, full of text, and none of it shows
    const drafts = await t.db.query<{ summary: string }>(
      `SELECT summary FROM scorecards WHERE status = 'draft' AND panelist_id = $1 AND interview_id = $2`,
      [ids[C], iv.id],
    );
    expect(drafts).toEqual([{ summary: 'DRAFT SUMMARY never to be shown' }]);
    expect(res.text).not.toContain('DRAFT');
    const byAuthor = Object.fromEntries(d.scorecards.map((s: any) => [s.author.id, s]));
    expect(Object.keys(byAuthor).sort()).toEqual([ids[A], ids[B]].sort());
    const a = byAuthor[ids[A]];
    expect(a).toMatchObject({
      interviewId: iv.id,
      interviewTitle: 'Onsite 2',
      recommendation: 'strong_yes',
      recommendationLabel: 'Strong yes',
      summary: 'Clear thinker; would hire.',
      onTime: true,
      author: { name: 'ada' },
    });
    expect(new Date(a.submittedAt).getTime()).toBeLessThanOrEqual(new Date(a.feedbackDueAt).getTime());
    const q1 = a.questions.find((q: any) => q.questionId === iv.questions[0].id);
    expect(q1).toMatchObject({
      prompt: 'Design a rate limiter',
      type: 'technical',
      competencies: ['System design'],
      notes: 'Drew the ring on the whiteboard',
      followUpsAsked: [{ id: iv.questions[0].followUps[0].id, prompt: 'What if Redis is down?' }],
    });
    expect(q1.ratings).toEqual([
      {
        criterionId: iv.questions[0].criteria[0].id,
        label: 'Trade-offs',
        rating: 4,
        ratingLabel: 'Strong yes',
        notAssessed: false,
        note: 'Weighed token bucket against sliding window',
      },
      {
        criterionId: iv.questions[0].criteria[1].id,
        label: 'Failure modes',
        rating: 4,
        ratingLabel: 'Strong yes',
        notAssessed: false,
        note: null,
      },
    ]);
    // C's question is neither A's nor written on by A
    expect(a.questions.map((q: any) => q.questionId)).toEqual([iv.questions[0].id, iv.questions[1].id]);
    const b = byAuthor[ids[B]];
    expect(b).toMatchObject({
      recommendation: 'no',
      recommendationLabel: 'No',
      summary: 'Blamed others for the outage.',
    });
    expect(b.questions).toEqual([
      expect.objectContaining({
        questionId: iv.questions[1].id,
        notes: 'Outage at previous job',
        followUpsAsked: [],
        ratings: [expect.objectContaining({ rating: 2, ratingLabel: 'No', note: 'Vague about own part' })],
      }),
    ]);
    expect(d.recommendations.map((r: any) => [r.name, r.recommendation, r.label]).sort()).toEqual([
      ['ada', 'strong_yes', 'Strong yes'],
      ['ben', 'no', 'No'],
    ]);
  });

  it('marks ratings 2+ points apart, by criterion and by competency', async () => {
    const d = (await debrief(cand1, HM)).body;
    const ownership = d.byCriterion.find(
      (r: any) => r.key === `${iv.questions[1].id}/${iv.questions[1].criteria[0].id}`,
    );
    expect(ownership).toMatchObject({
      label: 'Ownership shown',
      questionPrompt: 'Tell me about an outage you owned',
      competencies: ['Ownership', 'System design'],
      spread: 2,
      disagreement: true,
    });
    expect(ownership.ratings).toEqual(
      expect.arrayContaining([
        { userId: ids[A], rating: 4 },
        { userId: ids[B], rating: 2 },
      ]),
    );
    const tradeOffs = d.byCriterion.find((r: any) => r.label === 'Trade-offs');
    expect(tradeOffs).toMatchObject({ ratings: [{ userId: ids[A], rating: 4 }], spread: null, disagreement: false });
    expect(d.byCriterion.some((r: any) => r.label === 'Listening')).toBe(false); // only C's draft rated it
    const design = d.byCompetency.find((r: any) => r.competency === 'System design');
    expect(design.ratings).toEqual(
      expect.arrayContaining([
        { userId: ids[A], mean: 4, count: 3 },
        { userId: ids[B], mean: 2, count: 1 },
      ]),
    );
    expect(design).toMatchObject({ spread: 2, disagreement: true });
    expect(d.byCompetency.map((r: any) => r.competency)).toEqual(['Ownership', 'System design']);
    expect(d.byCompetency[0]).toMatchObject({
      ratings: expect.arrayContaining([
        { userId: ids[A], mean: 4, count: 1 },
        { userId: ids[B], mean: 2, count: 1 },
      ]),
      disagreement: true,
    });
    expect(d.panelists.map((p: any) => p.id).sort()).toEqual([ids[A], ids[B]].sort());
  });

  it('lists the panelist still owing a scorecard, not the panel of a cancelled interview', async () => {
    const d = (await debrief(cand1, HM)).body;
    expect(d.missing).toEqual([{ interviewId: iv.id, interviewTitle: 'Onsite 2', userId: ids[C], name: 'cyd' }]);
    const live = d.interviews.find((i: any) => i.id === iv.id);
    expect(live.panel.map((p: any) => [p.name, p.submitted])).toEqual([
      ['ada', true],
      ['ben', true],
      ['cyd', false],
    ]);
    expect(d.interviews.find((i: any) => i.id === cancelled.id)).toMatchObject({ status: 'cancelled' });
  });

  it('says "not enough data" with two recommendations, and computes alpha with twelve', async () => {
    const one = (await debrief(cand1, HM)).body.agreement;
    expect(one.recommendations).toMatchObject({
      basis: 'recommendations',
      alpha: expect.any(Number),
      pairable: 2,
      enoughData: false,
      label: 'not enough data',
    });
    expect(one.criteria).toMatchObject({ basis: 'criteria', pairable: 2, enoughData: false, label: 'not enough data' });
    // System design and Ownership each rated by both (A rated Q2 as well)
    expect(one.competencies).toMatchObject({
      basis: 'competencies',
      level: 'interval',
      pairable: 4,
      units: 2,
      enoughData: false,
    });

    const d = (await debrief(cand2, R)).body;
    expect(d.scorecards).toHaveLength(12);
    const expected = referenceAlpha(
      loop.map(({ a, b }) => [VALUE[a], VALUE[b]]),
      'ordinal',
    );
    expect(d.agreement.recommendations).toMatchObject({
      basis: 'recommendations',
      level: 'ordinal',
      pairable: 12,
      units: 6,
      enoughData: true,
    });
    expect(d.agreement.recommendations.alpha).toBeCloseTo(expected.alpha!, 9);
    expect(d.agreement.recommendations.label).toBe(expected.alpha!.toFixed(2));
    // questions split: no criterion has two raters, but every interview rates "System design" twice
    expect(d.agreement.criteria).toMatchObject({ pairable: 0, alpha: null, label: 'not enough data' });
    const means = referenceAlpha(
      loop.map(({ a, b }) => [VALUE[a], VALUE[b]]),
      'interval',
    );
    expect(d.agreement.competencies).toMatchObject({ pairable: 12, units: 6, enoughData: true });
    expect(d.agreement.competencies.alpha).toBeCloseTo(means.alpha!, 9);
    const late = d.scorecards.filter((s: any) => s.interviewId === loop[0].kit.id);
    expect(late.map((s: any) => s.onTime)).toEqual([false, false]);
    expect(d.scorecards.filter((s: any) => !s.onTime)).toHaveLength(2);
    expect(d.missing).toEqual([]);
  });

  /** Same figures; alpha compared to 1e-9 since SQL and the debrief may visit units in another order. */
  const sameSet = (actual: any, expected: any) => {
    for (const basis of ['criteria', 'recommendations', 'competencies']) {
      const { alpha, ...rest } = expected[basis];
      expect(actual[basis]).toMatchObject(rest);
      if (alpha === null) expect(actual[basis].alpha).toBeNull();
      else expect(actual[basis].alpha).toBeCloseTo(alpha, 9);
    }
  };

  it('gives the summaries the same agreement set, keeping the old figure', async () => {
    const c = (await t.get(`/api/v1/candidates/${cand2}/feedback-summary`, HM)).body;
    const d = (await debrief(cand2, HM)).body;
    sameSet(c.agreementSet, d.agreement);
    expect(c.agreement).toMatchObject({ pairableValues: 0, enoughData: false });
    const i = (await t.get(`/api/v1/interviews/${iv.id}/feedback-summary`, HM)).body;
    expect(i.agreementSet.recommendations).toMatchObject({
      pairable: 2,
      units: 1,
      enoughData: false,
      label: 'not enough data',
    });
    const p = (await t.get(`/api/v1/positions/${positionId}/feedback-summary`, HM)).body;
    sameSet(p.rows.find((r: any) => r.candidate.id === cand2).agreementSet, d.agreement);
    const all = referenceAlpha([...loop.map(({ a, b }) => [VALUE[a], VALUE[b]]), [4, 2]], 'ordinal');
    expect(p.agreementSet.recommendations).toMatchObject({ pairable: 14, units: 7, enoughData: true });
    expect(p.agreementSet.recommendations.alpha).toBeCloseTo(all.alpha!, 9);
    expect(p.agreementSet.criteria).toMatchObject({ pairable: 2, units: 1 });
    const csv = await t.request('GET', `/api/v1/positions/${positionId}/feedback-summary?format=csv`, { as: HM });
    const header = csv.text.split(/\r?\n/)[0];
    expect(header).toContain('Strong no,No,Yes,Strong yes');
    expect(header).toContain('Agreement on recommendations (alpha)');
  });

  it('filters by plan stage and refuses a malformed one', async () => {
    const none = await debrief(cand1, HM, '?planStageId=7b0f5a38-4f57-4f4e-9a52-7d0e1c2a9b11');
    expect(none.status).toBe(200);
    expect(none.body).toMatchObject({
      planStageId: '7b0f5a38-4f57-4f4e-9a52-7d0e1c2a9b11',
      interviews: [],
      scorecards: [],
      missing: [],
      byCriterion: [],
    });
    const bad = await debrief(cand1, HM, '?planStageId=stage-1');
    expect(bad.status).toBe(400);
    expect(bad.text).toContain('planStageId');
  });

  it('is for the people who decide: others get 404', async () => {
    expect((await debrief(cand1, R)).status).toBe(200);
    expect((await debrief(cand1, 'admin')).status).toBe(200);
    for (const who of [A, B, C, HM2]) {
      const res = await debrief(cand1, who);
      expect(res.status).toBe(404);
      expect(res.text).not.toContain('Casey');
    }
    expect((await debrief('not-a-uuid', HM)).status).toBe(400);
    expect((await debrief('7b0f5a38-4f57-4f4e-9a52-7d0e1c2a9b11', HM)).status).toBe(404);
    expect((await debrief("1' OR '1'='1", R)).status).toBe(400);
    expect((await t.request('GET', `/api/v1/candidates/${cand1}/debrief`, {})).status).toBe(401);
  });
});
