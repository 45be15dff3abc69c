// Lint TypeScript sources with the recommended rule sets; generated and third-party output is ignored.
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'src/**/*.generated.ts',
      '.tmp/**',
      'dist/**',
      'node_modules/**',
      'coverage/**',
      'bench/.cache/**',
      'examples/**/postman/**',
      'sandbox/**',
      '**/*.js',
      '**/*.mjs',
      '**/*.cjs',
    ],
  },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
);
