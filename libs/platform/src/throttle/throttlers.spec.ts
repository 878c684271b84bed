import { createHash } from 'node:crypto';
import type { ExecutionContext } from '@nestjs/common';
import { throttleKey } from './throttlers';

const ctx = {} as ExecutionContext;
const sha = (s: string) => createHash('sha256').update(s).digest('base64url');

describe('throttleKey', () => {
  it('is the SHA-256 of the throttler and the tracker, the same on every call', () => {
    expect(throttleKey(ctx, '203.0.113.7', 'default')).toBe(sha('default|203.0.113.7'));
    expect(throttleKey(ctx, '203.0.113.7', 'default')).toBe(sha('default|203.0.113.7'));
    expect(throttleKey(ctx, '203.0.113.7', 'login')).toBe(sha('login|203.0.113.7'));
    expect(throttleKey(ctx, 'a@example.com', 'login-account')).not.toContain('example');
  });

  it('stays right past its memo: 25,000 trackers, then the first ones again', () => {
    for (let i = 0; i < 25_000; i++) expect(throttleKey(ctx, `10.0.${i >> 8}.${i & 255}`, 'default')).toBeTruthy();
    for (let i = 0; i < 100; i++) {
      const tracker = `10.0.${i >> 8}.${i & 255}`;
      expect(throttleKey(ctx, tracker, 'default')).toBe(sha(`default|${tracker}`));
    }
  });
});
