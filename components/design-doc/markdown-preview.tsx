'use client';
/**
 * Rendered Markdown (sanitized) with mermaid diagrams drawn in the browser.
 */
import './design-doc.css';
import { useEffect, useMemo, useRef } from 'react';
import { cx } from '@/components/ui/styles';
import { markdownToSafeHtml, renderMermaidBlocks } from './render-markdown';

/** `decorate` adds to the rendered HTML (the review comments' heading markers); it runs after every render of it. */
export function MarkdownPreview({ markdown, className, testId, decorate }: { markdown: string; className?: string; testId?: string; decorate?: (root: HTMLElement) => void }) {
  const html = useMemo(() => markdownToSafeHtml(markdown), [markdown]);
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const root = ref.current;
    if (!root) return;
    let stale = false;
    root.innerHTML = html;
    void renderMermaidBlocks(root, () => stale).then(() => {
      if (!stale) root.dataset.rendered = 'true';
    });
    return () => {
      stale = true;
      delete root.dataset.rendered;
    };
  }, [html]);
  useEffect(() => {
    if (ref.current && decorate) decorate(ref.current);
  }, [html, decorate]);
  return <div ref={ref} data-testid={testId} className={cx('design-doc-markdown text-sm leading-relaxed', className)} />;
}
