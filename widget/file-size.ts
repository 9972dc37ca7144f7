/** "340 kB", "2.5 MB" in the customer's language (binary units, as the server's upload limit counts). */
export function fileSize(bytes: number, locale: string): string {
  const [n, unit] = bytes < 1048576 ? [Math.max(1, bytes / 1024), 'kilobyte'] : [bytes / 1048576, 'megabyte'];
  return new Intl.NumberFormat(locale, { style: 'unit', unit, maximumFractionDigits: 1 }).format(n);
}
