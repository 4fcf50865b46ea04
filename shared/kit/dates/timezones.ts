import * as z from '../schema';
/** True for an IANA time zone name the runtime knows (e.g. "Europe/Berlin", "UTC"). */
export function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/** An IANA time zone name, as a request or stored field. */
export const timeZone = z.lazily(() =>
  z
    .string()
    .check(z.minLength(1), z.maxLength(64), z.refine(isTimeZone, 'is not an IANA time zone such as "Europe/Berlin"')),
);
