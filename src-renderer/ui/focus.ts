/**
 * In-page links (skip link, error summary) must not touch location.hash: the hash holds the current screen.
 * These helpers move focus instead, which is what the link is for.
 */
import type { MouseEvent } from 'react';

export function focusById(id: string): void {
  const el = document.getElementById(id);
  if (!el) return;
  if (!el.hasAttribute('tabindex') && !/^(INPUT|SELECT|TEXTAREA|BUTTON|A)$/.test(el.tagName)) {
    el.setAttribute('tabindex', '-1');
  }
  el.focus();
  el.scrollIntoView({ block: 'center' });
}

export function inPageLink(id: string) {
  return (e: MouseEvent<HTMLAnchorElement>) => {
    e.preventDefault();
    focusById(id);
  };
}
