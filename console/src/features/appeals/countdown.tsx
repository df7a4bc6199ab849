/** Deadline countdowns: a clock that ticks every 30 s and the coloured time-left tag. */
import { Tag } from "antd";
import { useEffect, useState } from "react";
import { countdown } from "../../shared/format.ts";
import { useI18n } from "../../shared/i18n/core.tsx";

/** Re-renders every 30 s so countdowns stay current. */
export function useNow(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(id);
  }, []);
  return now;
}

export function Countdown({ deadline, now }: { deadline: string | null | undefined; now: number }) {
  const { t } = useI18n();
  const c = countdown(deadline, now, t);
  if (!c.text) return null;
  return (
    <Tag color={c.color} data-testid="countdown">
      {c.text}
    </Tag>
  );
}
