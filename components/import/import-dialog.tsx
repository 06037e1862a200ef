'use client';
/**
 * The Import dialog: paste text, choose or drop files (several, or a folder for a multi-file Prisma
 * schema, or one SQLite database file, uploaded as bytes and read read-only by the server), or connect
 * to a live database. The server detects the format (or the user picks it) and
 * returns a preview; then the user creates a new project or merges into the open one (same-named tables
 * replaced or kept). A failed import shows the line, column and text, and changes nothing.
 *
 * Self-contained: renders its own "Import" button unless `open`/`onOpenChange` control it.
 * - mode 'new-project': creates the project (POST /api/projects), calls onImported, then opens it.
 * - mode 'merge': merges into the document `getCurrentDocument` returns (read at preview and merge
 *   time, so the editor need not re-render the dialog on every edit) and hands the result to onImported.
 */
import { useId, useState, type DragEvent } from 'react';
import { useRouter } from 'next/navigation';
import { mergeDocuments, type MergeConflictPolicy, type MergeReport } from '@/lib/importers/merge';
import type { SourceFile } from '@/lib/importers/types';
import type { SchemaDocument } from '@/lib/model/document';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { SelectField } from '@/components/ui/select';
import { controlClass, cx, labelClass } from '@/components/ui/styles';
import { TabPanel, Tabs } from '@/components/ui/tabs';
import {
  createProjectWithDocument,
  requestImport,
  requestLiveImport,
  requestSqliteDatabaseImport,
  selectSourceFiles,
  suggestProjectName,
  type DialogFormat,
  type ImportFailure,
  type ImportSuccess,
} from './import-client';
import { layoutImportedDocument } from './layout-imported';
import { readDrop, readFileList, type PickedSources } from './read-dropped-files';
import { skippedLocation, summarizeCounts } from '@/lib/importers/report-summary';

export interface ImportDialogProps {
  mode: 'new-project' | 'merge';
  /** The open project's document, read when it is needed (preview, merge). */
  getCurrentDocument?: () => SchemaDocument;
  onImported: (document: SchemaDocument, info?: { projectId?: string; merge?: MergeReport }) => void;
  /** Controlled use: when given, no trigger button is rendered. */
  open?: boolean;
  onOpenChange?: (open: boolean) => void;
  triggerLabel?: string;
}

type SourceTab = 'paste' | 'files' | 'live';

const FORMAT_OPTIONS: ReadonlyArray<{ value: DialogFormat; label: string }> = [
  { value: 'auto', label: 'Detect automatically' },
  { value: 'postgres', label: 'PostgreSQL DDL' },
  { value: 'mysql', label: 'MySQL / MariaDB DDL' },
  { value: 'sqlite', label: 'SQLite DDL (.schema / .dump)' },
  { value: 'prisma', label: 'Prisma schema' },
  { value: 'dbml', label: 'DBML' },
  { value: 'json', label: 'Draftbase JSON' },
];

const FORMAT_NAMES: Record<string, string> = { postgres: 'PostgreSQL', mysql: 'MySQL', sqlite: 'SQLite', prisma: 'Prisma', dbml: 'DBML', json: 'Draftbase JSON' };

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(bytes < 10 * 1024 * 1024 ? 1 : 0)} MB`;

type Phase = { kind: 'edit' } | { kind: 'loading'; what: string } | { kind: 'preview'; result: ImportSuccess } | { kind: 'error'; error: ImportFailure };

export function ImportDialog({ mode, getCurrentDocument, onImported, open: controlledOpen, onOpenChange, triggerLabel = 'Import' }: ImportDialogProps) {
  const [uncontrolledOpen, setUncontrolledOpen] = useState(false);
  const open = controlledOpen ?? uncontrolledOpen;
  const setOpen = (v: boolean) => {
    if (controlledOpen === undefined) setUncontrolledOpen(v);
    onOpenChange?.(v);
  };
  const idPrefix = useId();
  const router = useRouter();
  const [tab, setTab] = useState<SourceTab>('paste');
  const [format, setFormat] = useState<DialogFormat>('auto');
  const [text, setText] = useState('');
  const [files, setFiles] = useState<SourceFile[]>([]);
  const [database, setDatabase] = useState<File | undefined>();
  const [folderName, setFolderName] = useState<string | undefined>();
  const [url, setUrl] = useState('');
  const [schemas, setSchemas] = useState('');
  const [phase, setPhase] = useState<Phase>({ kind: 'edit' });
  const [policy, setPolicy] = useState<MergeConflictPolicy>('replace');
  const [projectName, setProjectName] = useState('');
  const [dragging, setDragging] = useState(false);

  const reset = () => {
    setPhase({ kind: 'edit' });
  };
  const close = () => {
    setOpen(false);
    setPhase({ kind: 'edit' });
  };

  const chooseFiles = (picked: PickedSources) => {
    const selected = selectSourceFiles(picked.files);
    setFiles(selected);
    setDatabase(picked.database);
    setFolderName(picked.folderName);
    setProjectName(suggestProjectName(picked.database ? [picked.database.name] : selected.map((f) => f.name), picked.folderName));
    setPhase({ kind: 'edit' });
  };

  const handleDrop = async (e: DragEvent<HTMLDivElement>) => {
    e.preventDefault();
    setDragging(false);
    setTab('files');
    chooseFiles(await readDrop(e.dataTransfer));
  };

  const canPreview = tab === 'paste' ? text.trim().length > 0 : tab === 'files' ? files.length > 0 || database !== undefined : url.trim().length > 0;

  const handlePreview = async () => {
    setPhase({ kind: 'loading', what: tab === 'live' ? 'Reading the database catalog…' : 'Importing…' });
    const outcome =
      tab === 'live'
        ? await requestLiveImport(url.trim(), schemas.split(',').map((s) => s.trim()).filter(Boolean))
        : tab === 'files' && database
          ? await requestSqliteDatabaseImport(database)
          : await requestImport(format, tab === 'paste' ? text : files);
    if (!outcome.ok) {
      setPhase({ kind: 'error', error: outcome });
      return;
    }
    if (!projectName) setProjectName(tab === 'live' ? 'Imported database' : suggestProjectName(files.map((f) => f.name), folderName));
    setPhase({ kind: 'preview', result: outcome });
  };

  const handleCreateProject = async (result: ImportSuccess) => {
    const tableCount = Object.keys(result.document.tables).length;
    setPhase({ kind: 'loading', what: `Laying out ${tableCount} ${tableCount === 1 ? 'table' : 'tables'}…` });
    const document = await layoutImportedDocument(result.document, (step) => setPhase({ kind: 'loading', what: `Laying out ${tableCount} tables: ${step}…` }));
    setPhase({ kind: 'loading', what: 'Creating the project…' });
    const created = await createProjectWithDocument(projectName.trim() || 'Imported schema', document);
    if (!created.ok) {
      setPhase({ kind: 'error', error: { ok: false, status: 0, message: `The project could not be created: ${created.message}` } });
      return;
    }
    onImported(document, { projectId: created.id });
    router.push(`/projects/${encodeURIComponent(created.id)}`);
  };

  const handleMerge = (result: ImportSuccess) => {
    const currentDocument = getCurrentDocument?.();
    if (!currentDocument) return;
    const merged = mergeDocuments(currentDocument, result.document, { onConflict: policy });
    onImported(merged.document, { merge: merged.report });
    close();
  };

  const busy = phase.kind === 'loading';
  const preview = phase.kind === 'preview' ? phase.result : undefined;

  const footer = (
    <>
      <Button size="sm" onClick={close}>
        Cancel
      </Button>
      {preview ? (
        <>
          <Button size="sm" onClick={reset}>
            Back
          </Button>
          {mode === 'merge' && getCurrentDocument ? (
            <Button size="sm" variant="primary" onClick={() => handleMerge(preview)} data-testid="import-merge">
              Merge into this project
            </Button>
          ) : (
            <Button size="sm" variant="primary" onClick={() => void handleCreateProject(preview)} data-testid="import-create">
              Create project
            </Button>
          )}
        </>
      ) : (
        <Button size="sm" variant="primary" disabled={!canPreview || busy} onClick={() => void handlePreview()} data-testid="import-preview">
          {busy ? 'Importing…' : 'Preview import'}
        </Button>
      )}
    </>
  );

  return (
    <>
      {controlledOpen === undefined && (
        <Button size="sm" onClick={() => setOpen(true)} data-testid="import-open">
          {triggerLabel}
        </Button>
      )}
      <Dialog open={open} onClose={close} title={mode === 'merge' ? 'Import into this project' : 'Import a schema'} footer={footer} className="w-[min(48rem,94vw)]">
        <div
          className={cx('flex flex-col gap-3', dragging && 'rounded outline-2 outline-dashed outline-sky-500')}
          onDragOver={(e) => {
            e.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={(e) => void handleDrop(e)}
          data-testid="import-dialog"
        >
          {!preview && (
            <>
              <Tabs
                label="Import source"
                idPrefix={idPrefix}
                value={tab}
                onValueChange={(v) => {
                  setTab(v);
                  setPhase({ kind: 'edit' });
                }}
                items={[
                  { value: 'paste', label: 'Paste' },
                  { value: 'files', label: 'Files or folder' },
                  { value: 'live', label: 'Live database' },
                ]}
              />
              {tab !== 'live' && (
                <SelectField label="Format" value={format} options={FORMAT_OPTIONS} onValueChange={setFormat} className="max-w-xs" />
              )}
              {tab === 'paste' && (
                <TabPanel idPrefix={idPrefix} value="paste">
                  <label className={labelClass} htmlFor={`${idPrefix}-paste`}>
                    Schema text (SQL DDL, Prisma, DBML or Draftbase JSON)
                  </label>
                  <textarea
                    id={`${idPrefix}-paste`}
                    className={cx(controlClass, 'mt-0.5 h-64 resize-y font-mono text-[11px] leading-snug')}
                    spellCheck={false}
                    value={text}
                    onChange={(e) => {
                      setText(e.target.value);
                      if (phase.kind === 'error') setPhase({ kind: 'edit' });
                    }}
                    placeholder="CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL UNIQUE);"
                    data-testid="import-text"
                  />
                </TabPanel>
              )}
              {tab === 'files' && (
                <TabPanel idPrefix={idPrefix} value="files" className="flex flex-col gap-2">
                  <p className="text-xs text-slate-600 dark:text-slate-400">
                    Choose a file, several files, a folder (a multi-file Prisma schema, or SQL migrations), or an SQLite database file (.db: its schema is read, nothing in it is run); or drop them anywhere in this dialog.
                  </p>
                  <div className="flex flex-wrap gap-3">
                    <label className="text-xs">
                      <span className={labelClass}>Files</span>
                      <input
                        type="file"
                        multiple
                        accept=".sql,.prisma,.dbml,.json,.txt,.db,.sqlite,.sqlite3,.db3"
                        className="block text-xs"
                        onChange={(e) => e.target.files && void readFileList(e.target.files).then(chooseFiles)}
                        data-testid="import-files"
                      />
                    </label>
                    <label className="text-xs">
                      <span className={labelClass}>Folder</span>
                      <input
                        type="file"
                        className="block text-xs"
                        // webkitdirectory is not in React's typings; every current browser supports it.
                        {...{ webkitdirectory: '', directory: '' }}
                        onChange={(e) => e.target.files && void readFileList(e.target.files).then(chooseFiles)}
                        data-testid="import-folder"
                      />
                    </label>
                  </div>
                  {database && (
                    <p className="text-xs" data-testid="import-file-list">
                      SQLite database {database.name} ({megabytes(database.size)})
                    </p>
                  )}
                  {!database && files.length > 0 && (
                    <p className="text-xs" data-testid="import-file-list">
                      {folderName ? `Folder ${folderName}: ` : ''}
                      {files.length} file{files.length === 1 ? '' : 's'} ({files.slice(0, 5).map((f) => f.name).join(', ')}
                      {files.length > 5 ? ', …' : ''})
                    </p>
                  )}
                </TabPanel>
              )}
              {tab === 'live' && (
                <TabPanel idPrefix={idPrefix} value="live" className="flex flex-col gap-2">
                  <label className="flex flex-col gap-0.5">
                    <span className={labelClass}>Connection string</span>
                    <input
                      type="password"
                      autoComplete="off"
                      className={cx(controlClass, 'font-mono')}
                      value={url}
                      onChange={(e) => setUrl(e.target.value)}
                      placeholder="postgresql://user:password@host:5432/database"
                      data-testid="import-url"
                    />
                  </label>
                  <label className="flex flex-col gap-0.5">
                    <span className={labelClass}>Schemas (optional, comma-separated)</span>
                    <input className={controlClass} value={schemas} onChange={(e) => setSchemas(e.target.value)} placeholder="public, billing" data-testid="import-schemas" />
                  </label>
                  <p className="text-[11px] text-slate-500 dark:text-slate-400">
                    The server reads the catalog with a read-only session and timeouts. The connection string is used once and never stored or logged.
                  </p>
                </TabPanel>
              )}
            </>
          )}

          {phase.kind === 'loading' && (
            <p role="status" className="text-xs text-slate-600 dark:text-slate-300" data-testid="import-progress">
              {phase.what}
            </p>
          )}

          {phase.kind === 'error' && <ImportErrorView error={phase.error} />}

          {preview && (
            <ImportPreview
              result={preview}
              mode={mode === 'merge' && getCurrentDocument ? 'merge' : 'new-project'}
              currentDocument={mode === 'merge' ? getCurrentDocument?.() : undefined}
              policy={policy}
              onPolicyChange={setPolicy}
              projectName={projectName}
              onProjectNameChange={setProjectName}
            />
          )}
        </div>
      </Dialog>
    </>
  );
}

function ImportErrorView({ error }: { error: ImportFailure }) {
  const where = error.line !== undefined ? `${error.file ? `${error.file}, ` : ''}line ${error.line}${error.column !== undefined ? `, column ${error.column}` : ''}` : undefined;
  return (
    <div role="alert" className="rounded border border-red-200 bg-red-50 px-3 py-2 text-xs text-red-800 dark:border-red-900 dark:bg-red-950 dark:text-red-200" data-testid="import-error">
      <p className="font-medium">
        Import failed{where ? ` at ${where}` : ''}: <span data-testid="import-error-message">{error.message}</span>
      </p>
      {error.excerpt !== undefined && (
        <pre className="mt-1 overflow-x-auto font-mono text-[11px]" data-testid="import-error-excerpt">
          {error.line !== undefined ? `${error.line} | ` : ''}
          {error.excerpt}
          {error.column !== undefined && error.line !== undefined ? `\n${' '.repeat(String(error.line).length + 3 + Math.max(0, error.column - 1))}^` : ''}
        </pre>
      )}
      <p className="mt-1">Nothing was changed.</p>
    </div>
  );
}

function ImportPreview({
  result,
  mode,
  currentDocument,
  policy,
  onPolicyChange,
  projectName,
  onProjectNameChange,
}: {
  result: ImportSuccess;
  mode: 'merge' | 'new-project';
  currentDocument?: SchemaDocument;
  policy: MergeConflictPolicy;
  onPolicyChange: (p: MergeConflictPolicy) => void;
  projectName: string;
  onProjectNameChange: (name: string) => void;
}) {
  const { report, document } = result;
  const existing = currentDocument ? new Set(Object.values(currentDocument.tables).map((c) => c.name)) : undefined;
  const conflicts = existing
    ? Object.values(document.tables).filter((t) => existing.has(t.name)).map((t) => t.name)
    : [];
  const warnings = report.diagnostics.filter((d) => d.severity !== 'info');
  const notes = report.diagnostics.filter((d) => d.severity === 'info');
  return (
    <div className="flex flex-col gap-2 text-xs" data-testid="import-preview-panel">
      <p>
        <span className="font-medium">{FORMAT_NAMES[report.format] ?? report.format}</span>:{' '}
        <span data-testid="import-summary">{summarizeCounts(report.counts)}</span>
        {report.skipped.length > 0 && (
          <span data-testid="import-skipped-count">
            ; {report.skipped.length} statement{report.skipped.length === 1 ? '' : 's'} skipped
          </span>
        )}
      </p>
      {report.skipped.length > 0 && (
        <details open={report.skipped.length <= 5}>
          <summary className="cursor-pointer">Skipped statements</summary>
          <ul className="mt-1 max-h-40 overflow-auto font-mono text-[11px]" data-testid="import-skipped">
            {report.skipped.slice(0, 200).map((s, i) => (
              <li key={i}>
                {skippedLocation(s)}: {s.statement} <span className="text-slate-500">({s.reason})</span>
              </li>
            ))}
            {report.skipped.length > 200 && <li>… and {report.skipped.length - 200} more</li>}
          </ul>
        </details>
      )}
      {(warnings.length > 0 || notes.length > 0) && (
        <details open={warnings.length > 0 && warnings.length <= 5}>
          <summary className="cursor-pointer">
            {warnings.length} warning{warnings.length === 1 ? '' : 's'}, {notes.length} note{notes.length === 1 ? '' : 's'}
          </summary>
          <ul className="mt-1 max-h-40 overflow-auto" data-testid="import-diagnostics">
            {[...warnings, ...notes].slice(0, 200).map((d, i) => (
              <li key={i} className={d.severity === 'warning' || d.severity === 'error' ? 'text-amber-700 dark:text-amber-300' : ''}>
                {d.line !== undefined ? `line ${d.line}: ` : ''}
                {d.message}
              </li>
            ))}
          </ul>
        </details>
      )}
      {mode === 'merge' ? (
        <fieldset className="flex flex-col gap-1">
          <legend className={labelClass}>
            {conflicts.length
              ? `${conflicts.length} table${conflicts.length === 1 ? '' : 's'} already exist${conflicts.length === 1 ? 's' : ''} in this project (${conflicts.slice(0, 5).join(', ')}${conflicts.length > 5 ? ', …' : ''}):`
              : 'No table of the import exists in this project yet.'}
          </legend>
          {conflicts.length > 0 && (
            <>
              <label className="flex items-center gap-1">
                <input type="radio" name="import-policy" checked={policy === 'replace'} onChange={() => onPolicyChange('replace')} data-testid="import-policy-replace" />
                Replace them with the imported definitions
              </label>
              <label className="flex items-center gap-1">
                <input type="radio" name="import-policy" checked={policy === 'keep'} onChange={() => onPolicyChange('keep')} data-testid="import-policy-keep" />
                Keep the project&apos;s tables
              </label>
            </>
          )}
        </fieldset>
      ) : (
        <label className="flex max-w-sm flex-col gap-0.5">
          <span className={labelClass}>Project name</span>
          <input className={controlClass} value={projectName} onChange={(e) => onProjectNameChange(e.target.value)} data-testid="import-project-name" />
        </label>
      )}
    </div>
  );
}
