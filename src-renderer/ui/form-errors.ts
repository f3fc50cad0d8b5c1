/**
 * Turns a refused request into what a GOV.UK form shows: a summary at the top and a message by each field.
 * Main sends per-field messages keyed by input name (e.g. `trainingCompletedOn`); `fieldIds` maps those names to the
 * element each summary link should focus.
 */
import { ApiError } from '../api/client';
import type { SummaryItem } from './ErrorSummary';

export type FormErrors = { summary: SummaryItem[]; fields: Record<string, string> };
export const noErrors: FormErrors = { summary: [], fields: {} };

/** `fallback` names the field a message without fields belongs to (e.g. the password, after bad credentials). */
export function formErrorsFrom(e: unknown, fieldIds: Record<string, string>, fallback?: string): FormErrors {
  if (!(e instanceof ApiError)) return { summary: [{ fieldId: null, text: 'Something went wrong. Try again.' }], fields: {} };
  const fields: Record<string, string> = {};
  const summary: SummaryItem[] = [];
  for (const [key, text] of Object.entries(e.fields)) {
    const name = key.split('.')[0] ?? key;
    if (fields[name]) continue;
    fields[name] = text;
    summary.push({ fieldId: fieldIds[name] ?? null, text });
  }
  // One field and a fuller explanation from main (not the generic "Invalid x: ..." of schema checks): the summary
  // gives the explanation, the field keeps its short instruction.
  const only = summary.length === 1 ? summary[0] : undefined;
  if (only && !e.message.startsWith('Invalid ')) only.text = e.message;
  if (!summary.length) {
    if (fallback) fields[fallback] = e.message;
    summary.push({ fieldId: fallback ? (fieldIds[fallback] ?? null) : null, text: e.message });
  }
  return { summary, fields };
}

/** Errors found before sending (e.g. passwords that differ), in the same shape. */
export function localErrors(found: Array<[name: string, text: string]>, fieldIds: Record<string, string>): FormErrors {
  const fields: Record<string, string> = {};
  const summary: SummaryItem[] = [];
  for (const [name, text] of found) {
    fields[name] = text;
    summary.push({ fieldId: fieldIds[name] ?? null, text });
  }
  return { summary, fields };
}
