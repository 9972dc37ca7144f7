// widget-attachments.js: everything of attachments but the eager hooks in attach.ts (the paperclip,
// paste and drop hand files here; message-list draws Files only for messages that have some).
export { add } from '../upload.ts';
export { Files } from './attachment-files.tsx';
export { Tray } from './upload-tray.tsx';
