import { Link } from 'react-router-dom';
import { api, call } from '../../../api/client';
import { useUser } from '../../../auth/session';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { ReopenScorecardButton } from '../../../components/ReopenScorecardButton';
import { SkeletonRows } from '../../../components/Loading';
import { useResource } from '../../../lib/use-resource';
import { ScorecardCard, fromScorecard } from '../debrief/ScorecardCard';
import type { InterviewKit } from '../types';

/** The interview's submitted scorecards in full (the API shows managers every submitted one, never a draft) and who still owes one. */
export function FeedbackSection({ kit }: { kit: InterviewKit }) {
  const user = useUser();
  const board = useResource(
    () => call(api.GET('/api/v1/interviews/{id}/scorecards', { params: { path: { id: kit.id } } })),
    [kit.id],
  );
  const submitted = (board.data?.items ?? []).filter((c) => c.status === 'submitted');
  const pending = board.data?.pending ?? [];
  const debrief = `/candidates/${kit.candidate.id}/debrief${kit.planStageId ? `?stage=${kit.planStageId}` : ''}`;
  return (
    <section className="card db-feedback" aria-labelledby="feedback-title">
      <div className="db-feedback__head">
        <h2 id="feedback-title">
          Feedback{' '}
          <span className="count">
            {submitted.length}/{kit.panel.length}
          </span>
        </h2>
        <Link className="btn btn--small" to={debrief}>
          Open {kit.candidate.name}’s debrief
        </Link>
      </div>
      {board.error ? (
        <ErrorNotice error={board.error} onRetry={board.reload} title="The scorecards could not be loaded" />
      ) : null}
      {board.loading && !board.data ? (
        <SkeletonRows rows={2} label="Loading scorecards…" />
      ) : (
        <>
          {pending.length > 0 ? (
            <p className="small" data-testid="feedback-missing">
              <strong>Still missing:</strong> {pending.map((p) => p.name).join(', ')}
            </p>
          ) : board.data ? (
            <p className="hm-all-in small">Every panelist has submitted.</p>
          ) : null}
          {submitted.length === 0 ? (
            <p className="muted">No scorecard submitted yet. Each appears here, in full, once its author submits it.</p>
          ) : (
            submitted.map((c) => (
              <ScorecardCard
                key={c.id}
                card={fromScorecard(c, kit.feedbackDueAt)}
                // admins may reopen anyone's (the API's rule); an author reopens their own from their scorecard page
                actions={
                  user.roles.includes('admin') ? (
                    <ReopenScorecardButton
                      interviewId={kit.id}
                      scorecardId={c.id}
                      whose={`${c.panelist.name}’s`}
                      onReopened={board.reload}
                    />
                  ) : undefined
                }
              />
            ))
          )}
        </>
      )}
    </section>
  );
}
