/**
 * Presence is not proof of identity unless the server checks it: awareness states are written by
 * clients, so without this an editor could appear to the others under a colleague's name (and
 * "Ana is typing…" would be a lie the UI repeats). A state a connection sends must describe the
 * person its ticket named, with one exception: providers relay the other people's states they
 * received (y-protocols does), which the server already holds at that clock or newer, so they change
 * nothing. A state about someone else that is NEWER than the server's is a forgery and closes the
 * connection.
 */
import 'server-only';
import { IncomingMessage } from '@hocuspocus/server';

/** y-protocols' message type of an awareness update (Hocuspocus MessageType.Awareness). */
const MESSAGE_AWARENESS = 1;

export interface PresenceIdentity {
  userId: string;
  name: string;
}

/**
 * Why the awareness update in this raw Hocuspocus message misrepresents `who`, or undefined when it
 * does not (or the message is not an awareness update). An unreadable update is a misrepresentation.
 */
export function presenceImpostor(data: Uint8Array, who: PresenceIdentity, knownClock: (clientId: number) => number | undefined = () => undefined): string | undefined {
  let payload: Uint8Array;
  try {
    const message = new IncomingMessage(data);
    message.readVarString(); // document name
    if (message.readVarUint() !== MESSAGE_AWARENESS) return undefined;
    payload = message.readVarUint8Array();
  } catch {
    return undefined; // not ours to judge: Hocuspocus refuses a malformed message itself
  }
  try {
    const update = new IncomingMessage(payload);
    const count = update.readVarUint();
    for (let i = 0; i < count; i++) {
      const clientId = update.readVarUint();
      const clock = update.readVarUint();
      const state = JSON.parse(update.readVarString()) as unknown;
      if (state === null) continue; // a client leaving (or one timed out, as a provider relays it)
      const user = (state as { user?: { id?: unknown; name?: unknown } } | undefined)?.user;
      if (!user) continue; // a state without presence (the provider's own bookkeeping) claims nobody
      if (user.id === who.userId && user.name === who.name) continue;
      const known = knownClock(clientId);
      if (known !== undefined && clock <= known) continue; // a relay of what the server holds: no effect
      return `presence claims to be ${JSON.stringify(user.name)} (${JSON.stringify(user.id)})`;
    }
    return undefined;
  } catch {
    return 'unreadable awareness update';
  }
}
