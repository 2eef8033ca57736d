import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import reactRefresh from 'eslint-plugin-react-refresh';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist', 'coverage', 'artifacts', 'public/mockServiceWorker.js'] },
  {
    extends: [js.configs.recommended, ...tseslint.configs.recommended],
    files: ['**/*.{ts,tsx}'],
    languageOptions: { ecmaVersion: 2022, globals: { ...globals.browser, ...globals.node } },
    plugins: { 'react-hooks': reactHooks, 'react-refresh': reactRefresh },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'react-refresh/only-export-components': ['warn', { allowConstantExport: true }],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    // The domain is framework-free: no React, no fetch, no store, no API layer.
    files: ['src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['react', 'react-dom', 'react/*', '@tanstack/*', 'zustand', 'zustand/*', 'msw', 'msw/*', 'recharts'], message: 'src/domain is framework-free.' },
            { group: ['../api/*', '../store/*', '../features/*', '../app/*', '../lib/*', '../hooks/*'], message: 'src/domain depends on nothing else in src.' },
          ],
        },
      ],
      'no-restricted-globals': ['error', { name: 'fetch', message: 'src/domain does no I/O.' }, { name: 'localStorage', message: 'src/domain does no I/O.' }],
    },
  },
  {
    // Features never import each other; shared code lives in components, hooks, api, store, domain, lib.
    files: ['src/features/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ regex: '^\\.\\./(?!\\.)', message: 'Features do not import each other.' }, { regex: '^(\\.\\./)+(app|features)/', message: 'Imports flow shared -> features -> app.' }] },
      ],
    },
  },
  // Every layer imports only the layers below it: domain <- lib <- api, store <- hooks <- components <- features <- app.
  ...[
    { layer: 'lib', below: ['domain'] },
    { layer: 'api', below: ['domain', 'lib'] },
    { layer: 'store', below: ['domain', 'lib'] },
    { layer: 'hooks', below: ['domain', 'lib', 'api', 'store'] },
    { layer: 'components', below: ['domain', 'lib', 'hooks'] },
  ].map(({ layer, below }) => {
    const above = ['domain', 'lib', 'api', 'store', 'hooks', 'components', 'features', 'app'].filter((l) => l !== layer && !below.includes(l));
    return {
      files: [`src/${layer}/**/*.{ts,tsx}`],
      rules: {
        'no-restricted-imports': [
          'error',
          { patterns: [{ regex: `^(\\.\\./)+(${above.join('|')})/`, message: `src/${layer} imports only ${below.join(', ')}.` }] },
        ],
      },
    };
  }),
  {
    // Only src/api talks HTTP.
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/api/**'],
    rules: { 'no-restricted-globals': ['error', { name: 'fetch', message: 'Only src/api talks HTTP.' }] },
  },
);
