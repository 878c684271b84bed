/**
 * What an API key may be granted: read or write per area. Scorecards and summaries are read-only
 * for keys: a scorecard is an interviewer's own judgement, written by that person through their
 * own `mine` endpoints, and a summary is computed from scorecards, so a machine has nothing to write
 * there. Positions and candidates belong to the `interviews` area (the same module, the same ATS sync).
 */
export const API_KEY_AREAS = ['question_sets', 'interviews', 'scorecards', 'summaries'] as const;
export type ApiKeyArea = (typeof API_KEY_AREAS)[number];

export const API_KEY_SCOPES = [
  'question_sets:read',
  'question_sets:write',
  'interviews:read',
  'interviews:write',
  'scorecards:read',
  'summaries:read',
] as const;
export type ApiKeyScope = (typeof API_KEY_SCOPES)[number];

/** The scope a request needs: GET and HEAD read, every other method writes. */
export function scopeFor(area: ApiKeyArea, method: string): string {
  return `${area}:${method === 'GET' || method === 'HEAD' ? 'read' : 'write'}`;
}
