import { useEffect, useState } from 'react';
import { api, call } from '../../api/client';
import type { components } from '../../api/schema';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Loading, SkeletonRows } from '../../components/Loading';
import { EmptyState, PageHeader } from '../../components/Page';
import { usePaged } from '../../components/PagedList';
import { plural } from '../../lib/plural';
import { Avatar } from './shared';

type Calibration = components['schemas']['CalibrationResponse'];

const percent = (share: number | null) => (share === null ? null : `${Math.round(share * 100)}%`);
/** Beyond this mean difference from the rest of the panel (on the 1–4 scale) a rater stands out. */
const LENIENCY_NOTE = 0.3;

/** Each interviewer's calibration, loaded one by one as the list arrives (one request per interviewer). */
function useCalibrations(ids: string[]): Map<string, Calibration | Error> {
  const [found, setFound] = useState<Map<string, Calibration | Error>>(new Map());
  const missing = ids.filter((id) => !found.has(id));
  const key = missing.join(',');
  useEffect(() => {
    // the ids come from the key, so the effect runs once per set of missing ids
    const wanted = key ? key.split(',') : [];
    if (!wanted.length) return;
    let live = true;
    for (const id of wanted)
      void call(api.GET('/api/v1/interviewers/{id}/calibration', { params: { path: { id } } })).then(
        (c) => live && setFound((prev) => new Map(prev).set(id, c)),
        (e: unknown) =>
          live && setFound((prev) => new Map(prev).set(id, e instanceof Error ? e : new Error(String(e)))),
      );
    return () => {
      live = false;
    };
  }, [key]);
  return found;
}

/**
 * How each interviewer rates against the rest of their panels: leniency, disagreement with the
 * panel's majority, time to submit and how often they leave a criterion "not assessed".
 */
export default function CalibrationPage() {
  const people = usePaged(
    (cursor) => call(api.GET('/api/v1/interviewers', { params: { query: { limit: 50, cursor } } })),
    [],
  );
  const calibrations = useCalibrations(people.items.map((p) => p.userId));
  return (
    <>
      <PageHeader
        title="Interviewer calibration"
        subtitle="How each interviewer’s ratings compare with the other panelists’ on the same interviews. Use it to pair harsh and lenient raters, and to coach, not to rank."
      />
      {people.error ? <ErrorNotice error={people.error} onRetry={people.reload} /> : null}
      {people.loading && !people.items.length ? (
        <SkeletonRows label="Loading interviewers…" />
      ) : !people.items.length ? (
        <EmptyState title="No interviewers yet">
          Interviewers appear here once they have the interviewer role.
        </EmptyState>
      ) : (
        <div className="hm-table-wrap" role="region" aria-label="Calibration per interviewer" tabIndex={0}>
          <table className="hm-table cal-table">
            <thead>
              <tr>
                <th scope="col">Interviewer</th>
                <th scope="col" className="num">
                  Scorecards
                </th>
                <th scope="col" className="num">
                  Leniency
                </th>
                <th scope="col" className="num">
                  Against the panel
                </th>
                <th scope="col" className="num">
                  Median time to submit
                </th>
                <th scope="col" className="num">
                  Not assessed
                </th>
              </tr>
            </thead>
            <tbody>
              {people.items.map((p) => (
                <Row
                  key={p.userId}
                  name={p.name}
                  detail={[p.title, p.department].filter(Boolean).join(' · ')}
                  calibration={calibrations.get(p.userId)}
                />
              ))}
            </tbody>
          </table>
        </div>
      )}
      {people.hasMore && (
        <div className="paged__more">
          {people.loading ? (
            <Loading inline label="Loading more…" />
          ) : (
            <button type="button" className="btn btn--ghost" onClick={people.loadMore}>
              Show more interviewers
            </button>
          )}
        </div>
      )}
      <p className="muted small hm-table-note">
        Leniency is the mean of (their rating − the other panelists’ mean) on the same criteria: positive rates higher
        than the panel. Against the panel counts interviews where their hire or no-hire call went against the others’
        majority.
      </p>
    </>
  );
}

function Row({
  name,
  detail,
  calibration: c,
}: {
  name: string;
  detail: string;
  calibration: Calibration | Error | undefined;
}) {
  const cells =
    c === undefined ? (
      <td colSpan={5} className="muted small">
        Loading…
      </td>
    ) : c instanceof Error ? (
      <td colSpan={5} className="muted small">
        Could not be loaded
      </td>
    ) : (
      <>
        <td className="num">{c.submittedScorecards}</td>
        <td className="num">
          {c.leniency === null ? (
            <span className="muted small">not enough</span>
          ) : (
            <>
              {c.leniency > 0 ? '+' : c.leniency < 0 ? '−' : ''}
              {Math.abs(c.leniency).toFixed(2)}
              {Math.abs(c.leniency) >= LENIENCY_NOTE ? (
                <span className="hm-pill cal-note">{c.leniency > 0 ? 'lenient' : 'harsh'}</span>
              ) : null}
              <span className="muted small cal-sub">{plural(c.comparedRatings, 'rating')} compared</span>
            </>
          )}
        </td>
        <td className="num">
          {c.disagreementRate === null ? (
            <span className="muted small">not enough</span>
          ) : (
            <>
              {percent(c.disagreementRate)}
              <span className="muted small cal-sub">
                {c.disagreements} of {plural(c.comparableInterviews, 'interview')}
              </span>
            </>
          )}
        </td>
        <td className="num">
          {c.medianHoursToSubmit === null ? (
            <span className="muted small">—</span>
          ) : (
            plural(Math.round(c.medianHoursToSubmit), 'hour')
          )}
        </td>
        <td className="num">{percent(c.notAssessedShare) ?? <span className="muted small">—</span>}</td>
      </>
    );
  return (
    <tr>
      <th scope="row">
        <span className="hm-cell-person">
          <Avatar name={name} size="sm" />
          <span>
            <strong>{name}</strong>
            {detail ? <span className="muted small">{detail}</span> : null}
          </span>
        </span>
      </th>
      {cells}
    </tr>
  );
}
