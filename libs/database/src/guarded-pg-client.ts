import { Logger } from '@nestjs/common';
import { Client, type ClientConfig } from 'pg';

const logger = new Logger('Database');

/**
 * A pg client that is never without an 'error' listener. pg-pool listens for errors only while a
 * client sits idle; a client checked out between two statements (an open transaction, a queue
 * backend's claim) has none, so a dropped connection there is an unhandled 'error' that ends the
 * process. With this listener the client is only marked broken: its next statement fails and the
 * pool discards it on release, so the request gets the usual 503 and the process lives on.
 */
export class GuardedPgClient extends Client {
  constructor(config?: string | ClientConfig) {
    super(config);
    this.on('error', (err) => logger.warn(`a database connection dropped: ${err.message}`));
  }
}
