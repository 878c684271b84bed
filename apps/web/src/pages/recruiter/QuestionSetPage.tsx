import { useEffect, useRef, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { api, call } from '../../api/client';
import { ApiError } from '../../api/errors';
import type { QuestionInput, QuestionSet } from '../../api/types';
import { QUESTION_TYPES } from '../../api/types';
import { StatusBadge, TypeChip } from '../../components/Chips';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Icon } from '../../components/Icon';
import { Loading } from '../../components/Loading';
import { Card, EmptyState, PageHeader } from '../../components/Page';
import { useToast } from '../../components/Toast';
import { useResource } from '../../lib/use-resource';
import { useTimeFormat } from '../../lib/time';
import { QuestionCard } from './question-set/QuestionCard';
import { QuestionForm } from './question-set/QuestionForm';
import { SetDetailsForm, type DetailsInput } from './question-set/SetDetails';
import { SetTools } from './question-set/SetTools';
import { UsedBy } from './question-set/UsedBy';

type Missing = Array<{ id: string; position: number; prompt: string }>;

export default function QuestionSetPage() {
  const { id = '' } = useParams();
  const resource = useResource(() => call(api.GET('/api/v1/question-sets/{id}', { params: { path: { id } } })), [id]);
  if (resource.error && !resource.data)
    return (
      <ErrorNotice error={resource.error} onRetry={resource.reload} title="This question set could not be loaded" />
    );
  if (!resource.data) return <Loading label="Loading question set…" />;
  return <Editor set={resource.data} setSet={resource.setData} reload={resource.reload} />;
}

function Editor({ set, setSet, reload }: { set: QuestionSet; setSet(s: QuestionSet): void; reload(): void }) {
  const navigate = useNavigate();
  const toast = useToast();
  const time = useTimeFormat();
  const [editing, setEditing] = useState<string | 'new' | 'details' | null>(null);
  const [conflict, setConflict] = useState(false);
  const [problem, setProblem] = useState<unknown>();
  const [missing, setMissing] = useState<Missing>([]);
  const [announcement, setAnnouncement] = useState('');
  const [dragging, setDragging] = useState<string | null>(null);
  const [overIndex, setOverIndex] = useState<number | null>(null);
  const [publishing, setPublishing] = useState(false);
  const handles = useRef(new Map<string, HTMLButtonElement>());
  const focusAfterMove = useRef<string | null>(null);
  const editable = set.status === 'draft';
  const questions = set.questions;

  useEffect(() => {
    if (!focusAfterMove.current) return;
    handles.current.get(focusAfterMove.current)?.focus();
    focusAfterMove.current = null;
  }, [questions]);
  // criteria added since a failed publish clear that question's warning
  useEffect(
    () => setMissing((m) => m.filter((x) => questions.find((q) => q.id === x.id)?.criteria.length === 0)),
    [questions],
  );

  /** Every change sends the revision; a 409 means someone else changed the set meanwhile. */
  const change = async (run: () => Promise<QuestionSet>, done?: string): Promise<boolean> => {
    setProblem(undefined);
    try {
      const next = await run();
      setSet(next);
      setConflict(false);
      if (done) toast(done);
      return true;
    } catch (e) {
      if (e instanceof ApiError && e.status === 409) setConflict(true);
      else if (!(e instanceof ApiError && e.status === 400)) setProblem(e);
      throw e;
    }
  };
  const quiet = (p: Promise<unknown>): Promise<void> =>
    p.then(
      () => undefined,
      () => undefined,
    );
  const path = { id: set.id };

  const move = (from: number, to: number) => {
    if (to < 0 || to >= questions.length || from === to) return;
    const order = [...questions];
    const [q] = order.splice(from, 1);
    order.splice(to, 0, q);
    focusAfterMove.current = q.id;
    setSet({ ...set, questions: order.map((x, i) => ({ ...x, position: i })) }); // optimistic
    setAnnouncement(`Question moved to position ${to + 1} of ${order.length}.`);
    void quiet(
      change(() =>
        call(
          api.POST('/api/v1/question-sets/{id}/questions/reorder', {
            params: { path },
            body: { revision: set.revision, questionIds: order.map((x) => x.id) },
          }),
        ),
      ).catch(
        () => setSet(set), // put the order back as the server has it
      ),
    );
  };
  const saveQuestion = async (input: QuestionInput, questionId?: string) => {
    const ok = await change(
      () =>
        questionId
          ? call(
              api.PATCH('/api/v1/question-sets/{id}/questions/{questionId}', {
                params: { path: { id: set.id, questionId } },
                body: { ...input, revision: set.revision },
              }),
            )
          : call(
              api.POST('/api/v1/question-sets/{id}/questions', {
                params: { path },
                body: { ...input, revision: set.revision },
              }),
            ),
      questionId ? 'Question saved' : 'Question added',
    );
    if (ok) setEditing(null);
  };
  const removeQuestion = (questionId: string) =>
    quiet(
      change(
        () =>
          call(
            api.DELETE('/api/v1/question-sets/{id}/questions/{questionId}', {
              params: { path: { id: set.id, questionId }, query: { revision: set.revision } },
            }),
          ),
        'Question removed',
      ),
    );
  const saveDetails = async (d: DetailsInput) => {
    await change(
      () =>
        call(
          api.PATCH('/api/v1/question-sets/{id}', {
            params: { path },
            body: {
              revision: set.revision,
              name: d.name,
              description: d.description,
              positionFamily: d.positionFamily,
              level: d.level,
              tags: d.tags,
            },
          }),
        ),
      'Details saved',
    );
    setEditing(null);
  };
  const publish = async () => {
    setPublishing(true);
    setMissing([]);
    try {
      await change(
        () =>
          call(api.POST('/api/v1/question-sets/{id}/publish', { params: { path }, body: { revision: set.revision } })),
        'Published: hiring managers can now use this set',
      );
    } catch (e) {
      if (e instanceof ApiError && e.status === 422) {
        setProblem(undefined);
        const list = e.detail<Missing>('questionsWithoutCriteria');
        if (list?.length) setMissing(list);
        else setProblem(e);
      }
    } finally {
      setPublishing(false);
    }
  };
  const startNextVersion = async () => {
    try {
      const draft = await call(
        api.PATCH('/api/v1/question-sets/{id}', { params: { path }, body: { revision: set.revision } }),
      );
      toast(`Version ${draft.version} started as a draft`);
      void navigate(`/question-sets/${draft.id}`);
    } catch (e) {
      const draftId = e instanceof ApiError ? e.detail<string>('draftId') : undefined;
      if (draftId) void navigate(`/question-sets/${draftId}`);
      else setProblem(e);
    }
  };

  const drag = {
    draggingId: dragging,
    overIndex,
    start: setDragging,
    over: setOverIndex,
    drop: (to: number) => {
      const from = questions.findIndex((q) => q.id === dragging);
      setDragging(null);
      setOverIndex(null);
      if (from >= 0) move(from, to);
    },
    end: () => (setDragging(null), setOverIndex(null)),
  };

  return (
    <>
      <PageHeader
        eyebrow={<Link to="/question-sets">Question sets</Link>}
        title={set.name}
        subtitle={
          <span className="header-meta">
            <StatusBadge status={set.status} />
            <span>Version {set.version}</span>
            <span>{[set.positionFamily, set.level].filter(Boolean).join(' · ') || 'Any position'}</span>
            <span title={time.dateTime(set.updatedAt)}>Updated {time.relative(set.updatedAt)}</span>
          </span>
        }
        actions={
          editable ? (
            <button type="button" className="btn btn--primary" onClick={publish} disabled={publishing}>
              {publishing ? 'Publishing…' : 'Publish'}
            </button>
          ) : set.status === 'published' ? (
            <button type="button" className="btn" onClick={startNextVersion}>
              <Icon name="edit" /> Edit as version {set.version + 1}
            </button>
          ) : null
        }
      />
      <SetTools setId={set.id} name={set.name} />
      <div className="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </div>
      {conflict && (
        <div className="notice notice--warn" role="alert">
          <Icon name="alert" />
          <p>
            Someone else changed this set while you were editing it. Reload to get their changes, then make yours again.
          </p>
          <button type="button" className="btn btn--small" onClick={() => (setConflict(false), reload())}>
            Reload latest
          </button>
        </div>
      )}
      {problem ? <ErrorNotice error={problem} /> : null}
      {missing.length > 0 && (
        <div className="notice notice--error" role="alert">
          <Icon name="alert" />
          <div className="notice__body">
            <strong>
              Not published yet: {missing.length === 1 ? 'one question needs' : `${missing.length} questions need`}{' '}
              “what to look for” criteria.
            </strong>
            <p>Interviewers rate candidates against the criteria, so every question needs at least one.</p>
            <ul className="missing-list">
              {missing.map((m) => (
                <li key={m.id}>
                  <button type="button" className="link" onClick={() => setEditing(m.id)}>
                    Question {m.position + 1}: {m.prompt}
                  </button>
                </li>
              ))}
            </ul>
          </div>
        </div>
      )}
      {set.status === 'published' && (
        <p className="notice notice--info">
          <Icon name="check" /> Published {time.relative(set.publishedAt)}. A published set never changes, so interviews
          that use it stay consistent; editing starts the next version as a draft.
        </p>
      )}
      <div className="editor-layout">
        <div className="stack">
          <div className="section-head">
            <h2>
              Questions <span className="count">{questions.length}</span>
            </h2>
            {editable && questions.length > 1 && (
              <span className="muted small hide-phone">Drag to reorder, or focus a handle and press Alt+↑ / Alt+↓</span>
            )}
          </div>
          {questions.length === 0 && editing !== 'new' && (
            <EmptyState
              title="No questions yet"
              action={
                editable && (
                  <button type="button" className="btn btn--primary" onClick={() => setEditing('new')}>
                    Add the first question
                  </button>
                )
              }
            >
              Add questions one by one, or import a guide you already have.
            </EmptyState>
          )}
          <ol className="question-list" aria-label="Questions">
            {questions.map((q, i) => (
              <li key={q.id}>
                {editing === q.id ? (
                  <Card className="card--editing">
                    <QuestionForm
                      idPrefix={`q${i}`}
                      question={q}
                      onSave={(input) => saveQuestion(input, q.id)}
                      onCancel={() => setEditing(null)}
                    />
                  </Card>
                ) : (
                  <QuestionCard
                    question={q}
                    index={i}
                    count={questions.length}
                    editable={editable}
                    needsCriteria={missing.some((m) => m.id === q.id)}
                    handleRef={(el) => {
                      if (el) handles.current.set(q.id, el);
                      else handles.current.delete(q.id);
                    }}
                    onMove={(to) => move(i, to)}
                    onEdit={() => setEditing(q.id)}
                    onRemove={() => removeQuestion(q.id)}
                    drag={drag}
                  />
                )}
              </li>
            ))}
          </ol>
          {editable &&
            (editing === 'new' ? (
              <Card className="card--editing" title="New question">
                <QuestionForm
                  idPrefix="new"
                  onSave={(input) => saveQuestion(input)}
                  onCancel={() => setEditing(null)}
                />
              </Card>
            ) : (
              questions.length > 0 && (
                <button type="button" className="btn btn--dashed" onClick={() => setEditing('new')}>
                  <Icon name="plus" /> Add a question
                </button>
              )
            ))}
        </div>
        <aside className="stack">
          <Card
            title="Details"
            actions={
              editable && editing !== 'details' ? (
                <button type="button" className="btn btn--ghost btn--small" onClick={() => setEditing('details')}>
                  Edit<span className="visually-hidden"> details</span>
                </button>
              ) : null
            }
          >
            {editing === 'details' ? (
              <SetDetailsForm set={set} onSave={saveDetails} onCancel={() => setEditing(null)} />
            ) : (
              <dl className="details">
                <dt>Description</dt>
                <dd>{set.description || <span className="muted">None</span>}</dd>
                <dt>Tags</dt>
                <dd>
                  {set.tags.length ? (
                    set.tags.map((t) => (
                      <span className="tag" key={t}>
                        #{t}
                      </span>
                    ))
                  ) : (
                    <span className="muted">None</span>
                  )}
                </dd>
                <dt>Mix</dt>
                <dd className="chips">
                  {QUESTION_TYPES.map((t) => (
                    <TypeChip key={t} type={t} count={set.questionsByType[t]} />
                  ))}
                </dd>
              </dl>
            )}
          </Card>
          <Card title="Used by interviews">
            <UsedBy setId={set.id} />
          </Card>
        </aside>
      </div>
    </>
  );
}
