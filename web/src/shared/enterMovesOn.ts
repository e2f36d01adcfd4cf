import type { KeyboardEvent } from 'react';

/**
 * Counter forms are filled fast and often by a barcode or QR scanner, which ends its input with Enter:
 * Enter in a field moves to the next field instead of submitting the form. Put it on the form's
 * onKeyDown. Buttons marked data-enter-stop are stops too (the form's main button), so Enter from the
 * last field lands there and a second Enter presses it. An open dropdown keeps its Enter (choosing
 * an option), and textareas keep theirs (new lines).
 */
export function enterMovesOn(event: KeyboardEvent<HTMLElement>) {
  if (event.key !== 'Enter' || event.defaultPrevented || event.nativeEvent.isComposing) return;
  if (event.ctrlKey || event.metaKey || event.altKey) return;
  const target = event.target;
  if (!(target instanceof HTMLInputElement)) return;
  if (['button', 'submit', 'reset', 'file', 'image'].includes(target.type)) return;
  if (target.getAttribute('aria-expanded') === 'true') return;
  event.preventDefault();
  focusNext(event.currentTarget, target, event.shiftKey ? -1 : 1);
}

function isStop(el: HTMLElement): boolean {
  if (el.hasAttribute('disabled') || el.tabIndex < 0 || el.getClientRects().length === 0) return false;
  if (el instanceof HTMLInputElement) {
    if (el.type === 'hidden' || el.readOnly && !el.hasAttribute('aria-haspopup')) return false;
    if (el.type === 'radio' && !el.checked) return false;
  }
  return true;
}

/** Focuses the field after (or before) `from` within `scope`. */
export function focusNext(scope: HTMLElement, from: HTMLElement, step = 1) {
  const stops = [...scope.querySelectorAll<HTMLElement>('input, textarea, button[data-enter-stop]')].filter(isStop);
  const index = stops.indexOf(from);
  if (index >= 0) stops[index + step]?.focus();
}
