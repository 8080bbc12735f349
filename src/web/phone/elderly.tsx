import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from 'react';

/**
 * 长者模式 (elderly mode): larger text (22 px body), one column, bigger targets. One tap in the header of
 * every phone page; remembered in this browser (localStorage) and applied before the first render
 * (main.tsx calls applySavedElderlyMode) as the class `elderly` on <html>.
 */
const KEY = 'linli.elderly';

function saved(): boolean {
  try {
    return localStorage.getItem(KEY) === '1';
  } catch {
    return false;
  }
}

export function applySavedElderlyMode() {
  document.documentElement.classList.toggle('elderly', saved());
}

const Ctx = createContext<{ on: boolean; toggle: () => void }>({ on: false, toggle: () => undefined });

export function ElderlyProvider({ children }: { children: ReactNode }) {
  const [on, setOn] = useState(saved);
  const toggle = useCallback(() => {
    setOn((prev) => {
      const next = !prev;
      try {
        localStorage.setItem(KEY, next ? '1' : '0');
      } catch {
        // private mode: this page only
      }
      document.documentElement.classList.toggle('elderly', next);
      return next;
    });
  }, []);
  const value = useMemo(() => ({ on, toggle }), [on, toggle]);
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

export const useElderly = () => useContext(Ctx);
