import type { PanelRole } from '../types';
import type { PanelSeat } from './PanelPicker';

/** A pool member's training stage (the API's PoolMemberDto.stage). */
export type TrainingStage = 'shadow' | 'reverse_shadow' | 'qualified';

/**
 * The role a new panelist gets: a trainee still shadowing shadows; otherwise the first one leads and
 * the others are full panelists. Shadowing anyone else is chosen explicitly.
 */
export function defaultRole(panel: PanelSeat[], stage?: TrainingStage | null): PanelRole {
  if (stage === 'shadow') return 'shadow';
  return panel.some((p) => p.role === 'lead') ? 'panelist' : 'lead';
}

export function addSeat(
  panel: PanelSeat[],
  who: { userId: string; name: string },
  stage?: TrainingStage | null,
): PanelSeat[] {
  if (panel.some((p) => p.userId === who.userId)) return panel;
  return [...panel, { userId: who.userId, name: who.name, role: defaultRole(panel, stage) }];
}

/** Takes someone off the panel; when they led it, the first remaining full panelist leads instead. */
export function removeSeat(panel: PanelSeat[], userId: string): PanelSeat[] {
  const gone = panel.find((p) => p.userId === userId);
  const rest = panel.filter((p) => p.userId !== userId);
  if (gone?.role !== 'lead' || rest.some((p) => p.role === 'lead')) return rest;
  const heir = rest.find((p) => p.role === 'panelist');
  return heir ? rest.map((p) => (p === heir ? { ...p, role: 'lead' } : p)) : rest;
}

/**
 * The least advanced training stage someone is at over their pools (null when they train in none):
 * a trainee shadowing in one pool shadows by default.
 */
export function trainingStage(interviewer: { pools: Array<{ stage: TrainingStage }> }): TrainingStage | null {
  const stages = interviewer.pools.map((p) => p.stage);
  if (stages.includes('shadow')) return 'shadow';
  if (stages.includes('reverse_shadow')) return 'reverse_shadow';
  return null;
}
