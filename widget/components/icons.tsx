// Inline icons (stroke paths, 24×24). Decorative: their buttons carry the label.
const PATHS = {
  back: 'M15 5l-7 7 7 7',
  close: 'M6 6l12 12M18 6L6 18',
  send: 'M4 12l16-8-6 16-2-6-8-2z',
  clip: 'M20 11l-8 8a5 5 0 01-7-7l8-8a3 3 0 014 4l-8 8a1 1 0 01-2-2l7-7',
};

export function Icon({ name, flip }: { name: keyof typeof PATHS; flip?: boolean }) {
  return (
    <svg viewBox="0 0 24 24" aria-hidden="true" class={flip ? 'flip' : undefined}>
      <path d={PATHS[name]} />
    </svg>
  );
}
