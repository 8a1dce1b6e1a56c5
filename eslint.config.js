// Lint, and the import boundaries of the architecture: http → app → domain ← adapters.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const io = [
  'hono',
  'hono/*',
  '@hono/*',
  'lowdb',
  'lowdb/*',
  'pg',
  'postgres',
  'ajv',
  'ajv-*',
  'ajv/*',
];
const node = [
  'node:*',
  'fs',
  'fs/*',
  'http',
  'https',
  'net',
  'child_process',
  'os',
  'path',
  'crypto',
];

export default tseslint.config(
  { ignores: ['node_modules', 'dist', 'data', 'coverage', 'studio/dist'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.js', '**/*.mjs'],
    languageOptions: { globals: { URL: 'readonly', process: 'readonly', console: 'readonly' } },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['server/domain/**/*.ts'],
    ignores: ['server/domain/rules/rules-engine.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [...io, ...node],
              message: 'server/domain is pure: no I/O, HTTP, storage or validation libraries.',
            },
            {
              group: ['json-rules-engine'],
              message: 'json-rules-engine is used from server/domain/rules/rules-engine.ts only.',
            },
            {
              group: ['**/app/**', '**/http/**', '**/adapters/**', '**/cli/**', '**/messages/**'],
              message: 'server/domain depends on nothing outside it.',
            },
          ],
        },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
          message: 'Time comes in as an argument.',
        },
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: 'Time comes in as an argument.',
        },
        {
          selector: "CallExpression[callee.object.name='Math'][callee.property.name='random']",
          message: 'Ids and randomness come in as arguments.',
        },
        { selector: "CallExpression[callee.name='fetch']", message: 'server/domain does no I/O.' },
        {
          selector: "MemberExpression[object.name='process']",
          message: 'server/domain reads no environment.',
        },
      ],
    },
  },
  {
    files: ['server/domain/rules/rules-engine.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [...io, ...node, '**/app/**', '**/http/**', '**/adapters/**', '**/cli/**'],
              message: 'server/domain is pure.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['server/app/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['hono', 'hono/*', '@hono/*', '**/http/**', '**/cli/**'],
              message: 'server/app knows nothing of HTTP or the CLI.',
            },
            {
              group: ['**/adapters/**', 'lowdb', 'lowdb/*', 'pg', 'ajv', 'ajv/*', ...node],
              message: 'server/app reaches storage and I/O through ports only.',
            },
            {
              group: ['**/messages/**'],
              message: 'server/app returns codes and parameters; http and the CLI word them.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['server/adapters/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/http/**', '**/cli/**', 'hono', 'hono/*'],
              message: 'Adapters do not depend on HTTP or the CLI.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['server/http/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/adapters/**', '**/cli/**', 'lowdb', 'lowdb/*'],
              message: 'server/http gets its adapters from main.ts.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['studio/src/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              // ajv and ajv-i18n are welcome: rjsf validates forms with them in the browser.
              group: [
                ...io.filter((name) => !name.startsWith('ajv')),
                ...node,
                '**/server/adapters/**',
                '**/server/http/**',
                '**/server/cli/**',
              ],
              message: 'The studio reaches the runtime through its API (studio/src/api) only.',
            },
            {
              group: ['**/server/domain/**'],
              message: 'The studio imports the pure domain through the @domain alias only.',
            },
          ],
        },
      ],
    },
  },
  {
    // The API contract (server/http/contract, through @contract) is shared with the studio as types only.
    files: ['studio/src/**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@contract', '@contract/*'],
              allowTypeImports: true,
              message: 'The studio imports the API contract as types only (import type).',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['server/http/contract/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                ...io,
                ...node,
                '**/app/**',
                '**/adapters/**',
                '**/cli/**',
                '../*.ts',
                '../presenters/**',
                '../routes/**',
              ],
              message: 'The contract speaks domain types only: the studio shares it.',
            },
          ],
        },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: 'VariableDeclaration, FunctionDeclaration, ClassDeclaration',
          message: 'The contract holds types only.',
        },
      ],
    },
  },
  {
    files: ['studio/src/**/*.{ts,tsx}'],
    ignores: ['studio/src/api/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.name='fetch']",
          message: 'Only studio/src/api calls fetch.',
        },
      ],
    },
  },
);
