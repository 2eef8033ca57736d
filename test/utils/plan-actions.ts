import { renderHook } from '@testing-library/react';
import { usePlanActions } from '../../src/store/plan-store';

/** The store's actions outside a component (they are stable, so one render is enough). */
export function planActions() {
  return renderHook(() => usePlanActions()).result.current;
}
