import { Injectable } from '@nestjs/common';
import { EventEmitter2, OnEvent } from '@nestjs/event-emitter';
import type { OnEventOptions } from '@nestjs/event-emitter';

/**
 * The one event map: event name -> payload type. Each module adds its own events by declaration
 * merging (`declare module '@app/common' { interface DomainEventMap { ... } }` beside its event
 * names), so common needs to know no domain and a name can never be emitted with the wrong payload.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface DomainEventMap {}

export type DomainEventName = keyof DomainEventMap;

/** Emits domain events through the map; listeners run before `emit` resolves (their errors, when they rethrow, reach the caller). */
@Injectable()
export class DomainEventsService {
  constructor(private readonly emitter: EventEmitter2) {}

  async emit<K extends DomainEventName>(name: K, payload: DomainEventMap[K]): Promise<void> {
    await this.emitter.emitAsync(name, payload);
  }
}

/**
 * Listens to one or more domain events, with the handler's payload type checked against the map
 * (for several names, the handler must accept each of their payloads). Handlers are awaited by the emitter.
 */
export function OnDomainEvent<K extends DomainEventName>(names: K | K[], options: OnEventOptions = {}) {
  return <T extends (payload: DomainEventMap[K]) => Promise<void>>(
    target: object,
    key: string | symbol,
    descriptor: TypedPropertyDescriptor<T>,
  ): void => {
    for (const name of Array.isArray(names) ? names : [names])
      OnEvent(name, { promisify: true, ...options })(target, key, descriptor);
  };
}
