// Keyboard shortcuts: one list (shown by `?`), one rule for when they fire, and a controller that
// binds a host element's handlers to the window while it is connected.
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export const SHORTCUTS: readonly { keys: string[]; does: string }[] = [
  { keys: ['j', 'k'], does: 'Move down / up in a table' },
  { keys: ['Enter'], does: 'Open the selected ticket' },
  { keys: ['a'], does: 'Accept the selected or shown ticket' },
  { keys: ['r'], does: 'Reply: put the cursor in the message field' },
  { keys: ['n'], does: 'Note: write an internal note (staff only)' },
  { keys: ['/'], does: 'Search tickets and conversations' },
  { keys: ['?'], does: 'List these shortcuts' },
  { keys: ['Escape'], does: 'Close a dialog or list' },
];

const FIELDS = new Set(['INPUT', 'TEXTAREA', 'SELECT']);

/** True when the event comes from a place that takes typing: a field, an editable element or an open dialog's controls. */
export function fromField(e: Event): boolean {
  return e.composedPath().some((n) => n instanceof HTMLElement && (FIELDS.has(n.tagName) || n.isContentEditable));
}

/** True when the event comes from a button or link, whose own Enter must keep working. */
export function fromControl(e: Event): boolean {
  return e.composedPath().some((n) => n instanceof HTMLButtonElement || n instanceof HTMLAnchorElement);
}

/** The shortcut key of a keydown, or null when it must not act as one (typing in a field, a modifier held, already handled). */
export function shortcutKey(e: KeyboardEvent): string | null {
  if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || e.isComposing || fromField(e)) return null;
  return e.key;
}

export type ShortcutHandlers = Partial<Record<string, (e: KeyboardEvent) => boolean | void>>;

/**
 * Listens on the window while the host is connected. A handler that returns false did not use the
 * key (it falls through to the browser); any other return value consumes it.
 */
export class ShortcutController implements ReactiveController {
  private handlers: () => ShortcutHandlers;
  private onKey = (e: KeyboardEvent) => {
    const key = shortcutKey(e);
    const run = key === null ? undefined : this.handlers()[key];
    if (run && run(e) !== false) e.preventDefault();
  };

  constructor(host: ReactiveControllerHost, handlers: () => ShortcutHandlers) {
    this.handlers = handlers;
    host.addController(this);
  }

  hostConnected(): void {
    addEventListener('keydown', this.onKey);
  }

  hostDisconnected(): void {
    removeEventListener('keydown', this.onKey);
  }
}
