/**
 * A form's closing row: a ghost "Cancel" button and the submit button, which is disabled and
 * says what is happening (`busyLabel`, e.g. "Saving…") while the form is being sent.
 */
export function FormActions({
  onCancel,
  cancelLabel = 'Cancel',
  submitLabel,
  busyLabel,
  busy,
  tone = 'primary',
}: {
  onCancel(): void;
  cancelLabel?: string;
  submitLabel: string;
  busyLabel: string;
  busy: boolean;
  /** `danger` for a submit that destroys or cancels something. */
  tone?: 'primary' | 'danger';
}) {
  return (
    <div className="form-actions">
      <button type="button" className="btn btn--ghost" onClick={onCancel}>
        {cancelLabel}
      </button>
      <button className={`btn btn--${tone}`} disabled={busy}>
        {busy ? busyLabel : submitLabel}
      </button>
    </div>
  );
}
