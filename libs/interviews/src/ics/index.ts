export { buildInvite, localDateTime, utcStamp, PRODID } from './invite';
export type { InviteAttendee, InviteInput } from './invite';
