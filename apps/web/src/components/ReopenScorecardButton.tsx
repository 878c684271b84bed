import { useState } from 'react';
import { api, call } from '../api/client';
import type { Scorecard } from '../api/types';
import { ErrorNotice } from './ErrorNotice';
import { useToast } from './Toast';

interface Props {
  interviewId: string;
  scorecardId: string;
  /** Whose scorecard, for the confirmation ("your" for its author). */
  whose: string;
  onReopened(card: Scorecard): void;
}

/**
 * Reopens a submitted scorecard (its author or an admin, as the API allows), after a confirmation:
 * it goes back to a draft, leaves the hiring team's view until it is submitted again, and the
 * audit trail records who reopened it.
 */
export function ReopenScorecardButton({ interviewId, scorecardId, whose, onReopened }: Props) {
  const toast = useToast();
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const reopen = async () => {
    setBusy(true);
    setError(undefined);
    try {
      const card = await call(
        api.POST('/api/v1/interviews/{id}/scorecards/{scorecardId}/reopen', {
          params: { path: { id: interviewId, scorecardId } },
        }),
      );
      toast(`Reopened ${whose} scorecard`);
      setAsking(false);
      onReopened(card);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  if (!asking)
    return (
      <button type="button" className="btn btn--small" onClick={() => setAsking(true)}>
        Reopen scorecard
      </button>
    );
  return (
    <div className="reopen-confirm" role="group" aria-label="Reopen the scorecard?">
      <p className="small">
        Reopen {whose} scorecard? It goes back to a draft and leaves the hiring team’s view until it is submitted again.
        The audit trail records it.
      </p>
      {error ? <ErrorNotice error={error} title="Not reopened" /> : null}
      <div className="form-actions">
        <button type="button" className="btn btn--small btn--ghost" onClick={() => setAsking(false)} disabled={busy}>
          Keep it submitted
        </button>
        <button type="button" className="btn btn--small btn--primary" onClick={() => void reopen()} disabled={busy}>
          {busy ? 'Reopening…' : 'Reopen'}
        </button>
      </div>
    </div>
  );
}
