import { useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { api, call } from '../../api/client';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Icon } from '../../components/Icon';
import { Loading } from '../../components/Loading';
import { EmptyState, PageHeader } from '../../components/Page';
import { useToast } from '../../components/Toast';
import { useResource } from '../../lib/use-resource';
import { Avatar, downloadFile } from './shared';
import { RecommendationBar } from './summary/Charts';
import type { PositionRow, PositionSummary, SortKey } from './types';
import { plural } from '../../lib/plural';

interface Column {
  key: SortKey;
  label: string;
  numeric?: boolean;
}
const COLUMNS: Column[] = [
  { key: 'name', label: 'Candidate' },
  { key: 'interviews', label: 'Interviews', numeric: true },
  { key: 'technical', label: 'Technical', numeric: true },
  { key: 'behavioral', label: 'Behavioral', numeric: true },
  { key: 'situational', label: 'Situational', numeric: true },
  { key: 'overallMean', label: 'Overall', numeric: true },
  { key: 'strongYes', label: 'Verdicts', numeric: true },
  { key: 'agreement', label: 'Agreement', numeric: true },
  { key: 'missing', label: 'Missing', numeric: true },
];

/** The position's candidates side by side, sortable by any column, with a CSV download. */
export default function PositionComparisonPage() {
  const { id = '' } = useParams();
  const toast = useToast();
  const [params, setParams] = useSearchParams();
  const sort = (params.get('sort') ?? 'overallMean') as SortKey;
  const order = (params.get('order') ?? (sort === 'name' ? 'asc' : 'desc')) as 'asc' | 'desc';
  const [downloading, setDownloading] = useState(false);
  const [downloadError, setDownloadError] = useState<unknown>();
  const [more, setMore] = useState<{ loading: boolean; error?: unknown }>({ loading: false });
  // without ?format=csv the answer is the JSON summary (the document also declares the CSV)
  const summary = useResource(
    () =>
      call(
        api.GET('/api/v1/positions/{id}/feedback-summary', { params: { path: { id }, query: { sort, order } } }),
      ) as Promise<PositionSummary>,
    [id, sort, order],
  );

  const sortBy = (key: SortKey) => {
    const nextOrder =
      key === sort ? (order === 'asc' ? 'desc' : 'asc') : key === 'name' || key === 'missing' ? 'asc' : 'desc';
    setParams({ sort: key, order: nextOrder }, { replace: true });
  };
  // the summary comes a page of candidates at a time (keyset): "Show more" appends the next page
  const showMore = async () => {
    const current = summary.data;
    if (!current?.page.nextCursor) return;
    setMore({ loading: true });
    try {
      const next = (await call(
        api.GET('/api/v1/positions/{id}/feedback-summary', {
          params: { path: { id }, query: { sort, order, cursor: current.page.nextCursor } },
        }),
      )) as PositionSummary;
      summary.setData({ ...next, rows: [...current.rows, ...next.rows] });
      setMore({ loading: false });
    } catch (e) {
      setMore({ loading: false, error: e });
    }
  };
  const download = async () => {
    setDownloading(true);
    setDownloadError(undefined);
    try {
      const name = await downloadFile(
        api.GET('/api/v1/positions/{id}/feedback-summary', {
          params: { path: { id }, query: { sort, order, format: 'csv' } },
          parseAs: 'blob',
        }),
        'comparison.csv',
      );
      toast(`Downloaded ${name}`);
    } catch (e) {
      setDownloadError(e);
    } finally {
      setDownloading(false);
    }
  };

  if (summary.error && !summary.data)
    return <ErrorNotice error={summary.error} onRetry={summary.reload} title="The comparison could not be loaded" />;
  if (!summary.data) return <Loading label="Loading comparison…" />;
  const s = summary.data;

  return (
    <>
      <PageHeader
        eyebrow={<Link to={`/positions/${s.position.id}`}>{s.position.name}</Link>}
        title="Compare candidates"
        subtitle={`${s.position.name}: mean ratings on the 1–4 scale from submitted scorecards. Click a column to sort.`}
        actions={
          <button type="button" className="btn btn--primary" onClick={download} disabled={downloading}>
            <Icon name="import" /> {downloading ? 'Preparing…' : 'Download CSV'}
          </button>
        }
      />
      {downloadError ? <ErrorNotice error={downloadError} title="The CSV could not be downloaded" /> : null}
      {summary.error ? <ErrorNotice error={summary.error} onRetry={summary.reload} /> : null}
      {s.rows.length === 0 ? (
        <EmptyState title="No candidates to compare yet">
          Add candidates to this position and collect their scorecards.
        </EmptyState>
      ) : (
        <div className="hm-table-wrap" role="region" aria-label="Candidates side by side" tabIndex={0}>
          <table className={`hm-table${summary.loading ? ' is-loading' : ''}`}>
            <thead>
              <tr>
                {COLUMNS.map((c) => (
                  <th
                    key={c.key}
                    scope="col"
                    aria-sort={sort === c.key ? (order === 'asc' ? 'ascending' : 'descending') : undefined}
                    className={c.numeric ? 'num' : undefined}
                  >
                    <button type="button" className="hm-sort" onClick={() => sortBy(c.key)}>
                      {c.label}
                      <span className={`hm-sort__arrow${sort === c.key ? ' is-on' : ''}`} aria-hidden="true">
                        {sort === c.key ? (order === 'asc' ? '▲' : '▼') : '↕'}
                      </span>
                    </button>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {s.rows.map((r) => (
                <Row key={r.candidate.id} row={r} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      {s.page.nextCursor ? (
        <p className="hm-table-note">
          <button type="button" className="btn" onClick={showMore} disabled={more.loading}>
            {more.loading ? 'Loading…' : `Show more (${s.rows.length} of ${s.total})`}
          </button>
        </p>
      ) : null}
      {more.error ? <ErrorNotice error={more.error} title="More candidates could not be loaded" /> : null}
      <p className="muted small hm-table-note">
        Agreement is Krippendorff’s alpha: above 0.8 the panel agrees; below 0.67 read their notes before deciding.
      </p>
    </>
  );
}

function Score({ value }: { value: number | null }) {
  if (value === null) return <span className="muted">—</span>;
  const tone = value >= 3.25 ? 'strong-yes' : value >= 2.5 ? 'yes' : value >= 1.75 ? 'no' : 'strong-no';
  return <span className={`hm-score hm-score--${tone}`}>{value.toFixed(1)}</span>;
}

function Row({ row }: { row: PositionRow }) {
  const a = row.agreement;
  return (
    <tr>
      <th scope="row">
        <span className="hm-cell-person">
          <Avatar name={row.candidate.name} size="sm" />
          <span>
            <Link to={`/candidates/${row.candidate.id}/summary`}>{row.candidate.name}</Link>
            <span className="muted small">{plural(row.scorecardsSubmitted, 'scorecard')}</span>
          </span>
        </span>
      </th>
      <td className="num">{row.interviewsDone}</td>
      <td className="num">
        <Score value={row.meanByType.technical} />
      </td>
      <td className="num">
        <Score value={row.meanByType.behavioral} />
      </td>
      <td className="num">
        <Score value={row.meanByType.situational} />
      </td>
      <td className="num">
        <Score value={row.overallMean} />
      </td>
      <td className="hm-cell-recs">
        <RecommendationBar compact counts={row.recommendations} caption={`Recommendations for ${row.candidate.name}`} />
        <span className="small muted">
          {row.recommendations.strong_yes + row.recommendations.yes} yes ·{' '}
          {row.recommendations.no + row.recommendations.strong_no} no
        </span>
      </td>
      <td className="num">
        {a.enoughData && a.alpha !== null ? a.alpha.toFixed(2) : <span className="muted small">not enough</span>}
      </td>
      <td className="num">
        {row.scorecardsMissing ? (
          <span
            className={`hm-pill${row.missingFrom.some((m) => m.overdue) ? ' hm-pill--danger' : ''}`}
            title={row.missingFrom.map((m) => m.name).join(', ')}
          >
            {row.scorecardsMissing}
            {row.missingFrom.some((m) => m.overdue) ? ' overdue' : ''}
          </span>
        ) : (
          <span className="muted">0</span>
        )}
      </td>
    </tr>
  );
}
