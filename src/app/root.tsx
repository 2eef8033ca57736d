import { StrictMode, useState } from 'react';
import { App } from './app';
import { Providers } from './providers';
import { createQueryClient } from './query-client';

/** The whole app as the browser runs it, and as the build pre-renders its shell. */
export function Root() {
  const [client] = useState(createQueryClient);
  return (
    <StrictMode>
      <Providers client={client}>
        <App />
      </Providers>
    </StrictMode>
  );
}
