import { useEffect, useMemo, useState } from 'react';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { Field } from '../../../components/Field';
import { Icon } from '../../../components/Icon';
import { SkeletonRows } from '../../../components/Loading';
import { formatClock } from '../../../lib/time';
import { Avatar, timezones, wallClock, ZoneSelect } from '../shared';
import { findTimes, type FindTimesResult, type Slot } from './findTimes';

const DAY = 86_400_000;
/** Slots shown before "Show more": the best few are what people pick from. */
const SHOWN = 4;
const city = (tz: string) => tz.split('/').pop()!.replace(/_/g, ' ');
const plusDays = (date: string, n: number) =>
  new Date(Date.parse(`${date}T12:00:00Z`) + n * DAY).toISOString().slice(0, 10);

interface Props {
  /** Everyone named on the panel: they must all be free. */
  interviewerIds: string[];
  /** "One of this pool" seats: the API fills each with its least-loaded free qualified member. */
  poolIds: string[];
  poolName(id: string): string;
  durationMinutes: number;
  /** The candidate's timezone when known, else the scheduler's. */
  defaultTimeZone: string;
  /** Rescheduling: this interview's own time is not busy. */
  excludeInterviewId?: string;
  /** The start the form holds now (an instant), to mark the slot it came from. */
  chosenStart?: string;
  /** Who is on the panel already (a trainee suggestion is offered to the others). */
  onPanel: Set<string>;
  onPick(slot: Slot, candidateTimeZone: string): void;
  /** Absent: trainees are not offered (rescheduling keeps the panel). */
  onAddTrainee?(t: Slot['trainees'][number]): void;
  /** An id prefix, so that two finders never share ids. */
  id: string;
}

/**
 * "Find a time": the ranked slots where the whole panel is free in the range (the candidate's time,
 * each panelist's own clock and week load), and the near misses with why each failed. Picking one
 * fills the form's time (and the pool seats with the members the API chose).
 */
export function SlotFinder({
  interviewerIds,
  poolIds,
  poolName,
  durationMinutes,
  defaultTimeZone,
  excludeInterviewId,
  chosenStart,
  onPanel,
  onPick,
  onAddTrainee,
  id,
}: Props) {
  const [zone, setZone] = useState(defaultTimeZone);
  const today = useMemo(() => wallClock(new Date(), defaultTimeZone).date, [defaultTimeZone]);
  const [from, setFrom] = useState(() => plusDays(today, 1));
  const [to, setTo] = useState(() => plusDays(today, 7));
  const zones = useMemo(() => timezones(defaultTimeZone), [defaultTimeZone]);
  const [result, setResult] = useState<FindTimesResult>();
  const [error, setError] = useState<unknown>();
  const [loading, setLoading] = useState(false);
  const [all, setAll] = useState(false);
  const members = interviewerIds.join(',');
  const pools = poolIds.join(',');
  const empty = !members && !pools;
  // the API's limits, said next to the field rather than in its words ("to must be…")
  const days = (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY;
  const tooMany = interviewerIds.length > 8 || poolIds.length > 4;
  const rangeError =
    !from || !to || Number.isNaN(days)
      ? 'Pick both days.'
      : days < 0
        ? 'The latest day is before the earliest.'
        : days > 30
          ? 'Look at most 31 days ahead of the earliest day.'
          : undefined;

  useEffect(() => {
    if (empty || rangeError || tooMany) return setResult(undefined);
    let live = true;
    setLoading(true);
    // a date typed digit by digit, a panel ticked one by one: ask once it settles
    const t = setTimeout(
      () =>
        void (async () => {
          try {
            const found = await findTimes({
              interviewerIds: members ? members.split(',') : [],
              poolIds: pools ? pools.split(',') : [],
              durationMinutes,
              from,
              to,
              candidateTimeZone: zone,
              excludeInterviewId,
            });
            if (live) {
              setResult(found);
              setError(undefined);
              setAll(false);
            }
          } catch (e) {
            if (live) {
              setError(e);
              setResult(undefined);
            }
          } finally {
            if (live) setLoading(false);
          }
        })(),
      400,
    );
    return () => {
      live = false;
      clearTimeout(t);
    };
  }, [members, pools, durationMinutes, from, to, zone, excludeInterviewId, empty, rangeError, tooMany]);

  const picked = chosenStart ? Date.parse(chosenStart) : NaN;
  return (
    <div className="hm-finder">
      <div className="hm-finder__range">
        <Field id={`${id}-from`} label="Earliest day">
          <input type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
        </Field>
        <Field id={`${id}-to`} label="Latest day" error={rangeError}>
          <input type="date" value={to} min={from} onChange={(e) => setTo(e.target.value)} />
        </Field>
        <Field
          id={`${id}-zone`}
          label="Candidate's timezone"
          hint="Slots are between 07:00 and 21:00 for the candidate."
        >
          <ZoneSelect zones={zones} value={zone} onChange={setZone} />
        </Field>
      </div>
      {empty || rangeError ? (
        empty ? (
          <p className="muted small">
            Choose the panel (or a pool seat) first: the finder looks for times everyone on it can make.
          </p>
        ) : null
      ) : tooMany ? (
        <p className="hm-finder__none">
          The finder looks at panels of up to 8 named interviewers and 4 pool seats. Make the panel smaller to find a
          time, or pick one by hand.
        </p>
      ) : error ? (
        <ErrorNotice error={error} />
      ) : loading && !result ? (
        <SkeletonRows rows={3} label="Looking for times…" />
      ) : result ? (
        <div className={`hm-finder__results${loading ? ' is-loading' : ''}`} aria-busy={loading}>
          {result.slots.length === 0 ? (
            <p className="hm-finder__none">
              No time in this range suits everyone. Try a wider range, or see what almost works below.
            </p>
          ) : (
            <ol className="hm-slots" aria-label="Proposed times">
              {result.slots.slice(0, all ? undefined : SHOWN).map((s) => {
                const isPicked = Date.parse(s.startsAt) === picked;
                const free = s.trainees.filter((t) => !onPanel.has(t.userId));
                return (
                  <li key={s.startsAt} className={`hm-slot${isPicked ? ' is-picked' : ''}`} data-testid="slot">
                    <div className="hm-slot__when">
                      <strong>
                        {s.candidateLocal}–{formatClock(s.endsAt, zone)}
                      </strong>
                      <span className="muted small">for the candidate, {city(zone)}</span>
                    </div>
                    <ul className="hm-slot__panel" aria-label="The panel then">
                      {s.panel.map((m) => (
                        <li key={m.userId}>
                          <Avatar name={m.name} size="sm" />
                          <span className="hm-slot__who">
                            <span>
                              <strong>{m.name}</strong>
                              {m.poolId && <span className="hm-pill hm-slot__pool">{poolName(m.poolId)}</span>}
                            </span>
                            <span className="muted small">
                              {m.local} in {city(m.timezone)} · {m.weekLoad}{' '}
                              {m.weekLoad === 1 ? 'interview' : 'interviews'} that week
                            </span>
                          </span>
                        </li>
                      ))}
                    </ul>
                    {onAddTrainee && free.length > 0 && (
                      <div className="hm-slot__trainees small">
                        <span className="muted">Trainees free then:</span>
                        {free.map((t) => (
                          <button
                            type="button"
                            key={t.userId}
                            className="btn btn--small btn--ghost"
                            onClick={() => onAddTrainee(t)}
                          >
                            <Icon name="plus" size={14} /> Add {t.name} as{' '}
                            {t.stage === 'shadow' ? 'a shadow' : 'a panelist'}{' '}
                            <span className="muted">
                              · {t.stage === 'shadow' ? 'shadowing' : 'reverse shadowing'} in {poolName(t.poolId)}
                            </span>
                          </button>
                        ))}
                      </div>
                    )}
                    <button
                      type="button"
                      className={`btn btn--small${isPicked ? '' : ' btn--primary'} hm-slot__pick`}
                      onClick={() => onPick(s, zone)}
                      aria-pressed={isPicked}
                    >
                      {isPicked && <Icon name="check" size={14} />}
                      {isPicked ? 'Picked' : 'Pick'}
                      <span className="visually-hidden"> {s.candidateLocal}</span>
                    </button>
                  </li>
                );
              })}
            </ol>
          )}
          {!all && result.slots.length > SHOWN && (
            <button type="button" className="btn btn--small btn--ghost hm-finder__more" onClick={() => setAll(true)}>
              Show {result.slots.length - SHOWN} more {result.slots.length - SHOWN === 1 ? 'time' : 'times'}
            </button>
          )}
          {result.nearMisses.length > 0 && (
            <div className="hm-near">
              <h3>Almost</h3>
              <ul className="hm-near__list" aria-label="Times that almost work">
                {result.nearMisses.map((n) => (
                  <li key={n.startsAt}>
                    <strong>{n.candidateLocal}</strong>
                    <span className="small">{n.reasons.map((r) => r.message).join('; ')}</span>
                  </li>
                ))}
              </ul>
            </div>
          )}
        </div>
      ) : null}
    </div>
  );
}
