import { useState, type FormEvent } from 'react';
import { ApiError } from '../../../api/errors';
import type { QuestionSet } from '../../../api/types';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { Field } from '../../../components/Field';
import { FormActions } from '../../../components/FormActions';

export interface DetailsInput {
  name: string;
  description: string;
  positionFamily: string;
  level: string;
  tags: string[];
}

/** The set's own fields: name, description, position family, level, tags. */
export function SetDetailsForm({
  set,
  onSave,
  onCancel,
}: {
  set: QuestionSet;
  onSave(d: DetailsInput): Promise<void>;
  onCancel(): void;
}) {
  const [d, setD] = useState({
    name: set.name,
    description: set.description ?? '',
    positionFamily: set.positionFamily ?? '',
    level: set.level ?? '',
    tags: set.tags.join(', '),
  });
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const apiError = error instanceof ApiError ? error : undefined;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await onSave({
        ...d,
        tags: d.tags
          .split(',')
          .map((t) => t.trim())
          .filter(Boolean),
      });
    } catch (err) {
      setError(err);
      setBusy(false);
    }
  };
  return (
    <form className="stack" onSubmit={submit} noValidate aria-label="Set details">
      {error && !apiError?.fieldProblems.length ? <ErrorNotice error={error} /> : null}
      <Field id="set-name" label="Name" error={apiError?.forField('name')}>
        <input value={d.name} onChange={(e) => setD({ ...d, name: e.target.value })} />
      </Field>
      <Field id="set-description" label="Description" error={apiError?.forField('description')}>
        <textarea rows={2} value={d.description} onChange={(e) => setD({ ...d, description: e.target.value })} />
      </Field>
      <div className="grid-3">
        <Field id="set-family" label="Position family" error={apiError?.forField('positionFamily')}>
          <input value={d.positionFamily} onChange={(e) => setD({ ...d, positionFamily: e.target.value })} />
        </Field>
        <Field id="set-level" label="Level" error={apiError?.forField('level')}>
          <input value={d.level} onChange={(e) => setD({ ...d, level: e.target.value })} />
        </Field>
        <Field id="set-tags" label="Tags" hint="Comma-separated" error={apiError?.forField('tags')}>
          <input value={d.tags} onChange={(e) => setD({ ...d, tags: e.target.value })} />
        </Field>
      </div>
      <FormActions onCancel={onCancel} submitLabel="Save details" busyLabel="Saving…" busy={busy} />
    </form>
  );
}
