import type { OpenAPIObject } from '@nestjs/swagger';
import { completeOpenApiContract } from './openapi-contract';

const ERROR = { 'application/json': { schema: { $ref: '#/components/schemas/ErrorResponseDto' } } };

function doc(paths: Record<string, unknown>): OpenAPIObject {
  return {
    openapi: '3.0.0',
    info: { title: 't', version: '1' },
    paths,
    components: { schemas: {} },
  } as unknown as OpenAPIObject;
}

describe('completeOpenApiContract', () => {
  it('declares errors of a file download as JSON, not with the file media type', () => {
    const d = completeOpenApiContract(
      doc({
        '/x/{id}/invite.ics': {
          get: {
            parameters: [{ in: 'path', name: 'id', required: true, schema: { type: 'string' } }],
            security: [{ bearer: [] }],
            responses: {
              200: { description: 'file', content: { 'text/calendar': { schema: { type: 'string' } } } },
              404: {
                description: 'Not found\n\nNot found',
                content: { 'text/calendar': { schema: { $ref: '#/components/schemas/ErrorResponseDto' } } },
              },
            },
          },
        },
      }),
    );
    const responses = (d.paths['/x/{id}/invite.ics'].get as any).responses;
    expect(responses['200'].content).toEqual({ 'text/calendar': { schema: { type: 'string' } } });
    expect(responses['404']).toEqual({ description: 'Not found', content: ERROR });
    for (const status of ['400', '401', '403', '414', '429', '503']) expect(responses[status].content).toEqual(ERROR);
    expect(responses['409']).toBeUndefined(); // a read does not conflict
    expect(responses['429'].headers['Retry-After']).toBeDefined();
    expect((d.paths['/x/{id}/invite.ics'].get as any).parameters[0].schema).toEqual({ type: 'string', format: 'uuid' });
  });

  it('adds only what an operation can answer: a public operation without input gets no 400, 401 or 404', () => {
    const d = completeOpenApiContract(doc({ '/health': { get: { responses: { 200: { description: 'ok' } } } } }));
    expect(Object.keys((d.paths['/health'].get as any).responses)).toEqual(['200', '429', '503']);
  });

  const IDEMPOTENCY_KEY = { in: 'header', name: 'Idempotency-Key', required: false, schema: { type: 'string' } };

  it('adds 400, 409 and 422 to an operation that declares the Idempotency-Key header (@Idempotent), and 413 with a body', () => {
    const d = completeOpenApiContract(
      doc({
        '/things': {
          post: {
            parameters: [IDEMPOTENCY_KEY],
            requestBody: { content: { 'application/json': { schema: {} } } },
            security: [{ bearer: [] }],
            responses: { 201: { description: 'made' } },
          },
        },
      }),
    );
    expect(Object.keys((d.paths['/things'].post as any).responses)).toEqual([
      '201',
      '400',
      '401',
      '403',
      '409',
      '413',
      '422',
      '429',
      '503',
    ]);
    expect((d.paths['/things'].post as any).parameters).toEqual([IDEMPOTENCY_KEY]);
  });

  it('leaves the header out where the operation does not declare it, and 422 with it', () => {
    const d = completeOpenApiContract(
      doc({
        '/things/{id}/ping': {
          post: {
            parameters: [{ in: 'path', name: 'id', required: true, schema: { type: 'string' } }],
            security: [{ bearer: [] }],
            responses: { 200: { description: 'pinged' } },
          },
        },
      }),
    );
    const op = d.paths['/things/{id}/ping'].post as any;
    expect(op.parameters).toHaveLength(1);
    expect(op.responses['422']).toBeUndefined();
    expect(op.responses['409']).toBeDefined(); // a signed-in write may still lose to a concurrent one
  });
});
