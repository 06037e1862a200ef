'use client';
/**
 * The Comments panel: review threads grouped by element (orphaned ones, whose element was removed,
 * flagged and listed last), Open / Resolved filters, a reply box and Resolve / Reopen per thread,
 * and a new comment on the selected table, column, relationship or index, or on a design-document
 * section. A role that cannot comment sees the same threads without any of the controls.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { ANCHOR_KIND_LABELS, anchorTableId, withLabel } from '@/lib/comments/anchor';
import { groupThreads, type ThreadGroup } from '@/lib/comments/group';
import { COMMENT_LIMITS } from '@/lib/comments/limits';
import { DESIGN_SECTIONS } from '@/lib/comments/sections';
import type { CommentThreadInfo } from '@/lib/comments/types';
import { Button, IconButton } from '@/components/ui/button';
import { controlClass, cx, errorClass } from '@/components/ui/styles';
import { useEditor, useEditorStore } from '../store/editor-store';
import { CommentBody } from './comment-body';
import { useComments, useCommentsController, type CommentsController } from './comments-store';
import { anchorForSelection, selectionForAnchor } from './selection-anchor';

const AUTHOR_NAME_KEY = 'draftbase.commentAuthorName';

/** A share-link guest's name, remembered in this browser. */
function useGuestName(): [string, (name: string) => void] {
  // The panel mounts in the browser only (the editor is loaded client-side): no server render to match.
  const [name, setName] = useState(() => (typeof window === 'undefined' ? '' : (window.localStorage.getItem(AUTHOR_NAME_KEY) ?? '')));
  return [
    name,
    (next) => {
      setName(next);
      window.localStorage.setItem(AUTHOR_NAME_KEY, next);
    },
  ];
}

function when(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

/** Runs a submit, keeping its error to show beside the form. */
function useSubmit() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const submit = async (fn: () => Promise<unknown>): Promise<boolean> => {
    setBusy(true);
    setError(undefined);
    try {
      await fn();
      return true;
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
      return false;
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, submit };
}

export function CommentsPanel({ className, onClose }: { className?: string; onClose?: () => void }) {
  const controller = useCommentsController();
  const doc = useEditor((s) => s.doc);
  const threads = useComments((s) => s.threads);
  const status = useComments((s) => s.status);
  const loadError = useComments((s) => s.error);
  const filter = useComments((s) => s.filter);
  const focusKey = useComments((s) => s.focusKey);
  const access = useComments((s) => s.access);
  const [guestName, setGuestName] = useGuestName();
  const listRef = useRef<HTMLDivElement>(null);

  const groups = useMemo(() => groupThreads(threads, doc, filter), [threads, doc, filter]);
  const openCount = threads.filter((t) => !t.resolved).length;

  // A canvas or preview marker asked for an element's threads: scroll to them.
  useEffect(() => {
    if (!focusKey) return;
    const el = listRef.current?.querySelector<HTMLElement>(
      focusKey.startsWith('table:') ? `[data-table-id="${CSS.escape(focusKey.slice(6))}"]` : `[data-key="${CSS.escape(focusKey)}"]`,
    );
    el?.scrollIntoView({ block: 'nearest' });
  }, [focusKey, groups]);

  if (!controller) return null;
  const authorName = access.guest ? guestName.trim() || undefined : undefined;

  return (
    <section aria-label="Comments" data-testid="comments-panel" data-can-comment={access.canComment} className={cx('flex min-h-0 flex-col bg-white text-xs text-slate-900 dark:bg-slate-950 dark:text-slate-100', className)}>
      <header className="flex items-center gap-1.5 border-b border-slate-200 px-2 py-1 dark:border-slate-700">
        <h2 className="text-xs font-semibold">Comments</h2>
        <div role="radiogroup" aria-label="Threads shown" className="flex rounded border border-slate-200 p-px dark:border-slate-700">
          {(['open', 'resolved'] as const).map((f) => (
            <button
              key={f}
              type="button"
              role="radio"
              aria-checked={filter === f}
              data-testid={`comments-filter-${f}`}
              onClick={() => controller.setFilter(f)}
              className={cx('rounded px-1', filter === f && 'bg-slate-200 font-medium dark:bg-slate-700')}
            >
              {f === 'open' ? `Open (${openCount})` : `Resolved (${threads.length - openCount})`}
            </button>
          ))}
        </div>
        <span className="flex-1" />
        {onClose && (
          <IconButton label="Close Comments panel" onClick={onClose}>
            ✕
          </IconButton>
        )}
      </header>
      {access.canComment ? (
        <NewComment controller={controller} authorName={authorName} guest={access.guest} guestName={guestName} onGuestName={setGuestName} />
      ) : (
        <p className="border-b border-slate-200 px-2 py-1 text-slate-500 dark:border-slate-700" data-testid="comments-read-only">
          Your role can read comments but not write them.
        </p>
      )}
      {loadError && (
        <p role="alert" className={cx(errorClass, 'px-2 py-1')}>
          Comments could not be loaded: {loadError}
        </p>
      )}
      <div ref={listRef} className="min-h-0 flex-1 overflow-y-auto" data-testid="comments-list">
        {status === 'loading' ? (
          <p className="px-2 py-1 text-slate-500">Loading comments…</p>
        ) : groups.length === 0 ? (
          <p className="px-2 py-1 text-slate-500" data-testid="comments-empty">
            {filter === 'open' ? 'No open comments.' : 'No resolved comments.'}
          </p>
        ) : (
          groups.map((g) => <Group key={g.key} group={g} focused={focusKey === g.key} tableId={anchorTableId(g.anchor, doc)} controller={controller} canComment={access.canComment} authorName={authorName} />)
        )}
      </div>
    </section>
  );
}

/** The new-comment form: on the selected element, or on a design-document section. */
function NewComment({ controller, authorName, guest, guestName, onGuestName }: { controller: CommentsController; authorName?: string; guest: boolean; guestName: string; onGuestName: (n: string) => void }) {
  const selection = useEditor((s) => s.selection);
  const doc = useEditor((s) => s.doc);
  const selected = useMemo(() => {
    const target = anchorForSelection(selection);
    return target && withLabel(target, doc);
  }, [selection, doc]);
  // '' = the selected element; otherwise a section slug.
  const [section, setSection] = useState('');
  const [body, setBody] = useState('');
  const { busy, error, submit } = useSubmit();
  const anchor = section ? withLabel({ kind: 'section', slug: section }, doc) : selected;
  const missingName = guest && !authorName;

  const post = async () => {
    if (!anchor || !body.trim() || missingName) return;
    if (await submit(() => controller.start(anchor, body, authorName))) {
      setBody('');
      // The next comment goes on the selection again.
      setSection('');
      controller.setFilter('open');
    }
  };

  return (
    <form
      className="flex flex-col gap-1 border-b border-slate-200 px-2 py-1.5 dark:border-slate-700"
      aria-label="New comment"
      onSubmit={(e) => {
        e.preventDefault();
        void post();
      }}
    >
      <label className="flex items-center gap-1">
        <span className="shrink-0 text-slate-500">On</span>
        <select aria-label="Comment on" data-testid="comment-target" className={cx(controlClass, 'min-w-0 flex-1')} value={section} onChange={(e) => setSection(e.target.value)}>
          <option value="">{selected ? `${ANCHOR_KIND_LABELS[selected.kind]} ${selected.label}` : 'Select a table, column, relationship or index'}</option>
          <optgroup label="Design document section">
            {DESIGN_SECTIONS.map((s) => (
              <option key={s.slug} value={s.slug}>
                {'\u00a0'.repeat((s.level - 2) * 2)}
                {s.title}
              </option>
            ))}
          </optgroup>
        </select>
      </label>
      {guest && (
        <input
          aria-label="Your name"
          placeholder="Your name (shown with your comments)"
          data-testid="comment-author-name"
          maxLength={COMMENT_LIMITS.authorNameLength}
          className={controlClass}
          value={guestName}
          onChange={(e) => onGuestName(e.target.value)}
        />
      )}
      <CommentBodyInput label="New comment" placeholder="Write a comment… (@ mentions a project member)" testId="comment-new-body" rows={3} value={body} onChange={setBody} onSubmit={() => void post()} />
      <div className="flex items-center gap-2">
        <Button type="submit" variant="primary" data-testid="comment-new-submit" disabled={busy || !anchor || !body.trim() || missingName}>
          Comment
        </Button>
        {error && (
          <span role="alert" className={errorClass}>
            {error}
          </span>
        )}
      </div>
    </form>
  );
}

function Group({ group, focused, tableId, controller, canComment, authorName }: { group: ThreadGroup; focused: boolean; tableId?: string; controller: CommentsController; canComment: boolean; authorName?: string }) {
  const editor = useEditorStore();
  const selection = selectionForAnchor(group.anchor);
  return (
    <div
      className={cx('border-b border-slate-200 px-2 py-1.5 dark:border-slate-800', focused && 'bg-amber-50 dark:bg-amber-950/30')}
      data-testid="comment-group"
      data-key={group.key}
      data-table-id={tableId}
      data-orphaned={group.orphaned || undefined}
    >
      <div className="mb-1 flex items-center gap-1">
        <span className="text-[10px] uppercase tracking-wide text-slate-500">{ANCHOR_KIND_LABELS[group.anchor.kind]}</span>
        {selection && !group.orphaned ? (
          <button type="button" className="min-w-0 truncate font-medium text-blue-700 hover:underline dark:text-blue-400" title="Select it on the canvas" data-testid="comment-group-label" onClick={() => editor.getState().select(selection)}>
            {group.label}
          </button>
        ) : (
          <span className="min-w-0 truncate font-medium" data-testid="comment-group-label">
            {group.label}
          </span>
        )}
        {group.orphaned && (
          <span className="shrink-0 rounded bg-amber-100 px-1 text-[10px] text-amber-800 dark:bg-amber-900/60 dark:text-amber-200" data-testid="comment-orphaned" title="The element this thread was written on is no longer in the design">
            element removed
          </span>
        )}
      </div>
      {group.threads.map((t) => (
        <Thread key={t.id} thread={t} controller={controller} canComment={canComment} authorName={authorName} />
      ))}
    </div>
  );
}

function Thread({ thread, controller, canComment, authorName }: { thread: CommentThreadInfo; controller: CommentsController; canComment: boolean; authorName?: string }) {
  const [reply, setReply] = useState('');
  const { busy, error, submit } = useSubmit();
  const send = async () => {
    if (!reply.trim()) return;
    if (await submit(() => controller.reply(thread.id, reply, authorName))) setReply('');
  };
  return (
    <article className="mb-1.5 rounded border border-slate-200 p-1.5 dark:border-slate-700" data-testid="comment-thread" data-thread-id={thread.id} data-resolved={thread.resolved}>
      {thread.comments.map((c) => (
        <div key={c.id} className="mb-1" data-testid="comment">
          <div className="flex items-baseline gap-1 text-[11px] text-slate-500">
            <span className="font-medium text-slate-800 dark:text-slate-200" data-testid="comment-author">
              {c.authorName}
            </span>
            {c.authorKind === 'share' && <span title="Commented through a share link, with no account">(guest)</span>}
            <time dateTime={c.createdAt}>{when(c.createdAt)}</time>
          </div>
          <CommentBody comment={c} />
        </div>
      ))}
      {thread.resolved && (
        <p className="text-[11px] text-slate-500" data-testid="comment-resolved-by">
          Resolved{thread.resolvedByName ? ` by ${thread.resolvedByName}` : ''}
          {thread.resolvedAt ? `, ${when(thread.resolvedAt)}` : ''}
        </p>
      )}
      {canComment && (
        <div className="mt-1 flex flex-col gap-1">
          {!thread.resolved && (
            <CommentBodyInput label="Reply" placeholder="Reply…" testId="comment-reply-body" rows={1} value={reply} onChange={setReply} onSubmit={() => void send()} />
          )}
          <div className="flex items-center gap-1">
            {!thread.resolved && (
              <Button data-testid="comment-reply-submit" disabled={busy || !reply.trim()} onClick={() => void send()}>
                Reply
              </Button>
            )}
            <Button
              variant="ghost"
              data-testid={thread.resolved ? 'comment-reopen' : 'comment-resolve'}
              disabled={busy}
              onClick={() => void submit(() => controller.setResolved(thread.id, !thread.resolved, authorName))}
            >
              {thread.resolved ? 'Reopen' : 'Resolve'}
            </Button>
            {error && (
              <span role="alert" className={errorClass}>
                {error}
              </span>
            )}
          </div>
        </div>
      )}
    </article>
  );
}

/** A comment or reply box: capped at the body limit; Ctrl/Cmd+Enter sends. */
function CommentBodyInput({ label, placeholder, testId, rows, value, onChange, onSubmit }: {
  label: string;
  placeholder: string;
  testId: string;
  rows: number;
  value: string;
  onChange: (text: string) => void;
  onSubmit: () => void;
}) {
  return (
    <textarea
      aria-label={label}
      placeholder={placeholder}
      data-testid={testId}
      rows={rows}
      maxLength={COMMENT_LIMITS.bodyLength}
      className={cx(controlClass, 'resize-y')}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      onKeyDown={(e) => {
        if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
          e.preventDefault();
          onSubmit();
        }
      }}
    />
  );
}
