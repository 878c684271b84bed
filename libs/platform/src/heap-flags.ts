import { setFlagsFromString } from 'node:v8';

/*
 * Imported first by each process's entry point, so that it holds before any other module runs.
 *
 * V8 pretenures an allocation site (allocates its objects straight in the old generation) once most
 * of its objects have outlived a young collection. In this app some sites of per-request objects
 * get there (V8's --trace-pretenuring-statistics counted up to 31 tenured sites under the bench's
 * load; a bare Fastify + pg server has none). A pretenured object that dies with its request still
 * holds what it points to, the request's rows, strings and dates, through every young collection
 * until the next full one, so they are copied and promoted. Under the question-set list's load each
 * scavenge promoted 5 MB and paused 14 ms; without pretenuring, 0.16 MB and 3 ms. A request's
 * objects live for one request: a request server gains nothing from pretenuring.
 */
setFlagsFromString('--no-allocation-site-pretenuring');
