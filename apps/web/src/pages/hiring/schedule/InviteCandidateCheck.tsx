/** "Invite the candidate too": the candidate gets a calendar invitation with the time and place (no kit, no panel addresses). */
export function InviteCandidateCheck({
  id,
  candidate,
  checked,
  onChange,
}: {
  id: string;
  candidate: string;
  checked: boolean;
  onChange(v: boolean): void;
}) {
  return (
    <div className="hm-check">
      <input
        id={id}
        type="checkbox"
        checked={checked}
        onChange={(e) => onChange(e.target.checked)}
        aria-describedby={`${id}-hint`}
      />
      <label htmlFor={id}>Invite the candidate too</label>
      <p className="field__hint" id={`${id}-hint`}>
        {candidate} gets a calendar invitation with the time and the place or meeting link; never the kit or the panel’s
        addresses.
      </p>
    </div>
  );
}
