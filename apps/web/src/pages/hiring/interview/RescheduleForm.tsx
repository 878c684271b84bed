import { useMemo, useState, type FormEvent } from 'react';
import { api, call } from '../../../api/client';
import { ApiError } from '../../../api/errors';
import { useUser } from '../../../auth/session';
import { ClashNotice } from '../../../components/ClashNotice';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { Field } from '../../../components/Field';
import { FormActions } from '../../../components/FormActions';
import { Icon } from '../../../components/Icon';
import { InviteCandidateCheck } from '../schedule/InviteCandidateCheck';
import { PanelFitList } from '../schedule/PanelFitList';
import { SlotFinder } from '../schedule/SlotFinder';
import { usePanelFit } from '../schedule/usePanelFit';
import { clashesOf, instantOf, timezones, wallClock, ZoneSelect } from '../shared';
import type { InterviewKit } from '../types';

/**
 * Moves an interview: a new time (typed, or picked from the times the panel is free, the interview's
 * own time not counting as busy), each panelist's clock at it, and whether the candidate is invited.
 */
export function RescheduleForm({
  kit,
  onCancel,
  onDone,
  onStale,
}: {
  kit: InterviewKit;
  onCancel(): void;
  onDone(k: InterviewKit): void;
  onStale(): void;
}) {
  const me = useUser();
  const [date, setDate] = useState(kit.scheduled.start.slice(0, 10));
  const [clock, setClock] = useState(kit.scheduled.start.slice(11, 16));
  const [timezone, setTimezone] = useState(kit.scheduled.timezone);
  const [duration, setDuration] = useState(kit.durationMinutes);
  const [inviteCandidate, setInviteCandidate] = useState(kit.inviteCandidate);
  const [finding, setFinding] = useState(false);
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const zones = useMemo(
    () => timezones(kit.scheduled.timezone === me.timezone ? me.timezone : kit.scheduled.timezone),
    [kit.scheduled.timezone, me.timezone],
  );
  // each panelist's local time of the new slot, and whether it suits them (the interview's own time is not busy)
  const start = instantOf(date, clock, timezone);
  const startIso = start?.toISOString();
  const endIso = start ? new Date(start.getTime() + duration * 60_000).toISOString() : undefined;
  const fit = usePanelFit(
    kit.panel.map((p) => p.userId),
    startIso,
    endIso,
    { start: kit.start, end: kit.end },
  );

  const submit = async (e: FormEvent | null, allowConflicts = false) => {
    e?.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      onDone(
        await call(
          api.PATCH('/api/v1/interviews/{id}', {
            params: { path: { id: kit.id } },
            body: {
              revision: kit.revision,
              start: `${date}T${clock}`,
              timezone,
              durationMinutes: duration,
              inviteCandidate: inviteCandidate === kit.inviteCandidate ? undefined : inviteCandidate,
              allowConflicts: allowConflicts || undefined,
            },
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
  const clashes = clashesOf(error);
  const startError =
    apiError?.forField('start') ??
    (apiError?.status === 400 && /^start\b/.test(apiError.message) ? apiError.message : undefined);

  return (
    <form className="card inline-form hm-form" onSubmit={(e) => submit(e)} noValidate aria-label="Reschedule">
      <h2>Reschedule</h2>
      <p className="muted small">
        Everyone on the panel gets an updated invite, and the reminders move with the interview.
      </p>
      {stale && (
        <div className="notice notice--warn" role="alert">
          <Icon name="alert" />
          <p>
            Someone else changed this interview while you were rescheduling it. Load the latest version, then pick the
            new time again.
          </p>
          <button type="button" className="btn btn--small" onClick={onStale}>
            Load latest
          </button>
        </div>
      )}
      <ClashNotice
        clashes={clashes}
        nameOf={(id) => kit.panel.find((p) => p.userId === id)?.name}
        proceedLabel="Reschedule anyway"
        onProceed={() => submit(null, true)}
        busy={busy}
      />
      {error && !stale && !clashes.length && !startError ? <ErrorNotice error={error} /> : null}
      <div className="hm-reschedule">
        <Field id="new-date" label="New date" error={startError}>
          <input type="date" value={date} onChange={(e) => setDate(e.target.value)} />
        </Field>
        <Field id="new-time" label="New start time">
          <input type="time" value={clock} onChange={(e) => setClock(e.target.value)} step={300} />
        </Field>
        <Field id="new-timezone" label="Timezone">
          <ZoneSelect zones={zones} value={timezone} onChange={setTimezone} />
        </Field>
        <Field id="new-duration" label="Duration (minutes)">
          <input
            type="number"
            min={5}
            max={600}
            step={5}
            value={duration}
            onChange={(e) => setDuration(Number(e.target.value))}
          />
        </Field>
      </div>
      <PanelFitList panel={kit.panel} fit={fit} />
      <div className="hm-finder-toggle">
        <button
          type="button"
          className="btn btn--small"
          onClick={() => setFinding(!finding)}
          aria-expanded={finding}
          aria-controls="reschedule-finder"
        >
          <Icon name="search" size={15} /> {finding ? 'Hide the free times' : 'Find a time the panel is free'}
        </button>
      </div>
      {finding && (
        <div id="reschedule-finder" className="hm-finder-box">
          <SlotFinder
            id="reschedule-finder"
            interviewerIds={kit.panel.map((p) => p.userId)}
            poolIds={[]}
            poolName={() => 'a pool'}
            durationMinutes={duration}
            defaultTimeZone={kit.scheduled.timezone}
            excludeInterviewId={kit.id}
            chosenStart={startIso}
            onPanel={new Set(kit.panel.map((p) => p.userId))}
            onPick={(slot, zone) => {
              const w = wallClock(slot.startsAt, zone);
              setTimezone(zone);
              setDate(w.date);
              setClock(w.time);
            }}
          />
        </div>
      )}
      <InviteCandidateCheck
        id="reschedule-invite-candidate"
        candidate={kit.candidate.name}
        checked={inviteCandidate}
        onChange={setInviteCandidate}
      />
      <FormActions
        onCancel={onCancel}
        cancelLabel="Keep the current time"
        submitLabel="Reschedule"
        busyLabel="Rescheduling…"
        busy={busy}
      />
    </form>
  );
}
