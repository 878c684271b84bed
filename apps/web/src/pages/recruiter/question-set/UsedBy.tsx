import { api, call } from '../../../api/client';
import { InterviewStatusBadge } from '../../../components/InterviewStatus';
import { EmptyState } from '../../../components/Page';
import { PagedList, usePaged } from '../../../components/PagedList';
import { useTimeFormat } from '../../../lib/time';
import { NeedsReplacementPill } from '../../hiring/shared';

/** Interviews that took questions from this version of the set (their kits keep the snapshot). */
export function UsedBy({ setId }: { setId: string }) {
  const time = useTimeFormat();
  const paged = usePaged(
    (cursor) => call(api.GET('/api/v1/interviews', { params: { query: { questionSetId: setId, limit: 10, cursor } } })),
    [setId],
  );
  return (
    <PagedList
      paged={paged}
      label="interviews using this set"
      className="plain-list"
      keyOf={(i) => i.id}
      empty={
        <EmptyState title="Not used yet">
          Interviews that take questions from this version will be listed here.
        </EmptyState>
      }
      render={(i) => (
        <div className="used-row">
          <div className="used-row__top">
            <strong>{i.candidate.name}</strong>
            <span className="hm-interview-row__side">
              {i.needsReplacement && <NeedsReplacementPill />}
              <InterviewStatusBadge status={i.status} />
            </span>
          </div>
          <div className="muted small">
            {i.position.title} · {i.title}
          </div>
          <div className="small">{time.dateTime(i.start)}</div>
        </div>
      )}
    />
  );
}
