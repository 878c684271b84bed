import { Injectable } from '@nestjs/common';
import type { ArgumentMetadata, PipeTransform } from '@nestjs/common';
import { fieldError } from '../errors/app-exceptions';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const isUuid = (value: string): boolean => UUID.test(value);

/** Path parameters named like ids that are not UUIDs (the queue's heartbeat job ids). */
const NOT_UUIDS = new Set(['jobId']);

/** Whether a path parameter of this name holds a UUID: `id` and every `…Id`. */
export function isUuidParam(name: string | undefined): boolean {
  return !!name && (name === 'id' || name.endsWith('Id')) && !NOT_UUIDS.has(name);
}

/**
 * A malformed id in the path gets the same 400 on every route, naming the parameter in `details`,
 * before any service looks it up (registered once as a global pipe: no route can forget it).
 */
@Injectable()
export class UuidParamsPipe implements PipeTransform<unknown> {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    if (metadata.type !== 'param' || !isUuidParam(metadata.data)) return value;
    if (typeof value === 'string' && isUuid(value)) return value;
    throw fieldError(metadata.data!, `${metadata.data} must be a UUID`);
  }
}
