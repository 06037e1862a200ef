import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

const purePatterns = [
  { group: ['react', 'react-dom', 'next', 'next/*', '@xyflow/*', '@prisma/*', 'zustand', 'zustand/*'], message: 'lib/ is pure: no React, Next, React Flow, Prisma or store imports.' },
  { group: ['node:*', 'fs', 'path', 'pg', 'mysql2', 'mysql2/*'], message: 'Node-only code lives under lib/server/.' },
  { group: ['**/server/*', '@/lib/server/*'], message: 'The pure layer must not import lib/server.' },
];

// One gate from JSON to a document: outside lib/model, documents come from loadDocument (which upgrades
// older versions first), never from parseDocument. Tests may still assert "already current" with it.
const gatePattern = {
  group: ['**/model/validate', '@/lib/model/validate'],
  importNames: ['parseDocument', 'assertDocument'],
  message: 'JSON becomes a document only through loadDocument (lib/model/migrate.ts), which upgrades older versions first.',
};

// The pure model layer (lib/, outside lib/server/) must run in the browser and in Node alike.
// Tests may reach Node and lib/server (engines, corpus files); the code they test may not.
const pureModel = {
  files: ['lib/model/**/*.ts'],
  ignores: ['lib/**/*.test.ts'],
  rules: { 'no-restricted-imports': ['error', { patterns: purePatterns }] },
};
const pureLayer = {
  files: ['lib/**/*.ts'],
  ignores: ['lib/server/**', 'lib/model/**', 'lib/**/*.test.ts'],
  rules: { 'no-restricted-imports': ['error', { patterns: [...purePatterns, gatePattern] }] },
};
const noServer = { group: ['**/lib/server/*', '@/lib/server/*'], message: 'Browser code must not import lib/server (shared shapes live in lib/, e.g. lib/api).' };
const noAppOrComponents = { group: ['**/app/*', '@/app/*', '**/components/*', '@/components/*'], message: 'The CLI and lib/server sit below the app: shared code lives in lib/.' };
const rest = ['**/*.test.ts', '**/*.test.tsx'];
const gate = [
  { files: ['components/**/*.{ts,tsx}', 'workers/**/*.ts'], ignores: rest, rules: { 'no-restricted-imports': ['error', { patterns: [gatePattern, noServer] }] } },
  { files: ['cli/**/*.ts', 'lib/server/**/*.ts'], ignores: rest, rules: { 'no-restricted-imports': ['error', { patterns: [gatePattern, noAppOrComponents] }] } },
  { files: ['app/**/*.{ts,tsx}', 'bench/**/*.ts', 'scripts/**/*.ts', '*.ts'], ignores: rest, rules: { 'no-restricted-imports': ['error', { patterns: [gatePattern] }] } },
];

const config = [
  ...nextVitals,
  ...nextTs,
  pureModel,
  pureLayer,
  ...gate,
  { ignores: ['.next/**', '.next-*/**', 'bench/out/**', 'node_modules/**', 'lib/generated/**', 'next-env.d.ts', 'test-results/**', 'playwright-report/**'] },
];

export default config;
