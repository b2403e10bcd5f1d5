// useNow re-renders a component every 30 s so relative times stay true.

import { useEffect, useState } from 'preact/hooks';

export function useNow(every = 30000) {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), every);
    return () => clearInterval(t);
  }, [every]);
  return now;
}
