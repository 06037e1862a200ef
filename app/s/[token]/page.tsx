import type { Metadata } from 'next';
import { SharedProject } from '@/components/teams/shared-project';

// The token is in this page's URL: no Referer carries it to anything the page links to or loads.
export const metadata: Metadata = { title: 'Draftbase: shared project', referrer: 'no-referrer', robots: { index: false, follow: false } };

/** A read-only share link (issue 18): no account needed; the project is loaded in the browser. */
export default async function SharePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  return <SharedProject key={token} token={token} />;
}
