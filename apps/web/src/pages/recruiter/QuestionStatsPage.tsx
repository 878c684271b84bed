import { Link, useParams } from 'react-router-dom';
import { api, call } from '../../api/client';
import type { QuestionType } from '../../api/types';
import { TypeChip } from '../../components/Chips';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Loading } from '../../components/Loading';
import { EmptyState, PageHeader } from '../../components/Page';
import { plural } from '../../lib/plural';
import { useResource } from '../../lib/use-resource';
import '../../styles/hiring.css';

const SCALE = ['Strong no', 'No', 'Yes', 'Strong yes'];
/** Below this spread a question hardly tells candidates apart (population SD on the 1–4 scale). */
const FLAT_SPREAD = 0.35;

/** How each question of a set has been rated: how often, the mean, the spread and the 1–4 distribution. */
export default function QuestionStatsPage() {
  const { id = '' } = useParams();
  const set = useResource(() => call(api.GET('/api/v1/question-sets/{id}', { params: { path: { id } } })), [id]);
  const stats = useResource(
    () => call(api.GET('/api/v1/question-sets/{id}/rating-stats', { params: { path: { id } } })),
    [id],
  );
  const error = stats.error ?? set.error;
  if (error && !stats.data)
    return <ErrorNotice error={error} onRetry={stats.reload} title="The statistics could not be loaded" />;
  if (!stats.data || !set.data) return <Loading label="Loading statistics…" />;
  const items = stats.data.items;
  const rated = items.filter((q) => q.ratings > 0);

  return (
    <>
      <PageHeader
        eyebrow={<Link to={`/question-sets/${id}`}>{set.data.name}</Link>}
        title="Rating statistics"
        subtitle="Per question, from submitted scorecards: how often it was rated, the mean on the 1–4 scale and how much the ratings vary. A question whose ratings hardly vary does not tell candidates apart."
      />
      {rated.length === 0 ? (
        <EmptyState title="No ratings yet">
          Statistics appear once interviews using this set have submitted scorecards.
        </EmptyState>
      ) : (
        <div className="hm-table-wrap" role="region" aria-label="Ratings per question" tabIndex={0}>
          <table className="hm-table qs-table">
            <thead>
              <tr>
                <th scope="col">Question</th>
                <th scope="col" className="num">
                  Interviews
                </th>
                <th scope="col" className="num">
                  Ratings
                </th>
                <th scope="col" className="num">
                  Mean
                </th>
                <th scope="col" className="num">
                  Spread
                </th>
                <th scope="col">Distribution</th>
              </tr>
            </thead>
            <tbody>
              {items.map((q) => (
                <tr key={q.questionId}>
                  <th scope="row" className="qs-question">
                    <span className="muted small">Q{q.position + 1}</span> <TypeChip type={q.type as QuestionType} />
                    <span className="qs-prompt">{q.prompt}</span>
                  </th>
                  <td className="num">{q.interviews}</td>
                  <td className="num">
                    {q.ratings}
                    {q.notAssessed ? <span className="muted small qs-na">{q.notAssessed} not assessed</span> : null}
                  </td>
                  <td className="num">{q.mean === null ? <span className="muted">—</span> : q.mean.toFixed(2)}</td>
                  <td className="num">
                    {q.spread === null ? (
                      <span className="muted">—</span>
                    ) : (
                      <>
                        {q.spread.toFixed(2)}
                        {q.ratings >= 4 && q.spread < FLAT_SPREAD ? (
                          <span className="hm-pill qs-flat">hardly varies</span>
                        ) : null}
                      </>
                    )}
                  </td>
                  <td>
                    <Distribution counts={q.distribution} prompt={q.prompt} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p className="muted small hm-table-note">
        {plural(rated.length, 'question')} of {items.length} rated. Spread is the standard deviation of the ratings:
        near 0 every candidate gets the same.
      </p>
    </>
  );
}

function Distribution({ counts, prompt }: { counts: number[]; prompt: string }) {
  const max = Math.max(1, ...counts);
  const label = `Ratings of “${prompt}”: ${counts.map((n, i) => `${SCALE[i]} ${n}`).join(', ')}`;
  return (
    <span className="qs-dist" role="img" aria-label={label}>
      {counts.map((n, i) => (
        <span key={i} className="qs-dist__col" title={`${SCALE[i]}: ${n}`}>
          <span
            className={`qs-dist__bar qs-dist__bar--${i + 1}`}
            style={{ height: `${Math.round((n / max) * 28) + 2}px` }}
          />
          <span className="qs-dist__n">{n}</span>
        </span>
      ))}
    </span>
  );
}
