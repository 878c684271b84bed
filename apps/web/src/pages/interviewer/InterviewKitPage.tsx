import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { api, call } from '../../api/client';
import type { InterviewKit, KitQuestion } from '../../api/types';
import { useUser } from '../../auth/session';
import { TypeChip } from '../../components/Chips';
import { ErrorNotice } from '../../components/ErrorNotice';
import { InterviewStatusBadge, isClosedStatus } from '../../components/InterviewStatus';
import { Icon } from '../../components/Icon';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/Page';
import { useToast } from '../../components/Toast';
import { useResource } from '../../lib/use-resource';
import { Avatar, panelRoleLabel, useWhen } from './shared';
import { RsvpCard } from './RsvpCard';
import { RsvpChip } from '../../components/rsvp/RsvpChip';
import { plural } from '../../lib/plural';

export default function InterviewKitPage() {
  const { id = '' } = useParams();
  const kit = useResource(() => call(api.GET('/api/v1/interviews/{id}', { params: { path: { id } } })), [id]);
  if (kit.error && !kit.data)
    return <ErrorNotice error={kit.error} onRetry={kit.reload} title="This interview could not be loaded" />;
  if (!kit.data) return <Loading label="Loading the interview kit…" />;
  return <Kit kit={kit.data} onChange={kit.setData} />;
}

function Kit({ kit, onChange }: { kit: InterviewKit; onChange(k: InterviewKit): void }) {
  const user = useUser();
  const w = useWhen();
  const me = kit.panel.find((p) => p.userId === user.id);
  const totalMinutes = kit.questions.reduce((n, q) => n + (q.timeboxMinutes ?? 0), 0);
  const mine = (q: KitQuestion) => (q.askedBy ? q.askedBy.userId === user.id : me?.role === 'lead');
  const otherZone = kit.scheduled.timezone !== w.timeZone;

  return (
    <div className="iv-page iv-kit">
      <PageHeader
        eyebrow={me ? <Link to="/my-interviews">My interviews</Link> : undefined}
        title={`${kit.candidate.name} · ${kit.title}`}
        subtitle={
          <>
            {kit.position.title}
            {kit.position.department ? ` · ${kit.position.department}` : ''} ·{' '}
            {kit.stage[0].toUpperCase() + kit.stage.slice(1)} stage
            {kit.status !== 'scheduled' && (
              <>
                {' '}
                <InterviewStatusBadge status={kit.status} />
              </>
            )}
          </>
        }
        actions={
          <>
            <InviteButton kit={kit} />
            {me && !isClosedStatus(kit.status) && (
              <Link className="btn btn--primary hide-phone" to={`/interviews/${kit.id}/scorecard`}>
                <Icon name="edit" /> Open scorecard
              </Link>
            )}
          </>
        }
      />
      {kit.status === 'cancelled' && (
        <div className="notice notice--warn" role="status">
          <Icon name="alert" />
          <p>
            <strong>This interview is cancelled.</strong> {kit.cancelReason}
          </p>
        </div>
      )}
      {kit.status === 'no_show' && (
        <div className="notice notice--warn" role="status">
          <Icon name="alert" />
          <p>
            <strong>The candidate did not show up.</strong> No scorecard is needed for this interview.
          </p>
        </div>
      )}

      <div className="iv-kit__layout">
        <div className="iv-kit__main">
          <section className="iv-facts card" aria-label="When and where">
            <div className="iv-fact">
              <span className="iv-fact__label">When</span>
              <strong>{w.longDate(kit.start)}</strong>
              <span>
                {w.range(kit.start, kit.end)} {w.zoneName(kit.start)} · {kit.durationMinutes} min
              </span>
              {otherZone && (
                <span className="muted small">
                  Scheduled as {kit.scheduled.start.slice(11, 16)} {kit.scheduled.timezone.replace(/_/g, ' ')}
                </span>
              )}
            </div>
            <div className="iv-fact">
              <span className="iv-fact__label">Where</span>
              {kit.meetingUrl ? (
                <a href={kit.meetingUrl} target="_blank" rel="noreferrer" className="iv-join">
                  <Icon name="external" size={16} /> Join the call
                  <span className="iv-join__url">{kit.meetingUrl.replace(/^https?:\/\//, '')}</span>
                </a>
              ) : null}
              {kit.location && <span>{kit.location}</span>}
              {!kit.meetingUrl && !kit.location && <span className="muted">No place given yet</span>}
            </div>
            <div className="iv-fact">
              <span className="iv-fact__label">Feedback due</span>
              <strong>{w.dateTime(kit.feedbackDueAt)}</strong>
              <span className="muted small">{w.relative(kit.feedbackDueAt)}</span>
            </div>
          </section>

          <section aria-labelledby="questions-title" className="iv-section">
            <div className="section-head">
              <h2 id="questions-title">
                Questions <span className="count">{kit.questions.length}</span>
              </h2>
              {totalMinutes > 0 && <span className="muted small">About {totalMinutes} minutes of questions</span>}
            </div>
            {kit.questions.length === 0 ? (
              <p className="muted">No questions are assigned to this interview yet.</p>
            ) : (
              <ol className="iv-kit__questions">
                {kit.questions.map((q) => (
                  <li key={q.id}>
                    <KitQuestionCard question={q} mine={!!me && mine(q)} />
                  </li>
                ))}
              </ol>
            )}
          </section>
        </div>

        <aside className="iv-kit__side">
          {me && <RsvpCard kit={kit} userId={user.id} onChange={onChange} />}
          <section className="card" aria-labelledby="panel-title">
            <h2 id="panel-title" className="iv-side-title">
              Panel
            </h2>
            <ul className="iv-panel">
              {kit.panel.map((p) => (
                <li key={p.userId}>
                  <Avatar name={p.name} />
                  <span className="iv-panel__who">
                    <strong>
                      {p.name}
                      {p.userId === user.id && <span className="muted"> (you)</span>}
                    </strong>
                    <span className="muted small">
                      {plural(
                        kit.questions.filter((q) => (q.askedBy ? q.askedBy.userId === p.userId : p.role === 'lead'))
                          .length,
                        'question',
                      )}
                    </span>
                    <RsvpChip rsvp={p.rsvp} />
                  </span>
                  <span className={`iv-role iv-role--${p.role}`}>{panelRoleLabel(p.role)}</span>
                </li>
              ))}
            </ul>
          </section>
          <section className="card" aria-labelledby="plan-title">
            <h2 id="plan-title" className="iv-side-title">
              Plan
            </h2>
            <ol className="iv-plan">
              {kit.questions.map((q) => (
                <li key={q.id}>
                  <a href={`#q-${q.id}`}>
                    <span className="iv-plan__n">{q.position + 1}</span>
                    <span className="iv-plan__prompt">{q.prompt}</span>
                    {q.timeboxMinutes ? <span className="iv-plan__min">{q.timeboxMinutes}′</span> : null}
                  </a>
                </li>
              ))}
            </ol>
          </section>
          <section className="card iv-candidate" aria-labelledby="candidate-title">
            <h2 id="candidate-title" className="iv-side-title">
              Candidate
            </h2>
            <div className="iv-panel__row">
              <Avatar name={kit.candidate.name} size={36} />
              <span className="iv-panel__who">
                <strong>{kit.candidate.name}</strong>
                <a className="small" href={`mailto:${kit.candidate.email}`}>
                  {kit.candidate.email}
                </a>
              </span>
            </div>
          </section>
        </aside>
      </div>

      {me && !isClosedStatus(kit.status) && (
        <div className="iv-sticky-bar">
          <span className="iv-sticky-bar__text">
            You are <strong>{panelRoleLabel(me.role).toLowerCase()}</strong>
            {kit.questions.filter(mine).length
              ? ` · ${plural(kit.questions.filter(mine).length, 'question')} to rate`
              : ''}
          </span>
          <Link className="btn btn--primary" to={`/interviews/${kit.id}/scorecard`}>
            <Icon name="edit" /> Scorecard
          </Link>
        </div>
      )}
    </div>
  );
}

function KitQuestionCard({ question: q, mine }: { question: KitQuestion; mine: boolean }) {
  const g = q.guidance;
  const hasGuidance = !!(g.whyAsked || g.framework || g.exampleAnswer);
  return (
    <article className={`iv-q card${mine ? ' iv-q--mine' : ''}`} id={`q-${q.id}`} aria-labelledby={`q-${q.id}-prompt`}>
      <div className="iv-q__top">
        <span className="iv-q__n" aria-hidden="true">
          {q.position + 1}
        </span>
        <TypeChip type={q.type} />
        {q.timeboxMinutes ? (
          <span className="iv-meta">
            <Icon name="clock" size={14} /> {q.timeboxMinutes} min
          </span>
        ) : null}
        <span className={`iv-asker${mine ? ' iv-asker--me' : ''}`}>
          {mine ? 'You ask this' : q.askedBy ? `${q.askedBy.name} asks` : 'The lead asks'}
        </span>
      </div>
      <h3 className="iv-q__prompt" id={`q-${q.id}-prompt`}>
        <span className="visually-hidden">Question {q.position + 1}: </span>
        {q.prompt}
      </h3>
      {q.competencies.length > 0 && (
        <p className="iv-q__competencies">
          {q.competencies.map((c) => (
            <span key={c} className="tag">
              {c}
            </span>
          ))}
        </p>
      )}
      <div className="iv-q__grid">
        {q.followUps.length > 0 && (
          <div className="iv-q__block">
            <h4>Follow-ups</h4>
            <ul className="iv-followups">
              {q.followUps.map((f) => (
                <li key={f.id}>
                  <span>{f.prompt}</span>
                  {f.checks && <span className="iv-followups__checks">Checks {f.checks}</span>}
                </li>
              ))}
            </ul>
          </div>
        )}
        <div className="iv-q__block">
          <h4>What to look for</h4>
          <ul className="iv-criteria">
            {q.criteria.map((c) => (
              <li key={c.id}>
                <Icon name="check" size={16} />
                <span>
                  <strong>{c.label}</strong>
                  {c.description && <span className="iv-criteria__desc">{c.description}</span>}
                </span>
              </li>
            ))}
          </ul>
        </div>
      </div>
      {hasGuidance && (
        <details className="iv-guidance" open={mine}>
          <summary>Guidance</summary>
          <dl>
            {g.whyAsked && (
              <>
                <dt>Why we ask</dt>
                <dd>{g.whyAsked}</dd>
              </>
            )}
            {g.framework && (
              <>
                <dt>Answer framework: {g.framework}</dt>
                <dd>{g.frameworkDescription ?? ''}</dd>
              </>
            )}
            {g.exampleAnswer && (
              <>
                <dt>A strong answer</dt>
                <dd>{g.exampleAnswer}</dd>
              </>
            )}
          </dl>
        </details>
      )}
    </article>
  );
}

/** The .ics needs the bearer token, so it is fetched and handed to the browser as a file. */
function InviteButton({ kit }: { kit: InterviewKit }) {
  const toast = useToast();
  const [busy, setBusy] = useState(false);
  const download = async () => {
    setBusy(true);
    try {
      const text = await call(
        api.GET('/api/v1/interviews/{id}/invite.ics', { params: { path: { id: kit.id } }, parseAs: 'text' }),
      );
      const url = URL.createObjectURL(new Blob([text as unknown as string], { type: 'text/calendar' }));
      const a = document.createElement('a');
      a.href = url;
      a.download = `interview-${kit.candidate.name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}.ics`;
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch {
      toast('Could not download the invite. Try again.', 'error');
    } finally {
      setBusy(false);
    }
  };
  return (
    <button type="button" className="btn" onClick={download} disabled={busy}>
      <Icon name="calendar" /> {busy ? 'Preparing…' : 'Add to calendar'}
    </button>
  );
}
