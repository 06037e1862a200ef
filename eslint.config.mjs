import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

// The pure model layer (lib/, outside lib/server/) must run in the browser and in Node alike.
const pureLayer = {
  files: ['lib/**/*.ts'],
  // Tests may reach Node and lib/server (engines, corpus files); the code they test may not.
  ignores: ['lib/server/**', 'lib/**/*.test.ts'],
  rules: {
    'no-restricted-imports': ['error', {
      patterns: [
        { group: ['react', 'react-dom', 'next', 'next/*', '@xyflow/*', '@prisma/*', 'zustand', 'zustand/*'], message: 'lib/ is pure: no React, Next, React Flow, Prisma or store imports.' },
        { group: ['node:*', 'fs', 'path', 'pg', 'mysql2', 'mysql2/*'], message: 'Node-only code lives under lib/server/.' },
        { group: ['**/server/*', '@/lib/server/*'], message: 'The pure layer must not import lib/server.' },
      ],
    }],
  },
};

const config = [
  ...nextVitals,
  ...nextTs,
  pureLayer,
  { ignores: ['.next/**', '.next-*/**', 'bench/out/**', 'node_modules/**', 'lib/generated/**', 'next-env.d.ts', 'test-results/**', 'playwright-report/**'] },
];

export default config;
