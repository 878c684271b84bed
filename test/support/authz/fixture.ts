import type { TestApp } from '../test-app';

/** The callers of the matrix. */
export const ACTORS = ['admin', 'recruiter', 'hmA', 'ivOn', 'ivOff', 'anon'] as const;
export type Actor = (typeof ACTORS)[number];
/** "own": hiring manager A's resources (ivOn is on their interview's panel); "other": hiring manager B's. */
export type Side = 'own' | 'other';

export const EMAILS = {
  recruiter: 'rita.recruiter@authz.test',
  hmA: 'hank.manager-a@authz.test',
  hmB: 'bea.manager-b@authz.test',
  ivOn: 'olga.panel-a@authz.test',
  ivOff: 'omar.nopanel@authz.test',
  ivB: 'bruno.panel-b@authz.test',
  ivB2: 'bianca.owes-b@authz.test',
} as const;

/**
 * Strings that exist only in one side's data. A response to a caller who may not see that side
 * must contain none of them (candidate names and emails, position titles, interview titles,
 * scorecard notes and summaries, candidate notes).
 */
export const MARKERS = {
  own: [
    'MKA-POSITION-7Q1',
    'MKA-CANDIDATE-3X9',
    'mka-candidate-3x9@marker-a.test',
    'MKA-INTERVIEW-2W4',
    'MKA-NOTE-5V2',
    'MKA-SUMMARY-8K7',
    'MKA-CNOTE-4D1',
  ],
  other: [
    'MKB-POSITION-6P3',
    'MKB-CANDIDATE-9Z2',
    'mkb-candidate-9z2@marker-b.test',
    'MKB-INTERVIEW-1R8',
    'MKB-NOTE-4T6',
    'MKB-SUMMARY-0J5',
    'MKB-CNOTE-2H9',
  ],
} as const;

/** Which sides' markers each caller must never receive. */
export const FORBIDDEN_MARKERS: Record<Actor, Side[]> = {
  admin: [],
  recruiter: [],
  hmA: ['other'],
  ivOn: ['other'],
  ivOff: ['own', 'other'],
  anon: ['own', 'other'],
};

export interface SideResources {
  positionId: string;
  candidateId: string;
  interviewId: string;
  scorecardId: string;
  decisionId: string;
  hiringManagerId: string;
  /** An interviewer whose calibration and pending scorecards concern this side. */
  interviewerId: string;
  /** Own: a published question set (everyone reads it); other: a draft (hiring team's writers only). */
  questionSetId: string;
  questionId: string;
  /** A user for the admin's user endpoints. */
  userId: string;
  /**
   * Other side only: an interview of B's candidate filed under A's position, as the API allowed
   * before the candidate's own position became the authority (now made in SQL). A's manager must
   * not see it anywhere.
   */
  smuggledInterviewId?: string;
}

const DAY = 86_400_000;

/** Two hiring managers' worlds, side by side, with unique markers, and throwaway resources on demand. */
export class AuthzFixture {
  readonly ids: Record<string, string> = {};
  readonly res = {} as Record<Side, SideResources>;
  /** Requests made to build the fixture and throwaway resources (not counted as matrix requests). */
  setupRequests = 0;
  private seq = 0;

  private constructor(readonly t: TestApp) {}

  static async create(t: TestApp): Promise<AuthzFixture> {
    const f = new AuthzFixture(t);
    await f.build();
    return f;
  }

  /** The user a test request is made as (undefined: no token). */
  as(actor: Actor): string | undefined {
    if (actor === 'anon') return undefined;
    return actor === 'admin' ? 'admin' : EMAILS[actor];
  }

  async admin(method: string, path: string, body?: unknown, raw?: string): Promise<any> {
    this.setupRequests++;
    const res = await this.t.request(method, `/api/v1${path}`, {
      as: 'admin',
      body,
      raw,
      headers: raw ? { 'content-type': 'text/plain' } : undefined,
    });
    if (res.status >= 300) throw new Error(`fixture ${method} ${path}: ${res.status} ${res.text}`);
    return res.body;
  }

  private async build(): Promise<void> {
    const roles: Record<keyof typeof EMAILS, string[]> = {
      recruiter: ['recruiter'],
      hmA: ['hiring_manager'],
      hmB: ['hiring_manager'],
      ivOn: ['interviewer'],
      ivOff: ['interviewer'],
      ivB: ['interviewer'],
      ivB2: ['interviewer'],
    };
    for (const [key, email] of Object.entries(EMAILS) as Array<[keyof typeof EMAILS, string]>) {
      this.ids[key] = (await this.t.createUser(email, roles[key])).id;
      this.setupRequests++;
    }
    const published = await this.admin('POST', '/question-sets', {
      name: 'Authz loop',
      questions: [{ type: 'technical', prompt: 'Design a cache', criteria: [{ label: 'Eviction' }] }],
    });
    await this.admin('POST', `/question-sets/${published.id}/publish`, {});
    const draft = await this.admin('POST', '/question-sets', {
      name: 'Authz draft',
      questions: [{ type: 'behavioral', prompt: 'A conflict', criteria: [{ label: 'Ownership' }] }],
    });
    const publishedSet = await this.admin('GET', `/question-sets/${published.id}`);

    for (const side of ['own', 'other'] as const) {
      const [pos, cand, email, title, note, summary, cnote] = MARKERS[side];
      const hm = side === 'own' ? this.ids.hmA : this.ids.hmB;
      const panel = side === 'own' ? [this.ids.ivOn] : [this.ids.ivB, this.ids.ivB2];
      const position = await this.admin('POST', '/positions', { title: `Engineer ${pos}`, hiringManagerId: hm });
      const candidate = await this.admin('POST', '/candidates', {
        name: `Cand ${cand}`,
        email,
        positionId: position.id,
        notes: `Notes ${cnote}`,
      });
      const kit = await this.admin('POST', '/interviews', {
        candidateId: candidate.id,
        stage: 'technical',
        title: `Technical ${title}`,
        start: new Date(Date.now() + 10 * DAY).toISOString(),
        durationMinutes: 60,
        timezone: 'UTC',
        allowConflicts: true,
        panel: panel.map((userId, i) => ({ userId, role: i === 0 ? 'lead' : 'shadow' })),
        questions: [{ setId: published.id }],
      });
      // held already (the API refuses a start in the past) and overdue, so that it is on pending and overdue lists
      await this.t.db.query(
        `UPDATE interviews SET starts_at = now() - interval '3 hours', ends_at = now() - interval '2 hours', feedback_due_at = now() - interval '1 hour', status = 'awaiting_feedback' WHERE id = $1`,
        [kit.id],
      );
      const lead = side === 'own' ? EMAILS.ivOn : EMAILS.ivB;
      const card = await this.submitScorecard(kit.id, lead, note, summary);
      const decision = await this.admin('POST', `/candidates/${candidate.id}/decisions`, {
        decision: 'hold',
        rationale: 'waiting',
      });
      await this.admin('POST', `/candidates/${candidate.id}/decisions`, { decision: 'reactivate' }).catch(
        () => undefined,
      );
      this.res[side] = {
        positionId: position.id,
        candidateId: candidate.id,
        interviewId: kit.id,
        scorecardId: card,
        decisionId: decision.id,
        hiringManagerId: hm,
        interviewerId: side === 'own' ? this.ids.ivOn : this.ids.ivB2,
        questionSetId: side === 'own' ? published.id : draft.id,
        questionId: side === 'own' ? publishedSet.questions[0].id : draft.questions[0].id,
        userId: side === 'own' ? this.ids.hmA : this.ids.hmB,
      };
    }
    const smuggled = await this.admin('POST', '/interviews', {
      candidateId: this.res.other.candidateId,
      stage: 'onsite',
      title: `Onsite ${MARKERS.other[3]}`,
      start: new Date(Date.now() + 12 * DAY).toISOString(),
      durationMinutes: 60,
      timezone: 'UTC',
      allowConflicts: true,
      panel: [{ userId: this.ids.ivB, role: 'lead' }],
    });
    await this.t.db.query(
      `UPDATE interviews SET position_id = $2, starts_at = now() - interval '3 hours', ends_at = now() - interval '2 hours', feedback_due_at = now() - interval '1 hour', status = 'awaiting_feedback' WHERE id = $1`,
      [smuggled.id, this.res.own.positionId],
    );
    this.res.other.smuggledInterviewId = smuggled.id;
  }

  /** A panelist fills every criterion with a note and submits; returns the scorecard id. */
  private async submitScorecard(interviewId: string, as: string, note: string, summary: string): Promise<string> {
    const call = async (method: string, path: string, body?: unknown) => {
      this.setupRequests++;
      const r = await this.t.request(method, `/api/v1/interviews/${interviewId}/scorecards${path}`, { as, body });
      if (r.status >= 300) throw new Error(`scorecard ${method} ${path}: ${r.status} ${r.text}`);
      return r.body;
    };
    const mine = await call('GET', '/mine');
    const ratings = mine.questions.flatMap((q: any) =>
      q.criteria.map((c: any) => ({
        questionId: q.questionId ?? q.id,
        criterionId: c.criterionId,
        rating: 3,
        note: `Rating ${note}`,
      })),
    );
    const saved = await call('PUT', '/mine', {
      version: mine.version,
      overallRecommendation: 'yes',
      summary: `Summary ${summary}`,
      ratings,
    });
    await call('POST', '/mine/submit', { version: saved.version });
    return mine.id;
  }

  private n(): number {
    return ++this.seq;
  }

  /** A throwaway candidate on a side's position (neutral name: no markers). */
  async freshCandidate(side: Side): Promise<string> {
    return (
      await this.admin('POST', '/candidates', {
        name: `Spare ${this.n()}`,
        email: `spare${this.seq}@authz.test`,
        positionId: this.res[side].positionId,
      })
    ).id;
  }

  /** A throwaway position of a side's hiring manager, without candidates (so it can be deleted). */
  async freshPosition(side: Side): Promise<string> {
    return (
      await this.admin('POST', '/positions', {
        title: `Spare position ${this.n()}`,
        hiringManagerId: this.res[side].hiringManagerId,
      })
    ).id;
  }

  /** A throwaway interview of a side's candidate, with that side's panel; `held` moves it into the past. */
  async freshInterview(side: Side, held = false): Promise<{ id: string; revision: number }> {
    const candidateId = await this.freshCandidate(side);
    const kit = await this.admin('POST', '/interviews', {
      candidateId,
      stage: 'technical',
      start: new Date(Date.now() + (20 + this.n()) * DAY).toISOString(),
      durationMinutes: 30,
      timezone: 'UTC',
      allowConflicts: true,
      panel: [{ userId: side === 'own' ? this.ids.ivOn : this.ids.ivB, role: 'lead' }],
    });
    if (held)
      await this.t.db.query(
        `UPDATE interviews SET starts_at = now() - interval '2 hours', ends_at = now() - interval '1 hour' WHERE id = $1`,
        [kit.id],
      );
    return { id: kit.id, revision: kit.revision };
  }

  /** A throwaway draft question set with one question. */
  async freshSet(): Promise<{ id: string; revision: number; questionId: string }> {
    const s = await this.admin('POST', '/question-sets', {
      name: `Spare set ${this.n()}`,
      questions: [
        { type: 'technical', prompt: 'Spare', criteria: [{ label: 'C' }] },
        { type: 'technical', prompt: 'Spare 2', criteria: [{ label: 'C' }] },
      ],
    });
    return { id: s.id, revision: s.revision, questionId: s.questions[0].id };
  }

  async current(path: string): Promise<any> {
    return this.admin('GET', path);
  }
}
