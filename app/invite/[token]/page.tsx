import type { Metadata } from 'next';
import { InvitePage } from '@/components/teams/invite-page';

// The token is in this page's URL: no Referer carries it anywhere.
export const metadata: Metadata = { title: 'Draftbase: invitation', referrer: 'no-referrer', robots: { index: false, follow: false } };

/** An invite link (issue 18): create an account or sign in, then accept. */
export default async function InviteRoute({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  return <InvitePage key={token} token={token} />;
}
