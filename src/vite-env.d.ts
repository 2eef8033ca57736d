/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** A real Reachplan API; when unset the app uses the mocked API. */
  readonly VITE_API_BASE_URL?: string;
}

interface ImportMeta {
  readonly env: ImportMetaEnv;
}
