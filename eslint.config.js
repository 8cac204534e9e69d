// ESLint: TypeScript rules everywhere, and a boundary that keeps the pure core free of UI code.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const uiModules = ['react', 'react-dom', 'react-dom/*', 'zustand', 'zustand/*', 'cytoscape', 'cytoscape-*'];

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'coverage', 'tests/e2e/artifacts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/model/**', 'src/analysis/**'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: uiModules, message: 'src/model and src/analysis are pure: no React, Zustand or Cytoscape.' },
          { group: ['**/store/**', '**/canvas/**', '**/ui/**', '**/io/**', '**/worker/**', '**/cli/**'], message: 'Imports run one way: model → analysis → io → store → canvas/ui.' },
        ],
      }],
      'no-restricted-globals': ['error', 'window', 'document', 'navigator', 'localStorage', 'fetch', 'HTMLElement'],
    },
  },
  {
    // io runs in the page, a worker and Node: no UI modules, no DOM.
    files: ['src/io/**'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: uiModules, message: 'src/io is pure: no React, Zustand or Cytoscape.' },
          { group: ['**/store/**', '**/canvas/**', '**/ui/**', '**/worker/**', '**/cli/**'], message: 'Imports run one way: model → analysis → io → store → canvas/ui.' },
        ],
      }],
      'no-restricted-globals': ['error', 'window', 'document', 'localStorage', 'fetch', 'HTMLElement'],
    },
  },
);
