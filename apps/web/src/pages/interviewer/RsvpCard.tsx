import { useState } from 'react';
import { api, call } from '../../api/client';
import { ApiError } from '../../api/errors';
import type { InterviewKit } from '../../api/types';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Field } from '../../components/Field';
import { RsvpChip } from '../../components/rsvp/RsvpChip';
import { useToast } from '../../components/Toast';

type Answer = 'accepted' | 'tentative' | 'declined';
const CHOICES: Array<{ value: Answer; label: string; done: string }> = [
  { value: 'accepted', label: 'Accept', done: 'You accepted' },
  { value: 'tentative', label: 'Tentative', done: 'Marked tentative' },
  { value: 'declined', label: 'Decline', done: 'You declined; the recruiter has been told' },
];

/** The panelist's own answer to the invitation: Accept / Tentative / Decline, with an optional note. */
export function RsvpCard({
  kit,
  userId,
  onChange,
}: {
  kit: InterviewKit;
  userId: string;
  onChange(k: InterviewKit): void;
}) {
  const me = kit.panel.find((p) => p.userId === userId)!;
  const toast = useToast();
  const [note, setNote] = useState(me.rsvpNote ?? '');
  const [busy, setBusy] = useState<Answer | null>(null);
  const [error, setError] = useState<unknown>();
  const open = kit.status === 'scheduled' && new Date(kit.start).getTime() > Date.now();

  const answer = async (response: Answer) => {
    setBusy(response);
    setError(undefined);
    try {
      const next = await call(
        api.POST('/api/v1/interviews/{id}/rsvp', {
          params: { path: { id: kit.id } },
          body: { response, note: note.trim() || undefined },
        }),
      );
      onChange(next);
      toast(CHOICES.find((c) => c.value === response)!.done);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(null);
    }
  };
  const noteError = error instanceof ApiError ? error.forField('note') : undefined;

  return (
    <section className="card rsvp-card" aria-labelledby="rsvp-title">
      <h2 id="rsvp-title" className="iv-side-title">
        Your answer
      </h2>
      <p className="rsvp-card__current">
        <RsvpChip rsvp={me.rsvp} />
        {me.rsvpNote && <span className="rsvp-note small">“{me.rsvpNote}”</span>}
      </p>
      {open ? (
        <>
          {error && !noteError ? <ErrorNotice error={error} /> : null}
          <Field
            id="rsvp-note"
            label="Note (optional)"
            hint="Seen by the recruiter and the hiring manager."
            error={noteError}
          >
            <textarea
              rows={2}
              maxLength={1000}
              value={note}
              onChange={(e) => setNote(e.target.value)}
              placeholder="e.g. On leave that day"
            />
          </Field>
          <div className="rsvp-card__choices" role="group" aria-label="Answer the invitation">
            {CHOICES.map((c) => (
              <button
                key={c.value}
                type="button"
                className={`btn btn--small${c.value === 'accepted' ? ' btn--primary' : c.value === 'declined' ? ' btn--danger-ghost' : ''}`}
                aria-pressed={me.rsvp === c.value}
                disabled={busy !== null}
                onClick={() => answer(c.value)}
              >
                {busy === c.value ? 'Saving…' : c.label}
              </button>
            ))}
          </div>
        </>
      ) : (
        <p className="muted small">Answers are for scheduled interviews still ahead.</p>
      )}
    </section>
  );
}
