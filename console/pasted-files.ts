// Files in a paste. A screenshot comes from the clipboard as a nameless "image.png": it gets a name a
// person recognises (screenshot.png, screenshot-2.png, ...); a copied file keeps its own name.
const GENERIC = /^(image|blob)?(\.\w+)?$/i;

export function pastedFiles(data: DataTransfer): File[] {
  const files = [...data.items].filter((i) => i.kind === 'file').map((i) => i.getAsFile()).filter((f): f is File => f !== null);
  let shots = 0;
  return files.map((f) => {
    if (!f.type.startsWith('image/') || !GENERIC.test(f.name)) return f;
    const ext = f.type === 'image/jpeg' ? 'jpg' : f.type.slice(6).replace(/\W.*/, '') || 'png';
    shots++;
    return new File([f], `screenshot${shots > 1 ? `-${shots}` : ''}.${ext}`, { type: f.type, lastModified: f.lastModified });
  });
}
