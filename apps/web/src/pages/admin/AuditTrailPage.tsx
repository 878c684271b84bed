import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { api, call } from '../../api/client';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Loading, SkeletonRows } from '../../components/Loading';
import { EmptyState, PageHeader } from '../../components/Page';
import { usePaged } from '../../components/PagedList';
import { plural } from '../../lib/plural';
import { useTimeFormat } from '../../lib/time';
import type { components, paths } from '../../api/schema';
import '../../styles/admin.css';

type AuditEvent = components['schemas']['AuditEventResponse'];
type EntityType = NonNullable<NonNullable<paths['/api/v1/audit-events']['get']['parameters']['query']>['entityType']>;

const PAGE_SIZE = 30;
const ENTITY_LABEL: Record<EntityType, string> = {
  interview: 'Interview',
  scorecard: 'Scorecard',
  question_set: 'Question set',
  position: 'Position',
  candidate: 'Candidate',
  interviewer: 'Interviewer',
  settings: 'Settings',
  user: 'User',
  api_key: 'API key',
};
const ENTITY_TYPES = Object.keys(ENTITY_LABEL) as EntityType[];
/** The page that shows an entity, where there is one. */
const ENTITY_PAGE: Partial<Record<EntityType, (id: string) => string>> = {
  interview: (id) => `/hiring/interviews/${id}`,
  question_set: (id) => `/question-sets/${id}`,
  position: (id) => `/positions/${id}`,
  candidate: (id) => `/candidates/${id}`,
};

function listEvents(query: { entityType?: EntityType; entityId?: string; cursor?: string }) {
  return call(api.GET('/api/v1/audit-events', { params: { query: { limit: PAGE_SIZE, ...query } } }));
}

/** Names of the people who acted, looked up once each (events name them by id). */
function useActors(ids: string[]): Map<string, string> {
  const [names, setNames] = useState<Map<string, string>>(new Map());
  const missing = [...new Set(ids)].filter((id) => !names.has(id));
  const key = missing.join(',');
  useEffect(() => {
    // the ids come from the key, so the effect runs once per set of missing ids
    const wanted = key ? key.split(',') : [];
    if (!wanted.length) return;
    let live = true;
    void Promise.all(
      wanted.map((id) =>
        call(api.GET('/api/v1/users/{id}', { params: { path: { id } } })).then(
          (u): [string, string] => [id, u.name],
          (): [string, string] => [id, 'A removed user'],
        ),
      ),
    ).then((found) => live && setNames((prev) => new Map([...prev, ...found])));
    return () => {
      live = false;
    };
  }, [key]);
  return names;
}

const words = (action: string) => action.replace(/[._]/g, ' ');
const show = (v: unknown) => (v === null ? 'none' : typeof v === 'object' ? JSON.stringify(v) : String(v));

/** Who changed what and when, newest first (admins only, as the API allows). */
export default function AuditTrailPage() {
  const time = useTimeFormat();
  const [params, setParams] = useSearchParams();
  const entityType = (params.get('entityType') ?? '') as EntityType | '';
  const entityId = params.get('entityId') ?? '';
  const paged = usePaged(
    (cursor) => listEvents({ entityType: entityType || undefined, entityId: entityId || undefined, cursor }),
    [entityType, entityId],
  );
  // an API key acts under the name it carries in the event; only people are looked up
  const actors = useActors(paged.items.flatMap((e) => (e.actorId && e.actorKind === 'user' ? [e.actorId] : [])));
  const filter = (type: string) => setParams(type ? { entityType: type } : {}, { replace: true });

  return (
    <>
      <PageHeader
        title="Audit trail"
        subtitle={`Every change the app recorded, newest first: who, what and when. Times are in your timezone (${time.timeZone.replace(/_/g, ' ')}).`}
      />
      <div className="toolbar log-toolbar">
        <label className="select audit-filter">
          <span className="visually-hidden">Show changes to</span>
          <select value={entityType} onChange={(e) => filter(e.target.value)} aria-label="Show changes to">
            <option value="">Everything</option>
            {ENTITY_TYPES.map((t) => (
              <option key={t} value={t}>
                {ENTITY_LABEL[t]}s
              </option>
            ))}
          </select>
        </label>
        {entityId && (
          <span className="muted small">
            One {ENTITY_LABEL[entityType as EntityType]?.toLowerCase() ?? 'item'} only ·{' '}
            <button type="button" className="link" onClick={() => filter(entityType)}>
              show all
            </button>
          </span>
        )}
        {paged.items.length > 0 && (
          <span className="muted small" aria-live="polite">
            {plural(paged.items.length, 'change')} loaded{paged.hasMore ? '; more below' : ''}
          </span>
        )}
      </div>
      {paged.error ? (
        <ErrorNotice error={paged.error} onRetry={paged.items.length ? paged.loadMore : paged.reload} />
      ) : null}
      {paged.loading && !paged.items.length ? (
        <SkeletonRows label="Loading the audit trail…" />
      ) : !paged.items.length && !paged.error ? (
        <EmptyState title="Nothing recorded yet">
          Changes to interviews, scorecards, question sets, positions, candidates and settings appear here.
        </EmptyState>
      ) : paged.items.length ? (
        <div className="log-table-wrap">
          <table className="log-table audit-table">
            <caption className="visually-hidden">Recorded changes, newest first</caption>
            <thead>
              <tr>
                <th scope="col">Time</th>
                <th scope="col">Who</th>
                <th scope="col">What</th>
                <th scope="col">Details</th>
              </tr>
            </thead>
            <tbody>
              {paged.items.map((e) => (
                <AuditRow
                  key={e.id}
                  event={e}
                  actor={
                    e.actorKind === 'api_key'
                      ? `API key “${e.actorName ?? 'unnamed'}”`
                      : e.actorId
                        ? actors.get(e.actorId)
                        : null
                  }
                />
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {paged.hasMore && (
        <div className="paged__more">
          {paged.loading ? (
            <Loading inline label="Loading more…" />
          ) : (
            <button type="button" className="btn btn--ghost" onClick={paged.loadMore}>
              Show older changes
            </button>
          )}
        </div>
      )}
    </>
  );
}

function AuditRow({ event: e, actor }: { event: AuditEvent; actor: string | null | undefined }) {
  const time = useTimeFormat();
  const type = e.entityType as EntityType;
  const page = ENTITY_PAGE[type]?.(e.entityId);
  const changes = Object.entries(e.changes ?? {});
  return (
    <tr>
      <td data-label="Time">
        <span className="log-time">{time.dateTime(e.createdAt)}</span>
        <span className="muted small">{time.relative(e.createdAt)}</span>
      </td>
      <td data-label="Who">
        {actor === null ? (
          <span className="muted">The app</span>
        ) : actor === undefined ? (
          <span className="muted small">Looking up…</span>
        ) : (
          <strong className="log-name">{actor}</strong>
        )}
      </td>
      <td data-label="What">
        <span className="log-kind">
          {ENTITY_LABEL[type] ?? e.entityType} {words(e.action)}
        </span>
        {page ? (
          <Link className="small" to={page}>
            Open
          </Link>
        ) : null}
        <Link className="small" to={`/settings/audit-trail?entityType=${e.entityType}&entityId=${e.entityId}`}>
          Its history
        </Link>
      </td>
      <td data-label="Details" className="audit-changes">
        {changes.length ? (
          <dl>
            {changes.map(([k, v]) => (
              <div key={k}>
                <dt>{words(k)}</dt>
                <dd>{show(v)}</dd>
              </div>
            ))}
          </dl>
        ) : (
          <span className="muted">—</span>
        )}
      </td>
    </tr>
  );
}
