'use client';
/** One named check constraint (a table's or a domain's): name, remove, expression. */
import type { CheckConstraint } from '@/lib/model/document';
import { IconButton } from '@/components/ui/button';
import { CommitTextField } from '@/components/ui/text-field';
import { ItemCard } from './inspector-parts';

export function CheckCard({
  check,
  index,
  labelPrefix,
  namePlaceholder,
  hint,
  expressionPlaceholder = 'quantity > 0',
  onRename,
  onRemove,
  onExpression,
}: {
  check: CheckConstraint;
  index: number;
  /** "Check" or "Domain check": the start of every accessible label. */
  labelPrefix: string;
  namePlaceholder: string;
  hint?: string;
  expressionPlaceholder?: string;
  /** The trimmed name, or undefined to clear it. */
  onRename(name: string | undefined): void;
  onRemove(): void;
  /** The trimmed expression; empty = not written yet (left out of the DDL, with a diagnostic). */
  onExpression(expression: string): void;
}) {
  const title = `${labelPrefix} ${check.name ?? index + 1}`;
  return (
    <ItemCard label={title}>
      <div className="flex items-end gap-1">
        <CommitTextField className="flex-1" label={`${labelPrefix} name`} value={check.name ?? ''} placeholder={namePlaceholder} onCommit={(text) => onRename(text.trim() || undefined)} />
        <IconButton label={`Remove ${title.charAt(0).toLowerCase()}${title.slice(1)}`} onClick={onRemove}>
          ✕
        </IconButton>
      </div>
      <CommitTextField
        label={`${labelPrefix} expression`}
        monospace
        value={check.expression}
        placeholder={expressionPlaceholder}
        hint={hint}
        onCommit={(text) => onExpression(text.trim())}
      />
    </ItemCard>
  );
}
