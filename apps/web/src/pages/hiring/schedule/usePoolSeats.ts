import { useState } from 'react';
import type { Slot } from './findTimes';
import { addSeat, removeSeat } from './panelRoles';
import type { PanelSeat } from './PanelPicker';
import type { PoolSeat } from './PoolSeats';

/**
 * The panel's "one of a pool" seats. A picked slot fills each with the member the API proposed for
 * it (replacing whoever an earlier pick put there), so the finder keeps asking for the pool, not the
 * person, until the form is sent.
 */
export function usePoolSeats(panel: PanelSeat[], changePanel: (next: PanelSeat[]) => void) {
  const [seats, setSeats] = useState<PoolSeat[]>([]);
  const fillers = new Set(seats.flatMap((s) => (s.userId ? [s.userId] : [])));

  const add = (poolId: string) => setSeats([...seats, { poolId, userId: null }]);
  const remove = (index: number) => {
    const gone = seats[index];
    setSeats(seats.filter((_, i) => i !== index));
    if (gone?.userId) changePanel(removeSeat(panel, gone.userId));
  };
  /** Fills the seats from a slot; returns nothing: the panel changes through `changePanel`. */
  const fill = (slot: Slot) => {
    let next = panel;
    for (const s of seats) if (s.userId) next = removeSeat(next, s.userId);
    // a pool asked for twice has two of its members in the slot: each seat takes the next one
    const offered = slot.panel.filter((m) => m.poolId);
    const filled = seats.map((s) => {
      const i = offered.findIndex((o) => o.poolId === s.poolId);
      const [m] = i >= 0 ? offered.splice(i, 1) : [];
      return { poolId: s.poolId, userId: m?.userId ?? null };
    });
    for (const m of slot.panel) if (m.poolId && filled.some((f) => f.userId === m.userId)) next = addSeat(next, m);
    setSeats(filled);
    changePanel(next);
  };
  /** Someone unticked on the picker leaves their seat open again. */
  const panelChanged = (next: PanelSeat[]) =>
    setSeats((ss) =>
      ss.map((s) => (s.userId && !next.some((p) => p.userId === s.userId) ? { ...s, userId: null } : s)),
    );

  return {
    seats,
    add,
    remove,
    fill,
    panelChanged,
    /** Who the finder must find free by name: the panel without the pool seats' members. */
    named: panel.filter((p) => !fillers.has(p.userId)).map((p) => p.userId),
    poolIds: seats.map((s) => s.poolId),
    open: seats.filter((s) => !s.userId).length,
  };
}
