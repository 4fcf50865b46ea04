/**
 * Configuration read once, at init. A missing variable fails the cold start with its name,
 * instead of failing some later request in a way nobody can trace back.
 */
export function requireEnv(name: string): string {
  const value = process.env[name];
  if (value === undefined || value === '') {
    throw new Error(`Missing required environment variable ${name}`);
  }
  return value;
}
