/** The latest heartbeat a worker processed, for /health; the bench's bare server runs the same statement. */
export const LATEST_HEARTBEAT_SQL =
  'SELECT processed_at, processed_by FROM worker_heartbeats ORDER BY processed_at DESC LIMIT 1';

export interface LatestHeartbeat {
  processedAt: Date;
  processedBy: string;
}
