// The new-ticket form's own strings, in its chunk (widget-ticket-form.js). Same locales as index.ts.
const en = {
  category: 'Category',
  urgency: 'Urgency',
  description: 'Description',
  submit: 'Send ticket',
  required: 'Please describe the problem.',
  left: '{n} characters left',
};
const ar: typeof en = {
  category: 'الفئة',
  urgency: 'الأولوية',
  description: 'الوصف',
  submit: 'إرسال التذكرة',
  required: 'يرجى وصف المشكلة.',
  left: 'بقي {n} حرفا',
};

export const formStrings = (dir: 'ltr' | 'rtl') => (dir === 'rtl' ? ar : en);
