'use client';
/**
 * The audit trail (issue 18): who saved, renamed, named a version, shared or changed roles, newest
 * first, from GET /api/projects/:id/events. Shown under the named versions; a server without the
 * route (or a request it refuses) shows nothing rather than an error.
 */
import { useEffect, useState } from 'react';
import type { ProjectEventInfo } from '@/lib/api/teams';
import { apiFetch } from '../api-fetch';
import { useEditor } from '../store/editor-store';

function isEvent(v: unknown): v is ProjectEventInfo {
  const e = v as Partial<ProjectEventInfo> | null;
  return !!e && typeof e.id === 'string' && typeof e.actorName === 'string' && typeof e.action === 'string' && typeof e.at === 'string';
}

export async function fetchEvents(projectId: string, fetchFn: typeof fetch = apiFetch): Promise<ProjectEventInfo[] | undefined> {
  const res = await fetchFn(`/api/projects/${encodeURIComponent(projectId)}/events`, { cache: 'no-store' });
  if (!res.ok) return undefined;
  const body = (await res.json().catch(() => undefined)) as { events?: unknown } | undefined;
  return Array.isArray(body?.events) ? body.events.filter(isEvent) : undefined;
}

const when = (iso: string) => {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
};

/** Shown events; the list refreshes when the saved version changes (each save is an event). */
const SHOWN = 50;

export function ActivityList() {
  const projectId = useEditor((s) => s.projectId);
  const savedVersion = useEditor((s) => s.saveState.version);
  const [events, setEvents] = useState<ProjectEventInfo[]>();
  useEffect(() => {
    let stop = false;
    fetchEvents(projectId).then(
      (list) => !stop && setEvents(list),
      () => undefined,
    );
    return () => {
      stop = true;
    };
  }, [projectId, savedVersion]);
  if (!events) return null;
  return (
    <section aria-label="Activity" data-testid="activity" className="max-h-48 shrink-0 overflow-auto border-t border-slate-200 text-xs dark:border-slate-800">
      <h3 className="px-2 pt-1.5 font-semibold">Activity</h3>
      {events.length === 0 && <p className="px-2 py-1 text-slate-500">No activity yet.</p>}
      <ul>
        {events.slice(0, SHOWN).map((e) => (
          <li key={e.id} className="flex items-baseline justify-between gap-2 px-2 py-0.5" data-testid="activity-event" data-action={e.action} data-actor={e.actorName}>
            <span className="min-w-0 truncate" title={e.detail ?? undefined}>
              <span className="font-medium">{e.actorName}</span> {e.action.replace(/[._]/g, ' ')}
              {e.projectVersion !== null ? <span className="text-slate-500"> · revision {e.projectVersion}</span> : null}
              {e.detail ? <span className="text-slate-500"> · {e.detail}</span> : null}
            </span>
            <time className="shrink-0 text-slate-500" dateTime={e.at}>
              {when(e.at)}
            </time>
          </li>
        ))}
      </ul>
    </section>
  );
}
