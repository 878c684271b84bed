import { AsyncLocalStorage } from 'node:async_hooks';

/** Who acts when it is not a signed-in person: an integration's API key, named in the trail. */
export interface AuditActor {
  kind: 'api_key';
  id: string;
  name: string;
}

export type AuditActorKind = 'user' | 'api_key' | 'system';

const storage = new AsyncLocalStorage<AuditActor>();

/**
 * Runs a request's handler as `actor`. Services record `audit.record(user.id, …)` with the
 * principal's id; the trail learns here that the id is a key's and under which name, so that no
 * service has to know about keys.
 */
export function runAsAuditActor<T>(actor: AuditActor, work: () => T): T {
  return storage.run(actor, work);
}

export function currentAuditActor(): AuditActor | undefined {
  return storage.getStore();
}
