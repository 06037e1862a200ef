'use client';
/** A link the server shows once (an invite, a share link): selectable text and a Copy button. */
import { useId, useState } from 'react';
import { Button } from '@/components/ui/button';
import { controlClass } from '@/components/ui/styles';

export function CopyLink({ url, label, testId }: { url: string; label: string; testId: string }) {
  const id = useId();
  const [copied, setCopied] = useState<'yes' | 'no'>();
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url);
      setCopied('yes');
    } catch {
      // No clipboard permission (an insecure origin, a denied prompt): the text is selectable.
      setCopied('no');
    }
  };
  return (
    <div className="flex flex-col gap-1 rounded border border-emerald-300 bg-emerald-50 p-2 dark:border-emerald-800 dark:bg-emerald-950" data-testid={`${testId}-box`}>
      <label htmlFor={id} className="text-[11px] font-medium text-emerald-900 dark:text-emerald-100">
        {label} (shown once: copy it now)
      </label>
      <div className="flex gap-1">
        <input id={id} readOnly value={url} className={controlClass} data-testid={testId} onFocus={(e) => e.currentTarget.select()} />
        <Button variant="primary" onClick={() => void copy()} data-testid={`${testId}-copy`}>
          {copied === 'yes' ? 'Copied' : 'Copy'}
        </Button>
      </div>
      {copied === 'no' && <p className="text-[11px] text-slate-600 dark:text-slate-400">The browser did not allow copying: select the link and copy it.</p>}
    </div>
  );
}
