'use client';
/**
 * The "Design doc" tab: the declared requirements, the query patterns, a Markdown editor per narrative
 * section (Edit); every table's declared volumes in one grid (Workload); and a preview of the whole
 * DATABASE_DESIGN.md as it will be exported (derived sections always current, mermaid rendered in the
 * browser with securityLevel strict). Self-contained: reads and edits the editor store through
 * useEditor; mount it inside the editor's store provider.
 *
 * The preview regenerates from the document after typing pauses (a 1,000-table document takes a few
 * hundred milliseconds to generate) and only while the preview is shown.
 */
import './design-doc.css';
import { useDeferredValue, useEffect, useMemo, useState } from 'react';
import { narrativeSectionKeys, type Dialect, type SchemaDocument } from '@/lib/model/document';
import { generateDesignDoc } from '@/lib/design-doc/generate-design-doc';
import type { WorkloadAdvice } from '@/lib/workload/advice';
import { useEditor } from '@/components/editor/store/editor-store';
import { Tabs } from '@/components/ui/tabs';
import { SelectField } from '@/components/ui/select';
import { DesignDocExportActions } from './export-actions';
import { MarkdownPreview } from './markdown-preview';
import { NarrativeEditor } from './narrative-editor';
import { QueryPatterns } from './query-patterns';
import { RequirementsForm } from './requirements-form';
import { ReviewSignoff } from './governance/review-signoff';
import { DecisionsEditor } from './governance/decisions-editor';
import { RisksEditor } from './governance/risks-editor';
import { WorkloadGrid } from './workload-grid';
import { useSectionCommentMarkers } from '@/components/editor/comments/section-markers';
import { DIALECT_LIST } from '@/lib/dialects/dialects';

/** Every dialect, from the one list of dialect records. */
const DIALECT_OPTIONS = DIALECT_LIST.map((d) => ({ value: d.name, label: d.label }));

type View = 'edit' | 'workload' | 'preview';

const PREVIEW_DELAY_MS = 400;

/** The generated document, recomputed after the inputs stay unchanged for a moment. */
function useDesignDocMarkdown(doc: SchemaDocument, dialect: Dialect, active: boolean, projectName: string | undefined, adviceByDialect: Partial<Record<Dialect, WorkloadAdvice>>): string | undefined {
  const deferred = useDeferredValue(doc);
  const [markdown, setMarkdown] = useState<string | undefined>();
  useEffect(() => {
    if (!active) return;
    // The advisor's verdicts speak for the dialect they were computed in only.
    const verdicts = adviceByDialect[dialect];
    const timer = setTimeout(() => setMarkdown(generateDesignDoc(deferred, { dialect, projectName, advice: verdicts })), PREVIEW_DELAY_MS);
    return () => clearTimeout(timer);
  }, [deferred, dialect, active, projectName, adviceByDialect]);
  return markdown;
}

export function DesignDocTab() {
  const doc = useEditor((s) => s.doc);
  const storeDialect = useEditor((s) => s.dialect);
  const [dialect, setDialect] = useState<Dialect>(storeDialect);
  // Read-only (a viewer, a share link): the document opens on its preview; the forms are disabled.
  const readOnly = useEditor((s) => s.readOnly);
  const [view, setView] = useState<View>(readOnly ? 'preview' : 'edit');
  const projectName = useEditor((s) => s.name);
  // The last "Check patterns" answer: shown beside each pattern and in the preview's Query Patterns.
  const [advice, setAdvice] = useState<WorkloadAdvice | undefined>();
  const adviceByDialect = useMemo<Partial<Record<Dialect, WorkloadAdvice>>>(() => (advice ? { [advice.dialect]: advice } : {}), [advice]);
  const markdown = useDesignDocMarkdown(doc, dialect, view === 'preview', projectName, adviceByDialect);
  const commentMarkers = useSectionCommentMarkers();
  return (
    <div className="flex h-full min-h-0 flex-col gap-2 overflow-hidden p-3" data-testid="design-doc-tab">
      <div className="flex items-end justify-between gap-2">
        <Tabs
          label="Design document"
          idPrefix="design-doc"
          items={[{ value: 'edit', label: 'Edit' }, { value: 'workload', label: 'Workload' }, { value: 'preview', label: 'Preview' }]}
          value={view}
          onValueChange={setView}
        />
        <div className="flex items-start gap-2">
          <DesignDocExportActions doc={doc} dialect={dialect} projectName={projectName} />
          <SelectField
            label="Dialect"
            inline
            value={dialect}
            options={DIALECT_OPTIONS}
            onValueChange={setDialect}
          />
        </div>
      </div>
      {view === 'edit' ? (
        <fieldset disabled={readOnly !== undefined} title={readOnly} id="design-doc-panel-edit" role="tabpanel" aria-labelledby="design-doc-tab-edit" className="flex min-h-0 min-w-0 flex-1 flex-col gap-4 overflow-auto pr-1">
          <ReviewSignoff />
          <RequirementsForm />
          <QueryPatterns advice={advice} onAdvice={setAdvice} />
          <DecisionsEditor />
          <RisksEditor />
          <section aria-labelledby="design-narrative-title" className="flex flex-col gap-2">
            <h3 id="design-narrative-title" className="text-sm font-semibold">Narrative sections</h3>
            <p className="text-[11px] text-slate-500 dark:text-slate-400">
              Markdown. An empty section is exported with its derived draft when the model or the requirements say something, otherwise as &quot;Not yet decided.&quot;
            </p>
            {narrativeSectionKeys.map((key) => (
              <NarrativeEditor key={key} section={key} />
            ))}
          </section>
        </fieldset>
      ) : view === 'workload' ? (
        <fieldset disabled={readOnly !== undefined} title={readOnly} id="design-doc-panel-workload" role="tabpanel" aria-labelledby="design-doc-tab-workload" className="flex min-h-0 min-w-0 flex-1 flex-col overflow-auto pr-1">
          <WorkloadGrid />
        </fieldset>
      ) : (
        <div id="design-doc-panel-preview" role="tabpanel" aria-labelledby="design-doc-tab-preview" className="min-h-0 flex-1 overflow-auto pr-1">
          {markdown === undefined ? <p className="text-xs text-slate-500">Generating…</p> : <MarkdownPreview markdown={markdown} testId="design-doc-preview" decorate={commentMarkers} />}
        </div>
      )}
    </div>
  );
}
