import { Injectable } from '@nestjs/common';
import { UsersService } from '@app/auth';
import type { AuthUser } from '@app/auth';
import { CandidatesService, InterviewRepository, PositionsService, HELD_STATUSES } from '@app/interviews';
import { RECOMMENDATIONS } from '../entities/scorecard.entity';
import { PositionRowResponse, PositionSummaryQueryDto, PositionSummaryResponse } from '../dto/summary.dto';
import { toCsv } from './csv';
import { FeedbackStatsRepository } from './feedback-stats.repository';
import { RECOMMENDATION_LABELS } from '../scale';
import { sumCoincidences } from '../stats';
import { panelAgreement } from './panel-agreement';
import { agreement, isDone, missingScorecards } from './summary-helpers';

const MAX_ROWS = 100_000;

function groupBy<T>(rows: T[], key: (row: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = out.get(k);
    if (list) list.push(row);
    else out.set(k, [row]);
  }
  return out;
}

const SORTERS: Record<string, (r: PositionRowResponse) => number | string | null> = {
  name: (r) => r.candidate.name.toLowerCase(),
  overallMean: (r) => r.overallMean,
  technical: (r) => r.meanByType.technical,
  behavioral: (r) => r.meanByType.behavioral,
  situational: (r) => r.meanByType.situational,
  strongYes: (r) => r.recommendations.strong_yes,
  yes: (r) => r.recommendations.yes,
  no: (r) => r.recommendations.no,
  strongNo: (r) => r.recommendations.strong_no,
  agreement: (r) => (r.agreement.enoughData ? r.agreement.alpha : null),
  missing: (r) => r.scorecardsMissing,
  interviews: (r) => r.interviewsDone,
};

/** Candidates of a position side by side; a few queries whatever the number of scorecards. */
@Injectable()
export class PositionSummaryService {
  constructor(
    private readonly stats: FeedbackStatsRepository,
    private readonly positions: PositionsService,
    private readonly candidates: CandidatesService,
    private readonly interviews: InterviewRepository,
    private readonly users: UsersService,
  ) {}

  async summary(user: AuthUser, positionId: string, q: PositionSummaryQueryDto): Promise<PositionSummaryResponse> {
    // another manager's position does not exist for this caller (404), as everywhere
    const position = await this.positions.readable(user, positionId);
    const [candidates, rows, matrices, interviews, recs, means] = await Promise.all([
      this.candidates.allForPosition(position.id),
      this.stats.candidates(position.id),
      this.stats.coincidences({ positionId: position.id }, 'candidate'),
      this.interviews.list({ positionId: position.id, statuses: HELD_STATUSES, visibleTo: null, limit: MAX_ROWS }),
      this.stats.recommendations({ positionId: position.id }),
      this.stats.competencyMeans({ positionId: position.id }),
    ]);
    const submitted = new Set(recs.map((r) => `${r.interviewId}:${r.panelistId}`));
    const byCandidate = new Map(rows.map((r) => [r.candidateId, r]));
    const owing = [...new Set(interviews.flatMap((r) => (isDone(r.interview) ? r.panel.map((p) => p.userId) : [])))];
    const names = new Map((await this.users.findManyByIds(owing)).map((u) => [u.id, u.name]));
    const missing = missingScorecards(interviews, submitted, names);
    const candidateOf = new Map(interviews.map((r) => [r.interview.id, r.interview.candidateId]));
    const done = new Map<string, { interviews: number; missing: number }>();
    const now = Date.now();
    for (const r of interviews) {
      if (!isDone(r.interview, now)) continue;
      const d = done.get(r.interview.candidateId) ?? { interviews: 0, missing: 0 };
      d.interviews++;
      d.missing += r.panel.filter((p) => !submitted.has(`${r.interview.id}:${p.userId}`)).length;
      done.set(r.interview.candidateId, d);
    }
    const recsOf = groupBy(recs, (x) => x.candidateId);
    const meansOf = groupBy(means, (x) => x.candidateId);
    // grouped once rather than filtered per candidate, which grew with candidates x missing scorecards
    const missingOf = groupBy(missing, (m) => candidateOf.get(m.interviewId)!);
    const out: PositionRowResponse[] = candidates.map((c) => {
      const r = byCandidate.get(c.id);
      const m = matrices.get(c.id);
      return {
        candidate: { id: c.id, name: c.name },
        interviewsDone: done.get(c.id)?.interviews ?? 0,
        scorecardsSubmitted: r?.submitted ?? 0,
        scorecardsMissing: done.get(c.id)?.missing ?? 0,
        missingFrom: missingOf.get(c.id) ?? [],
        meanByType: { technical: r?.means.technical ?? null, behavioral: r?.means.behavioral ?? null, situational: r?.means.situational ?? null },
        overallMean: r?.overallMean ?? null,
        recommendations: { strong_no: r?.recommendations.strong_no ?? 0, no: r?.recommendations.no ?? 0, yes: r?.recommendations.yes ?? 0, strong_yes: r?.recommendations.strong_yes ?? 0 },
        agreement: agreement(m, m?.units),
        agreementSet: panelAgreement(m, recsOf.get(c.id) ?? [], meansOf.get(c.id) ?? []),
      };
    });
    const sort = q.sort ?? 'overallMean';
    const order = q.order ?? (sort === 'name' ? 'asc' : 'desc');
    const key = SORTERS[sort];
    out.sort((a, b) => {
      const x = key(a);
      const y = key(b);
      if (x === y) return a.candidate.name.localeCompare(b.candidate.name);
      if (x === null) return 1; // blanks last, whatever the order
      if (y === null) return -1;
      return (x < y ? -1 : 1) * (order === 'asc' ? 1 : -1);
    });
    const all = sumCoincidences([...matrices.values()]);
    const units = [...matrices.values()].reduce((s, m) => s + m.units, 0);
    const agreementSet = panelAgreement(all && { ...all, units }, recs, means);
    return { position: { id: position.id, name: position.title }, rows: out, sort, order, agreementSet };
  }

  async csv(user: AuthUser, positionId: string, q: PositionSummaryQueryDto): Promise<{ filename: string; body: string }> {
    const s = await this.summary(user, positionId, q);
    const num = (v: number | null) => (v === null ? '' : v.toFixed(2));
    const body = toCsv([
      ['Candidate', 'Interviews done', 'Scorecards submitted', 'Scorecards missing', 'Mean technical', 'Mean behavioral', 'Mean situational', 'Mean overall',
        ...RECOMMENDATIONS.map((r) => RECOMMENDATION_LABELS[r]), 'Agreement (alpha)', 'Pairable ratings',
        'Agreement on recommendations (alpha)', 'Pairable recommendations', 'Agreement on competencies (alpha, interval)', 'Pairable competency means'],
      ...s.rows.map((r) => [
        r.candidate.name,
        r.interviewsDone,
        r.scorecardsSubmitted,
        r.scorecardsMissing,
        num(r.meanByType.technical),
        num(r.meanByType.behavioral),
        num(r.meanByType.situational),
        num(r.overallMean),
        r.recommendations.strong_no,
        r.recommendations.no,
        r.recommendations.yes,
        r.recommendations.strong_yes,
        r.agreement.enoughData && r.agreement.alpha !== null ? r.agreement.alpha.toFixed(3) : 'not enough data',
        r.agreement.pairableValues,
        r.agreementSet.recommendations.label,
        r.agreementSet.recommendations.pairable,
        r.agreementSet.competencies.label,
        r.agreementSet.competencies.pairable,
      ]),
    ]);
    const slug = s.position.name.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '').toLowerCase() || 'position';
    return { filename: `${slug}-feedback.csv`, body };
  }
}
