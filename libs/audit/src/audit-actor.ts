import { AsyncLocalStorage } from 'node:async_hooks';

/** Who acts when it is not a signed-in person: an integration's API key, named in the trail. */
export interface AuditActor {
  kind: 'api_key';
  id: string;
  name: string;
}

export type AuditActorKind = 'user' | 'api_key' | 'system';

interface ActorSlot {
  actor?: AuditActor;
}

const storage = new AsyncLocalStorage<ActorSlot>();

/**
 * Runs a request's handling (its guards, handler and the services they call) with an empty slot
 * for its actor, which the auth guard fills when it admits an API key. Services record
 * `audit.record(user.id, …)` with the principal's id; the trail learns from the slot that the id is a
 * key's and under which name, so that no service has to know about keys. A slot filled after the
 * handling began reaches all of it, which is why the slot, not the actor, is entered first.
 */
export function withAuditActorSlot<T>(work: () => T): T {
  return storage.run({}, work);
}

/** Fills the current request's slot; refuses outside one, where a key's changes would lose its name. */
export function setAuditActor(actor: AuditActor): void {
  const slot = storage.getStore();
  if (!slot) throw new Error('No audit actor slot: the request was not run through withAuditActorSlot');
  slot.actor = actor;
}

export function currentAuditActor(): AuditActor | undefined {
  return storage.getStore()?.actor;
}
