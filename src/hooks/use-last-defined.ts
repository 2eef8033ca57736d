import { useState } from 'react';

/** `value`, or the last defined value it had: keeps results on screen while a refetch fails. */
export function useLastDefined<T>(value: T | undefined): T | undefined {
  const [last, setLast] = useState(value);
  if (value !== undefined && value !== last) setLast(value);
  return value ?? last;
}
