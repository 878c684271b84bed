import '../../styles/rsvp.css';

export type Rsvp = 'needs_action' | 'accepted' | 'declined' | 'tentative';

export const RSVP_LABEL: Record<Rsvp, string> = {
  needs_action: 'No answer yet',
  accepted: 'Accepted',
  declined: 'Declined',
  tentative: 'Tentative',
};

/** A panelist's answer to the invitation, as a chip (text, not colour alone, carries it). */
export function RsvpChip({ rsvp }: { rsvp: Rsvp }) {
  return (
    <span className={`rsvp-chip rsvp-chip--${rsvp}`} data-testid="rsvp-chip" data-rsvp={rsvp}>
      {RSVP_LABEL[rsvp]}
    </span>
  );
}
