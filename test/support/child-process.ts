import type { ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';

/** A port nobody listens on right now, for a process the test starts. */
export async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

/** A process the test started: what it printed so far, and its exit code once it stops. */
export interface Running {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}
