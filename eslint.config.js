// Lint, and the architecture's dependency rule (docs/ARCHITECTURE.md) as lint errors so it cannot rot.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const SQL_LIBRARIES = ['kysely', 'kysely/*', 'pg', 'pg-*', 'better-sqlite3'];
const OUTER_LAYERS = ['**/storage/**', '**/http/**', '**/cli/**', '**/jobs/**', '**/platform/**', '**/main', '**/main.js', '**/main.ts'];

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'data/**', 'web/dist/**', '.bench-data/**', 'artifacts/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', setInterval: 'readonly', clearInterval: 'readonly', Buffer: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    // Only src/storage speaks SQL (and bench/ + scripts/, which load data and manage test databases).
    files: ['src/**/*.ts'],
    ignores: ['src/storage/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: SQL_LIBRARIES, message: 'Only src/storage speaks SQL.' }] }],
    },
  },
  {
    // The core is pure: nothing of ours outside src/core, no Node built-ins, no I/O libraries, no clock or randomness.
    files: ['src/core/**/*.ts'],
    ignores: ['src/core/**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: SQL_LIBRARIES, message: 'The core is pure: only src/storage speaks SQL.' },
          { group: ['node:*', 'fs', 'path', 'crypto', 'http', 'https', 'os', 'child_process'], message: 'The core is pure: no Node built-ins.' },
          { group: ['fastify', 'fastify/*', '@fastify/*', 'pino', 'commander'], message: 'The core is pure: no HTTP, logging or CLI.' },
          { group: OUTER_LAYERS, message: 'src/core imports nothing outside src/core.' },
        ],
      }],
      'no-restricted-properties': ['error',
        { object: 'Date', property: 'now', message: 'Time comes in through the Clock port.' },
        { object: 'Math', property: 'random', message: 'Randomness comes in through a port.' },
      ],
      'no-restricted-syntax': ['error',
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'Time comes in through the Clock port.' },
      ],
      'no-restricted-globals': ['error', 'process', 'fetch', 'setTimeout', 'setInterval', 'crypto'],
    },
  },
  {
    // The portal (web/) is a browser client of the public API: it talks HTTP only and imports nothing
    // from the server's code (docs/adr/0018-portal-ui.md).
    files: ['web/**/*.ts', 'web/**/*.tsx'],
    languageOptions: { globals: { window: 'readonly', document: 'readonly', fetch: 'readonly', navigator: 'readonly' } },
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        { group: ['../src/**', '../../src/**', '../../../src/**', '../../../../src/**'], message: 'web/ talks HTTP only: no imports from the server (src/).' },
        { group: ['node:*', 'fastify', '@fastify/*', ...SQL_LIBRARIES], message: 'web/ runs in the browser.' },
      ] }],
    },
  },
  {
    // Adapters call use cases; they never wire each other. Only main.ts (the composition root) imports storage.
    files: ['src/http/**/*.ts', 'src/cli/**/*.ts', 'src/jobs/**/*.ts', 'src/provisioning/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        { group: SQL_LIBRARIES, message: 'Only src/storage speaks SQL.' },
        { group: ['**/storage/**', '**/main', '**/main.js'], message: 'Adapters get storage from main.ts (the composition root), never import it.' },
      ] }],
    },
  },
);
