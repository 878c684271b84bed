import { useEffect, useLayoutEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router-dom';
import { api, call } from '../../api/client';
import { ApiError } from '../../api/errors';
import type { PositionPlan } from '../../api/types';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Field } from '../../components/Field';
import { Icon } from '../../components/Icon';
import { Loading } from '../../components/Loading';
import { Card, PageHeader } from '../../components/Page';
import { useToast } from '../../components/Toast';
import { useTimeFormat } from '../../lib/time';
import { useResource } from '../../lib/use-resource';
import { CoverageMatrix, PlanWarnings } from './plan/CoverageMatrix';
import {
  coverageOf,
  draftOf,
  isDirty,
  moved,
  newKey,
  newStage,
  requestOf,
  savedCoverage,
  type PlanDraft,
} from './plan/draft';
import { StageEditor } from './plan/StageEditor';
import type { Position } from './types';
import '../../styles/plan-board.css';

/** A position's interview plan: its competencies, its ordered stages and their interviews, and the coverage that follows. */
export default function PositionPlanPage() {
  const { id = '' } = useParams();
  const position = useResource(() => call(api.GET('/api/v1/positions/{id}', { params: { path: { id } } })), [id]);
  const plan = useResource(() => call(api.GET('/api/v1/positions/{id}/plan', { params: { path: { id } } })), [id]);
  const failed = position.error ?? plan.error;
  if (failed && (!position.data || !plan.data))
    return (
      <ErrorNotice
        error={failed}
        onRetry={() => (position.reload(), plan.reload())}
        title="This plan could not be loaded"
      />
    );
  if (!position.data || !plan.data) return <Loading label="Loading the interview plan…" />;
  // a new revision (saved here, or reloaded after someone else's save) starts a fresh draft
  return (
    <PlanEditor
      key={plan.data.revision}
      position={position.data}
      plan={plan.data}
      onSaved={plan.setData}
      onReload={plan.reload}
    />
  );
}

const FIELD_PATH =
  /^(competencies\.\d+\.(name|description)|stages\.\d+\.(name|templates)|stages\.\d+\.templates\.\d+\.(title|durationMinutes|panelSize|questionSetIds|questionIds|competencyIds|competencyNames))\b/;

function PlanEditor({
  position,
  plan,
  onSaved,
  onReload,
}: {
  position: Position;
  plan: PositionPlan;
  onSaved(p: PositionPlan): void;
  onReload(): void;
}) {
  const toast = useToast();
  const time = useTimeFormat();
  const saved = useMemo(() => draftOf(plan), [plan]);
  const [draft, setDraft] = useState<PlanDraft>(saved);
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  const [focusId, setFocusId] = useState<string | null>(null);
  const refocus = useRef<Element | null>(null);
  const sets = useResource(
    async () =>
      (await call(api.GET('/api/v1/question-sets', { params: { query: { status: 'published', limit: 100 } } }))).items,
    [],
  );

  const dirty = isDirty(draft, saved);
  const coverage = dirty ? coverageOf(draft) : savedCoverage(plan);

  // leaving with unsaved changes asks first
  useEffect(() => {
    if (!dirty) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  // a moved stage keeps the focus where it was (a button that became disabled hands it to its sibling)
  useLayoutEffect(() => {
    const el = refocus.current as HTMLElement | null;
    refocus.current = null;
    if (!el || !el.isConnected) return;
    if ((el as HTMLButtonElement).disabled)
      (el.parentElement?.querySelector('button:not(:disabled)') as HTMLElement | null)?.focus();
    else if (document.activeElement !== el) el.focus();
  }, [draft]);
  useEffect(() => {
    if (!focusId) return;
    document.getElementById(focusId)?.focus();
    setFocusId(null);
  }, [focusId]);

  const apiError = error instanceof ApiError ? error : undefined;
  const stale = apiError?.status === 409 && apiError.detail('currentRevision') !== undefined;
  const fieldError = (path: string) => apiError?.forField(path);
  const unplaced = (apiError?.fieldProblems ?? []).filter((p) => !FIELD_PATH.test(p.field));
  const placed = (apiError?.fieldProblems.length ?? 0) > unplaced.length;

  // a change to the plan's shape makes the API's field paths (by index) point elsewhere
  const restructure = (next: PlanDraft) => {
    if (apiError?.fieldProblems.length) setError(undefined);
    setDraft(next);
  };
  const moveStage = (from: number, delta: -1 | 1) => {
    const to = from + delta;
    if (to < 0 || to >= draft.stages.length) return;
    refocus.current = document.activeElement;
    restructure({ ...draft, stages: moved(draft.stages, from, to) });
    setAnnouncement(
      `${draft.stages[from].name.trim() || 'The stage'} moved to position ${to + 1} of ${draft.stages.length}.`,
    );
  };
  const addCompetency = () => {
    const key = newKey('competency');
    restructure({ ...draft, competencies: [...draft.competencies, { key, name: '', description: '' }] });
    setFocusId(`competency-${key}-name`);
  };
  const removeCompetency = (key: string) =>
    restructure({
      competencies: draft.competencies.filter((c) => c.key !== key),
      stages: draft.stages.map((s) => ({
        ...s,
        templates: s.templates.map((t) => ({ ...t, competencyKeys: t.competencyKeys.filter((k) => k !== key) })),
      })),
    });
  const addStage = () => {
    const stage = newStage();
    restructure({ ...draft, stages: [...draft.stages, stage] });
    setFocusId(`stage-${stage.key}-name`);
  };

  const save = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const next = await call(
        api.PUT('/api/v1/positions/{id}/plan', {
          params: { path: { id: position.id } },
          body: requestOf(draft, plan.revision),
        }),
      );
      toast('Plan saved');
      onSaved(next);
    } catch (e2) {
      setError(e2);
      setBusy(false);
    }
  };

  return (
    <>
      <PageHeader
        eyebrow={<Link to={`/positions/${position.id}`}>{position.title}</Link>}
        title="Interview plan"
        subtitle="The competencies this position is hired on, the stages every candidate goes through, and the interviews of each stage. Interviews already scheduled keep what they were scheduled with."
        actions={
          <Link className="btn" to={`/positions/${position.id}/pipeline`}>
            Pipeline board
          </Link>
        }
      />
      <PlanWarnings coverage={coverage} preview={dirty} />
      <form className="pl-editor" onSubmit={save} noValidate aria-label="Interview plan">
        {stale ? (
          <div className="notice notice--warn" role="alert">
            <Icon name="alert" />
            <p>
              Someone else changed the plan while you were editing it. Reload to see their version; your changes here
              are not saved.
            </p>
            <button type="button" className="btn btn--small" onClick={onReload}>
              Reload the plan
            </button>
          </div>
        ) : apiError?.status === 409 ? (
          <div className="notice notice--error" role="alert">
            <Icon name="alert" />
            <p>{apiError.message}</p>
          </div>
        ) : error && !apiError?.fieldProblems.length ? (
          <ErrorNotice error={error} />
        ) : apiError?.fieldProblems.length ? (
          <div className="notice notice--error" role="alert">
            <Icon name="alert" />
            <div className="notice__body">
              <p>
                {placed ? 'Some details need another look: see the messages by the fields.' : 'The plan was not saved.'}
              </p>
              {unplaced.length > 0 && (
                <ul className="missing-list">
                  {unplaced.map((p) => (
                    <li key={p.field}>{p.messages.join('; ')}</li>
                  ))}
                </ul>
              )}
            </div>
          </div>
        ) : null}

        <Card
          title={
            <>
              Competencies <span className="count">{draft.competencies.length}</span>
            </>
          }
          actions={<span className="muted small">What every interviewer rates the candidate on</span>}
        >
          {draft.competencies.length === 0 ? (
            <p className="muted">
              No competencies yet. Add the qualities this position is hired on, e.g. System design, Ownership.
            </p>
          ) : (
            <ul className="plain-list pl-competencies" aria-label="Competencies">
              {draft.competencies.map((c, i) => (
                <li key={c.key} className="pl-competency">
                  <Field
                    id={`competency-${c.key}-name`}
                    label="Competency"
                    error={fieldError(`competencies.${i}.name`)}
                  >
                    <input
                      value={c.name}
                      onChange={(e) =>
                        setDraft({
                          ...draft,
                          competencies: draft.competencies.map((x) =>
                            x.key === c.key ? { ...x, name: e.target.value } : x,
                          ),
                        })
                      }
                      placeholder="e.g. System design"
                    />
                  </Field>
                  <Field
                    id={`competency-${c.key}-description`}
                    label="What good looks like (optional)"
                    error={fieldError(`competencies.${i}.description`)}
                  >
                    <input
                      value={c.description}
                      onChange={(e) =>
                        setDraft({
                          ...draft,
                          competencies: draft.competencies.map((x) =>
                            x.key === c.key ? { ...x, description: e.target.value } : x,
                          ),
                        })
                      }
                    />
                  </Field>
                  <button
                    type="button"
                    className="icon-btn"
                    onClick={() => removeCompetency(c.key)}
                    title="Remove competency"
                  >
                    <Icon name="trash" size={16} />
                    <span className="visually-hidden">Remove competency {c.name.trim() || i + 1}</span>
                  </button>
                </li>
              ))}
            </ul>
          )}
          <div className="pl-add">
            <button type="button" className="btn btn--small" onClick={addCompetency}>
              <Icon name="plus" size={16} /> Add competency
            </button>
          </div>
        </Card>

        <section aria-labelledby="stages-title" className="pl-stages">
          <div className="section-head hm-section-head">
            <h2 id="stages-title">
              Stages <span className="count">{draft.stages.length}</span>
            </h2>
            <span className="muted small">
              In the order candidates go through them. Alt+↑ and Alt+↓ move the stage you are in.
            </span>
          </div>
          {draft.stages.length === 0 ? (
            <p className="muted pl-stages__empty">No stages yet. Add the first, e.g. Recruiter screen.</p>
          ) : (
            <ol className="plain-list pl-stage-list" aria-label="Stages">
              {draft.stages.map((s, i) => (
                <StageEditor
                  key={s.key}
                  stage={s}
                  index={i}
                  count={draft.stages.length}
                  competencies={draft.competencies}
                  sets={sets.data}
                  fieldError={fieldError}
                  onChange={(next) =>
                    (next.templates.length !== s.templates.length ? restructure : setDraft)({
                      ...draft,
                      stages: draft.stages.map((x) => (x.key === s.key ? next : x)),
                    })
                  }
                  onMove={(delta) => moveStage(i, delta)}
                  onRemove={() => restructure({ ...draft, stages: draft.stages.filter((x) => x.key !== s.key) })}
                />
              ))}
            </ol>
          )}
          <button type="button" className="btn btn--dashed btn--block" onClick={addStage}>
            <Icon name="plus" /> Add stage
          </button>
          {sets.error ? (
            <ErrorNotice error={sets.error} onRetry={sets.reload} title="The question sets could not be loaded" />
          ) : null}
        </section>

        <Card
          title="Coverage"
          actions={<span className="muted small">{dirty ? 'Preview: save to keep it' : 'As saved'}</span>}
        >
          <CoverageMatrix draft={draft} coverage={coverage} preview={dirty} />
        </Card>

        <div className={`pl-savebar${dirty ? ' pl-savebar--dirty' : ''}`}>
          <span className="muted small" role="status">
            {dirty
              ? 'Unsaved changes'
              : saved.stages.length || saved.competencies.length
                ? `Saved${plan.updatedAt ? ` ${time.relative(plan.updatedAt)}` : ''}`
                : 'No plan yet'}
          </span>
          <button
            type="button"
            className="btn btn--ghost"
            onClick={() => (setDraft(saved), setError(undefined))}
            disabled={!dirty || busy}
          >
            Discard changes
          </button>
          <button className="btn btn--primary" disabled={busy || !dirty}>
            {busy ? 'Saving…' : 'Save plan'}
          </button>
        </div>
      </form>
      <p className="visually-hidden" aria-live="polite">
        {announcement}
      </p>
    </>
  );
}
