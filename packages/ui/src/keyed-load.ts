import { useEffect, useState } from "react";

export interface Loaded<T, E> {
  data: T | null;
  error: E | null;
  /** True from the very render whose key changed until its answer (or error) is in. */
  loading: boolean;
}

/**
 * Loads `load()` whenever `key` changes (the key names everything `load` asks for).
 * An answer to an older key is dropped, and until the new key's answer is in the
 * result says it is loading, including the render in which the key changed: that
 * render comes before the effect starts the load, and still holds the old key's
 * figures, which a staffer (or a test) must not take for the new ones.
 */
export function useKeyedLoad<T, E>(key: string, load: () => Promise<T>, toError: (err: unknown) => E): Loaded<T, E> {
  const [state, setState] = useState<Loaded<T, E> & { key: string | null }>({ data: null, error: null, loading: true, key: null });
  useEffect(() => {
    let current = true;
    setState((s) => ({ ...s, loading: true, error: null }));
    load().then(
      (data) => current && setState({ data, error: null, loading: false, key }),
      (err: unknown) => current && setState({ data: null, error: toError(err), loading: false, key }),
    );
    return () => {
      current = false;
    };
    // Keyed on `key` alone: `load` and `toError` are new closures each render.
  }, [key]);
  return { data: state.data, error: state.error, loading: state.loading || state.key !== key };
}
