import { useState, type FormEvent } from 'react';
import { api, call } from '../../api/client';
import { ApiError } from '../../api/errors';
import { useSession } from '../../auth/session';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Field } from '../../components/Field';
import { FormActions } from '../../components/FormActions';
import { useToast } from '../../components/Toast';
import { useResource } from '../../lib/use-resource';
import type { Candidate, Position } from './types';

/** Fields the API did not name go in a banner; the others next to their field. */
function useFormError() {
  const [error, setError] = useState<unknown>();
  const apiError = error instanceof ApiError ? error : undefined;
  const banner = error && !apiError?.fieldProblems.length ? <ErrorNotice error={error} /> : null;
  return {
    error,
    setError,
    field: (name: string) =>
      apiError?.forField(name) ??
      (apiError && apiError.status === 400 && apiError.message.startsWith(`${name}:`)
        ? apiError.message.replace(/^[^:]+:\s*/, '')
        : undefined),
    banner,
  };
}

/** Opens a position, or edits one (title, department, status; an admin also picks its hiring manager). */
export function PositionForm({
  position,
  onCancel,
  onSaved,
}: {
  position?: Position;
  onCancel(): void;
  onSaved(p: Position): void;
}) {
  const { hasRole } = useSession();
  const toast = useToast();
  const admin = hasRole('admin', 'recruiter');
  const [title, setTitle] = useState(position?.title ?? '');
  const [department, setDepartment] = useState(position?.department ?? '');
  const [status, setStatus] = useState<'open' | 'closed'>(position?.status ?? 'open');
  const [managerId, setManagerId] = useState(position?.hiringManager.id ?? '');
  const [busy, setBusy] = useState(false);
  const err = useFormError();
  // only admins may list users; others open positions they manage themselves
  const managers = useResource(
    async () =>
      hasRole('admin')
        ? (await call(api.GET('/api/v1/users', { params: { query: { limit: 100 } } }))).items.filter(
            (u) => u.roles.includes('hiring_manager') && u.active !== false,
          )
        : [],
    [],
  );

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    err.setError(undefined);
    try {
      const body = {
        title,
        department: department || undefined,
        hiringManagerId: admin && managerId ? managerId : undefined,
      };
      const saved = position
        ? await call(
            api.PATCH('/api/v1/positions/{id}', { params: { path: { id: position.id } }, body: { ...body, status } }),
          )
        : await call(api.POST('/api/v1/positions', { body }));
      toast(position ? 'Position saved' : `Position “${saved.title}” opened`);
      onSaved(saved);
    } catch (e2) {
      err.setError(e2);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      className="card inline-form hm-form"
      onSubmit={submit}
      noValidate
      aria-label={position ? 'Edit position' : 'New position'}
    >
      <h2>{position ? 'Edit position' : 'New position'}</h2>
      {err.banner}
      <div className="grid-2">
        <Field id="position-title" label="Title" error={err.field('title')}>
          <input
            value={title}
            onChange={(e) => setTitle(e.target.value)}
            autoFocus
            placeholder="e.g. Senior Backend Engineer"
          />
        </Field>
        <Field id="position-department" label="Department" hint="Optional" error={err.field('department')}>
          <input value={department} onChange={(e) => setDepartment(e.target.value)} placeholder="e.g. Platform" />
        </Field>
        {hasRole('admin') && (
          <Field id="position-manager" label="Hiring manager" error={err.field('hiringManagerId')}>
            <select value={managerId} onChange={(e) => setManagerId(e.target.value)}>
              <option value="">Choose a hiring manager</option>
              {(managers.data ?? []).map((u) => (
                <option key={u.id} value={u.id}>
                  {u.name} ({u.email})
                </option>
              ))}
            </select>
          </Field>
        )}
        {position && (
          <Field id="position-status" label="Status" error={err.field('status')}>
            <select value={status} onChange={(e) => setStatus(e.target.value as 'open' | 'closed')}>
              <option value="open">Open: hiring</option>
              <option value="closed">Closed</option>
            </select>
          </Field>
        )}
      </div>
      <FormActions
        onCancel={onCancel}
        submitLabel={position ? 'Save position' : 'Open position'}
        busyLabel="Saving…"
        busy={busy}
      />
    </form>
  );
}

/** Adds a candidate to a position, or edits one (name, email, notes). */
export function CandidateForm({
  candidate,
  positionId,
  positions,
  onCancel,
  onSaved,
}: {
  candidate?: Candidate;
  /** The position a new candidate joins; without it the form offers `positions`. */
  positionId?: string;
  positions?: Position[];
  onCancel(): void;
  onSaved(c: Candidate): void;
}) {
  const toast = useToast();
  const [name, setName] = useState(candidate?.name ?? '');
  const [email, setEmail] = useState(candidate?.email ?? '');
  const [notes, setNotes] = useState(candidate?.notes ?? '');
  const [position, setPosition] = useState(positionId ?? '');
  const [busy, setBusy] = useState(false);
  const err = useFormError();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    err.setError(undefined);
    try {
      const saved = candidate
        ? await call(
            api.PATCH('/api/v1/candidates/{id}', {
              params: { path: { id: candidate.id } },
              body: { name, email, notes },
            }),
          )
        : await call(
            api.POST('/api/v1/candidates', { body: { name, email, positionId: position, notes: notes || undefined } }),
          );
      toast(candidate ? 'Candidate saved' : `${saved.name} added`);
      onSaved(saved);
    } catch (e2) {
      err.setError(e2);
    } finally {
      setBusy(false);
    }
  };
  const prefix = candidate ? `candidate-${candidate.id}` : 'new-candidate';
  return (
    <form
      className="card inline-form hm-form"
      onSubmit={submit}
      noValidate
      aria-label={candidate ? 'Edit candidate' : 'New candidate'}
    >
      <h2>{candidate ? 'Edit candidate' : 'Add a candidate'}</h2>
      {err.banner}
      <div className="grid-2">
        <Field id={`${prefix}-name`} label="Name" error={err.field('name')}>
          <input value={name} onChange={(e) => setName(e.target.value)} autoFocus autoComplete="off" />
        </Field>
        <Field id={`${prefix}-email`} label="Email" error={err.field('email')}>
          <input type="email" value={email} onChange={(e) => setEmail(e.target.value)} autoComplete="off" />
        </Field>
        {!candidate && !positionId && (
          <Field id={`${prefix}-position`} label="Position" error={err.field('positionId')}>
            <select value={position} onChange={(e) => setPosition(e.target.value)}>
              <option value="">Choose a position</option>
              {(positions ?? []).map((p) => (
                <option key={p.id} value={p.id}>
                  {p.title}
                </option>
              ))}
            </select>
          </Field>
        )}
      </div>
      <Field id={`${prefix}-notes`} label="Notes for the hiring team" hint="Optional" error={err.field('notes')}>
        <textarea rows={3} value={notes} onChange={(e) => setNotes(e.target.value)} />
      </Field>
      <FormActions
        onCancel={onCancel}
        submitLabel={candidate ? 'Save candidate' : 'Add candidate'}
        busyLabel="Saving…"
        busy={busy}
      />
    </form>
  );
}
