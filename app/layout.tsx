import type { Metadata, Viewport } from 'next';
import { connection } from 'next/server';
import type { ReactNode } from 'react';
import { THEME_BOOTSTRAP_SCRIPT } from '@/lib/server/http/security-headers';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Draftbase', template: '%s · Draftbase' },
  description: 'Design database schemas on a canvas; generate PostgreSQL/MySQL DDL, ER diagrams and DATABASE_DESIGN.md.',
};

export const viewport: Viewport = {
  colorScheme: 'light dark',
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Every page is rendered per request: the Content-Security-Policy nonce (proxy.ts) is new each
  // time and Next.js can only put it on the scripts of a page it renders now, not at build time.
  await connection();
  return (
    // The theme script may set attributes on <html> before hydration.
    <html lang="en" suppressHydrationWarning>
      <head>
        {/* The one inline script of our own; the CSP allows exactly this text by its hash. */}
        <script dangerouslySetInnerHTML={{ __html: THEME_BOOTSTRAP_SCRIPT }} />
      </head>
      <body>{children}</body>
    </html>
  );
}
