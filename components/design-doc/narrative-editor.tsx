'use client';
/**
 * One narrative section: a Markdown editor with a preview. The text commits on blur as one
 * `design.setNarrative` command; in a live session (issue 19) on every change instead, so the others
 * see it as it is typed and two people typing in one section merge character by character (lib/collab
 * writes the command's text as one replacement between the common prefix and suffix of a Y.Text), and
 * the others see "Ana is typing…" under the section. An empty section is exported as its derived draft when there is one
 * (shown here, with a button to start from it), else as "Not yet decided."
 */
import { useEffect, useId, useLayoutEffect, useRef, useState } from 'react';
import type { NarrativeSectionKey } from '@/lib/model/document';
import { draftFor } from '@/lib/design-doc/drafts';
import { SECTION_TITLES } from '@/lib/design-doc/template';
import { useEditor } from '@/components/editor/store/editor-store';
import { Button } from '@/components/ui/button';
import { controlClass, cx } from '@/components/ui/styles';
import { MarkdownPreview } from './markdown-preview';
import { TypingLine, useLive } from '@/components/editor/collab/live-ui';
import { shiftCaret } from '@/components/editor/collab/text-caret';

export function NarrativeEditor({ section }: { section: NarrativeSectionKey }) {
  const stored = useEditor((s) => s.doc.design.narrative[section] ?? '');
  const doc = useEditor((s) => s.doc);
  const dialect = useEditor((s) => s.dialect);
  const dispatch = useEditor((s) => s.dispatch);
  const [draft, setDraft] = useState(stored);
  const [base, setBase] = useState(stored);
  const [mode, setMode] = useState<'write' | 'preview'>('write');
  const id = useId();
  const live = useLive();
  const area = useRef<HTMLTextAreaElement>(null);
  /** The caret as last seen by the user's own input, with the text it was in. */
  const caret = useRef<{ text: string; start: number; end: number } | undefined>(undefined);
  const noteCaret = (el: HTMLTextAreaElement) => (caret.current = { text: el.value, start: el.selectionStart, end: el.selectionEnd });
  // Adopt outside changes (undo, another editor). In a live session the draft is always committed,
  // so someone else's typing arrives here mid-edit.
  if (base !== stored) {
    setBase(stored);
    setDraft(stored);
  }
  // ...and the caret keeps its place in the text instead of jumping to the end.
  useLayoutEffect(() => {
    const el = area.current;
    const c = caret.current;
    if (!live || !el || !c || c.text === el.value || document.activeElement !== el) return;
    el.setSelectionRange(shiftCaret(c.text, el.value, c.start), shiftCaret(c.text, el.value, c.end));
    noteCaret(el);
  }, [draft, live]);
  // Leaving the editor stops the "typing" line the others see.
  useEffect(() => () => live?.setTyping(null), [live]);
  const derived = stored.trim() === '' ? draftFor(section, doc, dialect) : undefined;
  const commit = (text: string) => {
    if (text !== stored) dispatch({ type: 'design.setNarrative', section, markdown: text });
  };
  const title = SECTION_TITLES[section];
  return (
    <section aria-labelledby={`${id}-title`} data-section={section} className="flex flex-col gap-1 rounded border border-slate-200 p-2 dark:border-slate-700">
      <div className="flex items-center justify-between gap-2">
        <h4 id={`${id}-title`} className="text-xs font-semibold">{title}</h4>
        <div className="flex gap-1" role="group" aria-label={`${title} editor mode`}>
          <Button variant={mode === 'write' ? 'primary' : 'ghost'} aria-pressed={mode === 'write'} onClick={() => setMode('write')}>Write</Button>
          <Button variant={mode === 'preview' ? 'primary' : 'ghost'} aria-pressed={mode === 'preview'} onClick={() => setMode('preview')}>Preview</Button>
        </div>
      </div>
      {mode === 'write' ? (
        <textarea
          aria-label={`${title} (Markdown)`}
          className={cx(controlClass, 'min-h-20 font-mono')}
          rows={5}
          ref={area}
          value={draft}
          placeholder={derived ? 'Empty: the export uses the derived draft below.' : 'Empty: the export says "Not yet decided."'}
          onSelect={(e) => noteCaret(e.currentTarget)}
          onChange={(e) => {
            noteCaret(e.currentTarget);
            setDraft(e.target.value);
            if (!live) return;
            live.setTyping(section);
            commit(e.target.value);
          }}
          onBlur={(e) => {
            live?.setTyping(null);
            commit(e.target.value);
          }}
        />
      ) : (
        <MarkdownPreview markdown={draft.trim() ? draft : (derived ?? '_Not yet decided._')} className="rounded bg-slate-50 p-2 dark:bg-slate-900" />
      )}
      {live && <TypingLine section={section} />}
      {derived && (
        <div className="flex items-start justify-between gap-2 text-[11px] text-slate-500 dark:text-slate-400">
          <div className="min-w-0 flex-1" data-testid="narrative-draft">
            <p>Derived draft (as the export renders it):</p>
            <MarkdownPreview markdown={derived} className="rounded bg-slate-50 p-1.5 dark:bg-slate-900" />
          </div>
          <Button
            onClick={() => {
              setDraft(derived);
              commit(derived);
            }}
          >
            Start from draft
          </Button>
        </div>
      )}
    </section>
  );
}
