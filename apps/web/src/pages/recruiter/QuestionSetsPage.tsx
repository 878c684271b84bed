import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { api, call } from '../../api/client';
import { ApiError } from '../../api/errors';
import { QUESTION_TYPES, type QuestionSetStatus, type QuestionSetSummary, type QuestionType } from '../../api/types';
import { StatusBadge, TypeChip } from '../../components/Chips';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Field } from '../../components/Field';
import { FormActions } from '../../components/FormActions';
import { Icon } from '../../components/Icon';
import { SearchToolbar, ToolbarSelect, useUrlFilters } from '../../components/ListSearch';
import { EmptyState, PageHeader } from '../../components/Page';
import { PagedList, usePaged } from '../../components/PagedList';
import { useTimeFormat } from '../../lib/time';

const PAGE_SIZE = 20;

export default function QuestionSetsPage() {
  // the URL holds the filters, so a search can be shared and survives a reload
  const { params, q, search, setSearch, update } = useUrlFilters();
  const status = (params.get('status') ?? '') as QuestionSetStatus | '';
  const type = (params.get('type') ?? '') as QuestionType | '';
  const [creating, setCreating] = useState(false);

  const paged = usePaged(
    (cursor) =>
      call(
        api.GET('/api/v1/question-sets', {
          params: {
            query: {
              limit: PAGE_SIZE,
              cursor,
              q: q || undefined,
              status: status || undefined,
              type: type || undefined,
            },
          },
        }),
      ),
    [q, status, type],
  );
  const filtered = !!(q || status || type);

  return (
    <>
      <PageHeader
        title="Question sets"
        subtitle="Structured questions with follow-ups and what to look for. Interviewers rate against the criteria."
        actions={
          <>
            <Link className="btn" to="/question-sets/import">
              <Icon name="import" /> Import a guide
            </Link>
            <button type="button" className="btn btn--primary" onClick={() => setCreating(true)}>
              <Icon name="plus" /> New set
            </button>
          </>
        }
      />
      {creating && <NewSetForm onCancel={() => setCreating(false)} />}
      <SearchToolbar
        id="set-search"
        label="Search question sets"
        placeholder="Search names, questions and criteria"
        value={search}
        onChange={setSearch}
      >
        <ToolbarSelect label="Status" value={status} onChange={(next) => update({ status: next })}>
          <option value="">Any status</option>
          <option value="draft">Drafts</option>
          <option value="published">Published</option>
          <option value="archived">Archived</option>
        </ToolbarSelect>
        <ToolbarSelect label="Question type" value={type} onChange={(next) => update({ type: next })}>
          <option value="">Any question type</option>
          {QUESTION_TYPES.map((t) => (
            <option key={t} value={t}>
              Has {t} questions
            </option>
          ))}
        </ToolbarSelect>
      </SearchToolbar>
      <PagedList
        paged={paged}
        label="question sets"
        className="set-list"
        keyOf={(s) => s.id}
        render={(s) => <SetRow set={s} />}
        empty={
          filtered ? (
            <EmptyState title="No sets match">Try other words, or clear the filters.</EmptyState>
          ) : (
            <EmptyState
              title="No question sets yet"
              action={
                <Link className="btn btn--primary" to="/question-sets/import">
                  Import your first guide
                </Link>
              }
            >
              Paste an interview guide you already use, or start an empty set.
            </EmptyState>
          )
        }
      />
    </>
  );
}

function SetRow({ set }: { set: QuestionSetSummary }) {
  const time = useTimeFormat();
  return (
    <Link to={`/question-sets/${set.id}`} className="set-row">
      <div className="set-row__main">
        <div className="set-row__title">
          <span className="set-row__name">{set.name}</span>
          <StatusBadge status={set.status} />
          <span className="muted small">v{set.version}</span>
        </div>
        <div className="set-row__meta">
          {[set.positionFamily, set.level].filter(Boolean).join(' · ') || 'Any position'}
          {set.tags.length > 0 && (
            <span className="tags">
              {set.tags.map((t) => (
                <span key={t} className="tag">
                  #{t}
                </span>
              ))}
            </span>
          )}
        </div>
      </div>
      <div className="set-row__types">
        {QUESTION_TYPES.filter((t) => set.questionsByType[t] > 0).map((t) => (
          <TypeChip key={t} type={t} count={set.questionsByType[t]} />
        ))}
        {set.questionCount === 0 && <span className="muted small">No questions yet</span>}
      </div>
      <div className="set-row__when" title={time.dateTime(set.updatedAt)}>
        Updated {time.relative(set.updatedAt)}
      </div>
    </Link>
  );
}

function NewSetForm({ onCancel }: { onCancel(): void }) {
  const navigate = useNavigate();
  const [name, setName] = useState('');
  const [family, setFamily] = useState('');
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    try {
      const set = await call(
        api.POST('/api/v1/question-sets', { body: { name, positionFamily: family || undefined } }),
      );
      void navigate(`/question-sets/${set.id}`);
    } catch (err) {
      setError(err);
      setBusy(false);
    }
  };
  const apiError = error instanceof ApiError ? error : undefined;
  return (
    <form className="card inline-form" onSubmit={submit} noValidate>
      <h2>New question set</h2>
      {error && !apiError?.fieldProblems.length ? <ErrorNotice error={error} /> : null}
      <div className="grid-2">
        <Field id="new-set-name" label="Name" error={apiError?.forField('name')}>
          <input
            value={name}
            onChange={(e) => setName(e.target.value)}
            autoFocus
            placeholder="e.g. Backend engineer onsite"
          />
        </Field>
        <Field id="new-set-family" label="Position family" hint="Optional" error={apiError?.forField('positionFamily')}>
          <input value={family} onChange={(e) => setFamily(e.target.value)} placeholder="e.g. Backend Engineer" />
        </Field>
      </div>
      <FormActions onCancel={onCancel} submitLabel="Create and add questions" busyLabel="Creating…" busy={busy} />
    </form>
  );
}
