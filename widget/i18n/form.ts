// The new-ticket form's own strings, in its chunk (widget-ticket-form.js). Same locales as index.ts.
const en = {
  category: 'Category',
  urgency: 'Urgency',
  description: 'Description',
  submit: 'Send ticket',
  required: 'Please describe the problem.',
  left: '{n} characters left',
  email: 'Email (for our reply)',
  emailOptional: 'Email (optional, for our reply)',
  emailRequired: 'Please give an email so we can reply.',
  emailInvalid: 'This email address does not look right.',
  transcript: 'Email me a transcript when this is closed',
  willRetry: 'Your ticket is kept and sent once you are back online.',
  badRequest: 'Please check the form: {m}',
};
const ar: typeof en = {
  category: 'الفئة',
  urgency: 'الأولوية',
  description: 'الوصف',
  submit: 'إرسال التذكرة',
  required: 'يرجى وصف المشكلة.',
  left: 'بقي {n} حرفا',
  email: 'البريد الإلكتروني (لردنا)',
  emailOptional: 'البريد الإلكتروني (اختياري، لردنا)',
  emailRequired: 'يرجى إدخال بريد إلكتروني لنتمكن من الرد.',
  emailInvalid: 'عنوان البريد الإلكتروني هذا لا يبدو صحيحا.',
  transcript: 'أرسل لي نص المحادثة بالبريد عند إغلاقها',
  willRetry: 'تذكرتك محفوظة وستُرسل عند عودة الاتصال.',
  badRequest: 'راجع النموذج: {m}',
};

export const formStrings = (dir: 'ltr' | 'rtl') => (dir === 'rtl' ? ar : en);
