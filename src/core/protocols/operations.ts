// Failed operations of one batched exchange, capped: the first MAX_OPERATIONS are listed, the rest counted.
import type { Extracted, OperationFailure } from '../types';

/** Most failed operations listed per exchange. */
export const MAX_OPERATIONS = 100;
/** Most batch elements read; a longer batch is read up to here and the rest is counted in a note. */
export const MAX_BATCH_ELEMENTS = 10_000;

export class OperationList {
  readonly list: OperationFailure[] = [];
  omitted = 0;
  failed = 0;

  add(op: OperationFailure): void {
    this.failed++;
    if (this.list.length < MAX_OPERATIONS) this.list.push(op);
    else this.omitted++;
  }

  /** The exchange-level summary: the first failed operation's code and message, with the batch attached. */
  summary(
    total: number,
    read: number,
    protocolName: string,
  ): Pick<Extracted, 'operations' | 'operationsOmitted' | 'operationCount' | 'notes'> {
    const notes = [`${protocolName} batch of ${total} operation${total === 1 ? '' : 's'}: ${this.failed} failed`];
    if (read < total)
      notes.push(`${protocolName} batch read up to operation ${read} of ${total}; ${total - read} not examined`);
    if (this.omitted)
      notes.push(
        `${this.omitted} more failed operation${this.omitted === 1 ? '' : 's'} not listed (first ${MAX_OPERATIONS} shown)`,
      );
    return { operations: this.list, operationsOmitted: this.omitted, operationCount: total, notes };
  }
}

/** A request id or path as short text (numbers and strings only). */
export function idText(value: unknown, max = 200): string | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value !== 'string' || value === '') return undefined;
  return value.length > max ? `${value.slice(0, max - 1)}…` : value;
}
