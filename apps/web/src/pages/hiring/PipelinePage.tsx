import { useRef, type KeyboardEvent } from 'react';
import { Link, useParams } from 'react-router-dom';
import { api, call } from '../../api/client';
import type { CandidateStatus, PipelineColumn, PositionPlan } from '../../api/types';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Icon } from '../../components/Icon';
import { SearchToolbar, ToolbarSelect, useUrlFilters } from '../../components/ListSearch';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/Page';
import { useResource } from '../../lib/use-resource';
import { CANDIDATE_STATUSES, CANDIDATE_STATUS_LABEL } from './pipeline/labels';
import { PipelineCard, type ScheduleTarget } from './pipeline/PipelineCard';
import '../../styles/plan-board.css';

/** A position's candidates by plan stage, with where each one's interviews and scorecards stand. */
export default function PipelinePage() {
  const { id = '' } = useParams();
  const { params, q, search, setSearch, update } = useUrlFilters();
  const status = (params.get('status') ?? '') as CandidateStatus | '';
  const board = useResource(
    () =>
      call(
        api.GET('/api/v1/positions/{id}/pipeline', {
          params: { path: { id }, query: { q: q || undefined, status: status || undefined } },
        }),
      ),
    [id, q, status],
  );
  // the plan gives "Schedule" its template; the board works without it
  const plan = useResource(
    () => call(api.GET('/api/v1/positions/{id}/plan', { params: { path: { id } } })).catch(() => null),
    [id],
  );

  if (board.error && !board.data)
    return <ErrorNotice error={board.error} onRetry={board.reload} title="This pipeline could not be loaded" />;
  if (!board.data) return <Loading label="Loading the pipeline…" />;
  const data = board.data;
  const total = data.stages.reduce((n, s) => n + s.candidates.length, 0);
  const planned = data.stages.some((s) => s.id !== null);
  const filtered = !!(q || status);

  return (
    <>
      <PageHeader
        eyebrow={<Link to={`/positions/${id}`}>{data.positionTitle}</Link>}
        title="Pipeline"
        subtitle={
          <span className="header-meta">
            <span>{data.positionTitle}</span>
            <span>
              {total} {total === 1 ? 'candidate' : 'candidates'}
              {filtered ? ' shown' : ''}
            </span>
          </span>
        }
        actions={
          <Link className="btn" to={`/positions/${id}/plan`}>
            <Icon name="edit" /> Interview plan
          </Link>
        }
      />
      {!planned && (
        <div className="notice notice--info">
          <Icon name="alert" />
          <p>
            This position has no interview plan yet, so every candidate is in “Not started”.{' '}
            <Link to={`/positions/${id}/plan`}>Build the plan</Link> to give the board its stages.
          </p>
        </div>
      )}
      <SearchToolbar
        id="pipeline-search"
        label="Filter candidates"
        placeholder="Filter by name or email"
        value={search}
        onChange={setSearch}
      >
        <ToolbarSelect label="Candidate status" value={status} onChange={(next) => update({ status: next })}>
          <option value="">All statuses</option>
          {CANDIDATE_STATUSES.map((s) => (
            <option key={s} value={s}>
              {CANDIDATE_STATUS_LABEL[s]}
            </option>
          ))}
        </ToolbarSelect>
      </SearchToolbar>
      {board.error ? <ErrorNotice error={board.error} onRetry={board.reload} /> : null}
      <p className="muted small pb-hint" id="board-hint">
        Tab moves through the cards in reading order; the arrow keys move between candidates' names, across stages too.
      </p>
      <Board columns={data.stages} plan={plan.data ?? null} filtered={filtered} busy={board.loading} />
    </>
  );
}

/** Arrow keys move between the cards' names: ↑/↓ in a column, ←/→ to the nearest card of the next column that has one. */
function moveFocus(board: HTMLElement, from: HTMLElement, key: string): HTMLElement | null {
  const columns = [...board.querySelectorAll<HTMLElement>('[data-column]')].map((c) => [
    ...c.querySelectorAll<HTMLElement>('[data-card-link]'),
  ]);
  const col = columns.findIndex((c) => c.includes(from));
  if (col < 0) return null;
  const row = columns[col].indexOf(from);
  if (key === 'ArrowDown') return columns[col][row + 1] ?? null;
  if (key === 'ArrowUp') return columns[col][row - 1] ?? null;
  const step = key === 'ArrowRight' ? 1 : -1;
  for (let c = col + step; c >= 0 && c < columns.length; c += step)
    if (columns[c].length) return columns[c][Math.min(row, columns[c].length - 1)];
  return null;
}

function Board({
  columns,
  plan,
  filtered,
  busy,
}: {
  columns: PipelineColumn[];
  plan: PositionPlan | null;
  filtered: boolean;
  busy: boolean;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const stages = [...(plan?.stages ?? [])].sort((a, b) => a.order - b.order);
  // "Not started" schedules the first stage; a stage's first interview template fills the form
  const targetOf = (stageId: string | null): ScheduleTarget => {
    const stage = stageId ? stages.find((s) => s.id === stageId) : stages[0];
    return { planStageId: stage?.id ?? stageId ?? undefined, templateId: stage?.templates[0]?.id };
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (
      !['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight'].includes(e.key) ||
      e.altKey ||
      e.ctrlKey ||
      e.metaKey ||
      e.shiftKey
    )
      return;
    const target = e.target as HTMLElement;
    if (!target.hasAttribute('data-card-link') || !ref.current) return;
    const next = moveFocus(ref.current, target, e.key);
    if (next) {
      e.preventDefault();
      next.focus();
      next.scrollIntoView({ block: 'nearest', inline: 'nearest' });
    }
  };
  const sorted = [...columns].sort((a, b) => (a.id === null ? -1 : b.id === null ? 1 : a.order - b.order));
  return (
    <div
      className="pb-board"
      ref={ref}
      onKeyDown={onKeyDown}
      aria-busy={busy}
      aria-describedby="board-hint"
      role="group"
      aria-label="Pipeline board"
    >
      {sorted.map((column, i) => {
        const headingId = `column-${column.id ?? 'start'}`;
        return (
          <section
            key={column.id ?? 'start'}
            className={`pb-column${column.id === null ? ' pb-column--start' : ''}`}
            aria-labelledby={headingId}
            data-column=""
          >
            <div className="pb-column__head">
              <span className="pb-column__n" aria-hidden="true">
                {column.id === null ? '–' : sorted[0].id === null ? i : i + 1}
              </span>
              <h2 id={headingId}>{column.name}</h2>
              <span className="count">
                {column.candidates.length}
                <span className="visually-hidden"> {column.candidates.length === 1 ? 'candidate' : 'candidates'}</span>
              </span>
            </div>
            {column.candidates.length === 0 ? (
              <p className="pb-empty">{filtered ? 'No one here matches.' : 'No candidates in this stage.'}</p>
            ) : (
              <ol className="pb-cards" aria-label={`Candidates in ${column.name}`}>
                {column.candidates.map((c) => (
                  <li key={c.id}>
                    <PipelineCard card={c} schedule={targetOf(column.id)} />
                  </li>
                ))}
              </ol>
            )}
          </section>
        );
      })}
    </div>
  );
}
