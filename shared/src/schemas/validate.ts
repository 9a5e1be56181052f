import * as v from 'valibot';
import type { FieldIssue } from '../errors/codes';

export type Validation<T> = { ok: true; value: T } | { ok: false; issues: FieldIssue[] };

/**
 * Runs a schema and returns every problem at once, one per field (its first), in plain Chinese.
 * Pipes are not aborted early: a rule across fields (`partialCheck`, e.g. text or a voice clip)
 * must still be judged when some other field is wrong.
 */
export function validate<S extends v.GenericSchema>(
  schema: S,
  input: unknown,
): Validation<v.InferOutput<S>> {
  const result = v.safeParse(schema, input);
  if (result.success) return { ok: true, value: result.output };
  const seen = new Set<string>();
  const issues: FieldIssue[] = [];
  for (const issue of result.issues) {
    const field = v.getDotPath(issue) ?? '';
    if (seen.has(field)) continue;
    seen.add(field);
    issues.push({ field, message: messageOf(schema, issue) });
  }
  return { ok: false, issues };
}

/** The first message for one field, for showing under that input. */
export function issueFor(issues: readonly FieldIssue[], field: string): string | undefined {
  return issues.find((i) => i.field === field)?.message;
}

type Walkable = {
  entries?: Record<string, unknown>;
  item?: unknown;
  wrapped?: unknown;
  message?: unknown;
};

/**
 * A missing key gets valibot's generic English "Invalid key" message; use the message the field's
 * own schema declares instead, so the person sees e.g. 请填写诉求内容.
 */
function messageOf(root: v.GenericSchema, issue: v.BaseIssue<unknown>): string {
  const missingKey =
    issue.kind === 'schema' && issue.type === 'object' && issue.input === undefined;
  if (!missingKey || !issue.path) return issue.message;
  let node = root as Walkable | undefined;
  for (const step of issue.path) {
    const key = (step as { key?: unknown }).key;
    node = node?.wrapped ? (node.wrapped as Walkable) : node;
    node = (typeof key === 'string' ? node?.entries?.[key] : node?.item) as Walkable | undefined;
  }
  return typeof node?.message === 'string' ? node.message : '请填写这一项';
}
