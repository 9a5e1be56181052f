/**
 * Text typed into a search box, as a LIKE pattern that finds it anywhere: `%` and `_` in it are
 * searched for, not wildcards. Use with `ESCAPE '!'` (one escape character both dialects accept).
 */
export function containsPattern(s: string): string {
  return `%${s.replace(/[!%_]/g, (c) => `!${c}`)}%`;
}
