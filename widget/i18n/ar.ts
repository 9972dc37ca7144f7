// Arabic (right-to-left): the panel mirrors through dir="rtl" and logical CSS properties.
import type { Strings } from './en.ts';

const ar: Strings = {
  dir: 'rtl',
  title: 'الدعم',
  close: 'إغلاق',
  launcherUnread: '{title}، {n} غير مقروءة',
  back: 'رجوع',
  startNew: 'ابدأ محادثة جديدة',
  urgencies: { low: 'منخفضة', medium: 'متوسطة', high: 'عالية', urgent: 'عاجلة' },
  send: 'إرسال',
  attach: 'إرفاق ملفات',
  status: { open: 'مفتوحة', assigned: 'مقبولة', rejected: 'مرفوضة', closed: 'مغلقة' },
  notice: {
    assigned: '{name} قبل تذكرتك «{c}».',
    rejected: 'رفضت تذكرتك «{c}».',
    closed: 'أغلقت تذكرتك «{c}».',
  },
  waiting: 'بانتظار الدعم. تبدأ المحادثة عند القبول.',
  closedNote: 'التذكرة مغلقة. السجل باق هنا.',
  replyIn: 'نرد عادة خلال {d}',
  inQueue: 'أنت رقم {n} في قائمة الانتظار.',
  staffOnline: 'نحن متصلون',
  reconnecting: 'إعادة الاتصال…',
  message: 'اكتب رسالة…',
  sending: 'يرسل…',
  sent: 'أرسلت',
  read: 'قرئت',
  failed: 'لم ترسل',
  retry: 'أعد المحاولة',
  newMessages: 'رسائل جديدة ↓',
  resumeFailed: 'انتهت صلاحية هذا الرابط أو لم يعد صالحا. لا يزال بإمكانك مراسلتنا هنا.',
  typing: '{name} يكتب…',
  errors: {
    network: 'تعذر الاتصال بالدعم. تحقق من الشبكة.',
    rate_limited: 'طلبات كثيرة. انتظر قليلا.',
    forbidden: 'هذا الموقع غير مسموح له.',
    unauthorized: 'تعذر تأكيد حسابك. سجل الدخول مجددا.',
    other: 'حدث خطأ. حاول مجددا.',
  },
};
export default ar;
