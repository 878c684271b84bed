import { useState, type FormEvent } from 'react';
import { api, call } from '../../../api/client';
import { ApiError } from '../../../api/errors';
import type { components } from '../../../api/schema';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { Field } from '../../../components/Field';
import { FormActions } from '../../../components/FormActions';
import { useToast } from '../../../components/Toast';

export type Pool = components['schemas']['InterviewerPoolResponse'];
export type PoolMember = components['schemas']['PoolMemberResponse'];

/** Creates a pool, or edits one's name, description, limits and training counts. */
export function PoolForm({ pool, onCancel, onSaved }: { pool?: Pool; onCancel(): void; onSaved(p: Pool): void }) {
  const toast = useToast();
  const [name, setName] = useState(pool?.name ?? '');
  const [description, setDescription] = useState(pool?.description ?? '');
  const [daily, setDaily] = useState(pool?.dailyLimit?.toString() ?? '');
  const [weekly, setWeekly] = useState(pool?.weeklyLimit?.toString() ?? '');
  const [shadows, setShadows] = useState(String(pool?.shadowsRequired ?? 2));
  const [reverse, setReverse] = useState(String(pool?.reverseShadowsRequired ?? 2));
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const id = (f: string) => `${pool ? `pool-${pool.id}` : 'new-pool'}-${f}`;
  // an empty limit is no limit; a number field left as typed goes to the API, which names what is wrong
  const limit = (v: string) => (v.trim() === '' ? null : Number(v));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    const body = {
      name,
      description: description.trim() || null,
      dailyLimit: limit(daily),
      weeklyLimit: limit(weekly),
      shadowsRequired: Number(shadows),
      reverseShadowsRequired: Number(reverse),
    };
    try {
      const saved = pool
        ? await call(api.PATCH('/api/v1/interviewer-pools/{id}', { params: { path: { id: pool.id } }, body }))
        : await call(api.POST('/api/v1/interviewer-pools', { body }));
      toast(pool ? `Saved ${saved.name}` : `Pool “${saved.name}” created: add its members`);
      onSaved(saved);
    } catch (err) {
      setError(err);
      setBusy(false);
    }
  };
  const apiError = error instanceof ApiError ? error : undefined;
  const nameTaken =
    apiError?.status === 409 ? 'A pool already has this name (whatever its case). Choose another.' : undefined;
  const field = (f: string) =>
    apiError?.forField(f) ??
    (apiError?.status === 400 && apiError.message.startsWith(f) ? apiError.message : undefined);
  const shown =
    !!nameTaken ||
    ['name', 'description', 'dailyLimit', 'weeklyLimit', 'shadowsRequired', 'reverseShadowsRequired'].some((f) =>
      field(f),
    );

  return (
    <form
      className={`card inline-form pool-form${pool ? '' : ' pool-form--new'}`}
      onSubmit={submit}
      noValidate
      aria-label={pool ? `Edit ${pool.name}` : 'New pool'}
    >
      {!pool && <h2>New pool</h2>}
      {error && !shown ? <ErrorNotice error={error} /> : null}
      <div className="grid-2">
        <Field id={id('name')} label="Name" error={nameTaken ?? field('name')}>
          <input
            value={name}
            onChange={(e) => setName(e.target.value)}
            autoFocus={!pool}
            autoComplete="off"
            placeholder="e.g. System design"
          />
        </Field>
        <Field id={id('description')} label="Description" hint="Optional" error={field('description')}>
          <input
            value={description}
            onChange={(e) => setDescription(e.target.value)}
            placeholder="What this pool's interviewers assess"
          />
        </Field>
      </div>
      <div className="pool-form__numbers">
        <Field
          id={id('daily')}
          label="Interviews a day"
          hint="Per member, their local day. Empty: no limit."
          error={field('dailyLimit')}
        >
          <input type="number" inputMode="numeric" min={1} value={daily} onChange={(e) => setDaily(e.target.value)} />
        </Field>
        <Field
          id={id('weekly')}
          label="Interviews a week"
          hint="Per member, their local week. Empty: no limit."
          error={field('weeklyLimit')}
        >
          <input type="number" inputMode="numeric" min={1} value={weekly} onChange={(e) => setWeekly(e.target.value)} />
        </Field>
        <Field
          id={id('shadows')}
          label="Shadows to do"
          hint="A trainee watches this many interviews first."
          error={field('shadowsRequired')}
        >
          <input
            type="number"
            inputMode="numeric"
            min={0}
            value={shadows}
            onChange={(e) => setShadows(e.target.value)}
          />
        </Field>
        <Field
          id={id('reverse')}
          label="Reverse shadows to do"
          hint="Then leads this many, watched, to qualify."
          error={field('reverseShadowsRequired')}
        >
          <input
            type="number"
            inputMode="numeric"
            min={0}
            value={reverse}
            onChange={(e) => setReverse(e.target.value)}
          />
        </Field>
      </div>
      <FormActions
        onCancel={onCancel}
        submitLabel={pool ? 'Save pool' : 'Create pool'}
        busyLabel="Saving…"
        busy={busy}
      />
    </form>
  );
}
