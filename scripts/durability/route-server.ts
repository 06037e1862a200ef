/**
 * The projects API's real route handlers behind a bare node:http server: the same code path as
 * `next start` (handlers, Prisma, driver adapter, database) without a 1-minute production build.
 * Used by the SIGKILL durability test. Prints `listening <port>` once ready.
 *
 *   DATABASE_URL=file:/tmp/x.db npx tsx scripts/durability/route-server.ts
 */
import { createServer, type IncomingMessage } from 'node:http';
import { Readable } from 'node:stream';
import * as collection from '../../app/api/projects/route';
import * as item from '../../app/api/projects/[id]/route';
import * as setup from '../../app/api/setup/route';
import { getDatabase } from '../../lib/server/db/client';

type Handler = (req: Request, ctx: { params: Promise<{ id: string }> }) => Promise<Response>;

function route(method: string, pathname: string): { handler: Handler; id: string } | null {
  // Team mode (PostgreSQL): the client creates the first owner to get a session.
  if (pathname === '/api/setup' && method === 'POST') return { handler: (req) => setup.POST(req), id: '' };
  if (pathname === '/api/projects') {
    const h = method === 'GET' ? collection.GET : method === 'POST' ? collection.POST : null;
    return h ? { handler: (req) => h(req), id: '' } : null;
  }
  const m = /^\/api\/projects\/([^/]+)$/.exec(pathname);
  if (!m) return null;
  const handlers: Record<string, Handler> = { GET: item.GET, PUT: item.PUT, PATCH: item.PATCH, DELETE: item.DELETE };
  const h = handlers[method];
  return h ? { handler: h, id: decodeURIComponent(m[1]) } : null;
}

function toRequest(req: IncomingMessage, url: URL): Request {
  const headers = new Headers();
  for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string') headers.set(k, v);
  const hasBody = req.method !== 'GET' && req.method !== 'HEAD';
  const init: RequestInit & { duplex?: 'half' } = { method: req.method, headers };
  if (hasBody) {
    init.body = Readable.toWeb(req) as ReadableStream<Uint8Array>;
    init.duplex = 'half';
  }
  return new Request(url, init);
}

async function main(): Promise<void> {
  await getDatabase(); // create/migrate before accepting requests, like instrumentation.ts
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const match = route(req.method ?? 'GET', url.pathname);
    if (!match) {
      res.writeHead(404).end();
      return;
    }
    const response = await match.handler(toRequest(req, url), { params: Promise.resolve({ id: match.id }) });
    res.writeHead(response.status, Object.fromEntries(response.headers));
    res.end(Buffer.from(await response.arrayBuffer()));
  });
  server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
    const address = server.address();
    console.log(`listening ${typeof address === 'object' && address ? address.port : '?'}`);
  });
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
