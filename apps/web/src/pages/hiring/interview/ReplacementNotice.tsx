import { useState } from 'react';
import { api, call } from '../../../api/client';
import { ApiError } from '../../../api/errors';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { Icon } from '../../../components/Icon';
import { useToast } from '../../../components/Toast';
import { useResource } from '../../../lib/use-resource';
import type { InterviewKit } from '../types';
import '../../../styles/rsvp.css';
import { plural } from '../../../lib/plural';

/**
 * A panelist declined: who, why, and interviewers to put in their place: the free first, then,
 * greyed, those who are not (with why). Replace is the panel
 * edit (PATCH with the panel), the declined panelist swapped for the suggestion in their role.
 */
export function ReplacementNotice({
  kit,
  onReplaced,
  onStale,
}: {
  kit: InterviewKit;
  onReplaced(k: InterviewKit): void;
  onStale(): void;
}) {
  const toast = useToast();
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<unknown>();
  const suggestions = useResource(
    () => call(api.GET('/api/v1/interviews/{id}/replacements', { params: { path: { id: kit.id } } })),
    [kit.id, kit.revision],
  );
  const declined = kit.panel.filter((p) => p.rsvp === 'declined');
  const first = declined[0];

  const replace = async (userId: string, name: string) => {
    if (!first) return;
    setBusy(userId);
    setError(undefined);
    try {
      const panel = kit.panel.map((p) => ({ userId: p.userId === first.userId ? userId : p.userId, role: p.role }));
      const next = await call(
        api.PATCH('/api/v1/interviews/{id}', {
          params: { path: { id: kit.id } },
          body: { revision: kit.revision, panel },
        }),
      );
      onReplaced(next);
      toast(`${name} replaces ${first.name} on the panel`);
    } catch (e) {
      if (e instanceof ApiError && e.status === 409 && e.detail('currentRevision') !== undefined) onStale();
      setError(e);
    } finally {
      setBusy(null);
    }
  };

  if (!first) return null;
  return (
    <div className="notice notice--warn" role="status" data-testid="needs-replacement">
      <Icon name="alert" />
      <div className="notice__body">
        <strong>Needs a replacement</strong>
        {declined.map((d) => (
          <p key={d.userId}>
            {d.name} declined
            {d.rsvpNote ? (
              <>
                : <span className="rsvp-note">“{d.rsvpNote}”</span>
              </>
            ) : (
              '.'
            )}
          </p>
        ))}
        {error ? <ErrorNotice error={error} /> : null}
        {suggestions.error ? <ErrorNotice error={suggestions.error} onRetry={suggestions.reload} /> : null}
        {suggestions.data &&
          (suggestions.data.suggestions.length === 0 ? (
            <p className="small">No other interviewer to suggest. Reschedule, or pick someone on the panel edit.</p>
          ) : (
            <>
              <p className="small">Free at that time first, best match first:</p>
              <ul className="rsvp-suggestions" aria-label="Suggested replacements">
                {suggestions.data.suggestions.map((s) => (
                  <li
                    key={s.userId}
                    className={s.available ? undefined : 'rsvp-suggestions__unavailable'}
                    data-available={s.available}
                  >
                    <span className="rsvp-suggestions__who">
                      <strong>{s.name}</strong>
                      <span className="small muted">
                        {s.localTime} their time ({s.timezone}) ·{' '}
                        {s.matchingCompetencies.length
                          ? `Assesses ${s.matchingCompetencies.join(', ')}`
                          : 'No matching competency'}{' '}
                        · {s.weekLoad} of {plural(s.weeklyLimit, 'interview')} that week
                      </span>
                      {s.reason ? <span className="small muted">Not free: {s.reason}</span> : null}
                    </span>
                    <button
                      type="button"
                      className="btn btn--small btn--primary"
                      disabled={busy !== null}
                      onClick={() => replace(s.userId, s.name)}
                      aria-label={`Replace ${first.name} with ${s.name}`}
                    >
                      {busy === s.userId ? 'Replacing…' : 'Replace'}
                    </button>
                  </li>
                ))}
              </ul>
            </>
          ))}
      </div>
    </div>
  );
}
