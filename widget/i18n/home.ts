// The home screen's strings, in its chunk (widget-home.js). Same locales as index.ts.
const en = {
  greeting: 'Hi! How can we help?',
  newTicket: 'New ticket',
  yourTickets: 'Your tickets',
  noTickets: 'No tickets yet.',
  staffOffline: 'No one is online now. Leave a ticket and we will reply soon.',
};
const ar: typeof en = {
  greeting: 'مرحبا! كيف نساعدك؟',
  newTicket: 'تذكرة جديدة',
  yourTickets: 'تذاكرك',
  noTickets: 'لا توجد تذاكر.',
  staffOffline: 'لا أحد متصل الآن. اترك تذكرة وسنرد قريبا.',
};

export const homeStrings = (dir: 'ltr' | 'rtl') => (dir === 'rtl' ? ar : en);
