import { useEffect, useRef, useState, type FormEvent } from 'react';
import { api, call } from '../../../api/client';
import { ApiError } from '../../../api/errors';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { Field } from '../../../components/Field';
import { FormActions } from '../../../components/FormActions';
import { useToast } from '../../../components/Toast';
import { useTimeFormat } from '../../../lib/time';
import type { InterviewKit } from '../types';

/** A no-show can only be known once the interview has started, and only while feedback is still open. */
export function canMarkNoShow(kit: Pick<InterviewKit, 'status' | 'start'>): boolean {
  const status: string = kit.status;
  return status === 'awaiting_feedback' || (status === 'scheduled' && new Date(kit.start).getTime() <= Date.now());
}

/** "Mark no-show": asks first (the panel's feedback reminders stop and nobody owes a scorecard). */
export function NoShowAction({
  kit,
  onDone,
  onStale,
}: {
  kit: InterviewKit;
  onDone(next: InterviewKit): void;
  onStale(): void;
}) {
  const [open, setOpen] = useState(false);
  const toast = useToast();
  if (!canMarkNoShow(kit)) return null;
  return (
    <>
      <button type="button" className="btn btn--danger-ghost" onClick={() => setOpen(true)} aria-haspopup="dialog">
        Mark no-show
      </button>
      {open && (
        <NoShowDialog
          kit={kit}
          onClose={() => setOpen(false)}
          onStale={() => (setOpen(false), onStale())}
          onDone={(next) => {
            setOpen(false);
            onDone(next);
            toast('Marked as a no-show; feedback reminders stopped');
          }}
        />
      )}
    </>
  );
}

function NoShowDialog({
  kit,
  onClose,
  onDone,
  onStale,
}: {
  kit: InterviewKit;
  onClose(): void;
  onDone(k: InterviewKit): void;
  onStale(): void;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const time = useTimeFormat();
  const [note, setNote] = useState('');
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
    return () => d?.close();
  }, []);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      onDone(
        await call(
          api.POST('/api/v1/interviews/{id}/no-show', {
            params: { path: { id: kit.id } },
            body: { revision: kit.revision, note: note.trim() || undefined },
          }),
        ),
      );
    } catch (e2) {
      setError(e2);
      setBusy(false);
    }
  };
  const apiError = error instanceof ApiError ? error : undefined;
  const stale = apiError?.status === 409 && apiError.detail('currentRevision') !== undefined;
  const noteError = apiError?.forField('note');
  return (
    <dialog ref={ref} className="hm-dialog" aria-labelledby="no-show-title" onClose={onClose} onCancel={onClose}>
      <form onSubmit={submit} noValidate className="stack">
        <h2 id="no-show-title">Mark as a no-show?</h2>
        <p className="muted">
          {kit.candidate.name} did not attend {kit.title}, {time.dateTime(kit.start)}. The panel's feedback reminders
          stop and no scorecard is expected. This cannot be undone.
        </p>
        {stale ? (
          <div className="notice notice--warn" role="alert">
            <p>Someone else changed this interview meanwhile. Load the latest version, then decide again.</p>
            <button type="button" className="btn btn--small" onClick={onStale}>
              Load latest
            </button>
          </div>
        ) : error && !noteError ? (
          <ErrorNotice error={error} />
        ) : null}
        <Field
          id="no-show-note"
          label="Note"
          hint="Optional: for the hiring team, e.g. whether to rebook."
          error={noteError}
        >
          <textarea rows={3} value={note} onChange={(e) => setNote(e.target.value)} autoFocus />
        </Field>
        <FormActions
          onCancel={onClose}
          cancelLabel="Keep as is"
          submitLabel="Mark no-show"
          busyLabel="Saving…"
          busy={busy}
          tone="danger"
        />
      </form>
    </dialog>
  );
}
