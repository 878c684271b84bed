import { useEffect, useRef, useState, type FormEvent } from 'react';
import { api, call } from '../../api/client';
import { ApiError } from '../../api/errors';
import type { RejectionReason } from '../../api/types';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Field } from '../../components/Field';
import { Icon } from '../../components/Icon';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/Page';
import { useToast } from '../../components/Toast';
import { useResource } from '../../lib/use-resource';
import '../../styles/admin.css';

/** The API's limits (libs/hiring/src/reasons/rejection-reason.dto.ts). */
const MAX_LABEL = 120;
const MAX_REASONS = 100;

/** A row being edited; `key` follows it through moves, so that an error stays by its field. */
interface Row {
  key: string;
  id?: string;
  label: string;
  active: boolean;
  /** The label as saved, to name the row in its buttons while the input is being changed. */
  savedLabel?: string;
}

type Saved = RejectionReason[];

let nextKey = 1;
const toRows = (items: Saved): Row[] =>
  items.map((r) => ({ key: r.id, id: r.id, label: r.label, active: r.active, savedLabel: r.label }));
const toBody = (rows: Row[]) => ({
  reasons: rows.map((r) => ({ ...(r.id ? { id: r.id } : {}), label: r.label.trim(), active: r.active })),
});

/** The words for a label the API refused (its own wording names the DTO field). */
function labelWords(message: string): string {
  if (/empty/i.test(message)) return 'Give the reason a label.';
  if (/longer|shorter|120/i.test(message)) return `Keep the label to ${MAX_LABEL} characters or fewer.`;
  if (/twice/i.test(message)) return 'Another reason has this label already.';
  return message;
}

export default function RejectionReasonsPage() {
  const reasons = useResource(() => call(api.GET('/api/v1/settings/rejection-reasons')), []);
  return (
    <>
      <PageHeader
        title="Rejection reasons"
        subtitle="The reasons offered when a candidate is rejected. A reason is never deleted, because past decisions cite it: deactivate it to stop offering it."
      />
      {reasons.error && !reasons.data ? <ErrorNotice error={reasons.error} onRetry={reasons.reload} /> : null}
      {!reasons.data ? (
        !reasons.error && <Loading label="Loading the rejection reasons…" />
      ) : (
        <ReasonsForm saved={reasons.data.items} onSaved={(items) => reasons.setData({ items })} />
      )}
    </>
  );
}

function ReasonsForm({ saved, onSaved }: { saved: Saved; onSaved(items: Saved): void }) {
  const toast = useToast();
  const [rows, setRows] = useState<Row[]>(() => toRows(saved));
  const [error, setError] = useState<unknown>();
  // the API's problems by row key: its field paths count rows as they were sent
  const [rowProblems, setRowProblems] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [newLabel, setNewLabel] = useState('');
  const [newProblem, setNewProblem] = useState<string>();
  const newInput = useRef<HTMLInputElement>(null);
  useEffect(() => setRows(toRows(saved)), [saved]);

  const dirty = JSON.stringify(toBody(rows)) !== JSON.stringify(toBody(toRows(saved)));
  const activeCount = rows.filter((r) => r.active).length;

  const update = (key: string, change: Partial<Row>) =>
    setRows((rs) => rs.map((r) => (r.key === key ? { ...r, ...change } : r)));
  const move = (index: number, by: -1 | 1) =>
    setRows((rs) => {
      const next = [...rs];
      [next[index], next[index + by]] = [next[index + by], next[index]];
      return next;
    });

  const add = () => {
    const label = newLabel.trim();
    if (!label) return setNewProblem('Type the reason first, such as "Relocation not possible".');
    const twin = rows.find((r) => r.label.trim().toLowerCase() === label.toLowerCase());
    if (twin)
      return setNewProblem(
        twin.active
          ? `"${twin.label.trim()}" is already in the list.`
          : `"${twin.label.trim()}" is in the list but inactive: reactivate it instead.`,
      );
    setNewProblem(undefined);
    setRows((rs) => [...rs, { key: `new-${nextKey++}`, label, active: true }]);
    setNewLabel('');
    newInput.current?.focus();
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const sent = rows;
    setBusy(true);
    setError(undefined);
    setRowProblems({});
    try {
      const next = await call(api.PUT('/api/v1/settings/rejection-reasons', { body: toBody(sent) }));
      onSaved(next.items);
      toast('Rejection reasons saved');
    } catch (err) {
      setError(err);
      setRowProblems(problemsByRow(err, sent));
    } finally {
      setBusy(false);
    }
  };

  const placed = Object.keys(rowProblems).length > 0;

  return (
    <form className="policy-form reasons-form" onSubmit={submit} noValidate aria-label="Rejection reasons">
      {error && !placed ? <ErrorNotice error={error} /> : null}
      {placed ? (
        <div className="notice notice--error" role="alert">
          <Icon name="alert" />
          <p>Not saved: fix the highlighted reasons below.</p>
        </div>
      ) : null}
      {activeCount === 0 && (
        <div className="notice notice--warn">
          <Icon name="alert" />
          <p>No reason is active: nobody can record a rejection until one is.</p>
        </div>
      )}

      <ol className="reason-list" aria-label="Reasons">
        {rows.map((r, i) => {
          const name = r.savedLabel ?? (r.label.trim() || 'the new reason');
          return (
            <li key={r.key} className={`reason-row${r.active ? '' : ' reason-row--inactive'}`}>
              <span className="reason-row__number" aria-hidden="true">
                {i + 1}
              </span>
              <Field
                id={`reason-${r.key}`}
                label={<span className="visually-hidden">Reason {i + 1}</span>}
                error={rowProblems[r.key]}
                className="reason-row__field"
              >
                <input
                  value={r.label}
                  maxLength={MAX_LABEL}
                  autoComplete="off"
                  onChange={(e) => update(r.key, { label: e.target.value })}
                />
              </Field>
              <span className="reason-row__state">
                {!r.id ? (
                  <span className="badge badge--new">New</span>
                ) : r.active ? (
                  <span className="badge badge--active">Offered</span>
                ) : (
                  <span className="badge badge--inactive">Inactive</span>
                )}
              </span>
              <span className="reason-row__actions">
                <button
                  type="button"
                  className="icon-btn"
                  disabled={i === 0}
                  onClick={() => move(i, -1)}
                  aria-label={`Move ${name} up`}
                >
                  <Icon name="up" size={15} />
                </button>
                <button
                  type="button"
                  className="icon-btn"
                  disabled={i === rows.length - 1}
                  onClick={() => move(i, 1)}
                  aria-label={`Move ${name} down`}
                >
                  <Icon name="down" size={15} />
                </button>
                {!r.id ? (
                  // not saved yet, so no decision cites it: it may simply go
                  <button
                    type="button"
                    className="btn btn--small btn--ghost"
                    onClick={() => setRows((rs) => rs.filter((x) => x.key !== r.key))}
                    aria-label={`Remove ${name}`}
                  >
                    Remove
                  </button>
                ) : r.active ? (
                  <button
                    type="button"
                    className="btn btn--small btn--ghost"
                    onClick={() => update(r.key, { active: false })}
                    aria-label={`Deactivate ${name}`}
                  >
                    Deactivate
                  </button>
                ) : (
                  <button
                    type="button"
                    className="btn btn--small"
                    onClick={() => update(r.key, { active: true })}
                    aria-label={`Reactivate ${name}`}
                  >
                    Reactivate
                  </button>
                )}
              </span>
            </li>
          );
        })}
      </ol>

      {rows.length < MAX_REASONS ? (
        <div className="reason-add">
          <Field
            id="new-reason"
            label="Add a reason"
            error={newProblem}
            hint={`Up to ${MAX_LABEL} characters. It is offered as soon as you save.`}
          >
            <input
              ref={newInput}
              value={newLabel}
              maxLength={MAX_LABEL}
              autoComplete="off"
              onChange={(e) => setNewLabel(e.target.value)}
              onKeyDown={(e) => {
                if (e.key === 'Enter') {
                  e.preventDefault();
                  add();
                }
              }}
            />
          </Field>
          <button type="button" className="btn" onClick={add}>
            <Icon name="plus" /> Add
          </button>
        </div>
      ) : (
        <p className="muted small reason-add">That is the most reasons the list can hold ({MAX_REASONS}).</p>
      )}

      <div className={`save-bar${dirty ? ' save-bar--dirty' : ''}`}>
        <span className="save-bar__state" aria-live="polite">
          {dirty ? 'Unsaved changes' : 'All changes saved'}
        </span>
        <button
          type="button"
          className="btn btn--ghost"
          disabled={!dirty || busy}
          onClick={() => {
            setRows(toRows(saved));
            setError(undefined);
            setRowProblems({});
          }}
        >
          Discard
        </button>
        <button className="btn btn--primary" disabled={!dirty || busy}>
          {busy ? 'Saving…' : 'Save reasons'}
        </button>
      </div>
    </form>
  );
}

/**
 * The API's complaints about single reasons, by row key. Validation names `reasons.2.label`;
 * the duplicate and unknown-id checks name `reasons[2].label` in the message.
 */
function problemsByRow(err: unknown, sent: Row[]): Record<string, string> {
  if (!(err instanceof ApiError) || err.status !== 400) return {};
  const out: Record<string, string> = {};
  const put = (index: number, message: string) => {
    const row = sent[index];
    if (row && !out[row.key]) out[row.key] = labelWords(message);
  };
  for (const p of err.fieldProblems) {
    const m = /^reasons\.(\d+)\./.exec(p.field);
    if (m) put(Number(m[1]), p.messages.join('; '));
  }
  const m = /^reasons\[(\d+)\]\.(\w+): (.*)$/.exec(err.message);
  if (m) put(Number(m[1]), m[2] === 'id' ? 'This reason no longer exists: reload the page.' : m[3]);
  return out;
}
