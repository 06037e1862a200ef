import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Draftbase', template: '%s · Draftbase' },
  description: 'Design database schemas on a canvas; generate PostgreSQL/MySQL DDL, ER diagrams and DATABASE_DESIGN.md.',
};

export const viewport: Viewport = {
  colorScheme: 'light dark',
};

// Applies a stored theme choice (components/editor/theme.ts) before first paint, so pages do not
// flash the system theme first. Runs before React; nothing else is read or written.
const themeScript = `try{var t=localStorage.getItem('draftbase-theme');if(t==='light'||t==='dark'){document.documentElement.setAttribute('data-theme',t);if(t==='dark')document.documentElement.classList.add('dark')}}catch(e){}`;

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    // The theme script may set attributes on <html> before hydration.
    <html lang="en" suppressHydrationWarning>
      <head>
        <script dangerouslySetInnerHTML={{ __html: themeScript }} />
      </head>
      <body>{children}</body>
    </html>
  );
}
