import type { AgreementBasis, Debrief } from '../../../api/types';
import { Icon } from '../../../components/Icon';
import { RatingBadge, RecommendationBadge } from './ScorecardCard';
import type { Recommendation } from '../shared';

export interface Panelist {
  userId: string;
  name: string;
}

/** The columns: the authors of submitted scorecards, as the API lists them. */
export function panelistsOf(d: Debrief): Panelist[] {
  const seen = new Map<string, string>(d.panelists.map((p) => [p.id, p.name]));
  for (const s of d.scorecards) if (!seen.has(s.author.id)) seen.set(s.author.id, s.author.name);
  for (const r of d.recommendations) if (!seen.has(r.userId)) seen.set(r.userId, r.name);
  return [...seen].map(([userId, name]) => ({ userId, name }));
}

function Disagreement({ spread }: { spread: number | null | undefined }) {
  return (
    <span className="db-disagree">
      <Icon name="alert" size={14} /> Disagreement{spread != null ? `: ${spread} points apart` : ''}
    </span>
  );
}

/**
 * Criteria (grouped by question), then competencies, then the recommendations, one column per
 * panelist; a row whose ratings are 2+ points apart is marked with an icon and words.
 */
export function ByCriterion({ debrief }: { debrief: Debrief }) {
  const people = panelistsOf(debrief);
  const groups: Array<{ prompt: string; rows: Debrief['byCriterion'] }> = [];
  for (const row of debrief.byCriterion) {
    const last = groups[groups.length - 1];
    if (last && last.prompt === row.questionPrompt) last.rows.push(row);
    else groups.push({ prompt: row.questionPrompt, rows: [row] });
  }
  const cols = people.length + 2;
  const disagreements =
    debrief.byCriterion.filter((r) => r.disagreement).length +
    debrief.byCompetency.filter((c) => c.disagreement).length;
  return (
    <div className="stack">
      <p className="small muted">
        {disagreements === 0
          ? 'No criterion or competency has ratings two or more points apart.'
          : `${disagreements} ${disagreements === 1 ? 'row has' : 'rows have'} ratings two or more points apart, marked “Disagreement”.`}
      </p>
      {/* focusable so that keyboard users can scroll it sideways on a narrow screen */}
      <div className="hm-table-wrap db-table-wrap" tabIndex={0} role="region" aria-label="Ratings by criterion">
        <table className="hm-table db-table">
          <caption className="visually-hidden">Ratings by criterion and competency, one column per panelist</caption>
          <thead>
            <tr>
              <th scope="col">Criterion</th>
              {people.map((p) => (
                <th scope="col" key={p.userId}>
                  {p.name}
                </th>
              ))}
              <th scope="col">Spread</th>
            </tr>
          </thead>
          {groups.map((g, gi) => (
            <tbody key={`${gi}-${g.prompt}`}>
              <tr className="db-table__group">
                <th scope="colgroup" colSpan={cols}>
                  {g.prompt}
                </th>
              </tr>
              {g.rows.map((row) => {
                const by = new Map(row.ratings.map((r) => [r.userId, r.rating]));
                return (
                  <tr key={row.key} className={row.disagreement ? 'is-disagreement' : undefined}>
                    <th scope="row">
                      {row.label}
                      {row.competencies.length > 0 && (
                        <span className="muted small db-table__comp">{row.competencies.join(', ')}</span>
                      )}
                    </th>
                    {people.map((p) => (
                      <td key={p.userId}>
                        {by.has(p.userId) ? (
                          <RatingBadge rating={by.get(p.userId)} />
                        ) : (
                          <span className="muted small">not asked</span>
                        )}
                      </td>
                    ))}
                    <td>
                      {row.disagreement ? (
                        <Disagreement spread={row.spread} />
                      ) : (
                        <span className="muted small">{row.spread ?? '—'}</span>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          ))}
          {debrief.byCompetency.length > 0 && (
            <tbody>
              <tr className="db-table__group">
                <th scope="colgroup" colSpan={cols}>
                  Competencies (each panelist’s mean rating)
                </th>
              </tr>
              {debrief.byCompetency.map((c) => {
                const by = new Map(c.ratings.map((r) => [r.userId, r.mean]));
                const spread = c.spread;
                return (
                  <tr key={c.competency} className={c.disagreement ? 'is-disagreement' : undefined}>
                    <th scope="row">{c.competency}</th>
                    {people.map((p) => {
                      const m = by.get(p.userId);
                      return (
                        <td key={p.userId}>
                          {m == null ? (
                            <span className="muted small">—</span>
                          ) : (
                            <span className="db-mean">{m.toFixed(1)}</span>
                          )}
                        </td>
                      );
                    })}
                    <td>
                      {c.disagreement ? (
                        <Disagreement spread={spread == null ? null : Number(spread.toFixed(1))} />
                      ) : (
                        <span className="muted small">{spread == null ? '—' : spread.toFixed(1)}</span>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          )}
          <tbody>
            <tr className="db-table__group">
              <th scope="colgroup" colSpan={cols}>
                Overall
              </th>
            </tr>
            <tr>
              <th scope="row">Recommendation</th>
              {people.map((p) => {
                // one per interview the panelist sat on
                const theirs = debrief.recommendations.filter((x) => x.userId === p.userId);
                return (
                  <td key={p.userId}>
                    {theirs.length === 0 ? (
                      <span className="muted small">—</span>
                    ) : (
                      <span className="db-recs">
                        {theirs.map((r) => (
                          <span key={r.interviewId} title={r.interviewTitle}>
                            <RecommendationBadge value={r.recommendation as Recommendation | null} />
                            {theirs.length > 1 && <span className="muted small"> {r.interviewTitle}</span>}
                          </span>
                        ))}
                      </span>
                    )}
                  </td>
                );
              })}
              <td />
            </tr>
          </tbody>
        </table>
      </div>
    </div>
  );
}

const BASIS_LABEL: Record<string, string> = {
  criteria: 'Criteria',
  recommendations: 'Recommendations',
  competencies: 'Competencies',
};

/** Alpha in words, per basis, with how many pairable values it rests on. */
export function agreementWords(a: AgreementBasis): string {
  const values = `${a.pairable} pairable ${a.pairable === 1 ? 'value' : 'values'}`;
  if (!a.enoughData || a.alpha == null) return `${a.label || 'not enough data'} (${values})`;
  const words =
    a.alpha >= 0.8
      ? 'the panel agrees'
      : a.alpha >= 0.667
        ? 'mostly in agreement'
        : a.alpha >= 0.4
          ? 'some disagreement'
          : 'the panel disagrees';
  return `α ${a.alpha.toFixed(2)}, ${words} (${values}, ${a.level} metric)`;
}

export function AgreementList({ agreement }: { agreement: Debrief['agreement'] }) {
  const rows = [agreement.criteria, agreement.recommendations, agreement.competencies];
  return (
    <>
      <dl className="db-agreement">
        {rows.map((a, i) => (
          <div key={a?.basis ?? i}>
            <dt>{BASIS_LABEL[a.basis] ?? a.basis}</dt>
            <dd className={a.enoughData && a.alpha != null ? undefined : 'muted'}>{agreementWords(a)}</dd>
          </div>
        ))}
      </dl>
      <p className="small muted">
        Krippendorff’s alpha: 1 is full agreement, 0 no better than chance. Criteria and recommendations are ranks
        (ordinal); competencies are each panelist’s mean rating (interval).
      </p>
    </>
  );
}
