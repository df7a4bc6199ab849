import { useEffect, useState } from "react";

/**
 * `value`, once it has stayed the same for `ms`; a value for which `now(value)` holds (e.g. an
 * emptied field) comes through at once, so a cleared form never shows stale answers.
 */
export function useDebounced<T>(value: T, ms: number, now: (v: T) => boolean = () => false): T {
  const [settled, setSettled] = useState(value);
  const immediate = now(value);
  const key = JSON.stringify(value);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` stands for the value
  useEffect(() => {
    if (immediate) {
      setSettled(value);
      return;
    }
    const id = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(id);
  }, [key, ms, immediate]);
  return immediate ? value : settled;
}
