'use client';
/**
 * Rendered Markdown (sanitized) with mermaid diagrams drawn in the browser.
 */
import './design-doc.css';
import { useEffect, useMemo, useRef } from 'react';
import { cx } from '@/components/ui/styles';
import { markdownToSafeHtml, renderMermaidBlocks } from './render-markdown';

export function MarkdownPreview({ markdown, className, testId }: { markdown: string; className?: string; testId?: string }) {
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
  return <div ref={ref} data-testid={testId} className={cx('design-doc-markdown text-sm leading-relaxed', className)} />;
}
