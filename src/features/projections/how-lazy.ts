import { lazy } from 'react';

/** "How is this calculated?" content: its formula builders load when a how view first opens. */
export const HowContent = lazy(() => import('./how'));
