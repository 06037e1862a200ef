'use client';
/**
 * The editor: one store (document, selection, history) shared by the canvas, the toolbar, the
 * inspector and the DDL panel; autosave; keyboard shortcuts; dialogs. Owns no document state of
 * its own: every edit goes through `store.dispatch(command)`.
 */
import { loadEditorSqlParsers } from './sql-parsers';
import '@xyflow/react/dist/style.css';
import './editor.css';
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { ReactFlowProvider, useReactFlow } from '@xyflow/react';
import { useRouter } from 'next/navigation';
import type { SchemaDocument } from '@/lib/model/document';
import { addTableCommand, type Command } from '@/lib/model/commands/apply';
import { Inspector } from '@/components/editor/inspector/inspector';
import { DdlPanel } from '@/components/editor/ddl-panel/ddl-panel';
import { DesignDocTab } from '@/components/design-doc/design-doc-tab';
import { DownloadMenu } from '@/components/download/download-menu';
import { ImportDialog } from '@/components/import/import-dialog';
import type { MergeReport } from '@/lib/importers/merge';
import { createEditorStore, EditorStoreContext, selectedTableIds, type EditorState } from './store/editor-store';
import { createSaver, type Saver } from './store/saver';
import { createWorkerPut } from './store/worker-put';
import { Canvas } from './canvas';
import { newTableSpot } from './flow/new-table-spot';
import { boundsOf, fitRect } from './flow/first-view';
import { TABLE_WIDTH, tableShape } from './flow/geometry';
import { tablePosition } from './flow/to-flow';
import { Toolbar } from './toolbar';
import { Toasts, useToast } from './toast';
import { useTheme } from './theme';
import { useAutoLayout } from './layout/use-auto-layout';
import { SearchDialog } from './search/search-dialog';
import type { SearchHit } from './search/search-index';
import { ConfirmDeleteDialog } from './dialogs/confirm-delete-dialog';
import { ConflictDialog, type MergeActions } from './dialogs/conflict-dialog';
import { RemoteChangeNotice } from './remote-change-notice';
import { watchRemoteVersion } from './store/remote-watch';
import { applyRemoteMerge, loadRemoteMerge, mergeNow } from './store/merge-remote';
import { fetchProject, createProjectCopy } from './project-api';
import type { ActionContext } from './actions/editor-actions';
import type { PendingDelete } from './actions/edit-actions';
import { useActionKeys } from './actions/use-action-keys';
import { HelpOverlay } from './help/help-overlay';
import type { StoreApi } from 'zustand/vanilla';
import { useStore } from 'zustand';
import { setAutoFreeze } from 'immer';
import type { FindingTarget } from '@/lib/review/types';
import { ProblemsPanel } from './review/problems-panel';
import { ReviewStoreContext } from './review/review-model';
import { useReviewModel } from './review/use-review-model';
import { focusForTarget } from './review/focus';
import { useVersionReview } from './versions/use-version-review';
import { READ_ONLY_MESSAGE } from './versions/read-only-store';
import { VersionsPanel } from './versions/versions-panel';
import { ReviewMain } from './versions/review-main';
import { DiffList } from './versions/diff-list';
import type { ProjectAccessInfo } from '@/lib/api/teams';
import { readOnlyReason } from './access';
import { activeShareToken } from './api-fetch';
import { CommentsProvider } from './comments/comments-provider';
import { CommentsButton } from './comments/comments-button';
import { CommentsPanel } from './comments/comments-panel';
import { useComments, useCommentsController } from './comments/comments-store';
import { liveSaver, type LiveSession } from './collab/live-session';
import { useLiveJoin } from './collab/use-live-join';
import { LiveContext } from './collab/live-ui';

// In the page, immer does not deep-freeze results: its first command on a freshly loaded 5,000-table
// document froze the whole document (~110 ms of main thread). Unit tests keep freezing on, so a
// mutation of a shared object is still caught there.
setAutoFreeze(false);

export interface EditorProps {
  projectId: string;
  name: string;
  version: number;
  doc: SchemaDocument;
  /** The response text `doc` was read from: seeds the save worker's replica (no clone of the document). */
  sourceText?: string;
  /** What this user may do (team mode, or a share link); absent = solo, everything allowed. */
  access?: ProjectAccessInfo;
  /** Team controls for the toolbar's right side (Share, the account menu), mounted by the page. */
  teamControls?: ReactNode;
}

/**
 * Joins the project's live session first (collab/use-live-join.ts), then opens the editor over the
 * shared document, or on the REST saver when there is no live session.
 */
export function Editor(props: EditorProps) {
  const mode = useLiveJoin(props);
  if (mode.kind === 'joining') {
    return (
      <div className="flex h-screen items-center justify-center text-sm text-slate-500" role="status" data-testid="live-joining">
        Opening the project…
      </div>
    );
  }
  return <EditorWithStore {...props} live={mode.kind === 'live' ? mode.session : undefined} />;
}

function EditorWithStore({ sourceText, access, teamControls, live, ...props }: EditorProps & { live?: LiveSession }) {
  // One store and one saver for the page's lifetime (a new project id remounts the editor).
  const [{ store, saver }] = useState(() => {
    // Live: the session made the store over the shared document; no saver (the sync server stores):
    // the panels that ask one get liveSaver (nothing unsaved; flush waits for the server's acks).
    if (live) return { store: live.store, saver: liveSaver(live) };
    const readOnly = readOnlyReason(access);
    // Read-only: the saver is never attached (createEditorStore), so no save worker is started either.
    const put = readOnly ? undefined : createWorkerPut();
    if (put && sourceText) put.seed(props.projectId, sourceText, props.doc);
    const saver = createSaver(put ? { put } : {});
    const store = createEditorStore({ ...props, saver, readOnly });
    return { store, saver };
  });
  useEffect(() => () => saver.dispose(), [saver]);
  // Saves made in another tab or by someone else are noticed within seconds (RemoteChangeNotice).
  // In a live session the poll goes on (a share link revoked meanwhile is noticed at its next request,
  // apiFetch), but the store ignores the versions: edits arrive live, write-backs are not news.
  useEffect(() => watchRemoteVersion(store), [store]);
  // Test builds only (NEXT_PUBLIC_DRAFTBASE_TEST_HOOKS=1 at build time: playwright.config.ts,
  // scripts/canvas-screenshots.ts): the e2e tests read the store. Inlined at build time, so a normal
  // build compiles this away (scripts/check-test-hooks.ts checks the output after `npm run build`).
  useEffect(() => {
    if (process.env.NEXT_PUBLIC_DRAFTBASE_TEST_HOOKS !== '1') return;
    (window as unknown as { __draftbaseStore?: StoreApi<EditorState> }).__draftbaseStore = store;
  }, [store]);
  // The design review follows the document for the toolbar's counts, the table markers and the Problems panel.
  const review = useReviewModel(store);
  // Review comments (issue 18) follow the same access (absent = solo, full access); a share link's page
  // has its token active in apiFetch, and the comments calls send it too.

  return (
    <EditorStoreContext.Provider value={store}>
      <LiveContext.Provider value={live ?? null}>
        <ReviewStoreContext.Provider value={review.store}>
          <CommentsProvider editor={store} access={access} shareToken={activeShareToken()}>
            <ReactFlowProvider>
              <EditorShell store={store} saver={saver} live={live} access={access} teamControls={teamControls} />
            </ReactFlowProvider>
          </CommentsProvider>
        </ReviewStoreContext.Provider>
      </LiveContext.Provider>
    </EditorStoreContext.Provider>
  );
}

function EditorShell({ store, saver, live, access, teamControls }: { store: StoreApi<EditorState>; saver: Saver; live?: LiveSession; access?: ProjectAccessInfo; teamControls?: ReactNode }) {
  const toast = useToast();
  const theme = useTheme();
  const router = useRouter();
  const { fitView, screenToFlowPosition, setViewport } = useReactFlow();
  const [searchOpen, setSearchOpen] = useState(false);
  const [helpOpen, setHelpOpen] = useState(false);
  const [pendingDelete, setPendingDelete] = useState<PendingDelete>();
  const [inspectorOpen, setInspectorOpen] = useState(true);
  const [ddlOpen, setDdlOpen] = useState(true);
  const [problemsOpen, setProblemsOpen] = useState(false);
  const [versionsOpen, setVersionsOpen] = useState(false);
  const comments = useCommentsController();
  const commentsOpen = useComments((s) => s.open);
  const [view, setView] = useState<'diagram' | 'design'>('diagram');
  const projectId = useStore(store, (s) => s.projectId);
  const leavingRef = useRef(false);
  const conflict = useStore(store, (s) => s.saveState.status === 'conflict');
  const readOnly = useStore(store, (s) => s.readOnly !== undefined);
  // A share link has no account: downloads are links the browser follows without the link's header.
  const viaShare = access?.via === 'share';
  const lastChanges = useStore(store, (s) => s.lastChanges);

  const run = useCallback(
    (command: Command) => {
      const r = store.getState().dispatch(command);
      if ('error' in r) toast(r.error, 'error');
      return r;
    },
    [store, toast],
  );

  // The SQL parsers, loaded once in the background: a rename rewrites the expressions naming the old
  // name through them (the store's dispatch), and the DDL panel reports expressions that do not parse.
  useEffect(() => {
    loadEditorSqlParsers().catch(() => undefined);
  }, []);

  // Integrity side effects of the last command ("index ix_a removed: ...") as a toast.
  useEffect(() => {
    if (lastChanges.length) toast(lastChanges.map((c) => c.message).join('\n'));
  }, [lastChanges, toast]);

  // Show the laid-out tables whole: zoomed out that is the map (no node mounts), however many.
  // Past a few dozen tables the view is set in the same task as the move, from the new positions:
  // React then renders once, at the final view (an animation, or a fit after the nodes moved, mounted
  // the nodes of every view in between — ~1 s of main thread at 5,000 tables).
  const layout = useAutoLayout(store, (ids) => {
    if (ids.length <= 40) {
      requestAnimationFrame(() => void fitView({ nodes: ids.map((id) => ({ id })), padding: 0.1, maxZoom: 1, duration: 300, includeHiddenNodes: true }));
      return;
    }
    const doc = store.getState().doc;
    const bounds = boundsOf(ids.filter((id) => doc.tables[id]).map((id) => ({ ...tablePosition(doc, id), shape: tableShape(doc, doc.tables[id]) })));
    const r = document.querySelector('[data-testid="canvas"]')?.getBoundingClientRect();
    if (bounds && r) void setViewport(fitRect(bounds, r.width, r.height));
  });

  /** The canvas's visible part in flow coordinates. */
  const viewRect = useCallback(() => {
    const r = document.querySelector('[data-testid="canvas"]')?.getBoundingClientRect();
    if (!r) return undefined;
    const a = screenToFlowPosition({ x: r.left + 20, y: r.top + 20 });
    const b = screenToFlowPosition({ x: r.right - 20, y: r.bottom - 20 });
    return { x1: a.x, y1: a.y, x2: b.x, y2: b.y };
  }, [screenToFlowPosition]);

  const viewCenter = useCallback(() => {
    const el = document.querySelector('[data-testid="canvas"]');
    const r = el?.getBoundingClientRect();
    if (!r) return { x: 0, y: 0 };
    const p = screenToFlowPosition({ x: r.left + r.width / 2, y: r.top + r.height / 2 });
    return { x: Math.round(p.x - 130), y: Math.round(p.y - 60) };
  }, [screenToFlowPosition]);

  const addTable = useCallback(
    (position?: { x: number; y: number }) => {
      const { doc, selection } = store.getState();
      // Beside the (last) selected table when one is selected, else at the view's centre.
      const beside = selectedTableIds(selection).at(-1);
      const want = position
        ? { x: Math.round(position.x), y: Math.round(position.y) }
        : beside && doc.tables[beside]
          ? { x: tablePosition(doc, beside).x + TABLE_WIDTH + 80, y: tablePosition(doc, beside).y }
          : viewCenter();
      const at = newTableSpot(doc, want, viewRect());
      const command = addTableCommand(doc, { position: at });
      const r = run(command);
      if (!('error' in r)) {
        store.getState().select({ kind: 'tables', tableIds: [command.table.id] });
        store.getState().requestRename(command.table.id);
      }
    },
    [store, run, viewCenter, viewRect],
  );

  const focusHit = useCallback(
    (hit: SearchHit) => {
      setSearchOpen(false);
      const state = store.getState();
      if (state.focusAreaId && !state.doc.areas[state.focusAreaId]?.tableIds.includes(hit.tableId)) state.setFocusArea(undefined);
      state.select(hit.columnId ? { kind: 'column', tableId: hit.tableId, columnId: hit.columnId } : { kind: 'tables', tableIds: [hit.tableId] });
      requestAnimationFrame(() => void fitView({ nodes: [{ id: hit.tableId }], duration: 300, maxZoom: 1.1, minZoom: 0.6, includeHiddenNodes: true }));
    },
    [store, fitView],
  );

  // A design review finding: its element selected and brought into view (both ends of a relationship).
  const focusFinding = useCallback(
    (target: FindingTarget) => {
      if (view !== 'diagram') setView('diagram');
      const state = store.getState();
      const focus = focusForTarget(target, state.doc);
      if (!focus) return;
      if (state.focusAreaId && !focus.tableIds.every((id) => state.doc.areas[state.focusAreaId!]?.tableIds.includes(id))) state.setFocusArea(undefined);
      state.select(focus.selection);
      requestAnimationFrame(() => void fitView({ nodes: focus.tableIds.map((id) => ({ id })), duration: 300, maxZoom: 1.1, minZoom: 0.6, includeHiddenNodes: true }));
    },
    [store, fitView, view],
  );

  // Named versions: the History panel, a version opened read-only, two sides compared (issue 17).
  const versions = useVersionReview({ store, saver, run, toast });
  const reviewing = versions.review !== undefined;

  // Read on demand: subscribing the shell to `doc` would re-render it (and the toolbar) on every edit.
  const getDocument = useCallback(() => store.getState().doc, [store]);

  // An import merged into this project is one undoable step; the tables it added are laid out.
  const handleImported = useCallback(
    (merged: SchemaDocument, info?: { merge?: MergeReport }) => {
      const before = new Set(Object.keys(store.getState().doc.tables));
      const r = run({ type: 'document.replace', document: merged, label: 'Import into this project' });
      if ('error' in r) return;
      const added = Object.keys(merged.tables).filter((id) => !before.has(id));
      if (added.length > 1) layout.run({ kind: 'tables', tableIds: added });
      const m = info?.merge;
      if (m) toast(`Imported: ${m.added.length} added, ${m.replaced.length} replaced, ${m.kept.length} kept${m.droppedRelationships.length ? `, ${m.droppedRelationships.length} relationships dropped` : ''}.`);
    },
    [store, run, layout, toast],
  );

  // What the editor's actions (actions/editor-actions.ts) may do beyond the store: the toolbar, the
  // keyboard and the help overlay all run them with this.
  const actionContext = useMemo<ActionContext>(
    () => ({
      store,
      run,
      toast,
      viewCenter,
      addTable: () => addTable(),
      confirmDelete: setPendingDelete,
      layout: layout.run,
      zoomToFit: () => void fitView({ padding: 0.1, duration: 300, includeHiddenNodes: true }),
      openSearch: () => setSearchOpen(true),
      openHelp: () => setHelpOpen(true),
      toggleTheme: theme.toggle,
      toggleInspector: () => setInspectorOpen((o) => !o),
      toggleDdl: () => setDdlOpen((o) => !o),
      toggleProblems: () => setProblemsOpen((o) => !o),
      toggleVersions: () => setVersionsOpen((o) => !o),
    }),
    [store, run, toast, viewCenter, addTable, layout.run, fitView, theme.toggle],
  );
  // While versions are reviewed, the toolbar and the keyboard act on the read-only view: nothing
  // there may change the live design unseen (a Delete of a selection made before, an added table).
  const viewStore = versions.viewStore;
  const activeContext = useMemo<ActionContext>(() => {
    if (!viewStore) return actionContext;
    const refuse = () => toast(READ_ONLY_MESSAGE, 'error');
    return {
      ...actionContext,
      store: viewStore,
      run: (command) => {
        const r = viewStore.getState().dispatch(command);
        if ('error' in r) toast(r.error, 'error');
        return r;
      },
      addTable: refuse,
      confirmDelete: refuse,
      layout: refuse,
    };
  }, [actionContext, viewStore, toast]);
  useActionKeys(activeContext);

  // Leaving with unsaved changes warns (the browser shows its own wording); live, with edits the sync
  // server has not acknowledged (offline, reconnecting, or still in flight).
  useEffect(() => {
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      if (leavingRef.current || !(live ? live.hasUnsyncedChanges() : saver.hasUnsavedChanges())) return;
      e.preventDefault();
      e.returnValue = '';
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [saver, live]);

  const reloadTheirs = useCallback(async () => {
    const { projectId } = store.getState();
    const p = await fetchProject(projectId);
    store.getState().replaceDocument(p.document, p.version);
    toast('Reloaded the saved version.');
  }, [store, toast]);

  // Their version merged into this tab as one undo step, then saved over theirs (ConflictDialog, notice).
  const mergeActions = useMemo<MergeActions>(
    () => ({
      load: () => loadRemoteMerge(store, saver),
      preview: (merge, resolutions) => mergeNow(store, merge, resolutions),
      apply: (merge, resolutions) => {
        const r = applyRemoteMerge(store, saver, merge, resolutions);
        if ('ok' in r) toast(`Merged in version ${merge.theirs.version}, saved elsewhere.`);
        return r;
      },
    }),
    [store, saver, toast],
  );
  const takeTheirs = useCallback(async () => {
    const { merge, result } = await mergeActions.load();
    if (result.conflicts.length === 0) {
      const r = mergeActions.apply(merge, {});
      if ('error' in r) throw new Error(r.error);
      return;
    }
    // Collisions: the conflict dialog lists them and asks.
    const { saveState } = store.getState();
    store.getState().setSaveState({ ...saveState, status: 'conflict', currentVersion: merge.theirs.version });
  }, [mergeActions, store]);

  const keepMine = useCallback(async () => {
    const { doc, name } = store.getState();
    const id = await createProjectCopy(`${name} (my copy)`, doc);
    leavingRef.current = true;
    saver.dispose();
    router.push(`/projects/${encodeURIComponent(id)}`);
  }, [store, saver, router]);

  return (
    <div className="db-editor flex h-screen flex-col bg-white text-slate-900 dark:bg-slate-950 dark:text-slate-100">
      <Toolbar
        actions={activeContext}
        layoutStatus={layout.status}
        theme={theme.effective}
        inspectorOpen={inspectorOpen}
        ddlOpen={ddlOpen}
        problemsOpen={problemsOpen}
        versionsOpen={versionsOpen}
        extra={
          <>
            <div role="tablist" aria-label="Editor view" className="flex rounded-md border border-slate-200 p-0.5 text-sm dark:border-slate-700">
              {(['diagram', 'design'] as const).map((v) => (
                <button
                  key={v}
                  type="button"
                  role="tab"
                  aria-selected={view === v}
                  onClick={() => setView(v)}
                  className={`rounded px-2 py-0.5 ${view === v ? 'bg-slate-200 font-medium dark:bg-slate-700' : 'hover:bg-slate-100 dark:hover:bg-slate-800'}`}
                >
                  {v === 'diagram' ? 'Diagram' : 'Design doc'}
                </button>
              ))}
            </div>
            {!readOnly && <ImportDialog mode="merge" getCurrentDocument={getDocument} onImported={handleImported} />}
            {!viaShare && <DownloadMenu projectId={projectId} />}
            {teamControls}
          </>
        }
      />
      <div className="relative flex min-h-0 flex-1">
        <main className="relative min-w-0 flex-1">
          {/* The design doc replaces the canvas; the canvas keeps its viewport per project. */}
          {/* Reviewing versions replaces the live canvas with a read-only one (or the Migration tab). */}
          {reviewing ? <ReviewMain review={versions} colorMode={theme.effective} /> : view === 'diagram' ? <Canvas onAddTableAt={addTable} colorMode={theme.effective} /> : <DesignDocTab />}
          {!reviewing && <CommentsButton placement={view === 'diagram' ? 'top' : 'bottom'} />}
          {/* Read-only there is nothing to merge: their version simply replaces what is shown. */}
          <RemoteChangeNotice onTakeTheirs={readOnly ? reloadTheirs : takeTheirs} />
          <Toasts />
        </main>
        {reviewing && (versionsOpen || versions.comparison) && (
          <aside className="flex w-[26rem] shrink-0 flex-col border-l border-slate-200 dark:border-slate-800" aria-label="Versions and changes">
            {versionsOpen && <VersionsPanel className="max-h-[45%] shrink-0" actions={versions.actions} onClose={() => setVersionsOpen(false)} />}
            {versions.comparison && <DiffList diff={versions.comparison.diff} entries={versions.comparison.view.entries} selectedKey={versions.focusedKey} onFocus={versions.focus} />}
          </aside>
        )}
        {!reviewing && (inspectorOpen || ddlOpen || problemsOpen || versionsOpen || commentsOpen) && (
          <aside className="flex w-[26rem] shrink-0 flex-col border-l border-slate-200 dark:border-slate-800" aria-label="Side panel">
            {versionsOpen && <VersionsPanel className="max-h-[45%] shrink-0 border-b border-slate-200 dark:border-slate-800" actions={versions.actions} onClose={() => setVersionsOpen(false)} />}
            {inspectorOpen && (
              <div className="min-h-0 flex-1 overflow-auto">
                <Inspector />
              </div>
            )}
            {/* Closed = unmounted: the DDL is not regenerated while hidden. */}
            {ddlOpen && <DdlPanel className="min-h-0 flex-1 border-t border-slate-200 dark:border-slate-800" onClose={() => setDdlOpen(false)} />}
            {problemsOpen && <ProblemsPanel className="min-h-0 flex-1 border-t border-slate-200 dark:border-slate-800" onFocus={focusFinding} onClose={() => setProblemsOpen(false)} />}
            {commentsOpen && <CommentsPanel className="min-h-0 flex-1 border-t border-slate-200 dark:border-slate-800" onClose={() => comments?.setOpen(false)} />}
          </aside>
        )}
      </div>
      {searchOpen && <SearchDialog onPick={focusHit} onClose={() => setSearchOpen(false)} />}
      <HelpOverlay open={helpOpen} onClose={() => setHelpOpen(false)} />
      {pendingDelete && (
        <ConfirmDeleteDialog
          names={pendingDelete.names}
          consequences={pendingDelete.consequences}
          onCancel={() => setPendingDelete(undefined)}
          onConfirm={() => {
            run(pendingDelete.command);
            setPendingDelete(undefined);
          }}
        />
      )}
      {conflict && <ConflictDialog merge={mergeActions} onReloadTheirs={reloadTheirs} onKeepMine={keepMine} />}
    </div>
  );
}
