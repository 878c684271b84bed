import { useState, type FormEvent } from 'react';
import { api, call } from '../../api/client';
import { ApiError } from '../../api/errors';
import type { components } from '../../api/schema';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Field } from '../../components/Field';
import { Icon } from '../../components/Icon';
import { SkeletonRows } from '../../components/Loading';
import { Card } from '../../components/Page';
import { useToast } from '../../components/Toast';
import { useTimeFormat } from '../../lib/time';
import { useResource } from '../../lib/use-resource';

type Settings = components['schemas']['AvailabilitySettingsDto'];
type Window = { start: string; end: string };

const DAYS: Array<[string, string]> = [
  ['1', 'Monday'],
  ['2', 'Tuesday'],
  ['3', 'Wednesday'],
  ['4', 'Thursday'],
  ['5', 'Friday'],
  ['6', 'Saturday'],
  ['7', 'Sunday'],
];

/**
 * Working hours per weekday (several windows a day), days off, the buffer between interviews and the
 * calendar feed, all on the interviewer's own profile. The feed's address is never shown back: only
 * its host and how its last fetch went.
 */
export function AvailabilityCard({ userId }: { userId: string }) {
  const range = useState(() => {
    const from = new Date();
    return { from: from.toISOString(), to: new Date(from.getTime() + 86_400_000).toISOString() };
  })[0];
  const settings = useResource(
    () => call(api.GET('/api/v1/interviewers/{id}/availability', { params: { path: { id: userId }, query: range } })),
    [userId],
  );
  if (!settings.data) {
    return settings.error ? (
      <ErrorNotice error={settings.error} onRetry={settings.reload} title="Your availability did not load" />
    ) : (
      <Card title="Availability">
        <SkeletonRows rows={3} label="Loading your availability…" />
      </Card>
    );
  }
  // not keyed by the data: a reload after one form's save must not wipe what is being typed in the other
  return <AvailabilityForm userId={userId} settings={settings.data} onSaved={settings.reload} />;
}

function AvailabilityForm({ userId, settings, onSaved }: { userId: string; settings: Settings; onSaved(): void }) {
  const toast = useToast();
  const time = useTimeFormat();
  const [hours, setHours] = useState<Record<string, Window[]>>(settings.workingHours as Record<string, Window[]>);
  const [daysOff, setDaysOff] = useState<string[]>(settings.daysOff);
  const [dayDraft, setDayDraft] = useState('');
  const [buffer, setBuffer] = useState(String(settings.bufferMinutes));
  const [feed, setFeed] = useState('');
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const apiError = error instanceof ApiError ? error : undefined;
  const problem = (prefix: string) =>
    apiError?.fieldProblems.find(
      (p) => p.field === prefix || p.field.startsWith(`${prefix}.`) || p.field.startsWith(`${prefix}[`),
    )?.messages[0];
  const status = settings.calendarFeed;

  const setWindow = (day: string, i: number, w: Window | null) =>
    setHours((h) => {
      const list = [...(h[day] ?? [])];
      if (w) list[i] = w;
      else list.splice(i, 1);
      const next = { ...h, [day]: list };
      if (!list.length) delete next[day];
      return next;
    });

  const save = async (e: FormEvent, body: Record<string, unknown>, done: string) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await call(api.PUT('/api/v1/interviewers/{id}/availability', { params: { path: { id: userId } }, body }));
      toast(done);
      setFeed('');
      onSaved();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Card title="Working hours">
        <form
          className="stack"
          aria-label="Working hours"
          noValidate
          onSubmit={(e) =>
            save(e, { workingHours: hours, daysOff, bufferMinutes: Number(buffer) }, 'Working hours saved')
          }
        >
          <p className="muted small">
            In your timezone ({settings.timezone.replace(/_/g, ' ')}). Schedulers are warned when an interview falls
            outside them, on a day off or at a busy time in your calendar.
          </p>
          {error && !apiError?.fieldProblems.length ? <ErrorNotice error={error} /> : null}
          {problem('workingHours') && (
            <p className="field__error" role="alert">
              {problem('workingHours')}
            </p>
          )}
          <table className="table availability-hours">
            <tbody>
              {DAYS.map(([day, name]) => (
                <tr key={day}>
                  <th scope="row">{name}</th>
                  <td>
                    {(hours[day] ?? []).length === 0 && <span className="muted small">Not working</span>}
                    {(hours[day] ?? []).map((w, i) => (
                      <span key={i} className="availability-window">
                        <input
                          type="time"
                          aria-label={`${name} window ${i + 1} from`}
                          value={w.start}
                          onChange={(e) => setWindow(day, i, { ...w, start: e.target.value })}
                          step={900}
                        />
                        {' – '}
                        <input
                          type="time"
                          aria-label={`${name} window ${i + 1} until`}
                          value={w.end === '24:00' ? '23:59' : w.end}
                          onChange={(e) => setWindow(day, i, { ...w, end: e.target.value })}
                          step={900}
                        />
                        <button
                          type="button"
                          className="btn btn--ghost btn--small"
                          aria-label={`Remove ${name} window ${i + 1}`}
                          onClick={() => setWindow(day, i, null)}
                        >
                          <Icon name="close" size={14} />
                        </button>
                      </span>
                    ))}
                    {(hours[day] ?? []).length < 4 && (
                      <button
                        type="button"
                        className="btn btn--ghost btn--small"
                        onClick={() => setWindow(day, (hours[day] ?? []).length, { start: '09:00', end: '17:00' })}
                      >
                        Add hours
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="availability-days">
            <Field id="days-off" label="Days off" hint="Whole days in your timezone." error={problem('daysOff')}>
              <input type="date" value={dayDraft} onChange={(e) => setDayDraft(e.target.value)} />
            </Field>
            <button
              type="button"
              className="btn btn--small"
              disabled={!dayDraft}
              onClick={() => (setDaysOff([...new Set([...daysOff, dayDraft])].sort()), setDayDraft(''))}
            >
              Add day off
            </button>
          </div>
          {daysOff.length > 0 && (
            <ul className="availability-off" aria-label="Your days off">
              {daysOff.map((d) => (
                <li key={d}>
                  {time.date(`${d}T12:00:00Z`)}
                  <button
                    type="button"
                    className="lead-chip__remove"
                    aria-label={`Remove ${d}`}
                    onClick={() => setDaysOff(daysOff.filter((x) => x !== d))}
                  >
                    ×
                  </button>
                </li>
              ))}
            </ul>
          )}
          <Field
            id="buffer"
            label="Buffer between interviews (minutes)"
            hint="Kept free before and after each interview."
            error={problem('bufferMinutes')}
          >
            <input
              type="number"
              min={0}
              max={240}
              step={5}
              value={buffer}
              onChange={(e) => setBuffer(e.target.value)}
            />
          </Field>
          <div className="form-actions">
            <button className="btn btn--primary" disabled={busy}>
              {busy ? 'Saving…' : 'Save working hours'}
            </button>
          </div>
        </form>
      </Card>
      <Card title="Calendar feed">
        <form
          className="stack"
          aria-label="Calendar feed"
          noValidate
          onSubmit={(e) =>
            save(e, { calendarFeedUrl: feed.trim() }, 'Calendar feed saved; it is read in the background')
          }
        >
          <p className="muted small">
            Your calendar’s secret iCal address lets schedulers see when you are busy (never what the events are). It is
            kept secret: it is not shown again, only where it points.
          </p>
          {status?.set ? (
            <p className="small">
              <Icon name="check" size={14} /> Connected to <strong>{status.host ?? 'a calendar'}</strong>
              {status.lastFetchedAt
                ? ` · read ${time.dateTime(status.lastFetchedAt)} · ${status.busyCount} busy ${status.busyCount === 1 ? 'time' : 'times'}`
                : ' · not read yet'}
              {status.lastError && <span className="text-warn"> · last read failed: {status.lastError}</span>}
            </p>
          ) : (
            <p className="muted small">No calendar connected.</p>
          )}
          <Field
            id="calendar-feed"
            label={status?.set ? 'Replace with another address' : 'Secret iCal address'}
            hint="Google: Settings › your calendar › Secret address in iCal format. Outlook: Settings › Calendar › Shared calendars › Publish. Apple: Calendar › Share › Public calendar."
            error={problem('calendarFeedUrl')}
          >
            <input
              type="url"
              inputMode="url"
              value={feed}
              onChange={(e) => setFeed(e.target.value)}
              placeholder="https://calendar.google.com/calendar/ical/…/basic.ics"
              autoComplete="off"
              spellCheck={false}
            />
          </Field>
          <div className="form-actions">
            {status?.set && (
              <button
                type="button"
                className="btn"
                disabled={busy}
                onClick={(e) => save(e as unknown as FormEvent, { calendarFeedUrl: null }, 'Calendar disconnected')}
              >
                Disconnect
              </button>
            )}
            <button className="btn btn--primary" disabled={busy || !feed.trim()}>
              {busy ? 'Saving…' : 'Connect calendar'}
            </button>
          </div>
        </form>
      </Card>
    </>
  );
}
