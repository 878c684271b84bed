/** The groups a claim names: an array of strings, or one string; anything else names none. */
export function groupsOf(claim: unknown): string[] {
  if (typeof claim === 'string') return [claim];
  return Array.isArray(claim) ? claim.filter((g): g is string => typeof g === 'string').slice(0, 1000) : [];
}

/** Every role the mapping gives any of the groups, in a stable order; empty when none is mapped. */
export function rolesForGroups(
  groups: string[],
  mapping: Record<string, string[]>,
  order: readonly string[],
): string[] {
  const granted = new Set(groups.flatMap((g) => (Object.hasOwn(mapping, g) ? mapping[g] : [])));
  return order.filter((r) => granted.has(r));
}
