// The attachments' strings, in their chunk (widget-attachments.js). Same locales as index.ts.
const en = {
  cancel: 'Cancel {name}',
  remove: 'Remove {name}',
  progress: 'Uploading {name}',
  tooLarge: 'Too large: a file can be up to {n} MB.',
  notAllowed: 'This type of file cannot be sent. Images, PDF, text, CSV, zip and office files can.',
  max: 'At most {n} files per message.',
  open: 'Open {name} full size',
};
const ar: typeof en = {
  cancel: 'إلغاء {name}',
  remove: 'إزالة {name}',
  progress: 'جار رفع {name}',
  tooLarge: 'الملف كبير جدا: الحد الأقصى {n} ميغابايت.',
  notAllowed: 'لا يمكن إرسال هذا النوع من الملفات. يمكن إرسال الصور وPDF والنصوص وCSV وzip وملفات المكتب.',
  max: '{n} ملفات على الأكثر في الرسالة.',
  open: 'فتح {name} بالحجم الكامل',
};

export const attachmentStrings = (dir: 'ltr' | 'rtl') => (dir === 'rtl' ? ar : en);
