import { useRef, useState, type KeyboardEvent } from 'react';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { api, call } from '../../api/client';
import type { CandidateStatus, Debrief } from '../../api/types';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Icon } from '../../components/Icon';
import { Loading } from '../../components/Loading';
import { Card, EmptyState, PageHeader } from '../../components/Page';
import { useToast } from '../../components/Toast';
import { useResource } from '../../lib/use-resource';
import { AgreementList, ByCriterion } from './debrief/ByCriterion';
import { DecisionHistory, DecisionPanel, decisionSummary, STATUS_LABEL, type PlanStage } from './debrief/decisions';
import { ScorecardCard, fromDebrief } from './debrief/ScorecardCard';
import { Avatar } from './shared';
import { plural } from '../../lib/plural';

type View = 'interviewer' | 'criterion';
const VIEWS: Array<{ id: View; label: string }> = [
  { id: 'interviewer', label: 'By interviewer' },
  { id: 'criterion', label: 'By criterion' },
];

/**
 * The debrief: every submitted scorecard of a candidate (optionally one plan stage), by
 * interviewer and by criterion, the panel's agreement, who is missing, and the decision.
 * Printing gives both views one after the other, without the controls.
 */
export default function DebriefPage() {
  const { id = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const stage = params.get('stage') ?? '';
  const toast = useToast();
  const debrief = useResource(
    () =>
      call(
        api.GET('/api/v1/candidates/{id}/debrief', {
          params: { path: { id }, query: stage ? { planStageId: stage } : {} },
        }),
      ),
    [id, stage],
  );
  const candidate = useResource(() => call(api.GET('/api/v1/candidates/{id}', { params: { path: { id } } })), [id]);
  const positionId = candidate.data?.positionId;
  const plan = useResource(
    async () =>
      positionId ? await call(api.GET('/api/v1/positions/{id}/plan', { params: { path: { id: positionId } } })) : null,
    [positionId],
  );
  const history = useResource(
    async () => (await call(api.GET('/api/v1/candidates/{id}/decisions', { params: { path: { id } } }))).items,
    [id],
  );

  if (debrief.error && !debrief.data)
    return <ErrorNotice error={debrief.error} onRetry={debrief.reload} title="The debrief could not be loaded" />;
  if (!debrief.data) return <Loading label="Loading the debrief…" />;
  const d = debrief.data;
  const stages: PlanStage[] = [...(plan.data?.stages ?? [])]
    .map((s) => ({ id: s.id, name: s.name, order: s.order }))
    .sort((a, b) => a.order - b.order);
  const c = candidate.data;
  const status: CandidateStatus = c?.status ?? 'active';
  const stageLabel = stage ? (stages.find((s) => s.id === stage)?.name ?? 'this stage') : 'all stages';

  return (
    <div className="db-page">
      <PageHeader
        eyebrow={<Link to={`/candidates/${d.candidate.id}`}>{d.candidate.name}</Link>}
        title={`Debrief: ${d.candidate.name}`}
        subtitle={
          <span className="header-meta">
            <span>{d.candidate.positionTitle}</span>
            {c?.stageName ? <span>Stage: {c.stageName}</span> : null}
            <span>{STATUS_LABEL[status]}</span>
            <span>
              {plural(d.scorecards.length, 'scorecard')} from {stageLabel}
            </span>
          </span>
        }
        actions={
          <button type="button" className="btn db-no-print" onClick={() => window.print()}>
            Print
          </button>
        }
      />
      {stages.length > 0 && (
        <div className="db-toolbar db-no-print">
          <label htmlFor="debrief-stage">Stage</label>
          <select
            id="debrief-stage"
            value={stage}
            onChange={(e) => {
              const next = new URLSearchParams(params);
              if (e.target.value) next.set('stage', e.target.value);
              else next.delete('stage');
              setParams(next, { replace: true });
            }}
          >
            <option value="">All stages</option>
            {stages.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
          {debrief.loading && <span className="muted small">Loading…</span>}
        </div>
      )}
      {debrief.error ? <ErrorNotice error={debrief.error} onRetry={debrief.reload} /> : null}

      <div className="hm-two-col db-layout">
        <div className="stack db-main">
          {d.scorecards.length === 0 ? (
            <EmptyState title="No scorecard submitted yet">
              Submitted scorecards appear here as soon as each panelist sends theirs; drafts never do.
            </EmptyState>
          ) : (
            <Views debrief={d} />
          )}
        </div>
        <aside className="stack db-side" aria-label="Decision and agreement">
          {c && (
            <DecisionPanel
              candidateId={d.candidate.id}
              candidateName={d.candidate.name}
              status={status}
              stageId={c.stageId ?? null}
              stages={stages}
              onDecided={(decision) => {
                toast(decisionSummary(decision));
                candidate.reload();
                history.reload();
                debrief.reload();
              }}
            />
          )}
          <Card title="Agreement">
            <AgreementList agreement={d.agreement} />
          </Card>
          <Card
            title={
              <>
                Still missing <span className="count">{d.missing.length}</span>
              </>
            }
          >
            {d.missing.length === 0 ? (
              <p className="hm-all-in">
                <Icon name="check" /> Every panelist has submitted.
              </p>
            ) : (
              <ul className="plain-list hm-missing" aria-label="Missing scorecards">
                {d.missing.map((m) => (
                  <li key={`${m.interviewId}-${m.userId}`}>
                    <Avatar name={m.name} size="sm" />
                    <span className="hm-missing__who">
                      <strong>{m.name}</strong>
                      <Link className="small" to={`/hiring/interviews/${m.interviewId}`}>
                        {m.interviewTitle}
                      </Link>
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </Card>
          <Card title="Decisions">
            {history.error ? <ErrorNotice error={history.error} onRetry={history.reload} /> : null}
            {history.data ? (
              <DecisionHistory items={history.data} />
            ) : (
              !history.error && <p className="muted small">Loading…</p>
            )}
          </Card>
        </aside>
      </div>
    </div>
  );
}

/** The two views as tabs (arrow keys move between them); both are printed, one after the other. */
function Views({ debrief }: { debrief: Debrief }) {
  const [view, setView] = useState<View>('interviewer');
  const tabs = useRef<Array<HTMLButtonElement | null>>([]);
  const onKeyDown = (e: KeyboardEvent) => {
    const at = VIEWS.findIndex((v) => v.id === view);
    const to =
      e.key === 'ArrowRight'
        ? at + 1
        : e.key === 'ArrowLeft'
          ? at - 1
          : e.key === 'Home'
            ? 0
            : e.key === 'End'
              ? VIEWS.length - 1
              : null;
    if (to === null) return;
    e.preventDefault();
    const next = (to + VIEWS.length) % VIEWS.length;
    setView(VIEWS[next].id);
    tabs.current[next]?.focus();
  };
  return (
    <>
      <div className="db-tabs db-no-print" role="tablist" aria-label="Debrief views" onKeyDown={onKeyDown}>
        {VIEWS.map((v, i) => (
          <button
            key={v.id}
            ref={(el) => {
              tabs.current[i] = el;
            }}
            type="button"
            role="tab"
            id={`tab-${v.id}`}
            aria-controls={`panel-${v.id}`}
            aria-selected={view === v.id}
            tabIndex={view === v.id ? 0 : -1}
            className="db-tab"
            onClick={() => setView(v.id)}
          >
            {v.label}
          </button>
        ))}
      </div>
      <section
        role="tabpanel"
        id="panel-interviewer"
        aria-labelledby="tab-interviewer"
        hidden={view !== 'interviewer'}
        className="db-panel"
        tabIndex={0}
      >
        <h2 className="db-print-only">By interviewer</h2>
        <div className="stack">
          {debrief.scorecards.map((s) => (
            <ScorecardCard key={s.id} card={fromDebrief(s)} />
          ))}
        </div>
      </section>
      <section
        role="tabpanel"
        id="panel-criterion"
        aria-labelledby="tab-criterion"
        hidden={view !== 'criterion'}
        className="db-panel"
        tabIndex={0}
      >
        <h2 className="db-print-only">By criterion</h2>
        <ByCriterion debrief={debrief} />
      </section>
    </>
  );
}
