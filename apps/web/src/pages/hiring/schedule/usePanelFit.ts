import { useEffect, useState } from 'react';
import { api, call } from '../../../api/client';
import type { SlotFit } from './PanelPicker';
import { slotFit } from './slotFit';

/**
 * Each panelist's view of a slot (their local time; outside working hours, a day off, busy in their
 * calendar, inside their buffer), read from their availability a day either side of it. Shared by
 * the schedule and reschedule forms. `ignore`: the interview being moved, whose own time is not busy.
 */
export function usePanelFit(
  userIds: string[],
  startIso: string | undefined,
  endIso: string | undefined,
  ignore?: { start: string; end: string },
): Map<string, SlotFit> {
  const [fits, setFits] = useState<Map<string, SlotFit>>(new Map());
  const key = userIds.join(',');
  const ignoreKey = ignore ? `${ignore.start}/${ignore.end}` : '';
  useEffect(() => {
    if (!startIso || !endIso || !key) return setFits(new Map());
    let live = true;
    const from = new Date(Date.parse(startIso) - 86_400_000).toISOString();
    const to = new Date(Date.parse(endIso) + 86_400_000).toISOString();
    const [ignoreStart, ignoreEnd] = ignoreKey.split('/');
    const ignoring = ignoreKey ? { start: ignoreStart, end: ignoreEnd } : undefined;
    // typing a time fires a change per keystroke: read once it settles
    const t = setTimeout(
      () =>
        void (async () => {
          const found = await Promise.all(
            key.split(',').map(async (id) => {
              const a = await call(
                api.GET('/api/v1/interviewers/{id}/availability', { params: { path: { id }, query: { from, to } } }),
              ).catch(() => null);
              return a ? ([id, slotFit(a, new Date(startIso), new Date(endIso), ignoring)] as const) : null;
            }),
          );
          if (live) setFits(new Map(found.filter((x) => x !== null)));
        })(),
      350,
    );
    return () => {
      live = false;
      clearTimeout(t);
    };
  }, [startIso, endIso, key, ignoreKey]);
  return fits;
}
