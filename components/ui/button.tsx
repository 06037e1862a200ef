'use client';
import type { ButtonHTMLAttributes } from 'react';
import { cx } from './styles';

export type ButtonVariant = 'default' | 'primary' | 'danger' | 'ghost';

const variants: Record<ButtonVariant, string> = {
  default:
    'border border-slate-300 bg-white text-slate-800 hover:bg-slate-100 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-100 dark:hover:bg-slate-700',
  primary: 'border border-sky-600 bg-sky-600 text-white hover:bg-sky-700 dark:border-sky-500 dark:bg-sky-600 dark:hover:bg-sky-500',
  danger:
    'border border-red-300 bg-white text-red-700 hover:bg-red-50 dark:border-red-700 dark:bg-slate-800 dark:text-red-300 dark:hover:bg-red-950',
  ghost: 'border border-transparent text-slate-700 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800',
};

export interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  variant?: ButtonVariant;
  size?: 'xs' | 'sm';
}

/** A compact button; `type="button"` by default so it never submits a surrounding form by accident. */
export function Button({ variant = 'default', size = 'xs', className, type = 'button', ...rest }: ButtonProps) {
  return (
    <button
      type={type}
      className={cx(
        'inline-flex items-center justify-center gap-1 rounded font-medium focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-500 disabled:cursor-not-allowed disabled:opacity-50',
        size === 'xs' ? 'px-1.5 py-0.5 text-xs' : 'px-2.5 py-1 text-sm',
        variants[variant],
        className,
      )}
      {...rest}
    />
  );
}

/** A square icon-sized button; `label` is its accessible name (and tooltip). */
export function IconButton({ label, className, ...rest }: Omit<ButtonProps, 'aria-label'> & { label: string }) {
  return <Button variant="ghost" aria-label={label} title={label} className={cx('h-5 w-5 px-0 py-0', className)} {...rest} />;
}
