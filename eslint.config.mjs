// @ts-check
import eslint from '@eslint/js';
import prettier from 'eslint-config-prettier';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'coverage/', 'bin/', 'eslint.config.mjs', 'jest.config.js'] },
  eslint.configs.recommended,
  ...tseslint.configs.recommended,
  prettier,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  {
    // A read model's storage implements its port and returns stored data; what is built from that data
    // (views, evaluations, the cascade) is the application's (docs/internals.md, "Where a read model
    // lives"). It may import ports, types, and the one vocabulary its SQL spells out (the mention
    // roles); the worker hosts the runtime on its thread.
    files: ['src/infrastructure/read-models/**/*.ts'],
    ignores: ['src/infrastructure/read-models/worker/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '/application/(?!ports/|queries/page$|read-models/claims/party-mentions$|.*\\.port$)',
              allowTypeImports: true,
              message: 'a read model\'s storage returns stored data through its port; views are built in the application',
            },
            {
              regex: '/application/read-models/claims/party-mentions$',
              allowTypeImports: true,
              allowImportNames: ['MENTION_ROLES'],
              message: 'a read model\'s storage takes the mention roles from here, and types',
            },
          ],
        },
      ],
    },
  },
);
