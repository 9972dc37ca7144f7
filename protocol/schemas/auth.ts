import * as v from 'valibot';
import { LIMITS } from '../limits.ts';
import { text } from './text.ts';

/** `POST /api/auth/login` */
export const LoginBody = v.object({
  email: text(LIMITS.email, { description: 'the account email (any case)' }),
  password: text(LIMITS.password.max, { trim: false, description: 'the password, as typed' }),
}, 'must be a JSON object');
