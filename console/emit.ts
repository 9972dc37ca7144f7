// One typed way to send a console event: bubbling and composed, so it crosses shadow roots up to the app.
export function emit<T>(from: EventTarget, name: `parley-${string}`, detail?: T): boolean {
  return from.dispatchEvent(new CustomEvent<T>(name, { detail, bubbles: true, composed: true, cancelable: true }));
}
