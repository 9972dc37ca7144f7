// The rating form's strings, in its own chunk (loaded only for a closed ticket). Same locales as index.ts.
const en = {
  ask: 'How was this conversation?',
  star: '{n} of 5',
  comment: 'Anything to add? (optional)',
  submit: 'Send rating',
  thanks: 'You rated this conversation {n} of 5. Thank you!',
};
const ar: typeof en = {
  ask: 'كيف كانت هذه المحادثة؟',
  star: '{n} من 5',
  comment: 'هل تريد إضافة شيء؟ (اختياري)',
  submit: 'إرسال التقييم',
  thanks: 'قيّمت هذه المحادثة {n} من 5. شكرا لك!',
};

export const ratingStrings = (dir: 'ltr' | 'rtl') => (dir === 'rtl' ? ar : en);
