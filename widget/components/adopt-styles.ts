// The attachments' CSS joins the shadow root it is drawn in, once: one stylesheet however many
// messages carry files (a <style> per message would repeat it).
import css from '../attachments.styles.ts';

let sheet: CSSStyleSheet | undefined;

/** A ref callback for the chunk's outermost elements. */
export function adoptStyles(el: Element | null) {
  const root = el?.getRootNode() as ShadowRoot | Document | undefined;
  if (!root?.adoptedStyleSheets) return;
  if (!sheet) (sheet = new CSSStyleSheet()).replaceSync(css);
  if (!root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
}
