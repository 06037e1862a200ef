'use client';
/**
 * The project's review rules: each rule on or off and its severity (saved in the document's `review`
 * field with `review.setRule`, one undo step per change). A setting equal to the rule's default is
 * removed rather than stored.
 */
import type { RuleSetting } from '@/lib/model/review-config';
import { settingFor } from '@/lib/review/settings';
import { isRuleEnabled } from '@/lib/review/lint';
import { RULES } from '@/lib/review/rules';
import { ruleCategories, severities, type Rule } from '@/lib/review/types';
import { controlClass, cx } from '@/components/ui/styles';
import { Modal, buttonClass } from '../dialogs/modal';
import { useEditor, useEditorStore } from '../store/editor-store';
import { useToast } from '../toast';
import { SEVERITY_LABEL } from './severity';

export function RulesDialog({ onClose }: { onClose: () => void }) {
  const store = useEditorStore();
  const toast = useToast();
  const config = useEditor((s) => s.doc.review);
  const set = (rule: Rule, change: Partial<RuleSetting>) => {
    const r = store.getState().dispatch({ type: 'review.setRule', ruleId: rule.id, setting: settingFor(rule, config?.rules?.[rule.id], change) });
    if ('error' in r) toast(r.error, 'error');
  };
  return (
    <Modal
      title="Design review rules"
      onClose={onClose}
      testId="rules-dialog"
      actions={
        <button type="button" className={buttonClass} onClick={onClose}>
          Close
        </button>
      }
    >
      <div className="max-h-[60vh] overflow-y-auto text-xs">
        {ruleCategories.map((category) => {
          const rules = RULES.filter((r) => r.category === category);
          if (!rules.length) return null;
          return (
            <section key={category} className="mb-2">
              <h3 className="mb-1 font-semibold capitalize">{category}</h3>
              <ul>
                {rules.map((rule) => {
                  const enabled = isRuleEnabled(rule, config);
                  const severity = config?.rules?.[rule.id]?.severity ?? rule.defaultSeverity;
                  return (
                    <li key={rule.id} data-testid="rule-setting" data-rule={rule.id} className="flex items-center gap-2 py-0.5" title={`${rule.rationale}\n\n${rule.suggestion}`}>
                      <label className="flex min-w-0 flex-1 items-center gap-1.5">
                        <input type="checkbox" className="h-3 w-3 accent-sky-600" checked={enabled} onChange={(e) => set(rule, { enabled: e.target.checked })} />
                        <span className={cx('truncate', !enabled && 'text-slate-400')}>{rule.title}</span>
                        <code className="truncate text-[10px] text-slate-500">{rule.id}</code>
                      </label>
                      <select
                        aria-label={`Severity of ${rule.id}`}
                        className={cx(controlClass, 'shrink-0')}
                        style={{ width: '7rem' }}
                        value={severity}
                        disabled={!enabled}
                        onChange={(e) => {
                          const s = severities.find((x) => x === e.target.value);
                          if (s) set(rule, { severity: s });
                        }}
                      >
                        {severities.map((s) => (
                          <option key={s} value={s}>
                            {SEVERITY_LABEL[s].one}
                            {s === rule.defaultSeverity ? ' (default)' : ''}
                          </option>
                        ))}
                      </select>
                    </li>
                  );
                })}
              </ul>
            </section>
          );
        })}
      </div>
    </Modal>
  );
}
