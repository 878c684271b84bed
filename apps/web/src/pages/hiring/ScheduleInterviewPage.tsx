import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { api, call } from '../../api/client';
import { ApiError } from '../../api/errors';
import type { PlanTemplate } from '../../api/types';
import { useUser } from '../../auth/session';
import { TypeChip } from '../../components/Chips';
import { ClashNotice } from '../../components/ClashNotice';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Field } from '../../components/Field';
import { Icon } from '../../components/Icon';
import { Loading } from '../../components/Loading';
import { Card, PageHeader } from '../../components/Page';
import { useToast } from '../../components/Toast';
import { formatDateTime, formatTime, useTimeFormat } from '../../lib/time';
import { useResource } from '../../lib/use-resource';
import { PanelPicker, type Busy, type PanelSeat, type SlotFit } from './schedule/PanelPicker';
import { isoWeekStart, localTime } from './schedule/slotFit';
import { usePanelFit } from './schedule/usePanelFit';
import { InviteCandidateCheck } from './schedule/InviteCandidateCheck';
import type { Slot } from './schedule/findTimes';
import { addSeat } from './schedule/panelRoles';
import { PoolSeats } from './schedule/PoolSeats';
import { SlotFinder } from './schedule/SlotFinder';
import { usePoolSeats } from './schedule/usePoolSeats';
import { stageKindOf, templateQuestions } from './schedule/fromPlan';
import { QuestionPicker, type PickedQuestion } from './schedule/QuestionPicker';
import {
  Avatar,
  STAGES,
  STAGE_LABEL,
  clashesOf,
  instantOf,
  nextWorkingDay,
  timezones,
  wallClock,
  ZoneSelect,
} from './shared';
import type { Stage } from './types';
import { plural } from '../../lib/plural';

const DURATIONS = [30, 45, 60, 90, 120];

/** Schedules an interview for a candidate: when, where, the panel, the questions and who asks them. */
export default function ScheduleInterviewPage() {
  const [params] = useSearchParams();
  const candidateId = params.get('candidateId') ?? '';
  const candidate = useResource(
    async () =>
      candidateId ? call(api.GET('/api/v1/candidates/{id}', { params: { path: { id: candidateId } } })) : undefined,
    [candidateId],
  );
  if (!candidateId) return <ChooseCandidate positionId={params.get('positionId') ?? ''} />;
  if (candidate.error && !candidate.data)
    return (
      <ErrorNotice error={candidate.error} onRetry={candidate.reload} title="This candidate could not be loaded" />
    );
  if (!candidate.data) return <Loading label="Loading candidate…" />;
  return (
    <Scheduler
      candidate={candidate.data}
      from={{ planStageId: params.get('planStageId') ?? '', templateId: params.get('templateId') ?? '' }}
    />
  );
}

function ChooseCandidate({ positionId }: { positionId: string }) {
  const navigate = useNavigate();
  const [, setParams] = useSearchParams();
  const list = useResource(
    async () =>
      (
        await call(
          api.GET('/api/v1/candidates', { params: { query: { limit: 100, positionId: positionId || undefined } } }),
        )
      ).items,
    [positionId],
  );
  return (
    <>
      <PageHeader
        eyebrow={<Link to="/positions">Positions</Link>}
        title="Schedule an interview"
        subtitle="First, who is it for?"
      />
      <Card>
        {list.error ? <ErrorNotice error={list.error} onRetry={list.reload} /> : null}
        {!list.data ? (
          <Loading inline label="Loading candidates…" />
        ) : list.data.length === 0 ? (
          <p className="muted">
            No candidates yet. <Link to="/candidates">Add a candidate</Link> first.
          </p>
        ) : (
          <Field id="choose-candidate" label="Candidate">
            <select
              defaultValue=""
              onChange={(e) =>
                e.target.value &&
                (setParams({ candidateId: e.target.value }),
                navigate(`/hiring/interviews/new?candidateId=${e.target.value}`, { replace: true }))
              }
            >
              <option value="">Choose a candidate</option>
              {list.data.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name} · {c.positionTitle}
                </option>
              ))}
            </select>
          </Field>
        )}
      </Card>
    </>
  );
}

/** `from`: the plan stage and interview template a link (the pipeline board's "Schedule") fills the form from. */
function Scheduler({
  candidate,
  from,
}: {
  candidate: { id: string; name: string; email: string; positionId: string; positionTitle: string };
  from: { planStageId: string; templateId: string };
}) {
  const me = useUser();
  const time = useTimeFormat();
  const toast = useToast();
  const navigate = useNavigate();
  const first = useMemo(() => nextWorkingDay(me.timezone), [me.timezone]);
  const [stage, setStage] = useState<Stage>('technical');
  const [title, setTitle] = useState('');
  const [date, setDate] = useState(first.date);
  const [clock, setClock] = useState(first.time);
  const [timezone, setTimezone] = useState(me.timezone);
  const [duration, setDuration] = useState(60);
  const [meetingUrl, setMeetingUrl] = useState('');
  const [location, setLocation] = useState('');
  const [inviteCandidate, setInviteCandidate] = useState(false);
  const [panel, setPanel] = useState<PanelSeat[]>([]);
  const [picked, setPicked] = useState<PickedQuestion[]>([]);
  const [error, setError] = useState<unknown>();
  const [busyState, setBusyState] = useState(false);
  const zones = useMemo(() => timezones(me.timezone), [me.timezone]);

  // the load shown is of the interview's week (the API counts ISO weeks from Monday, UTC)
  const slotStart = instantOf(date, clock, timezone);
  const week = isoWeekStart(slotStart ?? new Date());
  const thisWeek = isoWeekStart(new Date());
  const interviewers = useResource(
    async () =>
      (await call(api.GET('/api/v1/interviewers', { params: { query: { limit: 100, week: `${week}T12:00:00Z` } } })))
        .items,
    [week],
  );
  const sets = useResource(
    async () =>
      (await call(api.GET('/api/v1/question-sets', { params: { query: { status: 'published', limit: 100 } } }))).items,
    [],
  );

  // the position's interview plan: a stage to schedule for, and its templates to fill the form from
  const plan = useResource(
    () =>
      call(api.GET('/api/v1/positions/{id}/plan', { params: { path: { id: candidate.positionId } } })).catch(
        () => null,
      ),
    [candidate.positionId],
  );
  const [planStageId, setPlanStageId] = useState(from.planStageId);
  const [templateId, setTemplateId] = useState('');
  const [filling, setFilling] = useState(false);
  const fillGeneration = useRef(0);
  const planStages = useMemo(() => [...(plan.data?.stages ?? [])].sort((a, b) => a.order - b.order), [plan.data]);
  const planStage = planStages.find((s) => s.id === planStageId);
  const template = planStage?.templates.find((t) => t.id === templateId);
  const applyTemplate = async (stageName: string, t: PlanTemplate) => {
    const mine = ++fillGeneration.current;
    setStage(stageKindOf(stageName));
    setTitle(t.title);
    setDuration(t.durationMinutes);
    setFilling(true);
    const questions = await templateQuestions(t, sets.data ?? []);
    if (mine !== fillGeneration.current) return;
    setPicked(questions);
    setFilling(false);
  };
  const choosePlanStage = (id: string) => {
    const s = planStages.find((x) => x.id === id);
    setPlanStageId(id);
    setTemplateId(s?.templates[0]?.id ?? '');
    if (s) setStage(stageKindOf(s.name));
    if (s?.templates[0]) void applyTemplate(s.name, s.templates[0]);
  };
  const chooseTemplate = (id: string) => {
    const t = planStage?.templates.find((x) => x.id === id);
    setTemplateId(id);
    if (planStage && t) void applyTemplate(planStage.name, t);
  };
  // the stage and template named in the link fill the form once, when the plan and the sets are in
  const prefilled = useRef(false);
  useEffect(() => {
    if (prefilled.current || plan.loading || (!sets.data && !sets.error)) return;
    prefilled.current = true;
    const s = planStages.find((x) => x.id === from.planStageId);
    if (!s) return setPlanStageId(''); // a stale link: schedule outside the plan rather than send an unknown stage
    setStage(stageKindOf(s.name));
    const t = from.templateId ? s.templates.find((x) => x.id === from.templateId) : s.templates[0];
    if (!t) return;
    setTemplateId(t.id);
    void applyTemplate(s.name, t);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- its body runs once (the ref), when the data is in
  }, [plan.loading, planStages, sets.data, sets.error]);

  const start = instantOf(date, clock, timezone);
  const end = start ? new Date(start.getTime() + duration * 60_000) : null;
  const names = useMemo(() => new Map((interviewers.data ?? []).map((i) => [i.userId, i.name])), [interviewers.data]);

  // who is already booked at the chosen time: those the availability filter leaves out, with the
  // clashing interviews this user may see
  const [busy, setBusy] = useState<Map<string, Busy>>(new Map());
  const startIso = start?.toISOString();
  const endIso = end?.toISOString();
  const panelKey = panel.map((p) => p.userId).join(',');
  useEffect(() => {
    if (!startIso || !endIso || !interviewers.data) return;
    let live = true;
    const t = setTimeout(
      () =>
        void (async () => {
          try {
            const free = await call(
              api.GET('/api/v1/interviewers', {
                params: { query: { limit: 100, availableFrom: startIso, availableTo: endIso } },
              }),
            );
            const freeIds = new Set(free.items.map((i) => i.userId));
            const taken = interviewers.data!.filter((i) => !freeIds.has(i.userId));
            const found = await Promise.all(
              taken.map(async (i) => {
                const seen = await call(
                  api.GET('/api/v1/interviews', {
                    params: {
                      query: { interviewerId: i.userId, from: startIso, to: endIso, status: 'scheduled', limit: 5 },
                    },
                  }),
                ).catch(() => null);
                return {
                  userId: i.userId,
                  clashes: (seen?.items ?? []).map((x) => ({
                    id: x.id,
                    title: x.title,
                    candidate: x.candidate.name,
                    start: String(x.start),
                    end: String(x.end),
                  })),
                };
              }),
            );
            if (live) setBusy(new Map(found.map((b) => [b.userId, b])));
          } catch {
            if (live) setBusy(new Map());
          }
        })(),
      350,
    );
    return () => {
      live = false;
      clearTimeout(t);
    };
  }, [startIso, endIso, interviewers.data]);

  // each panelist's working hours, days off and calendar around the slot
  const fits = usePanelFit(panelKey ? panelKey.split(',') : [], startIso, endIso);
  // everyone's local time of the slot; warnings for the panel
  const fit = useMemo(() => {
    const m = new Map<string, SlotFit>();
    const at = startIso ? new Date(startIso) : null;
    if (at)
      for (const i of interviewers.data ?? [])
        m.set(i.userId, fits.get(i.userId) ?? { local: localTime(at, i.timezone), warnings: [] });
    return m;
  }, [startIso, interviewers.data, fits]);

  const describeBusy = (b: Busy) => {
    const c = b.clashes[0];
    if (!c) return 'Already booked at this time';
    return `Already booked for “${c.title}” with ${c.candidate}, ${formatTime(c.start, time.timeZone)}–${formatTime(c.end, time.timeZone)}`;
  };
  const clashes = clashesOf(error);
  // a clash named by the API is about the time and panel it was sent with: a change answers it
  useEffect(() => setError((e: unknown) => (clashesOf(e).length ? undefined : e)), [startIso, endIso, panelKey]);
  const panelBusy = panel.filter((p) => busy.has(p.userId));

  const changePanel = (next: PanelSeat[]) => {
    setPanel(next);
    seats.panelChanged(next);
    // questions given to someone who left the panel go back to the lead
    setPicked((ps) =>
      ps.map((p) => (p.askedBy && !next.some((n) => n.userId === p.askedBy) ? { ...p, askedBy: '' } : p)),
    );
  };

  // "one of a pool" seats, and the finder that fills them with the time
  // pools are an extra: without them (an error) the form schedules as before
  const pools = useResource(
    () =>
      call(api.GET('/api/v1/interviewer-pools')).then(
        (r) => r.items,
        () => [],
      ),
    [],
  );
  const seats = usePoolSeats(panel, changePanel);
  const poolName = (id: string) => pools.data?.find((p) => p.id === id)?.name ?? 'a pool';
  const pickSlot = (slot: Slot, zone: string) => {
    const w = wallClock(slot.startsAt, zone);
    setTimezone(zone);
    setDate(w.date);
    setClock(w.time);
    seats.fill(slot);
    toast(`Time set to ${slot.candidateLocal} (${zone.replace(/_/g, ' ')})`);
  };
  const addTrainee = (t: Slot['trainees'][number]) => changePanel(addSeat(panel, t, t.stage));

  const submit = async (e: FormEvent | null, allowConflicts = false) => {
    e?.preventDefault();
    setBusyState(true);
    setError(undefined);
    try {
      const kit = await call(
        api.POST('/api/v1/interviews', {
          body: {
            candidateId: candidate.id,
            stage,
            planStageId: planStageId || undefined,
            title: title.trim() || undefined,
            start: `${date}T${clock}`,
            timezone,
            durationMinutes: duration,
            meetingUrl: meetingUrl.trim() || undefined,
            location: location.trim() || undefined,
            panel: panel.map((p) => ({ userId: p.userId, role: p.role })),
            questions: picked.map((p) => ({ questionId: p.question.id, askedBy: p.askedBy || undefined })),
            inviteCandidate: inviteCandidate || undefined,
            allowConflicts: allowConflicts || undefined,
          },
        }),
      );
      toast(`Interview scheduled for ${formatDateTime(kit.start, time.timeZone)}`);
      void navigate(`/hiring/interviews/${kit.id}`, { state: { warnings: kit.warnings } });
    } catch (e2) {
      setError(e2);
      setBusyState(false);
    }
  };

  const apiError = error instanceof ApiError ? error : undefined;
  const fieldError = (name: string) =>
    apiError?.forField(name) ??
    (apiError?.status === 400 && new RegExp(`^${name}\\b`).test(apiError.message) ? apiError.message : undefined);
  const startError = fieldError('start');
  const panelError = fieldError('panel');
  const questionsError = fieldError('questions');
  const shownElsewhere = !!(
    startError ||
    panelError ||
    questionsError ||
    clashes.length ||
    fieldError('meetingUrl') ||
    fieldError('durationMinutes') ||
    fieldError('timezone')
  );
  const lead = panel.find((p) => p.role === 'lead');
  const askerName = (id: string) => (id ? (names.get(id) ?? 'Someone') : lead ? lead.name : 'the lead');
  const perPerson = panel.map((p) => ({
    ...p,
    count: picked.filter((q) => (q.askedBy || lead?.userId) === p.userId).length,
  }));
  const minutes = picked.reduce((sum, p) => sum + (p.question.timeboxMinutes ?? 0), 0);
  const otherZone = timezone !== me.timezone;
  const canSubmit = panel.length > 0 && !!lead && !!start && !seats.open && !busyState;

  return (
    <>
      <PageHeader
        eyebrow={<Link to={`/candidates/${candidate.id}`}>{candidate.name}</Link>}
        title="Schedule an interview"
        subtitle={
          <span className="header-meta">
            <span>{candidate.name}</span>
            <span>{candidate.positionTitle}</span>
          </span>
        }
      />
      <form className="hm-schedule" onSubmit={(e) => submit(e)} noValidate aria-label="Schedule an interview">
        <div className="stack">
          <Card title={<StepTitle n={1} text="When and where" />}>
            <div className="hm-when">
              {planStages.length > 0 && (
                <>
                  <Field
                    id="plan-stage"
                    label="Plan stage"
                    error={fieldError('planStageId')}
                    hint="The stage of the position's interview plan this interview belongs to."
                  >
                    <select value={planStageId} onChange={(e) => choosePlanStage(e.target.value)}>
                      <option value="">Not part of the plan</option>
                      {planStages.map((s, i) => (
                        <option key={s.id} value={s.id}>
                          {i + 1}. {s.name}
                        </option>
                      ))}
                    </select>
                  </Field>
                  <Field
                    id="plan-template"
                    label="Interview from the plan"
                    hint="Fills the title, duration and questions; everything stays editable."
                  >
                    <select
                      value={templateId}
                      onChange={(e) => chooseTemplate(e.target.value)}
                      disabled={!planStage?.templates.length}
                    >
                      <option value="">
                        {planStage?.templates.length ? 'None: fill in the form myself' : 'This stage has no interviews'}
                      </option>
                      {(planStage?.templates ?? []).map((t) => (
                        <option key={t.id} value={t.id}>
                          {t.title} · {t.durationMinutes} min
                        </option>
                      ))}
                    </select>
                  </Field>
                </>
              )}
              <Field id="stage" label="Stage" error={fieldError('stage')}>
                <select value={stage} onChange={(e) => setStage(e.target.value as Stage)}>
                  {STAGES.map((s) => (
                    <option key={s} value={s}>
                      {STAGE_LABEL[s]}
                    </option>
                  ))}
                </select>
              </Field>
              <Field
                id="title"
                label="Title"
                hint={`Default: ${STAGE_LABEL[stage]} interview`}
                error={fieldError('title')}
              >
                <input
                  value={title}
                  onChange={(e) => setTitle(e.target.value)}
                  placeholder={`${STAGE_LABEL[stage]} interview`}
                />
              </Field>
              <Field id="date" label="Date" error={startError}>
                <input type="date" value={date} onChange={(e) => setDate(e.target.value)} required />
              </Field>
              <Field id="time" label="Start time">
                <input type="time" value={clock} onChange={(e) => setClock(e.target.value)} step={300} required />
              </Field>
              <Field
                id="timezone"
                label="Timezone"
                error={fieldError('timezone')}
                hint={
                  otherZone && start ? `${time.dateTime(start)} in your timezone (${me.timezone})` : 'Your timezone'
                }
              >
                <ZoneSelect zones={zones} value={timezone} onChange={setTimezone} />
              </Field>
              <Field id="duration" label="Duration" error={fieldError('durationMinutes')}>
                <select value={duration} onChange={(e) => setDuration(Number(e.target.value))}>
                  {[...new Set([...DURATIONS, duration])]
                    .sort((a, b) => a - b)
                    .map((d) => (
                      <option key={d} value={d}>
                        {d < 60 ? `${d} minutes` : d === 60 ? '1 hour' : `${d / 60} hours`}
                      </option>
                    ))}
                </select>
              </Field>
              <Field id="meeting-url" label="Meeting link" hint="Optional" error={fieldError('meetingUrl')}>
                <input
                  type="url"
                  value={meetingUrl}
                  onChange={(e) => setMeetingUrl(e.target.value)}
                  placeholder="https://meet.example.com/…"
                />
              </Field>
              <Field
                id="location"
                label="Location"
                hint="Optional: a room or an address"
                error={fieldError('location')}
              >
                <input
                  value={location}
                  onChange={(e) => setLocation(e.target.value)}
                  placeholder="e.g. Berlin office, room 4.2"
                />
              </Field>
            </div>
            <InviteCandidateCheck
              id="invite-candidate"
              candidate={candidate.name}
              checked={inviteCandidate}
              onChange={setInviteCandidate}
            />
          </Card>

          <Card
            title={<StepTitle n={2} text="Panel" />}
            actions={
              <span className="muted small">
                {panel.length ? `${panel.length} chosen` : 'Choose one or more'}
                {template ? ` · the plan asks for ${template.panelSize}` : ''}
              </span>
            }
          >
            {panelError && (
              <p className="field__error hm-field-error" role="alert">
                {panelError}
              </p>
            )}
            <PoolSeats
              pools={pools.data ?? []}
              seats={seats.seats}
              nameOf={(id) => names.get(id) ?? 'someone'}
              onAdd={seats.add}
              onRemove={seats.remove}
            />
            <PanelPicker
              interviewers={interviewers.data}
              weekLabel={week === thisWeek ? 'this week' : `in the week of ${time.date(`${week}T12:00:00Z`)}`}
              fit={fit}
              loading={interviewers.loading}
              error={interviewers.error}
              onRetry={interviewers.reload}
              panel={panel}
              busy={busy}
              describeClash={describeBusy}
              onChange={changePanel}
            />
          </Card>

          <Card
            title={<StepTitle n={3} text="Find a time" />}
            actions={<span className="muted small">{duration} min, everyone free</span>}
          >
            <SlotFinder
              id="finder"
              interviewerIds={seats.named}
              poolIds={seats.poolIds}
              poolName={poolName}
              durationMinutes={duration}
              defaultTimeZone={me.timezone}
              chosenStart={startIso}
              onPanel={new Set(panel.map((p) => p.userId))}
              onPick={pickSlot}
              onAddTrainee={addTrainee}
            />
          </Card>

          <Card
            title={<StepTitle n={4} text="Questions" />}
            actions={<span className="muted small">{picked.length ? `${picked.length} picked` : 'Optional'}</span>}
          >
            {questionsError && (
              <p className="field__error hm-field-error" role="alert">
                {questionsError}
              </p>
            )}
            {filling ? (
              <Loading inline label="Filling in the questions from the plan…" />
            ) : (
              <>
                {template && picked.length > 0 && (
                  <p className="muted small hm-field-error">
                    {plural(picked.length, 'question')} from the plan’s “{template.title}”. Give them to the panelists
                    below, or change them.
                  </p>
                )}
                <QuestionPicker
                  sets={sets.data}
                  setsError={sets.error}
                  panel={panel}
                  picked={picked}
                  onChange={setPicked}
                />
              </>
            )}
          </Card>
        </div>

        <aside className="hm-summary" aria-labelledby="summary-title">
          <div className="card hm-summary__card">
            <h2 id="summary-title">Summary</h2>
            <dl className="hm-summary__list">
              <dt>Candidate</dt>
              <dd>
                {candidate.name}
                <span className="muted small"> · {candidate.positionTitle}</span>
                {inviteCandidate && <div className="muted small">Gets a calendar invitation</div>}
              </dd>
              <dt>When</dt>
              <dd>
                {start ? (
                  <>
                    <strong>{formatDateTime(start, timezone)}</strong> – {formatTime(end, timezone)}
                    <span className="muted small"> {timezone.replace(/_/g, ' ')}</span>
                    {otherZone && <div className="muted small">Your time: {time.dateTime(start)}</div>}
                  </>
                ) : (
                  <span className="muted">Pick a date and a time</span>
                )}
              </dd>
              <dt>Stage</dt>
              <dd>
                {planStage ? `${planStage.name}: ` : ''}
                {title.trim() || `${STAGE_LABEL[stage]} interview`} · {duration} min
              </dd>
              {(meetingUrl || location) && (
                <>
                  <dt>Where</dt>
                  <dd className="hm-break">{[location, meetingUrl].filter(Boolean).join(' · ')}</dd>
                </>
              )}
              <dt>Panel</dt>
              <dd>
                {perPerson.length ? (
                  <ul className="hm-summary__panel">
                    {perPerson.map((p) => (
                      <li key={p.userId}>
                        <Avatar name={p.name} size="sm" />
                        <span>
                          {p.name} <span className={`hm-pill hm-pill--${p.role}`}>{p.role}</span>
                        </span>
                        <span className="muted small">{plural(p.count, 'question')}</span>
                      </li>
                    ))}
                  </ul>
                ) : (
                  <span className="muted">Nobody yet</span>
                )}
                {panel.length > 0 && !lead && <p className="text-warn small">Make one panelist the lead.</p>}
              </dd>
              <dt>Questions</dt>
              <dd>
                {picked.length ? (
                  <>
                    <span>
                      {plural(picked.length, 'question')}
                      {minutes ? ` · about ${minutes} min` : ''}
                    </span>
                    <ul className="hm-summary__questions">
                      {picked.map((p) => (
                        <li key={p.question.id}>
                          <TypeChip type={p.question.type} />
                          <span className="hm-summary__q">{p.question.prompt}</span>
                          <span className="muted small">asked by {askerName(p.askedBy)}</span>
                        </li>
                      ))}
                    </ul>
                  </>
                ) : (
                  <span className="muted">None: the panel brings their own</span>
                )}
              </dd>
            </dl>
            {panelBusy.length > 0 && !clashes.length && (
              <div className="notice notice--warn hm-clash" role="status">
                <Icon name="alert" />
                <p>
                  {panelBusy.map((p) => `${p.name}: ${describeBusy(busy.get(p.userId)!).toLowerCase()}`).join('. ')}.
                  Pick another time, or schedule anyway.
                </p>
              </div>
            )}
            <ClashNotice
              className="hm-clash"
              clashes={clashes}
              nameOf={(id) => names.get(id)}
              proceedLabel="Schedule anyway"
              onProceed={() => submit(null, true)}
              busy={busyState}
              hint={<span className="muted small">or pick another time.</span>}
            />
            {error && !shownElsewhere ? <ErrorNotice error={error} /> : null}
            {error && shownElsewhere && !clashes.length ? (
              <p className="field__error" role="alert">
                Some details need another look: see the messages above.
              </p>
            ) : null}
            <button className="btn btn--primary btn--block hm-summary__submit" disabled={!canSubmit}>
              {busyState ? 'Scheduling…' : 'Schedule interview'}
            </button>
            {!panel.length && !seats.seats.length && (
              <p className="muted small hm-summary__hint">Choose at least one interviewer to schedule.</p>
            )}
            {seats.open > 0 && (
              <p className="muted small hm-summary__hint">
                Pick a time under “Find a time” to fill the pool {seats.open === 1 ? 'seat' : 'seats'}, or remove{' '}
                {seats.open === 1 ? 'it' : 'them'}.
              </p>
            )}
          </div>
        </aside>
      </form>
    </>
  );
}

function StepTitle({ n, text }: { n: number; text: string }) {
  return (
    <span className="hm-step">
      <span className="hm-step__n" aria-hidden="true">
        {n}
      </span>
      {text}
    </span>
  );
}
