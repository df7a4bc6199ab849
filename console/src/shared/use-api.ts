/**
 * The console's one data hook: `useApi(fetcher, deps)` loads when `deps` change and answers
 * `{ data, error, loading, reload }`. A fetcher may return `null` to load nothing (no id chosen
 * yet). An answer that arrives after a newer load started is dropped, so a slow response never
 * overwrites a fresher one. Data loaded for other `deps` is never shown (not even for the render
 * in which they change) unless `keepPrevious` asks for it; `reload()` (after an action) keeps the
 * data on screen until the new answer arrives.
 */
import { type DependencyList, useCallback, useEffect, useRef, useState } from "react";

export interface ApiState<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  /** Loads again with the same deps; resolves when the answer (or the error) is in. */
  reload: () => Promise<void>;
}

interface Loaded<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  /** The deps this state belongs to. */
  for: DependencyList | null;
}

const sameDeps = (a: DependencyList | null, b: DependencyList) =>
  !!a && a.length === b.length && a.every((x, i) => Object.is(x, b[i]));

export interface ApiOptions {
  /** Keep showing the previous deps' data while the new one loads (search as you type). */
  keepPrevious?: boolean;
}

export function useApi<T>(
  fetcher: () => Promise<T> | null,
  deps: DependencyList,
  { keepPrevious = false }: ApiOptions = {},
): ApiState<T> {
  const [state, setState] = useState<Loaded<T>>({ data: undefined, error: null, loading: true, for: null });
  const seq = useRef(0);
  const latest = useRef({ fetcher, deps });
  latest.current = { fetcher, deps };
  const run = useCallback(async (keep: boolean) => {
    const n = ++seq.current;
    const { fetcher: fetch, deps: at } = latest.current;
    const pending = fetch();
    if (!pending) {
      setState({ data: undefined, error: null, loading: false, for: at });
      return;
    }
    setState((s) => ({ data: keep ? s.data : undefined, error: null, loading: true, for: at }));
    try {
      const data = await pending;
      if (n === seq.current) setState({ data, error: null, loading: false, for: at });
    } catch (error) {
      if (n === seq.current)
        setState((s) => ({ data: keep ? s.data : undefined, error, loading: false, for: at }));
    }
  }, []);
  const load = useCallback(() => void run(keepPrevious), [run, keepPrevious]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the caller's `deps` say when to load again
  useEffect(load, deps);
  const reload = useCallback(() => run(true), [run]);
  if (!keepPrevious && !sameDeps(state.for, deps))
    return { data: undefined, error: null, loading: true, reload };
  return { data: state.data, error: state.error, loading: state.loading, reload };
}
