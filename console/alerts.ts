// Optional alerts for a new ticket besides the drawer: a short chime and a desktop notification.
// Both are opt-in (the choice is remembered in this browser); a blocked audio or notification API is ignored.
const SOUND_KEY = 'parley.console.sound';
let audio: AudioContext | null = null;

export function soundEnabled(): boolean {
  try {
    return localStorage.getItem(SOUND_KEY) === 'on';
  } catch {
    return false;
  }
}

export function setSound(on: boolean): void {
  try {
    localStorage.setItem(SOUND_KEY, on ? 'on' : 'off');
  } catch {
    // Remembered for this page only.
  }
}

/** Two soft rising notes, about a third of a second. */
export function chime(): void {
  try {
    audio ??= new AudioContext();
    const t = audio.currentTime;
    const osc = audio.createOscillator();
    const gain = audio.createGain();
    osc.type = 'sine';
    osc.frequency.setValueAtTime(880, t);
    osc.frequency.setValueAtTime(1320, t + 0.12);
    gain.gain.setValueAtTime(0.0001, t);
    gain.gain.exponentialRampToValueAtTime(0.15, t + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, t + 0.35);
    osc.connect(gain).connect(audio.destination);
    osc.start(t);
    osc.stop(t + 0.4);
  } catch {
    // No audio here; the drawer and the toast still tell.
  }
}

export type DesktopPermission = NotificationPermission | 'unsupported';

export function desktopPermission(): DesktopPermission {
  return 'Notification' in globalThis ? Notification.permission : 'unsupported';
}

export async function askDesktop(): Promise<DesktopPermission> {
  if (!('Notification' in globalThis)) return 'unsupported';
  return Notification.requestPermission();
}

/** Shows a desktop notification while the console's tab is hidden (a visible tab has the toast). */
export function notifyDesktop(title: string, body: string, onClick: () => void): void {
  if (!document.hidden || desktopPermission() !== 'granted') return;
  const n = new Notification(title, { body, tag: title });
  n.onclick = () => {
    focus();
    onClick();
    n.close();
  };
}
