import { useCallback, useEffect, useRef, useState } from 'react';
import { api, call } from '../../../api/client';
import { ApiError } from '../../../api/errors';
import type { MissingItem, Scorecard } from '../../../api/types';
import {
  applyValues,
  fromServer,
  readStored,
  saveBody,
  storageKey,
  valueOf,
  writeStored,
  type FieldKey,
  type Form,
} from './draft';

export const DEBOUNCE_MS = 800;
const MAX_BACKOFF_MS = 30_000;

export type SaveState =
  | { kind: 'saved'; at: number | string | null }
  | { kind: 'pending' }
  | { kind: 'saving' }
  | { kind: 'offline' }
  | { kind: 'retrying'; inSeconds: number; error: unknown }
  | { kind: 'error'; error: unknown };

/** A save the server will refuse again if sent unchanged (bad input): wait for the next edit. */
const permanent = (e: unknown) =>
  e instanceof ApiError && (e.status === 400 || e.status === 413 || e.status === 403 || e.status === 404);
const isNetwork = (e: unknown) => e instanceof ApiError && e.status === 0;

/**
 * The scorecard draft: edits apply at once, are kept in localStorage (keyed by interview and user)
 * until the server has acknowledged them, and are sent as partial saves ~800 ms after the last
 * edit. Network errors retry with backoff and on the `online` event; a 409 (saved elsewhere)
 * reloads the server's scorecard and re-applies the local changes over it.
 */
export function useScorecardDraft(interviewId: string, userId: string, initial: Scorecard) {
  const key = storageKey(interviewId, userId);
  const [card, setCard] = useState(initial);
  const [restored, setRestored] = useState(0);
  const [form, setFormState] = useState<Form>(() => fromServer(initial));
  const [state, setState] = useState<SaveState>({ kind: 'saved', at: initial.updatedAt });

  const formRef = useRef(form);
  const version = useRef(initial.version);
  /** Unacknowledged fields, with the number of their latest edit. */
  const pending = useRef(new Map<FieldKey, number>());
  const edits = useRef(0);
  const editedAt = useRef(0);
  const inFlight = useRef<Promise<void> | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const backoff = useRef(0);
  const alive = useRef(true);

  const setForm = (next: Form) => {
    formRef.current = next;
    setFormState(next);
  };

  const persist = useCallback(() => {
    const values = Object.fromEntries([...pending.current.keys()].map((k) => [k, valueOf(formRef.current, k)]));
    writeStored(key, { v: 1, baseVersion: version.current, editedAt: editedAt.current || Date.now(), values });
  }, [key]);

  const schedule = useCallback((ms: number) => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => void flush(), ms);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  /** The server's scorecard with our unsent changes laid over it (after a 409, and on load). */
  const rebase = useCallback((fresh: Scorecard) => {
    version.current = fresh.version;
    setCard(fresh);
    const local = Object.fromEntries([...pending.current.keys()].map((k) => [k, valueOf(formRef.current, k)]));
    setForm(applyValues(fromServer(fresh), local).form);
  }, []);

  const flush = useCallback(async (): Promise<void> => {
    if (inFlight.current) return inFlight.current;
    clearTimeout(timer.current);
    if (!pending.current.size) return;
    const sent = new Map(pending.current);
    const run = (async () => {
      setState({ kind: 'saving' });
      try {
        const saved = await call(
          api.PUT('/api/v1/interviews/{id}/scorecards/mine', {
            params: { path: { id: interviewId } },
            body: saveBody(formRef.current, [...sent.keys()], version.current),
          }),
        );
        if (!alive.current) return;
        version.current = saved.version;
        for (const [k, n] of sent) if (pending.current.get(k) === n) pending.current.delete(k);
        persist();
        backoff.current = 0;
        setCard(saved);
        if (pending.current.size) {
          setState({ kind: 'pending' });
          schedule(DEBOUNCE_MS);
        } else setState({ kind: 'saved', at: Date.now() });
      } catch (e) {
        if (!alive.current) return;
        if (e instanceof ApiError && e.status === 409 && e.detail('currentVersion') !== undefined) {
          // saved elsewhere (another tab, another device): take theirs, keep ours on top, send again
          try {
            rebase(
              await call(api.GET('/api/v1/interviews/{id}/scorecards/mine', { params: { path: { id: interviewId } } })),
            );
            persist();
            schedule(0);
          } catch (again) {
            retryLater(again);
          }
          return;
        }
        if (e instanceof ApiError && e.status === 409) {
          // submitted meanwhile (another tab): show it as it is
          try {
            const fresh = await call(
              api.GET('/api/v1/interviews/{id}/scorecards/mine', { params: { path: { id: interviewId } } }),
            );
            if (fresh.status === 'submitted') {
              setCard(fresh);
              setForm(fromServer(fresh));
            }
          } catch {
            /* shown below */
          }
          setState({ kind: 'error', error: e });
          return;
        }
        if (permanent(e)) setState({ kind: 'error', error: e });
        else retryLater(e);
      } finally {
        inFlight.current = null;
      }
    })();
    inFlight.current = run;
    return run;
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [interviewId, persist, rebase]);

  function retryLater(e: unknown) {
    backoff.current = Math.min(MAX_BACKOFF_MS, backoff.current ? backoff.current * 2 : 1000);
    const offline = isNetwork(e) || (typeof navigator !== 'undefined' && navigator.onLine === false);
    setState(
      offline ? { kind: 'offline' } : { kind: 'retrying', inSeconds: Math.round(backoff.current / 1000), error: e },
    );
    schedule(backoff.current);
  }

  /** One edit: the form changes now, the field is remembered locally, a save follows shortly. */
  const change = useCallback(
    (field: FieldKey, update: (f: Form) => Form, delay = DEBOUNCE_MS) => {
      setForm(update(formRef.current));
      pending.current.set(field, ++edits.current);
      editedAt.current = Date.now();
      persist();
      if (state.kind === 'offline' || (typeof navigator !== 'undefined' && navigator.onLine === false)) {
        setState({ kind: 'offline' });
        if (!inFlight.current) schedule(Math.max(backoff.current, DEBOUNCE_MS));
        return;
      }
      if (!inFlight.current) setState({ kind: 'pending' });
      schedule(delay);
    },
    [persist, schedule, state.kind],
  );

  // on load: a local draft newer than the server's scorecard is laid over it and sent
  useEffect(() => {
    alive.current = true;
    const stored = readStored(key);
    if (stored && initial.status === 'draft') {
      const serverTime = new Date(initial.updatedAt).getTime();
      if (stored.baseVersion >= initial.version || stored.editedAt > serverTime) {
        const { form: merged, applied } = applyValues(fromServer(initial), stored.values);
        for (const k of applied) pending.current.set(k, ++edits.current);
        editedAt.current = stored.editedAt;
        setForm(merged);
        setRestored(applied.length);
        if (applied.length) {
          setState({ kind: 'pending' });
          schedule(0);
        }
      } else writeStored(key, null);
    } else if (stored) writeStored(key, null);
    const online = () => {
      backoff.current = 0;
      if (pending.current.size) void flush();
      else setState((s) => (s.kind === 'offline' ? { kind: 'saved', at: Date.now() } : s));
    };
    const offline = () => setState({ kind: 'offline' });
    window.addEventListener('online', online);
    window.addEventListener('offline', offline);
    return () => {
      alive.current = false;
      clearTimeout(timer.current);
      window.removeEventListener('online', online);
      window.removeEventListener('offline', offline);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);

  /** Sends what is left, then submits; resolves to the missing items on a 422. */
  const submit = useCallback(async (): Promise<
    { ok: true } | { ok: false; missing?: MissingItem[]; error?: unknown }
  > => {
    for (let i = 0; i < 5 && (pending.current.size || inFlight.current); i++) {
      await (inFlight.current ?? flush());
      if (pending.current.size && !inFlight.current) await flush();
    }
    if (pending.current.size) return { ok: false, error: ApiError.network(new Error('unsent changes')) };
    try {
      const done = await call(
        api.POST('/api/v1/interviews/{id}/scorecards/mine/submit', {
          params: { path: { id: interviewId } },
          body: { version: version.current },
        }),
      );
      writeStored(key, null);
      setCard(done);
      setForm(fromServer(done));
      setState({ kind: 'saved', at: Date.now() });
      return { ok: true };
    } catch (e) {
      if (e instanceof ApiError && e.status === 422)
        return { ok: false, missing: e.detail<MissingItem[]>('missing') ?? [] };
      if (e instanceof ApiError && e.status === 409) {
        try {
          rebase(
            await call(api.GET('/api/v1/interviews/{id}/scorecards/mine', { params: { path: { id: interviewId } } })),
          );
        } catch {
          /* reported below */
        }
      }
      return { ok: false, error: e };
    }
  }, [flush, interviewId, key, rebase]);

  return { card, form, state, restored, change, submit, unsent: () => pending.current.size };
}
